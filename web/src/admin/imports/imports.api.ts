// The order import API as the screen uses it: the sources and the latest imports, one import
// polled while it runs, and the uploads (preview, dry run, start).
import { queryOptions } from '@tanstack/react-query';
import type { DryRunReport, FileImportSourceDto, ImportPreview, OrderImportDto } from '../../../../src/modules/commerce/import/import.contract.ts';
import { api } from '../../api/http.ts';
import { importFormData, isFinished, previewFormData, type ImportSettings } from './import-draft.ts';

export type { DryRunReport, FileImportSourceDto, ImportPreview, OrderImportDto };
export type ImportSummary = Omit<OrderImportDto, 'badRows'>;

const key = ['admin', 'order-imports'] as const;
const POLL_MS = 1000;

export const importKeys = { all: key, sources: [...key, 'sources'] as const };

export const importListQuery = queryOptions({
  queryKey: [...key, 'list'],
  queryFn: ({ signal }) => api<{ items: ImportSummary[] }>('/api/v1/order-imports', { signal }).then((r) => r.items),
});

export const importSourcesQuery = queryOptions({
  queryKey: importKeys.sources,
  queryFn: ({ signal }) => api<{ items: FileImportSourceDto[] }>('/api/v1/order-imports/sources', { signal }).then((r) => r.items),
});

/** One import, asked again every second until it is done or failed. */
export function importQuery(id: string) {
  return queryOptions({
    queryKey: [...key, 'one', id],
    queryFn: ({ signal }) => api<OrderImportDto>(`/api/v1/order-imports/${encodeURIComponent(id)}`, { signal }),
    refetchInterval: (query) => (query.state.data && isFinished(query.state.data) ? false : POLL_MS),
  });
}

export const previewImport = (file: File, sourceId: string | null) =>
  api<ImportPreview>('/api/v1/order-imports/preview', { method: 'POST', body: previewFormData(file, sourceId) });

export const dryRunImport = (file: File, settings: ImportSettings) => api<DryRunReport>('/api/v1/order-imports', { method: 'POST', body: importFormData(file, settings, true) });

export const startImport = (file: File, settings: ImportSettings) => api<OrderImportDto>('/api/v1/order-imports', { method: 'POST', body: importFormData(file, settings, false) });
