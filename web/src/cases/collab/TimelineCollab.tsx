// What merges, splits and links add to a timeline entry: where a copied message came from
// (with a link to that case), the box that picks a customer message in split mode, and the
// sentence for the case_merged / case_split / case_linked / case_unlinked lines.
import { Checkbox, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseEventDto } from '../../api/contracts.ts';
import { formatDateTime } from '../../i18n/relative-time.ts';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import type { LinkRelation } from './collab.api.ts';
import { useCollab } from './CollabContext.tsx';

type CaseRef = { id: string; number: string };
const caseRef = (value: unknown): CaseRef | null => {
  const v = value as Partial<CaseRef> | null | undefined;
  return v && typeof v.id === 'string' && typeof v.number === 'string' ? { id: v.id, number: v.number } : null;
};

/** "From SAV-…": a message copied here by a merge or a split, and when it was first received. */
export function MovedFrom({ event }: { event: CaseEventDto }) {
  const { t, i18n } = useTranslation();
  const origin = (event.data.mergedFrom ?? event.data.splitFrom) as ({ caseId?: string; number?: string; at?: string } & Record<string, unknown>) | undefined;
  const from = caseRef(origin && { id: origin.caseId, number: origin.number });
  if (!from) return null;
  return (
    <Text span size="xs" c="dimmed" data-moved-from={from.number}>
      {t('collab.timeline.movedFrom')}{' '}
      <RouterAnchor to="/cases/$caseId" params={{ caseId: from.id }} size="xs">
        {from.number}
      </RouterAnchor>
      {typeof origin?.at === 'string' && ` · ${t('collab.timeline.receivedAt', { at: formatDateTime(origin.at, i18n.language) })}`}
    </Text>
  );
}

/** In split mode, a customer's message can be ticked to go to the new case. */
export function SplitCheckbox({ event }: { event: CaseEventDto }) {
  const { t } = useTranslation();
  const { split } = useCollab();
  if (!split.active || event.type !== 'message_in') return null;
  return <Checkbox size="sm" aria-label={t('collab.split.pick')} checked={split.selected.has(event.id)} onChange={(e) => split.toggle(event.id, e.currentTarget.checked)} />;
}

/** The sentence for a collaboration line, or null for the other event types. */
export function describeCollabChange(event: CaseEventDto, t: TFunction, who: string): string | null {
  const { data } = event;
  switch (event.type) {
    case 'case_merged': {
      const into = caseRef(data.into);
      if (into) return t('collab.timeline.mergedInto', { who, number: into.number });
      const cases = Array.isArray(data.cases) ? data.cases.map(caseRef).filter((c): c is CaseRef => c !== null) : [];
      return t('collab.timeline.mergedHere', { who, numbers: cases.map((c) => c.number).join(', ') });
    }
    case 'case_split': {
      const into = caseRef(data.into);
      const count = Array.isArray(data.eventIds) ? data.eventIds.length : 0;
      if (into) return t('collab.timeline.splitInto', { who, number: into.number, count });
      return t('collab.timeline.splitFrom', { who, number: caseRef(data.from)?.number ?? '', count });
    }
    case 'case_linked':
    case 'case_unlinked': {
      const number = typeof data.number === 'string' ? data.number : '';
      if (event.type === 'case_unlinked') return t('collab.timeline.unlinked', { who, number });
      return t('collab.timeline.linked', { who, number, relation: t(`collab.links.relation.${(data.relation ?? 'related') as LinkRelation}`) });
    }
    default:
      return null;
  }
}
