// The manager views through the API: the workload (one request) and reassigning in one
// action. Answers are checked against the server's contracts.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { reassignResultSchema, workloadSchema, type reassignBody } from '../../../src/modules/workload/workload.contract.ts';
import { api } from '../api/http.ts';
import { workloadKey } from './workload.keys.ts';

export type Workload = z.infer<typeof workloadSchema>;
export type ReassignInput = z.input<typeof reassignBody>;
export type ReassignResult = z.infer<typeof reassignResultSchema>;
export type { AgeBucket, CaseBucket, SlaState } from '../../../src/modules/workload/workload.contract.ts';
export { ageBuckets, slaStates, REASSIGN_MAX } from '../../../src/modules/workload/workload.contract.ts';

export { workloadKey };

/**
 * The figures follow the live stream: a case opened, assigned or closed by anyone refreshes
 * them, at most every 10 seconds like the inbox's counts (each refresh reads every open case of
 * the manager's scope: useLiveUpdates.ts). Ages and SLA states also move with time alone: every
 * minute anyway.
 */
export const workloadQuery = queryOptions({
  queryKey: workloadKey,
  queryFn: ({ signal }): Promise<Workload> => api('/api/v1/workload', { signal, parse: (j) => workloadSchema.parse(j) }),
  refetchInterval: 60_000,
});

export function reassign(input: ReassignInput): Promise<ReassignResult> {
  return api('/api/v1/workload/reassign', { method: 'POST', body: input, parse: (j) => reassignResultSchema.parse(j) });
}
