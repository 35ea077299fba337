// The timeline's sentences for what the disputes and surveys modules write on a case: a
// dispute found in a customer's message, an effort warning, the customer's survey answer.
import type { TFunction } from 'i18next';
import type { CaseEventDto } from '../../api/contracts.ts';
import { disputeKinds, type DisputeKind } from '../../../../src/modules/disputes/disputes.contract.ts';

const isKind = (k: unknown): k is DisputeKind => typeof k === 'string' && (disputeKinds as readonly string[]).includes(k);

/** "mise en demeure, rétrofacturation ou litige de paiement" */
export function disputeKindsText(kinds: unknown, t: TFunction): string {
  return (Array.isArray(kinds) ? kinds.filter(isKind) : []).map((k) => t(`disputes.kind.${k}`)).join(', ');
}

const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function describeCareEvent(event: CaseEventDto, t: TFunction, who: string): string {
  const { data } = event;
  switch (event.type) {
    case 'dispute_flagged': {
      const text = t('timeline.change.dispute', { kinds: disputeKindsText(data.kinds, t) });
      const routed = data.routedTo as { teamName?: string } | null | undefined;
      const withTeam = data.first === true && routed?.teamName ? t('timeline.change.disputeRouted', { text, team: routed.teamName }) : text;
      const quote = event.body?.split('\n')[0];
      return quote ? t('timeline.change.disputeQuote', { text: withTeam, quote }) : withTeam;
    }
    case 'effort_warning':
      return t('timeline.change.effort', { exchanges: num(data.exchanges) ?? 0, threshold: num(data.threshold) ?? 0 });
    case 'survey_answered': {
      const csat = num(data.csat);
      const nps = num(data.nps);
      const scores = [
        ...(csat !== null ? [t('timeline.change.surveyCsat', { score: csat })] : []),
        ...(nps !== null ? [t('timeline.change.surveyNps', { score: nps })] : []),
      ].join(', ');
      const line = event.body ? t('timeline.change.surveyComment', { scores, comment: event.body }) : scores;
      return t('timeline.change.survey', { who, scores: line });
    }
    case 'workflow_step': {
      // A step of a return, exchange, repair or refund workflow (src/modules/workflows/).
      const words = { workflow: t(`workflows.kind.${String(data.kind) as 'return'}`), step: t(`workflows.step.${String(data.step) as 'refund'}`), state: t(`workflows.state.${String(data.state) as 'done'}`) };
      return event.body ? t('timeline.change.workflowStepDetail', { ...words, detail: event.body }) : t('timeline.change.workflowStep', words);
    }
    default:
      return t('timeline.change.other', { who });
  }
}
