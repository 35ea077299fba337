// Opening cases through POST /api/v1/cases as fast as N keep-alive clients can: a new
// customer with an e-mail and a French message each time. Anything but 201 is an error.
import type { Organisation } from '../bootstrap.ts';
import { frenchRequest, prng, type Corpus } from '../corpus.ts';
import type { HttpClient } from '../http.ts';
import { runLoad, type LoadResult } from '../load.ts';

export interface CreationOptions {
  concurrency: number;
  durationMs?: number;
  count?: number;
  /** Requests before measuring, at the same concurrency (not counted). */
  warmupCount: number;
  /** Makes the customers' e-mails unique across runs on one database. */
  tag: string;
}

export async function measureCaseCreation(client: HttpClient, org: Organisation, corpus: Corpus, options: CreationOptions): Promise<LoadResult> {
  const random = prng(options.concurrency * 7919 + options.tag.length);
  let serial = 0;
  const body = () => {
    const request = frenchRequest(corpus, random, `${options.tag}-c${options.concurrency}-${serial++}`);
    const team = org.teams[Math.floor(random() * org.teams.length)]!;
    return {
      ...request,
      channel: random() < 0.7 ? 'email' : 'webform',
      brandId: org.brandId,
      teamId: team.id,
      reason: org.reasonKeys[Math.floor(random() * org.reasonKeys.length)],
      priority: random() < 0.1 ? 'high' : 'normal',
    };
  };
  const task = async () => (await client.post('/api/v1/cases', body())).status;
  if (options.warmupCount > 0) await runLoad({ concurrency: options.concurrency, count: options.warmupCount }, 201, task);
  return runLoad(
    {
      concurrency: options.concurrency,
      ...(options.durationMs !== undefined ? { durationMs: options.durationMs } : {}),
      ...(options.count !== undefined ? { count: options.count } : {}),
    },
    201,
    task,
  );
}
