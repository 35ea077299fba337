// The counter through the API: find the customer (or the case of a scanned ticket), open a
// counter case, record a visit, and the ticket's address. Answers are checked against the
// server's contracts.
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { counterMatchSchema, type openCounterCaseBody, type TicketFormat } from '../../../src/channels/counter/counter.contract.ts';
import { caseSchema } from '../../../src/modules/cases/cases.contract.ts';
import { api } from '../api/http.ts';
import type { CaseDto } from '../api/contracts.ts';

export type CounterMatch = z.infer<typeof counterMatchSchema>;
export type OpenCounterCaseInput = z.input<typeof openCounterCaseBody>;
export type { TicketFormat };

const lookupAnswer = z.object({ items: z.array(counterMatchSchema) });

export const counterKeys = { lookup: (q: string) => ['counter', 'lookup', q] as const };

export function counterLookupQuery(q: string) {
  return queryOptions({
    queryKey: counterKeys.lookup(q),
    queryFn: ({ signal }): Promise<CounterMatch[]> => api('/api/v1/counter/lookup', { query: { q }, signal, parse: (j) => lookupAnswer.parse(j).items }),
    enabled: q.trim().length >= 2,
    staleTime: 0,
  });
}

export function openCounterCase(input: OpenCounterCaseInput): Promise<CaseDto> {
  return api('/api/v1/counter/cases', { method: 'POST', body: input, parse: (j) => caseSchema.parse(j) });
}

export function recordVisit(caseId: string, input: { message: string; storeId?: string }): Promise<CaseDto> {
  return api(`/api/v1/cases/${encodeURIComponent(caseId)}/counter-visits`, { method: 'POST', body: input, parse: (j) => caseSchema.parse(j) });
}

/** The ticket PDF, opened in a new tab where the browser's viewer prints it. */
export function ticketUrl(caseId: string, format: TicketFormat, lang: string): string {
  return `/api/v1/cases/${encodeURIComponent(caseId)}/ticket.pdf?format=${format}&lang=${lang === 'en' ? 'en' : 'fr'}`;
}
