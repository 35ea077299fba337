// What a message card says besides its text: how its delivery to the customer went
// (queued, sent, delivered, read, failed or not sent, with the reason), the files it
// carries, and the colleagues a note mentions.
import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseEventDto } from '../api/contracts.ts';
import { useReferenceNames } from '../reference/reference.api.ts';
import { ChannelGlyph } from './ChannelIcon.tsx';
import type { Channel } from '../api/contracts.ts';

type Delivery = NonNullable<CaseEventDto['delivery']>;

const colours: Record<Delivery['status'], string> = { queued: 'gray', sent: 'blue', delivered: 'teal', read: 'teal', failed: 'red', suppressed: 'orange' };

export function DeliveryState({ delivery }: { delivery: Delivery }) {
  const { t } = useTranslation();
  const problem = delivery.status === 'failed' || delivery.status === 'suppressed';
  // A reason matters while it explains an answer not (yet) received: failed, not sent, or held (quiet hours).
  const explained = problem || delivery.status === 'queued';
  return (
    <Group gap={6} wrap="wrap" mt={6} data-delivery={delivery.status}>
      <Badge size="sm" variant="light" color={colours[delivery.status]} c="dark.9" leftSection={<ChannelGlyph channel={delivery.channel as Channel} size={12} />}>
        {t(`workspace.delivery.${delivery.status}`)}
      </Badge>
      {delivery.recipient && (
        <Text span size="xs" c="dimmed">
          {t('workspace.delivery.to', { recipient: delivery.recipient })}
        </Text>
      )}
      {explained && delivery.detail && (
        <Text span size="xs" c={problem ? 'red.9' : 'dimmed'}>
          {t('workspace.delivery.reason', { reason: delivery.detail })}
        </Text>
      )}
    </Group>
  );
}

export function MessageAttachments({ attachments }: { attachments: CaseEventDto['attachments'] }) {
  const { t } = useTranslation();
  if (attachments.length === 0) return null;
  return (
    <Group gap="xs" mt={6} wrap="wrap" aria-label={t('workspace.attachments.listLabel')} role="group">
      {attachments.map((a) => (
        <Anchor key={a.id} href={a.url} target="_blank" rel="noopener" size="xs">
          📎 {a.filename}
        </Anchor>
      ))}
    </Group>
  );
}

export function MentionedColleagues({ ids }: { ids: unknown }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const list = Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
  if (list.length === 0) return null;
  return (
    <Text size="xs" c="dimmed" mt={6}>
      {t('workspace.mentions.mentioned', { names: list.map((id) => names.user(id) ?? t('case.unknownUser')).join(', ') })}
    </Text>
  );
}
