// What the timeline and the panel say of a workflow's undone and skipped steps, in the agent's
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
  },
});
