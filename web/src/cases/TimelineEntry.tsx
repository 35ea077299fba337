// One timeline event. Messages are cards that say who wrote, on which channel, and when;
// internal notes look different (colour, border and the words "internal note") because the
// customer never sees them; changes are one compact line each. Replies show how their
// delivery went, and every message its channel's icon and name.
import { Box, Group, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseEventDto, CaseStatus, Channel, Priority } from '../api/contracts.ts';
import { useReferenceNames } from '../reference/reference.api.ts';
import { formatDuration } from '../i18n/duration.ts';
import { formatDateTime } from '../i18n/relative-time.ts';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { ChannelLabel } from './ChannelIcon.tsx';
import { AudienceLabel } from './social/PublicReply.tsx';
import { DeliveryState, MentionedColleagues, MessageAttachments } from './MessageMeta.tsx';
import { describeCollabChange, MovedFrom, SplitCheckbox } from './collab/TimelineCollab.tsx';
import { describeCareEvent } from './alerts/care-events.ts';
import { describeGestureEvent } from './gestures/gesture-events.ts';
import classes from './TimelineEntry.module.css';

type Names = ReturnType<typeof useReferenceNames>;

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const change = (value: unknown): { from: string | null; to: string | null } => {
  const v = (value ?? {}) as Record<string, unknown>;
  return { from: str(v.from), to: str(v.to) };
};

function actorName(event: CaseEventDto, t: TFunction): string {
  return event.actor.name ?? t(`timeline.actor.${event.actor.type}`);
}

/** The sentence for a change event, in the interface language. */
function describeChange(event: CaseEventDto, t: TFunction, names: Names, language: string): string {
  const who = actorName(event, t);
  const none = t('case.none');
  const { data } = event;
  switch (event.type) {
    case 'case_created':
      return t('timeline.change.created', { who, channel: t(`case.channel.${(str(data.channel) ?? event.channel ?? 'api') as Channel}`) });
    case 'status_changed': {
      const { from, to } = change(data);
      const label = (s: string | null) => (s ? t(`case.status.${s as CaseStatus}`) : none);
      return t('timeline.change.status', { who, from: label(from), to: label(to) });
    }
    case 'priority_changed': {
      const { from, to } = change(data);
      const label = (p: string | null) => (p ? t(`case.priority.${p as Priority}`) : none);
      return t('timeline.change.priority', { who, from: label(from), to: label(to) });
    }
    case 'step_changed': {
      const { from, to } = change(data);
      return t('timeline.change.step', { who, from: names.step(from) ?? none, to: names.step(to) ?? none });
    }
    case 'reason_changed': {
      const { from, to } = change(data);
      return t('timeline.change.reason', { who, from: names.reason(from) ?? none, to: names.reason(to) ?? none });
    }
    case 'assignment_changed': {
      const parts: string[] = [];
      if (data.assignee) {
        const { to } = change(data.assignee);
        parts.push(to ? t('timeline.change.assignedTo', { name: names.user(to) ?? t('case.unknownUser') }) : t('timeline.change.unassigned'));
      }
      if (data.team) {
        const { to } = change(data.team);
        parts.push(to ? t('timeline.change.team', { name: names.team(to) ?? t('case.unknownTeam') }) : t('timeline.change.noTeam'));
      }
      return t('timeline.change.assignment', { who, what: parts.join(', ') });
    }
    case 'tags_changed': {
      const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
      const added = list(data.added);
      const removed = list(data.removed);
      const parts = [
        ...(added.length ? [t('timeline.change.tagsAdded', { tags: added.join(', ') })] : []),
        ...(removed.length ? [t('timeline.change.tagsRemoved', { tags: removed.join(', ') })] : []),
      ];
      return t('timeline.change.tags', { who, what: parts.join(', ') });
    }
    case 'fields_changed':
      return t('timeline.change.fields', { who, fields: Object.keys(data).map((f) => t(`timeline.field.${fieldKey(f)}`)).join(', ') });
    case 'customer_changed':
      return t('timeline.change.customer', { who });
    case 'call_logged': {
      const seconds = typeof data.durationSeconds === 'number' ? data.durationSeconds : null;
      const call = t('timeline.change.call', {
        who,
        direction: t(`timeline.call.${data.direction === 'out' ? 'out' : 'in'}`),
        number: str(data.number) ?? '',
        duration: seconds === null ? t('timeline.call.noDuration') : formatDuration(seconds * 1000, language),
      });
      return event.body ? t('timeline.change.callSummary', { call, summary: event.body }) : call;
    }
    case 'sla_clock': {
      const metric = t(`sla.metric.${(str(data.metric) ?? 'first_reply') as 'first_reply'}`);
      const transition = str(data.transition) ?? 'started';
      const deadline = str(data.deadline);
      return t(`timeline.sla.${transition as 'started'}`, { metric, at: deadline ? formatDateTime(deadline, language) : '' });
    }
    case 'order_line_linked':
    case 'order_line_unlinked': {
      const what = { who, name: str(data.name) ?? '', number: str(data.orderNumber) ?? '' };
      return event.type === 'order_line_linked' ? t('timeline.change.orderLineLinked', what) : t('timeline.change.orderLineUnlinked', what);
    }
    case 'dispute_flagged':
    case 'effort_warning':
    case 'survey_answered':
    case 'workflow_step':
      return describeCareEvent(event, t, who);
    case 'gesture_granted':
    case 'approval_requested':
    case 'approval_decided':
      return describeGestureEvent(event, t, who, language) ?? t('timeline.change.other', { who });
    default:
      return describeCollabChange(event, t, who) ?? t('timeline.change.other', { who });
  }
}

const knownFields = ['subject', 'language', 'orderRef', 'storeId'] as const;
const fieldKey = (field: string): (typeof knownFields)[number] | 'other' =>
  (knownFields as readonly string[]).includes(field) ? (field as (typeof knownFields)[number]) : 'other';

const messageKinds = { message_in: 'incoming', message_out: 'outgoing', note: 'note' } as const;

export function TimelineEntry({ event, caseChannel }: { event: CaseEventDto; caseChannel: Channel }) {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();

  if (event.type === 'message_in' || event.type === 'message_out' || event.type === 'note') {
    const kind = messageKinds[event.type];
    const channel = event.channel ?? (event.type === 'note' ? null : caseChannel);
    return (
      <Box component="li" className={classes.message} data-kind={kind} data-event-type={event.type}>
        <Group justify="space-between" gap="xs" mb={6} wrap="wrap">
          <Group gap={6} wrap="wrap">
            <SplitCheckbox event={event} />
            <Text span size="sm" fw={700}>
              {actorName(event, t)}
            </Text>
            <Text span size="xs" fw={700} className={classes.kindLabel} data-kind={kind}>
              {t(`timeline.kind.${kind}`)}
            </Text>
            {channel && <ChannelLabel channel={channel} via />}
            {event.type !== 'note' && <AudienceLabel data={event.data} />}
            <MovedFrom event={event} />
          </Group>
          <Text span size="xs" c="dimmed">
            <RelativeTime iso={event.at} />
          </Text>
        </Group>
        <Text size="sm" className={classes.body}>
          {event.body ?? ''}
        </Text>
        <MessageAttachments attachments={event.attachments} />
        {event.type === 'note' && <MentionedColleagues ids={event.data.mentions} />}
        {event.type === 'message_out' && event.delivery && <DeliveryState delivery={event.delivery} />}
      </Box>
    );
  }

  return (
    <Box component="li" className={classes.change} data-event-type={event.type}>
      <Text span size="sm">
        {describeChange(event, t, names, i18n.language)}
      </Text>
      <Text span size="xs" c="dimmed">
        {' · '}
        <RelativeTime iso={event.at} />
      </Text>
    </Box>
  );
}
