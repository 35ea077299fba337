// The warning before sending: someone wrote on the case while the agent was writing. It shows
// what they wrote (who, when, the text), takes the focus so it is read first, and lets the
// agent send anyway or go back to their draft (kept as it is) to rework it. Any other failure
// of a send is the usual problem alert.
import { Box, Button, Group, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CaseEventDto } from '../../api/contracts.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import { meanwhileOf, type MeanwhileChanges, type useComposeCollab } from './useComposeCollab.ts';
import { SendWarning } from '../../ui/SendWarning.tsx';

const EXCERPT = 600;

function what(e: CaseEventDto, t: TFunction): string {
  if (e.type === 'message_in') return t('timeline.kind.incoming');
  if (e.type === 'message_out') return t('timeline.kind.outgoing');
  if (e.type === 'note') return t('compose.note');
  return t('collab.meanwhile.call');
}

interface SendProblemProps {
  error: unknown;
  /** What failed, for any other problem. */
  title: string;
  collab: ReturnType<typeof useComposeCollab>;
  onSendAnyway: () => void;
  onBack: () => void;
}

export function SendProblem({ error, title, collab, onSendAnyway, onBack }: SendProblemProps) {
  const meanwhile = meanwhileOf(error);
  if (!meanwhile) return <ProblemAlert error={error} title={title} />;
  const read = (then: () => void) => () => {
    collab.accept(error);
    then();
  };
  return <MeanwhileWarning meanwhile={meanwhile} onSendAnyway={read(onSendAnyway)} onBack={read(onBack)} />;
}

function MeanwhileWarning({ meanwhile, onSendAnyway, onBack }: { meanwhile: MeanwhileChanges; onSendAnyway: () => void; onBack: () => void }) {
  const { t } = useTranslation();
  const { changes } = meanwhile;
  return (
    <SendWarning title={t('collab.meanwhile.title', { count: changes.length })} refocusOn={meanwhile.latestEventId} testId="meanwhile-warning">
      <Stack gap="sm">
        <Text size="sm">{t('collab.meanwhile.intro', { count: changes.length })}</Text>
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
          {changes.map((e) => (
            <Box component="li" key={e.id} p="xs" bg="white" style={{ borderRadius: 4 }}>
              <Text size="sm" fw={700}>
                {e.actor.name ?? t(`timeline.actor.${e.actor.type}`)} · {what(e, t)} ·{' '}
                <Text span size="xs" c="dimmed" fw={400}>
                  <RelativeTime iso={e.at} />
                </Text>
              </Text>
              {e.body && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {e.body.length > EXCERPT ? `${e.body.slice(0, EXCERPT)}…` : e.body}
                </Text>
              )}
            </Box>
          ))}
        </Stack>
        <Group gap="sm">
          <Button onClick={onSendAnyway}>
            {t('collab.meanwhile.sendAnyway')}
          </Button>
          <Button variant="default" onClick={onBack}>
            {t('collab.meanwhile.back')}
          </Button>
        </Group>
      </Stack>
    </SendWarning>
  );
}
