// Gestures in the reader's words: "Bon d'achat de 20,00 €", "500 points de fidélité", the
// reasons a request needed an approval, a push's state. From the catalogs, for the panel, the
// approvals list and the timeline.
import type { TFunction } from 'i18next';
import type { AuthorityReason, GestureKind } from '../../../../src/modules/gestures/gestures.contract.ts';
import { formatMoney } from '../../customers/orders.api.ts';

export function gestureText(g: { kind: GestureKind | string; amount?: number | null | undefined; points?: number | null | undefined }, currency: string, t: TFunction, language: string): string {
  const kind = g.kind as GestureKind;
  const amount = formatMoney(g.amount ?? 0, currency, language);
  const points = new Intl.NumberFormat(language).format(g.points ?? 0);
  return t(`gestures.gesture.${kind}`, { amount, points });
}

export const reasonsText = (reasons: readonly AuthorityReason[], t: TFunction): string => reasons.map((r) => t(`gestures.reasons.${r}`)).join(' · ');
