// The pure step machine: which steps a workflow of each kind runs, which of them run by
// themselves (a job drives them) and which wait for an event (a parcel received, a repair
// finished, an agent confirming), what an event does to the current step, and, when a step
// fails for good, which completed steps to undo and in what order (the reverse of how they
// were done). No I/O: the services apply what this decides.
import type { StepState, WorkflowEventInput, WorkflowEventType, WorkflowStartInput } from './workflows.contract.ts';

export const stepKeys = [
  'authorise',
  'label',
  'drop_off',
  'receive',
  'inspect',
  'refund',
  'credit_note',
  'check_stock',
  'reserve',
  'handover',
  'dispatch',
  'diagnosis',
  'awaiting_part',
  'repair',
  'replacement',
  'return_to_customer',
] as const;
export type StepKey = (typeof stepKeys)[number];

export interface StepDefinition {
  /** The events that complete the step; none: a job runs it. */
  waitsFor: readonly WorkflowEventType[];
  /** Whether it leaves an effect that a later failure must reverse. */
  undoable: boolean;
  /** The case's SAV step while this step is current (keys of the steps list). */
  caseStep: string;
}

export const steps: Record<StepKey, StepDefinition> = {
  authorise: { waitsFor: [], undoable: true, caseStep: 'return_authorised' },
  label: { waitsFor: [], undoable: true, caseStep: 'return_authorised' },
  drop_off: { waitsFor: [], undoable: false, caseStep: 'return_authorised' },
  receive: { waitsFor: ['parcel_received'], undoable: false, caseStep: 'return_authorised' },
  inspect: { waitsFor: ['inspected'], undoable: false, caseStep: 'inspection' },
  refund: { waitsFor: [], undoable: true, caseStep: 'refund' },
  credit_note: { waitsFor: [], undoable: true, caseStep: 'credit_note' },
  check_stock: { waitsFor: [], undoable: false, caseStep: 'exchange' },
  reserve: { waitsFor: [], undoable: true, caseStep: 'exchange' },
  handover: { waitsFor: ['handed_over', 'handover_cancelled'], undoable: false, caseStep: 'exchange' },
  dispatch: { waitsFor: ['dispatched'], undoable: false, caseStep: 'sent_for_repair' },
  diagnosis: { waitsFor: ['diagnosed'], undoable: false, caseStep: 'diagnosis' },
  awaiting_part: { waitsFor: ['part_received'], undoable: false, caseStep: 'awaiting_part' },
  repair: { waitsFor: ['repair_done'], undoable: false, caseStep: 'repair' },
  replacement: { waitsFor: ['replacement_delivered'], undoable: false, caseStep: 'exchange' },
  return_to_customer: { waitsFor: ['returned_to_customer'], undoable: false, caseStep: 'returned' },
};

/** The steps a workflow starts with (a repair may branch later, see applyEvent). */
export function planSteps(input: WorkflowStartInput): StepKey[] {
  switch (input.kind) {
    case 'return':
      return ['authorise', input.mode === 'label' ? 'label' : 'drop_off', 'receive', 'inspect', input.settlement];
    case 'exchange_in_store':
      return ['check_stock', 'reserve', 'handover'];
    case 'repair':
      return ['dispatch', 'diagnosis', 'awaiting_part', 'repair', 'return_to_customer'];
    case 'refund':
      return ['refund'];
    case 'credit_note':
      return ['credit_note'];
  }
}

/** The refund amount for a start that pays the customer back; null when it pays nothing. */
export function workflowCost(input: WorkflowStartInput): { amount: number; currency: string } | null {
  if (input.kind === 'refund') return { ...input.amount };
  if (input.kind === 'return' && input.settlement === 'refund') return { ...input.amount };
  return null;
}

export interface StepView {
  position: number;
  key: StepKey;
  state: StepState;
}

export const isAutomatic = (key: StepKey) => steps[key].waitsFor.length === 0;

export function currentStep<S extends StepView>(list: readonly S[]): S | null {
  return list.find((s) => s.state === 'current') ?? null;
}

/** Marks `position` done and makes the next pending step current; `completed` when none is left. */
export function completeStep<S extends StepView>(list: readonly S[], position: number): { steps: S[]; next: S | null; completed: boolean } {
  const done = list.map((s) => (s.position === position ? { ...s, state: 'done' as const } : s));
  const nextIndex = done.findIndex((s) => s.position > position && s.state === 'pending');
  if (nextIndex < 0) return { steps: done, next: null, completed: true };
  done[nextIndex] = { ...done[nextIndex]!, state: 'current' };
  return { steps: done, next: done[nextIndex]!, completed: false };
}

/**
 * The done steps whose effect must be reversed, last done first. Steps without an effect
 * (a parcel received, a stock check) have nothing to undo and are left as they are.
 */
export function compensationOrder<S extends StepView>(list: readonly S[]): S[] {
  return list.filter((s) => s.state === 'done' && steps[s.key].undoable).sort((a, b) => b.position - a.position);
}

export type EventOutcome =
  /** The current step is done with this output; `skip` steps are skipped, `replace` replaces what comes after. */
  | { kind: 'complete'; output: Record<string, unknown>; skip?: StepKey[]; replaceRest?: StepKey[] }
  /** The current step fails for good (a refused return, a cancelled handover): undo what was done. */
  /** `because`: which failure (said in the agent's words by the service); `note`: what the agent typed. */
  | { kind: 'fail'; because: 'refused_at_inspection' | 'handover_cancelled'; note: string | null }
  /** The same event again (a double click): nothing to do. */
  | { kind: 'replayed' }
  | { kind: 'refused'; reason: string };

/**
 * What an event does to a workflow. `previous` is the last step done, to recognise a repeat of
 * the event that completed it.
 */
export function applyEvent(list: readonly (StepView & { output?: Record<string, unknown> })[], event: WorkflowEventInput): EventOutcome {
  const current = currentStep(list);
  const lastDone = [...list].filter((s) => s.state === 'done').sort((a, b) => b.position - a.position)[0];
  if (!current || !steps[current.key].waitsFor.includes(event.type)) {
    if (lastDone && lastDone.output?.event === event.type) return { kind: 'replayed' };
    const waiting = current ? steps[current.key].waitsFor : [];
    return {
      kind: 'refused',
      reason: current
        ? waiting.length
          ? `The workflow waits for ${waiting.join(' or ')} (step ${current.key}), not ${event.type}`
          : `Step ${current.key} runs by itself; ${event.type} cannot be applied now`
        : `The workflow is not running: ${event.type} cannot be applied`,
    };
  }
  const base = { event: event.type, ...(event.note ? { note: event.note } : {}) };
  switch (event.type) {
    case 'inspected':
      if (event.accepted === undefined) return { kind: 'refused', reason: 'inspected needs accepted: true or false' };
      return event.accepted ? { kind: 'complete', output: { ...base, accepted: true } } : { kind: 'fail', because: 'refused_at_inspection', note: event.note ?? null };
    case 'handover_cancelled':
      return { kind: 'fail', because: 'handover_cancelled', note: event.note ?? null };
    case 'dispatched':
    case 'returned_to_customer':
      return { kind: 'complete', output: { ...base, trackingNumber: event.trackingNumber ?? null } };
    case 'diagnosed':
      if (event.needsPart === undefined) return { kind: 'refused', reason: 'diagnosed needs needsPart: true or false' };
      return { kind: 'complete', output: { ...base, needsPart: event.needsPart }, ...(event.needsPart ? {} : { skip: ['awaiting_part' as const] }) };
    case 'repair_done': {
      if (event.success === undefined) return { kind: 'refused', reason: 'repair_done needs success: true or false' };
      if (event.success) return { kind: 'complete', output: { ...base, success: true } };
      // A failed repair branches: the customer gets a replacement or a refund instead.
      if (!event.fallback) return { kind: 'refused', reason: 'A failed repair needs a fallback: replace or refund' };
      if (event.fallback === 'refund' && !event.amount) return { kind: 'refused', reason: 'A refund after a failed repair needs its amount' };
      return {
        kind: 'complete',
        output: { ...base, success: false, fallback: event.fallback, ...(event.amount ? { amount: event.amount } : {}) },
        replaceRest: event.fallback === 'refund' ? ['refund'] : ['replacement'],
      };
    }
    default:
      return { kind: 'complete', output: base };
  }
}

/** The step list after a branch: the steps after `position` not yet reached are skipped, `rest` follows. */
export function branchSteps<S extends StepView>(list: readonly S[], position: number, rest: readonly StepKey[], make: (key: StepKey, position: number) => S): S[] {
  const kept = list.map((s) => (s.position > position && s.state === 'pending' ? { ...s, state: 'skipped' as const } : s));
  const start = Math.max(...list.map((s) => s.position)) + 1;
  return [...kept, ...rest.map((key, i) => make(key, start + i))];
}

/**
 * The case step a running workflow goes to next (what "next step" means to the customer): the
 * SAV step of its first step still to come that moves the case elsewhere. Null: none — the
 * workflow ends on the step the case is at.
 */
export function nextCaseStep(list: readonly StepView[], caseStepNow: string | null): string | null {
  const at = list.findIndex((s) => s.state === 'current');
  for (const s of list.slice(at + 1)) {
    if (s.state !== 'pending') continue;
    const caseStep = steps[s.key].caseStep;
    if (caseStep !== caseStepNow) return caseStep;
  }
  return null;
}
