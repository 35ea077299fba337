// The sentences messages are built from, in French and English: the promise, the next step,
// what each SAV step means for the customer, the SLA metrics as agents read them.
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';

registerCatalog({
  fr: {
    'notify.promise.first_reply': 'Nous vous répondrons {promise}.',
    'notify.promise.resolution': 'Nous nous engageons à traiter votre demande {promise}.',
    'notify.promise.update': 'Nous reviendrons vers vous {promise}.',
    'notify.next.dated': 'Prochaine étape : {step}, prévue {promise}.',
    'notify.next.undated': 'Prochaine étape : {step}.',
    'notify.step.intake': 'Votre demande est prise en charge par notre équipe.',
    'notify.step.diagnosis': 'Un technicien examine votre produit pour trouver l’origine du problème.',
    'notify.step.quote_pending': 'Un devis vous attend : nous lançons la réparation dès votre accord.',
    'notify.step.awaiting_part': 'Nous avons commandé la pièce nécessaire ; la réparation commencera dès sa réception.',
    'notify.step.repair': 'Nous avons tout ce qu’il faut : la réparation est en cours.',
    'notify.step.exchange': 'Nous préparons l’échange de votre produit.',
    'notify.step.credit_note': 'Nous établissons votre avoir.',
    'notify.step.refund': 'Votre remboursement est en cours.',
    'notify.step.returned': 'Votre produit est prêt à vous être rendu.',
    'notify.step.closed': 'Votre dossier est clôturé. Merci de votre confiance.',
    'notify.metric.first_reply': 'première réponse',
    'notify.metric.next_reply': 'réponse suivante',
    'notify.metric.resolution': 'résolution',
    'notify.unassigned': 'personne pour l’instant',
  },
  en: {
    'notify.promise.first_reply': 'We will answer you {promise}.',
    'notify.promise.resolution': 'We commit to dealing with your request {promise}.',
    'notify.promise.update': 'We will get back to you {promise}.',
    'notify.next.dated': 'Next step: {step}, expected {promise}.',
    'notify.next.undated': 'Next step: {step}.',
    'notify.step.intake': 'Our team has taken charge of your request.',
    'notify.step.diagnosis': 'A technician is examining your product to find the cause of the problem.',
    'notify.step.quote_pending': 'A quote is waiting for you: we start the repair as soon as you approve it.',
    'notify.step.awaiting_part': 'We have ordered the part needed; the repair starts as soon as it arrives.',
    'notify.step.repair': 'We have everything we need: the repair is under way.',
    'notify.step.exchange': 'We are preparing the exchange of your product.',
    'notify.step.credit_note': 'We are issuing your credit note.',
    'notify.step.refund': 'Your refund is under way.',
    'notify.step.returned': 'Your product is ready to be handed back to you.',
    'notify.step.closed': 'Your case is closed. Thank you for your trust.',
    'notify.metric.first_reply': 'first reply',
    'notify.metric.next_reply': 'next reply',
    'notify.metric.resolution': 'resolution',
    'notify.unassigned': 'nobody yet',
  },
});

/** What a step means for the customer; empty for steps an admin added without a sentence. */
export function stepSentence(language: Language, stepKey: string | null): string {
  const key = `notify.step.${stepKey}`;
  const text = stepKey ? t(language, key) : '';
  return text === key ? '' : text;
}

/** "Nous vous répondrons au plus tard le …." from a clock's promise ("au plus tard le …"). */
export function promiseSentence(language: Language, kind: 'first_reply' | 'resolution' | 'update', promise: string): string {
  return t(language, `notify.promise.${kind}`, { promise });
}

/** "Prochaine étape : Réparation, prévue au plus tard le …." (without a date when none runs). */
export function nextStepSentence(language: Language, step: string, promise: string | null): string {
  return promise ? t(language, 'notify.next.dated', { step, promise }) : t(language, 'notify.next.undated', { step });
}

export function metricLabel(language: Language, metric: string): string {
  return t(language, `notify.metric.${metric}`);
}

export function nobody(language: Language): string {
  return t(language, 'notify.unassigned');
}
