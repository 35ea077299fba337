// The figures of the manager views as tables: open cases per team and status, the backlog
// by age and SLA state (each count opens the reassignment of that bucket), and agents' load.
// Every number is text in a table cell with its row and column headers, never colour alone.
import { Button, Paper, Table, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { openStatuses } from '../../../src/modules/cases/cases.contract.ts';
import { useReferenceNames } from '../reference/reference.api.ts';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import { ageBuckets, slaStates, type CaseBucket, type Workload } from './workload.api.ts';
import type { Selection } from './ReassignDialog.tsx';

type Choose = (selection: Selection) => void;

interface Column {
  label: ReactNode;
  /** Numbers are right-aligned, under a right-aligned header. */
  numeric?: boolean;
}

/** A titled section holding one table of figures: its column headers, then its rows. */
function FigureTable({ id, title, minWidth, testId, columns, children }: { id: string; title: string; minWidth: number; testId: string; columns: Column[]; children: ReactNode }) {
  return (
    <Paper component="section" withBorder aria-labelledby={id}>
      <Title order={2} size="h4" id={id} px="md" pt="md" pb="xs">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={minWidth}>
        <Table verticalSpacing="xs" striped data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={i} scope="col" ta={c.numeric ? 'right' : undefined}>
                  {c.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>{children}</Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** "Réassigner" on a row, its hidden end naming what it moves. */
function RowAction({ label, what, onClick }: { label: string; what: string; onClick: () => void }) {
  return (
    <Button size="compact-sm" variant="outline" onClick={onClick}>
      {label}
      <VisuallyHidden> {what}</VisuallyHidden>
    </Button>
  );
}

/** A count that opens the reassignment of its bucket; zero is plain text. */
function BucketCount({ n, label, bucket, onChoose }: { n: number; label: string; bucket: CaseBucket; onChoose: Choose }) {
  const { t } = useTranslation();
  if (n === 0) return <Text span c="dimmed">0</Text>;
  return (
    <UnstyledButton onClick={() => onChoose({ kind: 'bucket', bucket, label, count: n })} className="mantine-focus-auto" fw={700} td="underline" c="indigo.8">
      {n}
      <VisuallyHidden> {t('manager.backlog.reassignCell', { label })}</VisuallyHidden>
    </UnstyledButton>
  );
}

export function TeamTable({ w, onChoose }: { w: Workload; onChoose: Choose }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const teamName = (id: string | null) => (id ? (names.team(id) ?? t('manager.teams.unknown')) : t('manager.teams.none'));
  const columns: Column[] = [
    { label: t('manager.teams.team') },
    ...openStatuses.map((s) => ({ label: t(`case.status.${s}`), numeric: true })),
    { label: t('manager.total'), numeric: true },
    { label: t('manager.sla.breached'), numeric: true },
    { label: t('manager.sla.due_soon'), numeric: true },
    { label: <VisuallyHidden>{t('manager.actions')}</VisuallyHidden> },
  ];
  return (
    <FigureTable id="manager-teams" title={t('manager.teams.title')} minWidth={720} testId="team-workload" columns={columns}>
      {w.teams.length === 0 && (
        <Table.Tr>
          <Table.Td colSpan={columns.length}>{t('manager.empty')}</Table.Td>
        </Table.Tr>
      )}
      {w.teams.map((row) => (
        <Table.Tr key={row.teamId ?? 'none'} data-team={row.teamId ?? 'none'}>
          <Table.Th scope="row">{teamName(row.teamId)}</Table.Th>
          {openStatuses.map((s) => (
            <Table.Td key={s} ta="right">
              {row.byStatus[s]}
            </Table.Td>
          ))}
          <Table.Td ta="right" fw={700}>
            {row.total}
          </Table.Td>
          <Table.Td ta="right">{row.breached}</Table.Td>
          <Table.Td ta="right">{row.dueSoon}</Table.Td>
          <Table.Td ta="right">
            <RowAction
              label={t('manager.reassign.open')}
              what={teamName(row.teamId)}
              onClick={() => onChoose({ kind: 'bucket', bucket: { teamId: row.teamId ?? 'none' }, label: teamName(row.teamId), count: row.total })}
            />
          </Table.Td>
        </Table.Tr>
      ))}
    </FigureTable>
  );
}

export function BacklogTable({ w, onChoose }: { w: Workload; onChoose: Choose }) {
  const { t } = useTranslation();
  const columns: Column[] = [
    { label: t('manager.backlog.age') },
    ...slaStates.map((s) => ({ label: t(`manager.sla.${s}`), numeric: true })),
    { label: t('manager.total'), numeric: true },
  ];
  return (
    <FigureTable id="manager-backlog" title={t('manager.backlog.title')} minWidth={600} testId="backlog" columns={columns}>
      {ageBuckets.map((age) => {
        const row = w.backlog.find((b) => b.age === age)!;
        return (
          <Table.Tr key={age} data-age={age}>
            <Table.Th scope="row">{t(`manager.age.${age}`)}</Table.Th>
            {slaStates.map((sla) => (
              <Table.Td key={sla} ta="right" data-sla={sla}>
                <BucketCount n={row.bySla[sla]} bucket={{ age, sla }} label={`${t(`manager.age.${age}`)}, ${t(`manager.sla.${sla}`)}`} onChoose={onChoose} />
              </Table.Td>
            ))}
            <Table.Td ta="right" fw={700}>
              <BucketCount n={row.total} bucket={{ age }} label={t(`manager.age.${age}`)} onChoose={onChoose} />
            </Table.Td>
          </Table.Tr>
        );
      })}
    </FigureTable>
  );
}

export function AgentTable({ w, onChoose }: { w: Workload; onChoose: Choose }) {
  const { t } = useTranslation();
  const columns: Column[] = [
    { label: t('manager.agents.agent') },
    { label: t('manager.agents.open'), numeric: true },
    { label: t('manager.agents.oldest') },
    { label: t('manager.sla.breached'), numeric: true },
    { label: t('manager.sla.due_soon'), numeric: true },
    { label: <VisuallyHidden>{t('manager.actions')}</VisuallyHidden> },
  ];
  const unassigned = t('manager.agents.unassigned');
  return (
    <FigureTable id="manager-agents" title={t('manager.agents.title')} minWidth={640} testId="agents-load" columns={columns}>
      {w.agents.map((a) => (
        <Table.Tr key={a.userId} data-agent={a.userId}>
          <Table.Th scope="row">{a.name}</Table.Th>
          <Table.Td ta="right" fw={700}>
            {a.open}
          </Table.Td>
          <Table.Td>
            <RelativeTime iso={a.oldestCreatedAt} />
          </Table.Td>
          <Table.Td ta="right">{a.breached}</Table.Td>
          <Table.Td ta="right">{a.dueSoon}</Table.Td>
          <Table.Td ta="right">
            <RowAction label={t('manager.reassign.open')} what={t('manager.agents.casesOf', { name: a.name })} onClick={() => onChoose({ kind: 'agent', userId: a.userId, name: a.name })} />
          </Table.Td>
        </Table.Tr>
      ))}
      <Table.Tr data-agent="none">
        <Table.Th scope="row">{unassigned}</Table.Th>
        <Table.Td ta="right" fw={700}>
          {w.totals.unassigned}
        </Table.Td>
        <Table.Td colSpan={3} />
        <Table.Td ta="right">
          {w.totals.unassigned > 0 && (
            <RowAction
              label={t('manager.reassign.assign')}
              what={unassigned}
              onClick={() => onChoose({ kind: 'bucket', bucket: { assigneeId: 'none' }, label: unassigned, count: w.totals.unassigned })}
            />
          )}
        </Table.Td>
      </Table.Tr>
    </FigureTable>
  );
}
