// The bell in the header: how many notifications (mentions, dispute and effort warnings,
// approval requests and decisions) wait unread, and a popover listing them (unread first) with a
// link to each case; opening one marks it read. A request the reader may decide has its approve
// and refuse buttons right there. Refreshed live (SSE).
import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserNotificationDto } from '../api/contracts.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { BellApprovalActions } from '../cases/gestures/BellApprovalActions.tsx';
import { markAllRead, markRead, userNotificationsQuery } from './user-notifications.api.ts';
import { userNotificationKeys } from './user-notifications.keys.ts';

function BellGlyph() {
  return (
    <svg width={18} height={18} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z M10 20a2 2 0 0 0 4 0" />
    </svg>
  );
}

export function NotificationBell() {
  const { t } = useTranslation();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const list = useQuery(userNotificationsQuery);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: userNotificationKeys.all });
  const readOne = useMutation({ mutationFn: markRead, onSettled: refresh });
  const readAll = useMutation({ mutationFn: markAllRead, onSettled: refresh });
  const unread = list.data?.unreadCount ?? 0;

  const open = (n: UserNotificationDto) => {
    setOpened(false);
    if (!n.readAt) readOne.mutate(n.id);
    void router.navigate({ to: '/cases/$caseId', params: { caseId: n.case.id } });
  };

  return (
    <Indicator label={unread} disabled={unread === 0} size={18} color="red" offset={4}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" trapFocus withArrow>
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread ? t('workspace.bell.labelUnread', { count: unread }) : t('workspace.bell.label')}
            data-unread={unread}
          >
            <BellGlyph />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={700} size="sm" component="h2" m={0}>
                {t('workspace.bell.title')}
              </Text>
              {unread > 0 && (
                <Button size="compact-xs" variant="subtle" onClick={() => readAll.mutate()} loading={readAll.isPending}>
                  {t('workspace.bell.readAll')}
                </Button>
              )}
            </Group>
            {list.isPending ? (
              <LoadingState size="sm" label={t('workspace.bell.loading')} />
            ) : list.isError ? (
              <ProblemAlert error={list.error} title={t('workspace.bell.loadFailed')} onRetry={() => void list.refetch()} />
            ) : list.data.items.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('workspace.bell.empty')}
              </Text>
            ) : (
              <ScrollArea.Autosize mah={400}>
                <Stack component="ul" gap={4} m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('workspace.bell.listLabel')}>
                  {list.data.items.map((n) => (
                    <li key={n.id}>
                      <UnstyledButton onClick={() => open(n)} p="xs" w="100%" bg={n.readAt ? undefined : 'indigo.0'} style={{ borderRadius: 4 }} data-notification={n.id}>
                        <Text size="sm">
                          {!n.readAt && <VisuallyHidden>{t('workspace.bell.unread')} </VisuallyHidden>}
                          {n.kind === 'mention'
                            ? t('workspace.bell.mention', { name: n.actor.name ?? t('timeline.actor.user'), number: n.case.number })
                            : t(`workspace.bell.${n.kind}`, { number: n.case.number })}
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {n.case.subject} — {n.excerpt}
                        </Text>
                        <Text size="xs" c="dimmed">
                          <RelativeTime iso={n.createdAt} />
                        </Text>
                      </UnstyledButton>
                      {n.kind === 'approval_requested' && <BellApprovalActions eventId={n.eventId} />}
                    </li>
                  ))}
                </Stack>
              </ScrollArea.Autosize>
            )}
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
