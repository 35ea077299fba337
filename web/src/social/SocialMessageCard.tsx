// One public message of the stream: how urgent triage found it and why (the badge and the
// signal chips, in words, never colour alone), who wrote it and how loud they are, where, what
// they said and showed, its case and who holds it, whether we answered; its case number opens
// the case in the workspace, and a button hands it over. The card takes the keyboard focus that j / k
// move, so screen readers read it.
import { Anchor, Badge, Button, Group, Paper, Stack, Text, VisuallyHidden, type MantineColor } from '@mantine/core';
import type { RefCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusBadge } from '../cases/CaseBadges.tsx';
import { ChannelGlyph } from '../cases/ChannelIcon.tsx';
import { formatDuration } from '../i18n/duration.ts';
import { useReferenceNames } from '../reference/reference.api.ts';
import { useStores } from '../reference/stores.api.ts';
import { RelativeTime, useNow } from '../ui/RelativeTime.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';
import type { SocialMessage } from './social.api.ts';

/** The same thresholds as the case priority a message opens (urgent from 70, high from 40). */
export function urgencyLevel(urgency: number): 'urgent' | 'high' | 'normal' {
  return urgency >= 70 ? 'urgent' : urgency >= 40 ? 'high' : 'normal';
}

const levelColors: Record<ReturnType<typeof urgencyLevel>, MantineColor> = { urgent: 'red.9', high: 'orange.3', normal: 'gray.2' };

export function UrgencyBadge({ urgency }: { urgency: number }) {
  const { t } = useTranslation();
  const level = urgencyLevel(urgency);
  return (
    <Badge color={levelColors[level]} autoContrast variant="filled" radius="sm" tt="none" size="lg" data-testid="urgency">
      {t(`social.urgency.${level}`, { value: urgency })}
    </Badge>
  );
}

/** The signals that alone make a message urgent stand out (the text still says which). */
const strong = new Set(['legal_threat', 'anger']);

export function useFollowers() {
  const { t, i18n } = useTranslation();
  const compact = new Intl.NumberFormat(i18n.language, { notation: 'compact', maximumFractionDigits: 1 });
  return (followers: number | null) => (followers === null ? null : t('social.followers', { count: followers, value: compact.format(followers) }));
}

interface Props {
  message: SocialMessage;
  focused: boolean;
  cardRef: RefCallback<HTMLElement>;
  onFocus: () => void;
  onHandOver: () => void;
}

export function SocialMessageCard({ message: m, focused, cardRef, onFocus, onHandOver }: Props) {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  const stores = useStores();
  const followers = useFollowers();
  const now = useNow();
  const titleId = `social-${m.eventId}`;
  const who = m.author.name ?? (m.author.handle ? `@${m.author.handle}` : m.author.id);
  const holder = [names.team(m.case.teamId), stores.name(m.case.storeId), m.case.assigneeId ? names.user(m.case.assigneeId) : null].filter(Boolean).join(' · ');

  return (
    <Paper
      component="article"
      withBorder
      p="md"
      ref={cardRef}
      tabIndex={-1}
      aria-labelledby={titleId}
      data-event-id={m.eventId}
      data-focused={focused || undefined}
      onFocus={onFocus}
      onClick={onFocus}
      style={focused ? { outline: '2px solid var(--mantine-color-indigo-7)', outlineOffset: 2 } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Group gap="sm" align="center">
            <UrgencyBadge urgency={m.urgency} />
            <div>
              <Text fw={700} id={titleId} component="h2" size="md">
                {who}
                {m.author.handle && m.author.name && (
                  <Text span c="dimmed" fw={400} ml={6}>
                    @{m.author.handle}
                  </Text>
                )}
              </Text>
              <Group gap={6} c="dimmed">
                <ChannelGlyph channel={m.channel} />
                <Text size="sm">
                  {t(`case.channel.${m.channel}`)} · {m.account.name}
                  {followers(m.author.followers) && ` · ${followers(m.author.followers)}`}
                </Text>
              </Group>
            </div>
          </Group>
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            <RelativeTime iso={m.postedAt} />
          </Text>
        </Group>

        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} lineClamp={8}>
          {m.text}
        </Text>

        {(m.signals.length > 0 || m.media.some((x) => x.url)) && (
          <Group gap={6} aria-label={t('social.signals.label')} role="list">
            {m.signals.map((s) => (
              <Badge key={s} role="listitem" variant={strong.has(s) ? 'filled' : 'outline'} color={strong.has(s) ? 'red.9' : 'gray.8'} autoContrast tt="none" radius="sm">
                {t(`social.signal.${s}` as 'social.signal.anger', { defaultValue: s })}
              </Badge>
            ))}
            {m.media.map(
              (media, i) =>
                media.url && (
                  <Anchor key={i} role="listitem" href={media.url} target="_blank" rel="noreferrer noopener" size="sm">
                    {t(`social.media.${media.kind}`)}
                  </Anchor>
                ),
            )}
          </Group>
        )}

        <Group justify="space-between" align="center" gap="sm">
          <Group gap="sm">
            {/* The case in the workspace: its thread, the reply box. */}
            <RouterAnchor to="/cases/$caseId" params={{ caseId: m.case.id }} fw={600} ff="monospace" data-testid="open-case">
              <VisuallyHidden>{t('social.card.open')} </VisuallyHidden>
              {m.case.number}
            </RouterAnchor>
            <StatusBadge status={m.case.status} />
            <Text size="sm" c="dimmed">
              {holder || t('social.card.unrouted')}
            </Text>
            <Text size="sm" fw={m.respondedAt ? 400 : 600} c={m.respondedAt ? 'teal.9' : 'red.9'}>
              {m.respondedAt
                ? t('social.card.answeredIn', { duration: formatDuration(new Date(m.respondedAt).getTime() - new Date(m.postedAt).getTime(), i18n.language) })
                : t('social.card.waitingFor', { duration: formatDuration(now - new Date(m.postedAt).getTime(), i18n.language) })}
            </Text>
          </Group>
          <Group gap="xs">
            {m.url && (
              <Anchor href={m.url} target="_blank" rel="noreferrer noopener" size="sm">
                {t('social.card.onNetwork', { network: t(`case.channel.${m.channel}`) })}
              </Anchor>
            )}
            <Button variant="default" size="xs" onClick={onHandOver} aria-label={t('social.card.handOverLabel', { number: m.case.number })}>
              {t('social.card.handOver')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
