// What the case workspace asks of the API beyond the case itself: the channels a reply may
// go by, the colleagues a note may mention, files uploaded before a message, macros and
// their text for this case. Answers are checked against the server's zod contracts.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { renderedMacroSchema, macroSchema } from '../../../src/modules/automation/macros.contract.ts';
import { attachmentSchema } from '../../../src/modules/cases/cases.contract.ts';
import { replyChannelSchema } from '../../../src/modules/cases/reply.contract.ts';
import { mentionableUserSchema } from '../../../src/modules/user-notifications/user-notifications.contract.ts';
import { api } from '../api/http.ts';
import type { MacroDto, MentionableUser, RenderedMacroDto, ReplyChannelDto } from '../api/contracts.ts';
import { draftCheckSchema, type DraftCheckDto } from '../../../src/modules/social/social.contract.ts';

const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export type AttachmentDto = z.infer<typeof attachmentSchema>;

const CASE_HELPERS_STALE_MS = 60_000;
const id = (caseId: string) => encodeURIComponent(caseId);

export const workspaceKeys = {
  replyChannels: (caseId: string) => ['cases', 'reply-channels', caseId] as const,
  mentionable: (caseId: string) => ['cases', 'mentionable', caseId] as const,
  macros: ['macros'] as const,
  usableMacros: ['macros', 'usable'] as const,
};

export function replyChannelsQuery(caseId: string) {
  return queryOptions({
    queryKey: workspaceKeys.replyChannels(caseId),
    queryFn: ({ signal }): Promise<ReplyChannelDto[]> =>
      api(`/api/v1/cases/${id(caseId)}/reply-channels`, { signal, parse: (j) => itemsOf(replyChannelSchema).parse(j).items }),
    staleTime: CASE_HELPERS_STALE_MS,
  });
}

export function mentionableQuery(caseId: string) {
  return queryOptions({
    queryKey: workspaceKeys.mentionable(caseId),
    queryFn: ({ signal }): Promise<MentionableUser[]> =>
      api(`/api/v1/cases/${id(caseId)}/mentionable-users`, { signal, parse: (j) => itemsOf(mentionableUserSchema).parse(j).items }),
    staleTime: CASE_HELPERS_STALE_MS,
  });
}

/** The active macros the user may insert (shared and their own). */
export const usableMacrosQuery = queryOptions({
  queryKey: workspaceKeys.usableMacros,
  queryFn: ({ signal }): Promise<MacroDto[]> => api('/api/v1/macros', { query: { active: 'true' }, signal, parse: (j) => itemsOf(macroSchema).parse(j).items }),
  staleTime: CASE_HELPERS_STALE_MS,
});

export function renderMacro(caseId: string, macroId: string): Promise<RenderedMacroDto> {
  return api(`/api/v1/cases/${id(caseId)}/macros/${encodeURIComponent(macroId)}/render`, { method: 'POST', parse: (j) => renderedMacroSchema.parse(j) });
}

/** What a draft would show in public, and the ready reply asking the customer to go on in private (greeting them, signed by the brand). */
export function checkDraft(caseId: string, text: string): Promise<DraftCheckDto> {
  return api('/api/v1/social/draft-check', { method: 'POST', body: { text, caseId }, parse: (j) => draftCheckSchema.parse(j) });
}

export function uploadFiles(caseId: string, files: File[]): Promise<AttachmentDto[]> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return api(`/api/v1/cases/${id(caseId)}/attachments`, { method: 'POST', body: form, parse: (j) => itemsOf(attachmentSchema).parse(j).items });
}
