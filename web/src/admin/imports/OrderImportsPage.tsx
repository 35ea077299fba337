// Importing store sales from a till export (CSV or XLSX): choose the file and where its orders
// come from, check the column mapping suggested from its headers, try it (the dry run reports
// the bad rows and writes nothing), then send it for real and follow its progress. Below, the latest
// imports. Administrators only (org.manage).
import { Button, FileInput, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnMapping } from '../../../../src/modules/commerce/import/import.contract.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { RelativeTime } from '../../ui/RelativeTime.tsx';
import { useAdminAccess } from '../admin-access.ts';
import { brands } from '../admin.api.ts';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { EmptyState, QueryState } from '../ui/QueryState.tsx';
import { canSend, type ImportSettings } from './import-draft.ts';
import { dryRunImport, importKeys, importListQuery, importSourcesQuery, previewImport, startImport, type DryRunReport, type ImportPreview } from './imports.api.ts';
import { ImportProgress, ImportStateBadge } from './ImportProgress.tsx';
import { BadRows, Counts, FileProblemAlert } from './ImportReport.tsx';
import { MappingEditor } from './MappingEditor.tsx';

const NEW_SOURCE = '__new__';
const initial: ImportSettings = { sourceId: null, sourceName: '', brandId: null, mapping: {}, currency: 'EUR', dateOrder: 'dmy' };

function DryRunResult({ report }: { report: DryRunReport }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      {report.problem && <FileProblemAlert problem={report.problem} />}
      <Counts
        items={[
          [t('admin.imports.report.linesRead'), report.linesRead],
          [t('admin.imports.report.goodLines'), report.goodLines],
          [t('admin.imports.report.orders'), report.ordersFound],
          [t('admin.imports.counts.badRows'), report.badRowCount],
        ]}
      />
      <BadRows rows={report.badRows} count={report.badRowCount} />
    </Stack>
  );
}

function RecentImports() {
  const { t, i18n } = useTranslation();
  const list = useQuery(importListQuery);
  return (
    <QueryState query={list} loading={t('admin.imports.recent.loading')} failed={t('admin.imports.recent.loadFailed')}>
      {(items) =>
        items.length === 0 ? (
          <EmptyState title={t('admin.imports.recent.empty')} />
        ) : (
          <AdminTable caption={t('admin.imports.recent.title')} columns={[t('admin.imports.recent.file'), t('admin.imports.source'), t('admin.table.status'), t('admin.imports.recent.lines'), t('admin.imports.counts.ordersCreated'), t('admin.imports.counts.badRows'), t('admin.imports.recent.when')]}>
            {items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.fileName}</Table.Td>
                <Table.Td>{i.sourceName}</Table.Td>
                <Table.Td>
                  <ImportStateBadge state={i.state} />
                </Table.Td>
                <Table.Td>{i.linesDone.toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>{i.ordersCreated.toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>{i.badRowCount.toLocaleString(i18n.language)}</Table.Td>
                <Table.Td>
                  <RelativeTime iso={i.createdAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </AdminTable>
        )
      }
    </QueryState>
  );
}

export function OrderImportsPage() {
  const { t } = useTranslation();
  const access = useAdminAccess();
  const client = useQueryClient();
  const sources = useQuery({ ...importSourcesQuery, enabled: access.manage });
  const brandList = useQuery({ ...brands.list, enabled: access.manage });
  const [file, setFile] = useState<File | null>(null);
  const [settings, setSettings] = useState<ImportSettings>(initial);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<DryRunReport | null>(null);
  const [started, setStarted] = useState<string | null>(null);
  const update = (patch: Partial<ImportSettings>) => {
    setSettings((s) => ({ ...s, ...patch }));
    setReport(null);
  };

  const read = useMutation({
    mutationFn: ({ chosen, sourceId }: { chosen: File; sourceId: string | null }) => previewImport(chosen, sourceId),
    onSuccess: (p) => {
      setPreview(p);
      update({ mapping: p.suggested });
    },
  });
  const check = useMutation({ mutationFn: () => dryRunImport(file!, settings), onSuccess: setReport });
  const start = useMutation({
    mutationFn: () => startImport(file!, settings),
    onSuccess: (created) => {
      setStarted(created.id);
      void client.invalidateQueries({ queryKey: importKeys.all });
    },
  });

  const choose = (chosen: File | null) => {
    setFile(chosen);
    setPreview(null);
    setReport(null);
    setStarted(null);
    if (chosen) read.mutate({ chosen, sourceId: settings.sourceId });
  };
  const chooseSource = (value: string | null) => {
    const sourceId = value && value !== NEW_SOURCE ? value : null;
    update({ sourceId });
    if (file) read.mutate({ chosen: file, sourceId });
  };
  const ready = canSend(file, settings) && !!preview;

  return (
    <AdminPage title={t('admin.imports.title')} intro={t('admin.imports.intro')} readOnly={!access.manage}>
      {access.manage && (
        <Paper withBorder p="md">
          <Stack gap="md">
            <Title order={3} size="h4">
              {t('admin.imports.step.file')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
              <FileInput label={t('admin.imports.file')} description={t('admin.imports.fileHelp')} accept=".csv,.txt,.tsv,.xlsx,text/csv" value={file} onChange={choose} clearable clearButtonProps={{ 'aria-label': t('admin.imports.clearFile') }} />
              <Select
                label={t('admin.imports.source')}
                data={[...(sources.data ?? []).map((s) => ({ value: s.id, label: s.name })), { value: NEW_SOURCE, label: t('admin.imports.newSource') }]}
                value={settings.sourceId ?? NEW_SOURCE}
                onChange={chooseSource}
                allowDeselect={false}
              />
              {!settings.sourceId && (
                <Group grow align="flex-start" gap="sm">
                  <TextInput label={t('admin.imports.sourceName')} placeholder={t('admin.imports.sourceNamePlaceholder')} value={settings.sourceName} onChange={(e) => update({ sourceName: e.currentTarget.value })} required />
                  <Select label={t('admin.imports.brand')} data={(brandList.data ?? []).map((b) => ({ value: b.id, label: b.name }))} value={settings.brandId} onChange={(brandId) => update({ brandId })} clearable clearButtonProps={{ 'aria-label': t('admin.imports.clearBrand') }} />
                </Group>
              )}
            </SimpleGrid>
            {read.isPending && <Text size="sm">{t('admin.imports.reading')}</Text>}
            {read.isError && <ProblemAlert error={read.error} title={t('admin.imports.readFailed')} />}
            {preview && (
              <>
                <Title order={3} size="h4">
                  {t('admin.imports.step.mapping')}
                </Title>
                <MappingEditor preview={preview} mapping={settings.mapping} onChange={(mapping: ColumnMapping) => update({ mapping })} />
                <Group gap="sm" align="flex-end">
                  <TextInput label={t('admin.imports.currency')} value={settings.currency} onChange={(e) => update({ currency: e.currentTarget.value })} maxLength={3} w={120} />
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id="import-date-order">
                      {t('admin.imports.dateOrder.label')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="import-date-order"
                      value={settings.dateOrder}
                      onChange={(v) => update({ dateOrder: v as ImportSettings['dateOrder'] })}
                      data={[
                        { value: 'dmy', label: t('admin.imports.dateOrder.dmy') },
                        { value: 'mdy', label: t('admin.imports.dateOrder.mdy') },
                      ]}
                    />
                  </Stack>
                </Group>
                <Title order={3} size="h4">
                  {t('admin.imports.step.check')}
                </Title>
                <Group gap="sm">
                  <Button variant="default" onClick={() => check.mutate()} loading={check.isPending} disabled={!ready || start.isPending}>
                    {t('admin.imports.dryRun')}
                  </Button>
                  <Button onClick={() => start.mutate()} loading={start.isPending} disabled={!ready || !!started}>
                    {t('admin.imports.start')}
                  </Button>
                </Group>
                <Text size="sm" c="dimmed">
                  {t('admin.imports.idempotent')}
                </Text>
                {check.isError && <ProblemAlert error={check.error} title={t('admin.imports.dryRunFailed')} />}
                {report && <DryRunResult report={report} />}
                {start.isError && <ProblemAlert error={start.error} title={t('admin.imports.startFailed')} />}
                {started && <ImportProgress id={started} />}
              </>
            )}
          </Stack>
        </Paper>
      )}
      {access.manage && (
        <>
          <Title order={3} size="h4">
            {t('admin.imports.recent.title')}
          </Title>
          <RecentImports />
        </>
      )}
    </AdminPage>
  );
}
