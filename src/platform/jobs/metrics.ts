// Job counters and durations for /metrics.
import { Counter, Histogram, type Registry } from 'prom-client';

export class JobMetrics {
  private readonly done: Counter<'job'>;
  private readonly fail: Counter<'job'>;
  private readonly retry: Counter<'job'>;
  private readonly duration: Histogram<'job'>;

  constructor(registry: Registry) {
    this.done = new Counter({ name: 'comptoir_jobs_completed_total', help: 'Jobs completed', labelNames: ['job'], registers: [registry] });
    this.fail = new Counter({ name: 'comptoir_jobs_failed_total', help: 'Jobs failed for good', labelNames: ['job'], registers: [registry] });
    this.retry = new Counter({ name: 'comptoir_jobs_retried_total', help: 'Job runs that failed and will be retried', labelNames: ['job'], registers: [registry] });
    this.duration = new Histogram({
      name: 'comptoir_job_duration_seconds',
      help: 'Job run time',
      labelNames: ['job'],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
      registers: [registry],
    });
  }

  completed(job: string, seconds: number): void {
    this.done.inc({ job });
    this.duration.observe({ job }, seconds);
  }
  failed(job: string): void {
    this.fail.inc({ job });
  }
  retried(job: string): void {
    this.retry.inc({ job });
  }
}
