// For the workspace's reply box on a public network (a reply under a tweet, a page comment):
// while the agent writes, the draft is checked for personal data (e-mails, phones, addresses,
// order numbers, IBANs, cards) and, when some is found, a warning names it and offers the
// ready reply that moves the conversation to private messages. Checked on the server (one
// detector for the API and the screen), half a second after typing stops.
import { Alert, Button, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../api/contracts.ts';
import { checkDraft } from './social.api.ts';

/** Where a reply is read by everyone. */
export const publicChannels: readonly Channel[] = ['x', 'facebook', 'instagram'];

interface Props {
  text: string;
  caseId: string;
  channel: Channel;
  /** Puts the private-move reply in the reply box (in place of the draft). */
  onUsePrivateMove: (text: string) => void;
}

export function DraftPrivacyCheck({ text, caseId, channel, onUsePrivateMove }: Props) {
  const { t } = useTranslation();
  const [draft] = useDebouncedValue(text, 500);
  const check = useQuery({
    queryKey: ['social', 'draft-check', caseId, channel, draft],
    queryFn: () => checkDraft({ text: draft, caseId, channel }),
    enabled: publicChannels.includes(channel) && draft.trim().length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
  const findings = check.data?.findings ?? [];
  if (!publicChannels.includes(channel) || findings.length === 0 || !text.trim()) return null;
  return (
    <Alert color="orange" variant="light" title={t('social.draft.title')} role="alert">
      <Text size="sm">{t('social.draft.body', { network: t(`case.channel.${channel}`) })}</Text>
      <List size="sm" mt={4} mb="xs">
        {findings.map((f) => (
          <List.Item key={`${f.start}:${f.kind}`}>
            <Text span fw={600}>
              {t(`social.draft.kind.${f.kind}`)}
            </Text>{' '}
            — <Text span ff="monospace">{f.text}</Text>
          </List.Item>
        ))}
      </List>
      {check.data && (
        <Button size="xs" variant="default" onClick={() => onUsePrivateMove(check.data.privateMove.text)}>
          {t('social.draft.usePrivateMove')}
        </Button>
      )}
    </Alert>
  );
}
