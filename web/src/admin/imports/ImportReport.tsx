// What reading a file found, for the dry run and for the real run: the counts, the reason it
// stopped if it could not be read to the end, and the bad rows with their line and reason.
import { Alert, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BadRow, FileProblem } from '../../../../src/modules/commerce/import/import.contract.ts';
import { AdminTable } from '../ui/AdminTable.tsx';

/** The first rows only: the file has the rest, the counts say how many. */
const SHOWN_BAD_ROWS = 100;

export function Counts({ items }: { items: [label: string, value: number][] }) {
  const { i18n } = useTranslation();
  return (
    <Group gap="lg" wrap="wrap">
      {items.map(([label, value]) => (
        <Paper key={label} withBorder px="md" py="xs">
          <Text size="xs" c="dimmed">
            {label}
          </Text>
          <Text fw={700} size="lg">
            {value.toLocaleString(i18n.language)}
          </Text>
        </Paper>
      ))}
    </Group>
  );
}

export function FileProblemAlert({ problem }: { problem: FileProblem }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert" title={t(`admin.imports.problems.${problem.code}`)}>
      {problem.line !== null && <Text size="sm">{t('admin.imports.problems.atLine', { line: problem.line })}</Text>}
      <Text size="sm" c="dimmed">
        {problem.message}
      </Text>
    </Alert>
  );
}

export function BadRows({ rows, count }: { rows: BadRow[]; count: number }) {
  const { t, i18n } = useTranslation();
  if (count === 0) return <Text size="sm">{t('admin.imports.badRows.none')}</Text>;
  const shown = rows.slice(0, SHOWN_BAD_ROWS);
  return (
    <Stack gap="xs">
      <AdminTable caption={t('admin.imports.badRows.title')} columns={[t('admin.imports.badRows.line'), t('admin.imports.badRows.reason'), t('admin.imports.badRows.field'), t('admin.imports.badRows.value')]} minWidth={640}>
        {shown.map((row) => (
          <Table.Tr key={`${row.line}:${row.code}`}>
            <Table.Td>{row.line.toLocaleString(i18n.language)}</Table.Td>
            <Table.Td>{t(`admin.imports.codes.${row.code}`)}</Table.Td>
            <Table.Td>{row.field ? t(`admin.imports.fields.${row.field}`) : '—'}</Table.Td>
            <Table.Td>
              <Text size="sm" ff="monospace">
                {row.value || '∅'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </AdminTable>
      {count > shown.length && (
        <Text size="sm" c="dimmed">
          {t('admin.imports.badRows.more', { shown: shown.length.toLocaleString(i18n.language), count: count.toLocaleString(i18n.language) })}
        </Text>
      )}
    </Stack>
  );
}
