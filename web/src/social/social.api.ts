// The social inbox through the API: the stream of public messages (50 at a time), the live
// response figure per account, the response-time report and handing a message over. Answers
// are checked against the server's contracts. The stream's and the live figure's keys sit
// under the case lists' key, so the live connection (a case created, a message on a timeline)
// refreshes them as it refreshes the inbox.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import {
  handOverResultSchema,
  liveResponseSchema,
  responseTimesSchema,
  socialMessageSchema,
  type handOverBody,
  type responseTimesQuery,
  type socialInboxQuery,
} from '../../../src/modules/social/social.contract.ts';
import { api } from '../api/http.ts';
import { caseKeys } from '../cases/cases.keys.ts';

export type SocialMessage = z.infer<typeof socialMessageSchema>;
/** The stream's query as sent (coerced numbers go as numbers). */
export type SocialInboxParams = Omit<z.input<typeof socialInboxQuery>, 'cursor' | 'limit' | 'minUrgency'> & { minUrgency?: number };
export type ResponseTimes = z.infer<typeof responseTimesSchema>;
export type ResponseTimesParams = z.input<typeof responseTimesQuery>;
export type HandOverInput = z.input<typeof handOverBody>;
export { socialChannels, socialSignals, socialSortOrders } from '../../../src/modules/social/social.contract.ts';

export const SOCIAL_PAGE_SIZE = 50;
const messagePage = z.object({ items: z.array(socialMessageSchema), nextCursor: z.string().nullable() });

export const socialKeys = {
  stream: (params: SocialInboxParams) => [...caseKeys.lists(), 'social', params] as const,
  live: () => [...caseKeys.lists(), 'social-live'] as const,
  responseTimes: (params: ResponseTimesParams) => ['social', 'response-times', params] as const,
};

export function socialStreamQuery(params: SocialInboxParams) {
  return infiniteQueryOptions({
    queryKey: socialKeys.stream(params),
    queryFn: ({ pageParam, signal }) =>
      api('/api/v1/social/inbox', { query: { ...params, limit: SOCIAL_PAGE_SIZE, cursor: pageParam }, signal, parse: (j) => messagePage.parse(j) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** The live stream refreshes it; the minute refresh moves the ages on when nothing happens. */
export const liveResponseQuery = queryOptions({
  queryKey: socialKeys.live(),
  queryFn: ({ signal }) => api('/api/v1/social/response-times/live', { signal, parse: (j) => liveResponseSchema.parse(j) }),
  refetchInterval: 60_000,
});

export function responseTimesReportQuery(params: ResponseTimesParams) {
  return queryOptions({
    queryKey: socialKeys.responseTimes(params),
    queryFn: ({ signal }) => api('/api/v1/social/response-times', { query: { ...params }, signal, parse: (j) => responseTimesSchema.parse(j) }),
  });
}

export const handOver = (eventId: string, input: HandOverInput) =>
  api(`/api/v1/social/messages/${encodeURIComponent(eventId)}/hand-over`, { method: 'POST', body: input, parse: (j) => handOverResultSchema.parse(j) });
