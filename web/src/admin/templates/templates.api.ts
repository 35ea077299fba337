// Message templates as admins see and change them: every key × channel × language with its
// current text, saving one's own version (PUT), going back to the built-in text (DELETE), and
// rendering a saved or unsaved text with sample data (POST /templates/preview).
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { PreviewTemplateInput, RenderedMessageDto, TemplateDto } from '../../../../src/modules/notifications/notifications.contract.ts';
import { api } from '../../api/http.ts';

export type { RenderedMessageDto, TemplateDto };
export const templateKeys = { all: ['admin', 'templates'] as const };

export const templatesQuery = queryOptions({
  queryKey: templateKeys.all,
  queryFn: ({ signal }) => api<{ items: TemplateDto[] }>('/api/v1/templates', { signal }).then((r) => r.items),
});

const pathOf = (t: Pick<TemplateDto, 'key' | 'channel' | 'language'>) => `/api/v1/templates/${t.key}/${t.channel}/${t.language}`;

export const saveTemplate = (t: TemplateDto, body: { subject?: string; body: string }) => api<TemplateDto>(pathOf(t), { method: 'PUT', body });
export const resetTemplate = (t: TemplateDto) => api<TemplateDto>(pathOf(t), { method: 'DELETE' });

export function previewQuery(input: PreviewTemplateInput) {
  return queryOptions({
    queryKey: ['admin', 'template-preview', input],
    queryFn: ({ signal }) => api<RenderedMessageDto>('/api/v1/templates/preview', { method: 'POST', body: input, signal }),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
}
