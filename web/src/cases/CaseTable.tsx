// The inbox table. The case number is the link to the case (one Tab stop per row); on a
// tablet the table scrolls sideways instead of squeezing its columns.
import { Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/contracts.ts';
import { useReferenceNames } from '../reference/reference.api.ts';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { ClockBadge } from './SlaClocks.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';
import { PriorityBadge, StatusBadge } from './CaseBadges.tsx';


export function CaseTable({ cases }: { cases: CaseDto[] }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={960}>
        <Table highlightOnHover verticalSpacing="sm" striped={false}>
          <caption>
            <VisuallyHidden>{t('list.caption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('case.fields.number')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.subject')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.customer')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.status')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.priority')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.channel')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.step')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.due')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.lastActivity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.map((c) => (
              <Table.Tr key={c.id} data-case-number={c.number}>
                <Table.Td>
                  <RouterAnchor to="/cases/$caseId" params={{ caseId: c.id }} fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {c.number}
                  </RouterAnchor>
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm" lineClamp={2}>
                    {c.subject}
                  </Text>
                </Table.Td>
                <Table.Td>{c.customer.displayName}</Table.Td>
                <Table.Td>
                  <StatusBadge status={c.status} />
                </Table.Td>
                <Table.Td>
                  <PriorityBadge priority={c.priority} />
                </Table.Td>
                <Table.Td>{t(`case.channel.${c.channel}`)}</Table.Td>
                <Table.Td>{c.step ? names.step(c.step.key) : <Text span c="dimmed" size="sm">{t('case.none')}</Text>}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <ClockBadge clocks={c.clocks} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <RelativeTime iso={c.lastActivityAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
