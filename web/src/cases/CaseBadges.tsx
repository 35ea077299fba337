// Status and priority as badges. Colours help the eye; the text always says it (never
// colour alone), and light backgrounds get dark text (autoContrast) for AA contrast.
import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, Priority } from '../api/contracts.ts';

const statusColors: Record<CaseStatus, MantineColor> = {
  new: 'blue.9',
  open: 'indigo.8',
  waiting_customer: 'yellow.3',
  waiting_third_party: 'orange.2',
  solved: 'teal.9',
  closed: 'gray.7',
};

const priorityColors: Record<Priority, MantineColor> = {
  low: 'gray.2',
  normal: 'blue.1',
  high: 'orange.3',
  urgent: 'red.9',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColors[status]} autoContrast variant="filled" radius="sm" tt="none">
      {t(`case.status.${status}`)}
    </Badge>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return (
    <Badge color={priorityColors[priority]} autoContrast variant="filled" radius="sm" tt="none">
      {t(`case.priority.${priority}`)}
    </Badge>
  );
}
