// What the customer sees of a workflow on the tracking page (and in the tracking API): the
// latest return, exchange, repair or refund that is running or done — the RMA number, the
// store to drop the product at or the return label to print, where the repair stands, and
// the refund with the day it is due by. A failed or cancelled workflow shows nothing: the
// case's steps already say where it stands.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import { store } from '../org/org.schema.ts';
import { formatMoney } from './workflow-documents.ts';
import type { TrackedWorkflow } from './workflows.contract.ts';
import { refund, returnAuthorisation, workflow, workflowStep } from './workflows.schema.ts';

registerCatalog({
  fr: {
    'track.workflow.title': 'Votre {kind}',
    'track.workflow.kind.return': 'retour',
    'track.workflow.kind.exchange_in_store': 'échange en magasin',
    'track.workflow.kind.repair': 'réparation',
    'track.workflow.kind.refund': 'remboursement',
    'track.workflow.kind.credit_note': 'avoir',
    'track.workflow.rma': 'Numéro de retour : {number}',
    'track.workflow.dropOff': 'Déposez le produit au magasin {store}{address}, avec le numéro de retour.',
    'track.workflow.label': 'Imprimer l’étiquette de retour prépayée',
    'track.workflow.stage': 'Où en est-on : {stage}',
    'track.workflow.refund': 'Remboursement de {amount} : {state}',
    'track.workflow.refundDue': 'Remboursement de {amount} : {state}, au plus tard le {date}',
    'track.workflow.creditNote': 'Avoir {number} de {amount}',
    'track.workflow.refund.pending': 'en cours',
    'track.workflow.refund.refunded': 'effectué sur votre moyen de paiement',
    'track.workflow.refund.to_be_paid': 'en cours de paiement',
    'track.workflow.step.authorise': 'retour autorisé',
    'track.workflow.step.label': 'étiquette de retour prête',
    'track.workflow.step.drop_off': 'en attente du dépôt en magasin',
    'track.workflow.step.receive': 'en attente de votre colis',
    'track.workflow.step.inspect': 'colis reçu, contrôle en cours',
    'track.workflow.step.refund': 'remboursement',
    'track.workflow.step.credit_note': 'avoir',
    'track.workflow.step.check_stock': 'vérification du stock du magasin',
    'track.workflow.step.reserve': 'produit réservé en magasin',
    'track.workflow.step.handover': 'produit réservé, à retirer au magasin',
    'track.workflow.step.dispatch': 'envoi en réparation',
    'track.workflow.step.diagnosis': 'diagnostic en cours',
    'track.workflow.step.awaiting_part': 'en attente d’une pièce',
    'track.workflow.step.repair': 'réparation en cours',
    'track.workflow.step.replacement': 'remplacement du produit en cours',
    'track.workflow.step.return_to_customer': 'réparé, retour vers vous en cours',
    'track.workflow.step.completed': 'terminé',
  },
  en: {
    'track.workflow.title': 'Your {kind}',
    'track.workflow.kind.return': 'return',
    'track.workflow.kind.exchange_in_store': 'exchange in store',
    'track.workflow.kind.repair': 'repair',
    'track.workflow.kind.refund': 'refund',
    'track.workflow.kind.credit_note': 'credit note',
    'track.workflow.rma': 'Return number: {number}',
    'track.workflow.dropOff': 'Bring the product to our store {store}{address}, with the return number.',
    'track.workflow.label': 'Print the prepaid return label',
    'track.workflow.stage': 'Where it stands: {stage}',
    'track.workflow.refund': 'Refund of {amount}: {state}',
    'track.workflow.refundDue': 'Refund of {amount}: {state}, by {date} at the latest',
    'track.workflow.creditNote': 'Credit note {number} of {amount}',
    'track.workflow.refund.pending': 'in progress',
    'track.workflow.refund.refunded': 'made on your means of payment',
    'track.workflow.refund.to_be_paid': 'being paid',
    'track.workflow.step.authorise': 'return authorised',
    'track.workflow.step.label': 'return label ready',
    'track.workflow.step.drop_off': 'waiting for you to drop it at the store',
    'track.workflow.step.receive': 'waiting for your parcel',
    'track.workflow.step.inspect': 'parcel received, being checked',
    'track.workflow.step.refund': 'refund',
    'track.workflow.step.credit_note': 'credit note',
    'track.workflow.step.check_stock': 'checking the store’s stock',
    'track.workflow.step.reserve': 'product reserved in store',
    'track.workflow.step.handover': 'product reserved, to collect at the store',
    'track.workflow.step.dispatch': 'being sent for repair',
    'track.workflow.step.diagnosis': 'being diagnosed',
    'track.workflow.step.awaiting_part': 'waiting for a part',
    'track.workflow.step.repair': 'being repaired',
    'track.workflow.step.replacement': 'being replaced',
    'track.workflow.step.return_to_customer': 'repaired, on its way back to you',
    'track.workflow.step.completed': 'done',
  },
});

export const publicLabelPath = (token: string) => `/api/v1/track/${token}/return-label.pdf`;

/** The case's latest workflow that is running or completed, for the customer. */
export async function trackedWorkflowOf(ctx: Ctx, caseId: string, token: string, lang: Language): Promise<TrackedWorkflow | null> {
  const [wf] = await ctx.db
    .select()
    .from(workflow)
    .where(and(eq(workflow.caseId, caseId), inArray(workflow.state, ['running', 'completed'])))
    .orderBy(desc(workflow.createdAt))
    .limit(1);
  if (!wf) return null;
  const [current] = await ctx.db.select({ key: workflowStep.key }).from(workflowStep).where(and(eq(workflowStep.workflowId, wf.id), eq(workflowStep.state, 'current')));
  const [rma] = await ctx.db.select({ r: returnAuthorisation, s: store }).from(returnAuthorisation).leftJoin(store, eq(store.id, returnAuthorisation.storeId)).where(eq(returnAuthorisation.workflowId, wf.id));
  const [money] = await ctx.db.select().from(refund).where(eq(refund.workflowId, wf.id));
  const live = rma && rma.r.state !== 'cancelled';
  const address = rma?.s ? [rma.s.addressLine1, [rma.s.postalCode, rma.s.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '';
  const amount = money ? formatMoney(money.amount, money.currency, lang) : '';
  const refundText =
    money?.kind === 'credit_note'
      ? t(lang, 'track.workflow.creditNote', { number: money.number ?? '', amount })
      : money && ['pending', 'refunded', 'to_be_paid'].includes(money.state)
        ? money.dueBy && money.state !== 'refunded'
          ? t(lang, 'track.workflow.refundDue', { amount, state: t(lang, `track.workflow.refund.${money.state}`), date: new Date(`${money.dueBy}T12:00:00Z`).toLocaleDateString(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }) })
          : t(lang, 'track.workflow.refund', { amount, state: t(lang, `track.workflow.refund.${money.state}`) })
        : null;
  return {
    kind: wf.kind,
    title: t(lang, 'track.workflow.title', { kind: t(lang, `track.workflow.kind.${wf.kind}`) }),
    rmaNumber: live ? rma.r.number : null,
    dropOff: live && rma.r.mode === 'drop_off' && rma.s ? t(lang, 'track.workflow.dropOff', { store: rma.s.name, address: address ? ` (${address})` : '' }) : null,
    labelUrl: live && rma.r.labelIssuedAt && !rma.r.labelVoidedAt && rma.r.state === 'issued' ? publicLabelPath(token) : null,
    stage: t(lang, `track.workflow.step.${current?.key ?? 'completed'}`),
    refund: refundText ? { text: refundText, dueBy: money?.dueBy ?? null } : null,
  };
}

/** The tracking page's card for it. */
export function workflowCard(w: TrackedWorkflow | null, lang: Language): SafeHtml | '' {
  if (!w) return '';
  return html`<section class="card" aria-labelledby="workflow-title">
<h2 id="workflow-title">${w.title}</h2>
${w.rmaNumber ? html`<p class="lead"><strong>${t(lang, 'track.workflow.rma', { number: w.rmaNumber })}</strong></p>` : ''}
<p>${t(lang, 'track.workflow.stage', { stage: w.stage })}</p>
${w.dropOff ? html`<p>${w.dropOff}</p>` : ''}
${w.labelUrl ? html`<p><a href="${w.labelUrl}">${t(lang, 'track.workflow.label')}</a></p>` : ''}
${w.refund ? html`<p>${w.refund.text}</p>` : ''}
</section>`;
}
