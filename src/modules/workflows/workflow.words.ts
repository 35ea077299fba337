// What the timeline and the panel say of a workflow's failures, undone and skipped steps, in the agent's
// language (the timeline's internal events are read by the team, not the customer).
import { registerCatalog } from '../../platform/i18n/i18n.ts';

registerCatalog({
  fr: {
    'workflows.undo.rma': 'Autorisation de retour annulée',
    'workflows.undo.label': 'Étiquette de retour annulée',
    'workflows.undo.refundMade': 'Remboursement déjà fait sur Shopify : non repris',
    'workflows.undo.refund': 'Remboursement annulé',
    'workflows.undo.creditNote': 'Avoir annulé',
    'workflows.undo.reservation': 'Réservation libérée',
    'workflows.undo.nothing': 'Rien à défaire',
    'workflows.skip.notNeeded': 'Inutile',
    'workflows.skip.cancelled': 'Annulé',
    'workflows.skip.notReached': 'Pas atteint',
    'workflows.cancelledBy': 'Annulé par {who}',
    'workflows.fail.refused_at_inspection': 'Retour refusé au contrôle',
    'workflows.fail.handover_cancelled': 'Remise annulée',
    'workflows.fail.withNote': '{what} : {note}',
    'workflows.fail.noStock': '{sku} n’est pas en stock dans ce magasin',
    'workflows.fail.stockTaken': '{sku} a été pris entre-temps : plus rien à réserver',
  },
  en: {
    'workflows.undo.rma': 'Return authorisation cancelled',
    'workflows.undo.label': 'Return label voided',
    'workflows.undo.refundMade': 'Refund already made on Shopify: not reversed',
    'workflows.undo.refund': 'Refund cancelled',
    'workflows.undo.creditNote': 'Credit note cancelled',
    'workflows.undo.reservation': 'Reservation released',
    'workflows.undo.nothing': 'Nothing to undo',
    'workflows.skip.notNeeded': 'Not needed',
    'workflows.skip.cancelled': 'Cancelled',
    'workflows.skip.notReached': 'Not reached',
    'workflows.cancelledBy': 'Cancelled by {who}',
    'workflows.fail.refused_at_inspection': 'Return refused at inspection',
    'workflows.fail.handover_cancelled': 'Handover cancelled',
    'workflows.fail.withNote': '{what}: {note}',
    'workflows.fail.noStock': '{sku} is not in stock at this store',
    'workflows.fail.stockTaken': '{sku} was taken meanwhile: none left to reserve',
  },
});
