// The plain words the customer reads about their case: its status, who holds it, which
// promise runs, how news reach them. French first, English too.
import { registerCatalog, t, type Language } from '../../platform/i18n/i18n.ts';
import type { CaseStatus, Holder, NotifyChannel } from '../cases/cases.contract.ts';
import type { ClockMetric } from '../sla/sla.contract.ts';
import type { StoreKind } from '../org/org.schema.ts';

registerCatalog({
  fr: {
    'track.status.new': 'Demande reçue',
    'track.status.open': 'En cours de traitement',
    'track.status.waiting_customer': 'En attente de votre réponse',
    'track.status.waiting_third_party': 'En attente d’un intervenant extérieur',
    'track.status.solved': 'Résolu',
    'track.status.closed': 'Clôturé',
    'track.holder.team': 'notre SAV technique',
    'track.holder.store.store': 'le magasin {name}',
    'track.holder.store.dealer': 'la concession {name}',
    'track.holder.store.eshop': 'notre boutique en ligne',
    'track.holder.store.marketplace': 'notre boutique sur la place de marché',
    'track.holder.store.warehouse': 'l’entrepôt {name}',
    'track.holder.store.none': 'le magasin',
    'track.holder.carrier': 'le transporteur',
    'track.holder.supplier': 'le fournisseur',
    'track.holder.customer': 'vous',
    'track.metric.first_reply': 'Première réponse',
    'track.metric.next_reply': 'Prochaine réponse',
    'track.metric.resolution': 'Résolution',
    'track.notify.email': 'par e-mail',
    'track.notify.sms': 'par SMS',
  },
  en: {
    'track.status.new': 'Request received',
    'track.status.open': 'Being handled',
    'track.status.waiting_customer': 'Waiting for your reply',
    'track.status.waiting_third_party': 'Waiting for an outside party',
    'track.status.solved': 'Solved',
    'track.status.closed': 'Closed',
    'track.holder.team': 'our technical after-sales team',
    'track.holder.store.store': 'the {name} store',
    'track.holder.store.dealer': 'the {name} dealership',
    'track.holder.store.eshop': 'our online shop',
    'track.holder.store.marketplace': 'our marketplace shop',
    'track.holder.store.warehouse': 'the {name} warehouse',
    'track.holder.store.none': 'the store',
    'track.holder.carrier': 'the carrier',
    'track.holder.supplier': 'the supplier',
    'track.holder.customer': 'you',
    'track.metric.first_reply': 'First reply',
    'track.metric.next_reply': 'Next reply',
    'track.metric.resolution': 'Resolution',
    'track.notify.email': 'by e-mail',
    'track.notify.sms': 'by text message (SMS)',
  },
});

export function statusWords(lang: Language, status: CaseStatus): string {
  return t(lang, `track.status.${status}`);
}

/** "le magasin Jardin & Maison Grigny", "notre SAV technique", "le transporteur", "vous"… */
export function holderWords(lang: Language, holder: Holder, store: { name: string; kind: StoreKind } | null): string {
  if (holder !== 'store') return t(lang, `track.holder.${holder}`);
  return store ? t(lang, `track.holder.store.${store.kind}`, { name: store.name }) : t(lang, 'track.holder.store.none');
}

export function metricWords(lang: Language, metric: ClockMetric): string {
  return t(lang, `track.metric.${metric}`);
}

export function notifyWords(lang: Language, channel: NotifyChannel): string {
  return t(lang, `track.notify.${channel}`);
}
