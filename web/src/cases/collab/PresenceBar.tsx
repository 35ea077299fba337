// Who else is on this case: their avatars and names, and who is writing a reply or a note,
// so that two agents do not answer the same customer at once. Announced politely to screen
// readers; nothing is shown while the agent is alone on the case.
import { Avatar, Group, Paper, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCollab } from './CollabContext.tsx';

export function PresenceBar() {
  const { t } = useTranslation();
  const { others } = useCollab();
  const typing = others.filter((p) => p.state === 'typing');
  return (
    <div role="status" aria-live="polite">
      {others.length > 0 && (
        <Paper withBorder px="md" py="xs" bg="indigo.0" data-testid="presence">
          <Group gap="sm" wrap="wrap">
            <Avatar.Group spacing="xs">
              {others.map((p) => (
                <Tooltip key={p.user.id} label={p.user.name} withArrow>
                  <Avatar name={p.user.name} variant="filled" color="indigo.8" size="sm" radius="xl" alt="" aria-hidden />
                </Tooltip>
              ))}
            </Avatar.Group>
            <Text size="sm" fw={600}>
              {t('collab.presence.alsoHere', { names: others.map((p) => p.user.name).join(', ') })}
            </Text>
            {typing.map((p) => (
              <Text key={p.user.id} size="sm" c="indigo.9" fs="italic">
                {t(p.kind === 'note' ? 'collab.presence.typingNote' : 'collab.presence.typingReply', { name: p.user.name })}
              </Text>
            ))}
          </Group>
        </Paper>
      )}
    </div>
  );
}
