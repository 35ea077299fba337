// Macros as managers keep them: every macro they may see (switched-off ones too), writing,
// deleting, and the preview of unsaved texts in both languages.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { createMacroBody, macroPreviewSchema, macroSchema } from '../../../src/modules/automation/macros.contract.ts';
import { api } from '../api/http.ts';
import type { MacroDto, UpdateMacroInput } from '../api/contracts.ts';
import { workspaceKeys } from '../cases/workspace.api.ts';

const list = z.object({ items: z.array(macroSchema) });

export const allMacrosQuery = queryOptions({
  queryKey: [...workspaceKeys.macros, 'all'],
  queryFn: ({ signal }): Promise<MacroDto[]> => api('/api/v1/macros', { signal, parse: (j) => list.parse(j).items }),
});

export function previewQuery(texts: { bodyFr: string; bodyEn: string }) {
  return queryOptions({
    queryKey: [...workspaceKeys.macros, 'preview', texts],
    queryFn: ({ signal }) => api('/api/v1/macros/preview', { method: 'POST', body: texts, signal, parse: (j) => macroPreviewSchema.parse(j) }),
    enabled: texts.bodyFr.trim() !== '' && texts.bodyEn.trim() !== '',
    retry: false,
  });
}

export const createMacro = (input: z.input<typeof createMacroBody>) =>
  api('/api/v1/macros', { method: 'POST', body: input, parse: (j) => macroSchema.parse(j) });
export const updateMacro = (id: string, input: UpdateMacroInput) => api(`/api/v1/macros/${encodeURIComponent(id)}`, { method: 'PATCH', body: input, parse: (j) => macroSchema.parse(j) });
export const deleteMacro = (id: string) => api<void>(`/api/v1/macros/${encodeURIComponent(id)}`, { method: 'DELETE' });
