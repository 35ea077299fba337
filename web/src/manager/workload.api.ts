// The manager views through the API: the workload (one request) and reassigning in one
// action. Answers are checked against the server's contracts.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { reassignResultSchema, workloadSchema, type reassignBody } from '../../../src/modules/workload/workload.contract.ts';
import { api } from '../api/http.ts';

export type Workload = z.infer<typeof workloadSchema>;
export type ReassignInput = z.input<typeof reassignBody>;
export type ReassignResult = z.infer<typeof reassignResultSchema>;
export type { AgeBucket, CaseBucket, SlaState } from '../../../src/modules/workload/workload.contract.ts';
export { ageBuckets, slaStates, REASSIGN_MAX } from '../../../src/modules/workload/workload.contract.ts';

export const workloadKey = ['workload'] as const;

/** Refreshed every half minute while shown: the figures are a picture of now. */
export const workloadQuery = queryOptions({
  queryKey: workloadKey,
  queryFn: ({ signal }): Promise<Workload> => api('/api/v1/workload', { signal, parse: (j) => workloadSchema.parse(j) }),
  refetchInterval: 30_000,
});

export function reassign(input: ReassignInput): Promise<ReassignResult> {
  return api('/api/v1/workload/reassign', { method: 'POST', body: input, parse: (j) => reassignResultSchema.parse(j) });
}
