// Whether a thing is in use (a store, a team, a reason…), as a badge with words, not colour alone.
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useTranslation();
  return (
    <Badge color={active ? 'teal' : 'gray'} variant="light">
      {active ? t('admin.form.active') : t('admin.form.inactive')}
    </Badge>
  );
}
