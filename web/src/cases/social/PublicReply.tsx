// Answering on X or Facebook, where a reply can be posted for everyone to read: the agent
// picks public or private (the default is how the customer last wrote), and a public reply
// the server found personal data in (an e-mail, a phone number, an address, an order number)
// comes back as a warning listing what was found, with the ways out: send it privately
// instead, ask in public to continue in private messages (a ready text), or post it anyway.
import { Button, Group, List, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http.ts';
import { SendWarning } from '../../ui/SendWarning.tsx';

export type Audience = 'public' | 'private';

export function AudiencePicker({ audiences, value, onChange }: { audiences: Audience[]; value: Audience; onChange: (a: Audience) => void }) {
  const { t } = useTranslation();
  if (audiences.length < 2) return null;
  return (
    <Stack gap={4}>
      <SegmentedControl
        aria-label={t('compose.public.audienceLabel')}
        value={value}
        onChange={(v) => onChange(v === 'public' ? 'public' : 'private')}
        data={audiences.map((a) => ({ value: a, label: t(`compose.public.${a}`) }))}
      />
      {value === 'public' && (
        <Text size="sm" c="red.9" data-testid="public-hint">
          {t('compose.public.hint')}
        </Text>
      )}
    </Stack>
  );
}

interface Finding {
  kind: string;
  text: string;
}

/** The findings of a `personal-data-in-public` problem, or null for any other failure. */
export function personalDataOf(error: unknown): Finding[] | null {
  if (!isApiError(error, 422) || error.problem.code !== 'personal_data_in_public') return null;
  const findings = (error.problem as { findings?: unknown }).findings;
  return Array.isArray(findings) ? (findings as Finding[]) : [];
}

interface WarningProps {
  findings: Finding[];
  onSendPrivately: () => void;
  onAskPrivate: () => void;
  onPostAnyway: () => void;
}

export function PersonalDataWarning({ findings, onSendPrivately, onAskPrivate, onPostAnyway }: WarningProps) {
  const { t } = useTranslation();
  // Read before anything else: the focus moves to it.
  return (
    <SendWarning title={t('compose.public.warningTitle')} refocusOn={findings} testId="personal-data-warning">
      <Stack gap="xs">
        <Text size="sm" c="dark.9">
          {t('compose.public.warningText')}
        </Text>
        <List size="sm" c="dark.9">
          {findings.map((f, i) => (
            <List.Item key={`${f.kind}-${i}`}>
              {t(`compose.public.kind.${f.kind}`, { defaultValue: f.kind })} : <strong>{f.text}</strong>
            </List.Item>
          ))}
        </List>
        <Group gap="xs">
          <Button size="xs" onClick={onSendPrivately}>
            {t('compose.public.sendPrivately')}
          </Button>
          <Button size="xs" variant="default" onClick={onAskPrivate}>
            {t('compose.public.askPrivate')}
          </Button>
          <Button size="xs" variant="default" onClick={onPostAnyway}>
            {t('compose.public.postAnyway')}
          </Button>
        </Group>
      </Stack>
    </SendWarning>
  );
}

/** On a message from or to a network: whether the world saw it, and where to see it. */
export function AudienceLabel({ data }: { data: Record<string, unknown> }) {
  const { t } = useTranslation();
  const audience = data.audience;
  if (audience !== 'public' && audience !== 'private') return null;
  const url = typeof data.url === 'string' && /^https:\/\//.test(data.url) ? data.url : null;
  return (
    // Dark text on the card's background (the message kinds' tints): readable at 4.5:1.
    <Text span size="xs" fw={700} c={audience === 'public' ? 'red.9' : 'dark.7'} data-testid="audience-label">
      {t(`compose.public.seen.${audience}`)}
      {url && (
        <>
          {' · '}
          <a href={url} target="_blank" rel="noopener noreferrer">
            {t('compose.public.seeOnNetwork')}
          </a>
        </>
      )}
    </Text>
  );
}
