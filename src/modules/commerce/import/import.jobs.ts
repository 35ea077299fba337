// The job that reads an uploaded order file into the database (import-run.ts runs it).
import { z } from 'zod';
import { jobType } from '../../../platform/jobs/job-types.ts';

export const importOrdersJob = jobType('commerce.import_orders', z.object({ importId: z.uuid() }), {
  // A failed batch rolls back alone and the next run starts over: every write is idempotent.
  retry: { maxAttempts: 3, baseDelayMs: 30_000 },
  // Presumed dead only after this long: a million lines take minutes, not hours.
  timeoutMs: 6 * 60 * 60_000,
});
