// An account's state in words: working, failing (its provider refuses it), or disabled.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChannelAccount } from '../admin.api.ts';

const colours = { active: 'teal', failing: 'red', disabled: 'gray' } as const;

export function AccountStateBadge({ state }: { state: ChannelAccount['state'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={colours[state]} variant="light">
      {t(`admin.channels.states.${state}`)}
    </Badge>
  );
}
