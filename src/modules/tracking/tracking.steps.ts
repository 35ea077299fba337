// The case's journey as parcel tracking shows it: the steps it went through (with the date
// each was reached, from the step_changed events), the one it is at, and what comes next —
// the following step and the final "clôturé". Steps are alternatives as much as a path
// (repair, exchange, refund…), so only steps the case really reached are shown as done,
// and only one step ahead is shown: the one a running workflow plans, else the next by position. Pure.
import type { CaseStatus } from '../cases/cases.contract.ts';

export interface StepDef {
  key: string;
  label: { fr: string; en: string };
  position: number;
  final: boolean;
}

export interface StepChange {
  at: Date;
  from: string | null;
  to: string | null;
}

export type StepState = 'done' | 'current' | 'upcoming';

export interface JourneyStep {
  key: string;
  label: { fr: string; en: string };
  state: StepState;
  /** When it was reached (done, current); null for what is to come. */
  at: Date | null;
}

export interface JourneyInput {
  /** Active steps. */
  steps: StepDef[];
  currentKey: string | null;
  status: CaseStatus;
  createdAt: Date;
  closedAt: Date | null;
  /** The case's step_changed events, oldest first. */
  changes: StepChange[];
  /** What a running workflow plans next (null: nothing before the end); absent: guessed by position. */
  plannedNext?: string | null | undefined;
}

/** Each step the case stood at, in order, with when it got there (a step may come back). */
function reached(input: JourneyInput): { key: string; at: Date }[] {
  const path: { key: string; at: Date }[] = [];
  const first = input.changes.length ? input.changes[0]!.from : input.currentKey;
  if (first) path.push({ key: first, at: input.createdAt });
  for (const change of input.changes) if (change.to) path.push({ key: change.to, at: change.at });
  return path;
}

export function journey(input: JourneyInput): JourneyStep[] {
  const byKey = new Map(input.steps.map((s) => [s.key, s]));
  const sorted = [...input.steps].sort((a, b) => a.position - b.position);
  const finalStep = sorted.find((s) => s.final) ?? null;
  const path = reached(input).filter((p) => byKey.has(p.key));

  // Done: what came before the last arrival at the current step, each step once (its latest date).
  const lastCurrent = input.currentKey ? path.map((p) => p.key).lastIndexOf(input.currentKey) : path.length;
  const before = path.slice(0, lastCurrent === -1 ? path.length : lastCurrent);
  const doneAt = new Map<string, Date>();
  for (const p of before) {
    if (p.key === input.currentKey) continue;
    doneAt.delete(p.key);
    doneAt.set(p.key, p.at);
  }
  const out: JourneyStep[] = [...doneAt].map(([key, at]) => ({ key, label: byKey.get(key)!.label, state: 'done' as const, at }));

  const current = input.currentKey ? byKey.get(input.currentKey) : undefined;
  const currentAt = lastCurrent >= 0 && path[lastCurrent] ? path[lastCurrent]!.at : input.createdAt;
  const closed = input.status === 'closed';

  if (current) {
    const isFinal = current.final;
    out.push({ key: current.key, label: current.label, state: closed || isFinal ? 'done' : 'current', at: currentAt });
    if (isFinal) return out;
  }
  if (closed) {
    if (finalStep) out.push({ key: finalStep.key, label: finalStep.label, state: 'done', at: input.closedAt });
    return out;
  }
  const shown = new Set(out.map((s) => s.key));
  const from = current?.position ?? -Infinity;
  const planned = input.plannedNext;
  const next =
    planned === undefined ? sorted.find((s) => !s.final && s.position > from && !shown.has(s.key)) : planned === null ? undefined : sorted.find((s) => s.key === planned && !s.final && !shown.has(s.key));
  if (next) out.push({ key: next.key, label: next.label, state: 'upcoming', at: null });
  if (finalStep && !shown.has(finalStep.key)) out.push({ key: finalStep.key, label: finalStep.label, state: 'upcoming', at: null });
  return out;
}
