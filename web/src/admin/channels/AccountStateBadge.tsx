// An account's state in words: working, failing (its provider refuses it), or disabled.
import { useTranslation } from 'react-i18next';
import type { ChannelAccount } from '../admin.api.ts';
import { ToneBadge } from '../ui/ToneBadge.tsx';

const tones = { active: 'positive', failing: 'negative', disabled: 'neutral' } as const;

export function AccountStateBadge({ state }: { state: ChannelAccount['state'] }) {
  const { t } = useTranslation();
  return <ToneBadge tone={tones[state]}>{t(`admin.channels.states.${state}`)}</ToneBadge>;
}
