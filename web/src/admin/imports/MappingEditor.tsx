// The column mapping: for each field of an order line, the file's column that holds it, with
// the suggestion preselected (from the headers, or the mapping last used with the source);
// the fields still needed are marked, and the file's first rows are shown to check against.
import { Group, Paper, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { importFields, type ColumnMapping, type ImportField } from '../../../../src/modules/commerce/import/import.contract.ts';
import type { ImportPreview } from './imports.api.ts';
import { missingFields } from './import-draft.ts';

interface MappingEditorProps {
  preview: ImportPreview;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
}

export function MappingEditor({ preview, mapping, onChange }: MappingEditorProps) {
  const { t } = useTranslation();
  const missing = new Set(missingFields(mapping));
  const used = new Set(Object.values(mapping));
  const options = preview.headers.filter(Boolean).map((h) => ({ value: h, label: h }));
  const set = (field: ImportField, header: string | null) => onChange({ ...mapping, [field]: header ?? undefined });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t(preview.suggestedFrom === 'saved' ? 'admin.imports.mapping.fromSaved' : 'admin.imports.mapping.fromHeaders')}{' '}
        {t('admin.imports.mapping.fileFacts', { encoding: preview.encoding, delimiter: preview.delimiter === '\t' ? 'tab' : (preview.delimiter ?? '—'), format: preview.format.toUpperCase() })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {importFields.map((field) => (
          <Select
            key={field}
            label={t(`admin.imports.fields.${field}`)}
            placeholder={t('admin.imports.mapping.none')}
            data={options.map((o) => ({ ...o, disabled: used.has(o.value) && mapping[field] !== o.value }))}
            value={mapping[field] ?? null}
            onChange={(value) => set(field, value)}
            clearable
            clearButtonProps={{ 'aria-label': `${t('admin.imports.mapping.clear')} (${t(`admin.imports.fields.${field}`)})` }}
            searchable
            withAsterisk={missing.has(field)}
            error={missing.has(field) ? t('admin.imports.mapping.needed') : undefined}
          />
        ))}
      </SimpleGrid>
      {preview.sample.length > 0 && (
        <Paper withBorder>
          <Group px="sm" pt="xs">
            <Text size="sm" fw={600}>
              {t('admin.imports.mapping.sample')}
            </Text>
          </Group>
          <ScrollArea>
            <Table fz="xs" striped>
              <Table.Thead>
                <Table.Tr>
                  {preview.headers.map((h, i) => (
                    <Table.Th key={i} scope="col">
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sample.map((row, r) => (
                  <Table.Tr key={r}>
                    {preview.headers.map((_h, c) => (
                      <Table.Td key={c}>{row[c] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        </Paper>
      )}
    </Stack>
  );
}
