// The policies suite: the rulebook's verdict function on one core (no server, no database:
// the API adds one indexed read of the active version to it).
import type { BenchOptions } from '../options.ts';
import { measurePolicyVerdicts, type PolicyVerdictResult } from './verdicts.ts';

export interface PoliciesResult {
  startedAt: string;
  verdicts: PolicyVerdictResult;
}

export async function runPolicies(options: BenchOptions, log: (line: string) => void): Promise<PoliciesResult> {
  const startedAt = new Date().toISOString();
  const verdicts = measurePolicyVerdicts({ durationMs: options.profile.policies.verdictMs });
  log(`[policies] verdicts: ${verdicts.perSecond.toLocaleString('en-US')}/s on one core (nothing cached: ${verdicts.coldPerSecond.toLocaleString('en-US')}/s)`);
  return { startedAt, verdicts };
}
