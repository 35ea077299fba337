// The inbox table: a checkbox per row (shift-click ticks a range) and one for the page, the
// case number as the link to the case, the status with the SAV step under it, the SLA
// countdown, and the focused row that j / k move
// (it takes the keyboard focus, so screen readers read it). On a tablet the table scrolls
// sideways instead of squeezing its columns.
import { Badge, Checkbox, Group, Paper, Table, Text, VisuallyHidden } from '@mantine/core';
import type { RefCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/contracts.ts';
import { PriorityBadge, StatusBadge } from '../cases/CaseBadges.tsx';
import { ClockBadge } from '../cases/SlaClocks.tsx';
import { useReferenceNames } from '../reference/reference.api.ts';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';
import classes from './InboxTable.module.css';

interface InboxTableProps {
  cases: CaseDto[];
  selected: ReadonlySet<string>;
  focusedId: string | null;
  onToggle: (id: string, range: boolean) => void;
  onToggleAll: (checked: boolean) => void;
  onFocusRow: (id: string) => void;
  rowRef: (id: string) => RefCallback<HTMLTableRowElement>;
}

export function InboxTable({ cases, selected, focusedId, onToggle, onToggleAll, onFocusRow, rowRef }: InboxTableProps) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const ticked = cases.filter((c) => selected.has(c.id)).length;
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={1100}>
        <Table verticalSpacing="sm" striped={false}>
          <caption>
            <VisuallyHidden>{t('list.caption')}</VisuallyHidden>
          </caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w={40}>
                <Checkbox
                  aria-label={t('inbox.table.selectAll')}
                  checked={ticked > 0 && ticked === cases.length}
                  indeterminate={ticked > 0 && ticked < cases.length}
                  onChange={(e) => onToggleAll(e.currentTarget.checked)}
                />
              </Table.Th>
              <Table.Th scope="col">{t('case.fields.number')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.subject')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.customer')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.status')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.priority')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.channel')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.assignee')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.due')}</Table.Th>
              <Table.Th scope="col">{t('case.fields.lastActivity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.map((c) => {
              const isSelected = selected.has(c.id);
              const isFocused = c.id === focusedId;
              return (
                <Table.Tr
                  key={c.id}
                  ref={rowRef(c.id)}
                  tabIndex={-1}
                  className={classes.row}
                  data-case-id={c.id}
                  data-case-number={c.number}
                  data-focused={isFocused || undefined}
                  data-selected={isSelected || undefined}
                  onFocus={() => onFocusRow(c.id)}
                  onClick={() => onFocusRow(c.id)}
                >
                  <Table.Td>
                    <Checkbox
                      aria-label={t('inbox.table.select', { number: c.number })}
                      checked={isSelected}
                      onChange={() => undefined}
                      onClick={(e) => onToggle(c.id, e.shiftKey)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RouterAnchor to="/cases/$caseId" params={{ caseId: c.id }} fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {c.number}
                    </RouterAnchor>
                  </Table.Td>
                  <Table.Td maw={320} miw={200}>
                    <Text size="sm" lineClamp={2}>
                      {c.subject}
                    </Text>
                    {c.tags.length > 0 && (
                      <Group gap={4} mt={4} aria-label={t('case.fields.tags')}>
                        {c.tags.map((tag) => (
                          <Badge key={tag} size="xs" variant="outline" color="gray.8" tt="none">
                            {tag}
                          </Badge>
                        ))}
                      </Group>
                    )}
                  </Table.Td>
                  <Table.Td>{c.customer.displayName}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <StatusBadge status={c.status} />
                    {c.step && (
                      <Text size="xs" c="dimmed" mt={4}>
                        {names.step(c.step.key)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <PriorityBadge priority={c.priority} />
                  </Table.Td>
                  <Table.Td>{t(`case.channel.${c.channel}`)}</Table.Td>
                  <Table.Td>{c.assigneeId ? (names.user(c.assigneeId) ?? t('case.unknownUser')) : <Text span c="dimmed" size="sm">{t('case.unassigned')}</Text>}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <ClockBadge clocks={c.clocks} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <RelativeTime iso={c.lastActivityAt} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
