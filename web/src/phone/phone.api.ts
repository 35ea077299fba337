// The phone channel through the API: the screen pop of a ringing call, and logging the call
// on a case or opening a case from it. Answers are checked against the server's contracts.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { callSchema, screenPopSchema, type logCallBody, type openFromCallBody } from '../../../src/channels/phone/phone.contract.ts';
import { caseSchema } from '../../../src/modules/cases/cases.contract.ts';
import { api } from '../api/http.ts';

export type ScreenPop = z.infer<typeof screenPopSchema>;

import { phoneKeys } from './phone.keys.ts';

export { phoneKeys };

export function screenPopQuery(callId: string) {
  return queryOptions({
    queryKey: phoneKeys.pop(callId),
    queryFn: ({ signal }): Promise<ScreenPop> => api(`/api/v1/phone/calls/${encodeURIComponent(callId)}`, { signal, parse: (j) => screenPopSchema.parse(j) }),
  });
}

export function logCallOnCase(caseId: string, body: z.input<typeof logCallBody>) {
  return api(`/api/v1/cases/${encodeURIComponent(caseId)}/calls`, { method: 'POST', body, parse: (j) => callSchema.parse(j) });
}

export function openCaseFromCall(body: z.input<typeof openFromCallBody>) {
  return api('/api/v1/phone/cases', { method: 'POST', body, parse: (j) => ({ case: caseSchema.parse((j as { case: unknown }).case), call: callSchema.parse((j as { call: unknown }).call) }) });
}
