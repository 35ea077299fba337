// Whether a thing is in use (a store, a team, a reason…), as a badge with words, not colour alone.
import { useTranslation } from 'react-i18next';
import { ToneBadge } from './ToneBadge.tsx';

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return <ToneBadge tone={active ? 'positive' : 'neutral'}>{active ? t('admin.form.active') : t('admin.form.inactive')}</ToneBadge>;
}
