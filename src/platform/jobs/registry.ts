// Which handler runs which job type. Filled once at start (src/jobs.ts), read by workers.
import type { SQL } from 'drizzle-orm';
import type { JobType } from './job-types.ts';

export interface JobRun {
  id: string;
  name: string;
  attempt: number;
  maxAttempts: number;
  /**
   * The statement that deletes this job once it is done, for a handler to run within its own
   * last statement (`WITH done AS (…) UPDATE …`) — the job then ends in the same commit as its
   * work, and the worker does not delete it again. Call it only for a statement that will run.
   */
  completion(): SQL;
  /**
   * The same for a prepared statement: the job's id and lease, to delete it with
   * `DELETE FROM job WHERE id = jobId AND locked_by = lockedBy` in the handler's last statement.
   */
  completionKey(): { jobId: string; lockedBy: string };
}

export type JobHandler<P, C> = (payload: P, ctx: C, run: JobRun) => Promise<void>;

interface Entry<C> {
  type: JobType<unknown>;
  handler: JobHandler<unknown, C>;
}

export class JobRegistry<C> {
  private readonly entries = new Map<string, Entry<C>>();

  handle<P>(type: JobType<P>, handler: JobHandler<P, C>): this {
    if (this.entries.has(type.name)) throw new Error(`job ${type.name} already has a handler`);
    this.entries.set(type.name, { type: type as JobType<unknown>, handler: handler as JobHandler<unknown, C> });
    return this;
  }

  get(name: string): Entry<C> | undefined {
    return this.entries.get(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }
}
