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

function Section({ id, title, children, minWidth }: { id: string; title: string; children: ReactNode; minWidth: number }) {
  return (
    <Paper component="section" withBorder aria-labelledby={id}>
      <Title order={2} size="h4" id={id} px="md" pt="md" pb="xs">
        {title}
      </Title>
      <Table.ScrollContainer minWidth={minWidth}>{children}</Table.ScrollContainer>
    </Paper>
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
  return (
    <Section id="manager-teams" title={t('manager.teams.title')} minWidth={720}>
      <Table verticalSpacing="xs" striped data-testid="team-workload">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('manager.teams.team')}</Table.Th>
            {openStatuses.map((s) => (
              <Table.Th key={s} scope="col" ta="right">
                {t(`case.status.${s}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">{t('manager.total')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('manager.sla.breached')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('manager.sla.due_soon')}</Table.Th>
            <Table.Th scope="col"><VisuallyHidden>{t('manager.actions')}</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {w.teams.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={openStatuses.length + 5}>{t('manager.empty')}</Table.Td>
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
              <Table.Td ta="right" fw={700}>{row.total}</Table.Td>
              <Table.Td ta="right">{row.breached}</Table.Td>
              <Table.Td ta="right">{row.dueSoon}</Table.Td>
              <Table.Td ta="right">
                <Button size="compact-sm" variant="outline" onClick={() => onChoose({ kind: 'bucket', bucket: { teamId: row.teamId ?? 'none' }, label: teamName(row.teamId), count: row.total })}>
                  {t('manager.reassign.open')}
                  <VisuallyHidden> {teamName(row.teamId)}</VisuallyHidden>
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

export function BacklogTable({ w, onChoose }: { w: Workload; onChoose: Choose }) {
  const { t } = useTranslation();
  return (
    <Section id="manager-backlog" title={t('manager.backlog.title')} minWidth={600}>
      <Table verticalSpacing="xs" data-testid="backlog">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('manager.backlog.age')}</Table.Th>
            {slaStates.map((s) => (
              <Table.Th key={s} scope="col" ta="right">
                {t(`manager.sla.${s}`)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">{t('manager.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
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
        </Table.Tbody>
      </Table>
    </Section>
  );
}

export function AgentTable({ w, onChoose }: { w: Workload; onChoose: Choose }) {
  const { t } = useTranslation();
  return (
    <Section id="manager-agents" title={t('manager.agents.title')} minWidth={640}>
      <Table verticalSpacing="xs" striped data-testid="agents-load">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('manager.agents.agent')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('manager.agents.open')}</Table.Th>
            <Table.Th scope="col">{t('manager.agents.oldest')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('manager.sla.breached')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('manager.sla.due_soon')}</Table.Th>
            <Table.Th scope="col"><VisuallyHidden>{t('manager.actions')}</VisuallyHidden></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {w.agents.map((a) => (
            <Table.Tr key={a.userId} data-agent={a.userId}>
              <Table.Th scope="row">{a.name}</Table.Th>
              <Table.Td ta="right" fw={700}>{a.open}</Table.Td>
              <Table.Td>
                <RelativeTime iso={a.oldestCreatedAt} />
              </Table.Td>
              <Table.Td ta="right">{a.breached}</Table.Td>
              <Table.Td ta="right">{a.dueSoon}</Table.Td>
              <Table.Td ta="right">
                <Button size="compact-sm" variant="outline" onClick={() => onChoose({ kind: 'agent', userId: a.userId, name: a.name })}>
                  {t('manager.reassign.open')}
                  <VisuallyHidden> {t('manager.agents.casesOf', { name: a.name })}</VisuallyHidden>
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr data-agent="none">
            <Table.Th scope="row">{t('manager.agents.unassigned')}</Table.Th>
            <Table.Td ta="right" fw={700}>{w.totals.unassigned}</Table.Td>
            <Table.Td colSpan={3} />
            <Table.Td ta="right">
              {w.totals.unassigned > 0 && (
                <Button size="compact-sm" variant="outline" onClick={() => onChoose({ kind: 'bucket', bucket: { assigneeId: 'none' }, label: t('manager.agents.unassigned'), count: w.totals.unassigned })}>
                  {t('manager.reassign.assign')}
                  <VisuallyHidden> {t('manager.agents.unassigned')}</VisuallyHidden>
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Section>
  );
}
