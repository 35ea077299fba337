// Believable values for previewing a template without a case: a garden-centre customer whose
// watering timer leaks, a promise on a real date, a tracking link as long as a real one (so an
// SMS preview counts true segments).
import type { Config } from '../../platform/config.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { formatDateTime, promiseText } from '../sla/deadline-text.ts';
import { metricLabel, nextStepSentence, promiseSentence, stepSentence } from './notifications.catalog.ts';

const DEADLINE = Date.parse('2026-04-07T17:00:00+02:00');
const OPENED = Date.parse('2026-04-03T17:00:00+02:00');
const ZONE = 'Europe/Paris';
/** The length of a real tracking token (256 bits, base64url). */
const SAMPLE_TOKEN = 'q7Rk2mZp9TfWcX4bN8eLdA1sYhJ6uV0oGiK3nM5rB2w';
/** As long as a real survey link's token (case, solving time, signature). */
const SAMPLE_SURVEY_TOKEN = 'AZayn_Ue8c_pLkT3bRx9Qwmo2k8f1c.Xv3nR8pQ2kLm5tWz7bYc4dFg6hJ9sA1eD0uK2iO3rT4';
/** Thirty days after the sample case was solved: the default reopening window. */
const REOPEN_UNTIL = Date.parse('2026-05-07T17:00:00+02:00');

/** The sample promise ("au plus tard le mardi 7 avril 2026 à 17:00"). */
export const samplePromise = (language: Language) => promiseText(DEADLINE, ZONE)[language];

export function sampleVariables(config: Pick<Config, 'http'>, language: Language): Record<string, string> {
  const fr = language === 'fr';
  const promise = promiseText(DEADLINE, ZONE)[language];
  const next = fr ? 'Restitution' : 'Handed back';
  return {
    'case.number': 'SAV-2026-000123',
    'case.subject': fr ? 'Programmateur d’arrosage qui fuit' : 'Leaking watering timer',
    'case.product': 'Gardena Flex',
    'case.openedAt': formatDateTime(OPENED, ZONE, language),
    'case.url': `${config.http.publicUrl}/cases/0196b2a4-6f1e-7c3a-9d2e-5b8f4a1c7e90`,
    'customer.name': 'Jérôme Martin',
    'brand.name': 'Jardin & Maison',
    'store.name': 'Jardin & Maison Lyon Vaise',
    'tracking.url': `${config.http.publicUrl}/t/${SAMPLE_TOKEN}`,
    'promise.text': promiseSentence(language, 'first_reply', promise),
    'promise.deadline': formatDateTime(DEADLINE, ZONE, language),
    'step.label': fr ? 'Réparation' : 'Repair',
    'step.text': stepSentence(language, 'repair'),
    'next.step': next,
    'next.text': nextStepSentence(language, next, promise),
    message: fr
      ? 'Bonjour Jérôme,\n\nLa pièce est arrivée ce matin et notre atelier a remplacé la vanne de votre programmateur. Vous pouvez le récupérer dès demain au magasin de Lyon Vaise.\n\nCamille\nService client Jardin & Maison'
      : 'Hello Jérôme,\n\nThe part arrived this morning and our workshop replaced the valve of your timer. You can collect it from the Lyon Vaise store from tomorrow.\n\nCamille\nJardin & Maison customer service',
    'agent.firstName': 'Camille',
    'sla.metric': metricLabel(language, 'first_reply'),
    'sla.deadline': formatDateTime(DEADLINE, ZONE, language),
    'team.name': fr ? 'SAV e-commerce' : 'E-commerce after-sales',
    'assignee.name': 'Camille Durand',
    'closing.summary': fr
      ? 'Dernière étape de votre dossier : Réparation terminée.\nNotre dernière réponse : « La pièce est arrivée ce matin et notre atelier a remplacé la vanne de votre programmateur. »'
      : 'Last step of your case: Repair done.\nOur last answer: "The part arrived this morning and our workshop replaced the valve of your timer."',
    'help.text': fr
      ? 'Pour bien profiter de votre Gardena Flex :\n- Programmer l’arrosage : https://www.gardena.com/fr/aide/programmateur-flex'
      : 'To get the most out of your Gardena Flex:\n- Programming the timer: https://www.gardena.com/en/help/flex-timer',
    'survey.url': `${config.http.publicUrl}/s/${SAMPLE_SURVEY_TOKEN}`,
    'reopen.text': fr
      ? `Le problème revient ? Répondez simplement à ce message d’ici le ${formatDateTime(REOPEN_UNTIL, ZONE, language)} : nous rouvrirons votre dossier.`
      : `Is the problem back? Simply reply to this message by ${formatDateTime(REOPEN_UNTIL, ZONE, language)} and we will reopen your case.`,
    'reopen.until': formatDateTime(REOPEN_UNTIL, ZONE, language),
    transcript: fr
      ? '[14:02] Vous : Bonjour, mon programmateur fuit.\n[14:03] Camille : Bonjour Jérôme, avez-vous la facture ?'
      : '[14:02] You: Hello, my watering timer leaks.\n[14:03] Camille: Hello Jérôme, do you have the invoice?',
  };
}
