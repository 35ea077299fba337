// The timeline's sentences for what the gestures module writes on a case: a gesture granted,
// an approval asked for (or sent up to the admins), a decision taken.
import type { TFunction } from 'i18next';
import type { CaseEventDto } from '../../api/contracts.ts';
import { gestureText } from './gesture-words.ts';

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function describeGestureEvent(event: CaseEventDto, t: TFunction, who: string, language: string): string | null {
  const d = event.data;
  switch (event.type) {
    case 'gesture_granted': {
      const text = gestureText({ kind: str(d.kind), amount: num(d.cost), points: num(d.points) }, str(d.currency) || 'EUR', t, language);
      return d.voucherCode ? t('timeline.change.gestureVoucher', { who, gesture: text, code: str(d.voucherCode) }) : t('timeline.change.gesture', { who, gesture: text });
    }
    case 'approval_requested':
      return d.escalated ? t('timeline.change.approvalEscalated', { who }) : t('timeline.change.approvalRequested', { who, what: event.body ?? '' });
    case 'approval_decided':
      return t(`timeline.change.approval.${(['approved', 'refused', 'cancelled'].includes(str(d.status)) ? str(d.status) : 'approved') as 'approved'}`, { who });
    default:
      return null;
  }
}
