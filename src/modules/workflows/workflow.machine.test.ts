import { describe, expect, it } from 'vitest';
import type { StepState } from './workflows.contract.ts';
import { applyEvent, branchSteps, completeStep, compensationOrder, currentStep, nextCaseStep, planSteps, workflowCost, type StepKey, type StepView } from './workflow.machine.ts';

const eur = (amount: number) => ({ amount, currency: 'EUR' });
const view = (keys: StepKey[], states: StepView['state'][]): StepView[] => keys.map((key, i) => ({ position: i + 1, key, state: states[i] ?? 'pending' }));

describe('planSteps', () => {
  it('plans each kind', () => {
    expect(planSteps({ kind: 'return', mode: 'label', settlement: 'refund', amount: eur(100) })).toEqual(['authorise', 'label', 'receive', 'inspect', 'refund']);
    expect(planSteps({ kind: 'return', mode: 'drop_off', storeId: '0190aaaa-0000-7000-8000-000000000000', settlement: 'credit_note', amount: eur(100) })).toEqual([
      'authorise',
      'drop_off',
      'receive',
      'inspect',
      'credit_note',
    ]);
    expect(planSteps({ kind: 'exchange_in_store', storeId: '0190aaaa-0000-7000-8000-000000000000', sku: 'TB-1' })).toEqual(['check_stock', 'reserve', 'handover']);
    expect(planSteps({ kind: 'repair', repairer: 'manufacturer' })).toEqual(['dispatch', 'diagnosis', 'awaiting_part', 'repair', 'return_to_customer']);
    expect(planSteps({ kind: 'refund', amount: eur(5) })).toEqual(['refund']);
    expect(planSteps({ kind: 'credit_note', amount: eur(5) })).toEqual(['credit_note']);
  });
});

describe('workflowCost', () => {
  it('is the refund amount for refunds and returns settled by refund, null otherwise', () => {
    expect(workflowCost({ kind: 'refund', amount: eur(39900) })).toEqual({ amount: 39900, currency: 'EUR' });
    expect(workflowCost({ kind: 'return', mode: 'label', settlement: 'refund', amount: { amount: 1250, currency: 'CAD' } })).toEqual({ amount: 1250, currency: 'CAD' });
    expect(workflowCost({ kind: 'return', mode: 'label', settlement: 'credit_note', amount: eur(1250) })).toBeNull();
    expect(workflowCost({ kind: 'credit_note', amount: eur(1250) })).toBeNull();
    expect(workflowCost({ kind: 'repair', repairer: 'technical_sav' })).toBeNull();
    expect(workflowCost({ kind: 'exchange_in_store', storeId: '0190aaaa-0000-7000-8000-000000000000', sku: 'X' })).toBeNull();
  });
});

describe('completeStep', () => {
  it('moves to the next pending step, skipping skipped ones, and says when all are done', () => {
    const list = view(['dispatch', 'diagnosis', 'awaiting_part', 'repair'], ['done', 'current', 'pending', 'pending']);
    const after = completeStep(list, 2);
    expect(after.next?.key).toBe('awaiting_part');
    expect(after.steps.map((s) => s.state)).toEqual(['done', 'done', 'current', 'pending']);
    const skipped = completeStep(view(['diagnosis', 'awaiting_part', 'repair'], ['current', 'skipped', 'pending']), 1);
    expect(skipped.next?.key).toBe('repair');
    const last = completeStep(view(['refund'], ['current']), 1);
    expect(last).toEqual({ steps: [{ position: 1, key: 'refund', state: 'done' }], next: null, completed: true });
  });
});

describe('compensationOrder', () => {
  it('undoes the done steps with an effect, last done first', () => {
    const list = view(['authorise', 'label', 'receive', 'inspect', 'refund'], ['done', 'done', 'done', 'done', 'failed']);
    expect(compensationOrder(list).map((s) => s.key)).toEqual(['label', 'authorise']);
    expect(compensationOrder(view(['check_stock', 'reserve', 'handover'], ['done', 'done', 'failed'])).map((s) => s.key)).toEqual(['reserve']);
    expect(compensationOrder(view(['authorise', 'label'], ['done', 'undone']))).toHaveLength(1);
    expect(compensationOrder(view(['dispatch', 'diagnosis'], ['done', 'failed']))).toEqual([]);
  });
});

describe('applyEvent', () => {
  const returnWaiting = view(['authorise', 'drop_off', 'receive', 'inspect', 'refund'], ['done', 'done', 'current', 'pending', 'pending']);

  it('completes the waiting step with the event', () => {
    expect(applyEvent(returnWaiting, { type: 'parcel_received', note: 'Carton abîmé' })).toEqual({ kind: 'complete', output: { event: 'parcel_received', note: 'Carton abîmé' } });
  });

  it('refuses an event the current step does not wait for, and one sent to a step that runs by itself', () => {
    const out = applyEvent(returnWaiting, { type: 'repair_done', success: true });
    expect(out).toEqual({ kind: 'refused', reason: 'The workflow waits for parcel_received (step receive), not repair_done' });
    const auto = view(['authorise', 'label'], ['current', 'pending']);
    expect(applyEvent(auto, { type: 'parcel_received' })).toEqual({ kind: 'refused', reason: 'Step authorise runs by itself; parcel_received cannot be applied now' });
    expect(applyEvent(view(['refund'], ['done']), { type: 'inspected', accepted: true })).toEqual({ kind: 'refused', reason: 'The workflow is not running: inspected cannot be applied' });
  });

  it('takes the same event twice as one (a double click)', () => {
    const received = [...returnWaiting.slice(0, 2), { position: 3, key: 'receive' as const, state: 'done' as const, output: { event: 'parcel_received' } }, { position: 4, key: 'inspect' as const, state: 'current' as const }];
    expect(applyEvent(received, { type: 'parcel_received' })).toEqual({ kind: 'replayed' });
  });

  it('fails the workflow on a refused inspection or a cancelled handover', () => {
    const inspecting = view(['authorise', 'label', 'receive', 'inspect'], ['done', 'done', 'done', 'current']);
    expect(applyEvent(inspecting, { type: 'inspected', accepted: false, note: 'Produit utilisé' })).toEqual({ kind: 'fail', because: 'refused_at_inspection', note: 'Produit utilisé' });
    expect(applyEvent(inspecting, { type: 'inspected' })).toEqual({ kind: 'refused', reason: 'inspected needs accepted: true or false' });
    expect(applyEvent(view(['check_stock', 'reserve', 'handover'], ['done', 'done', 'current']), { type: 'handover_cancelled' })).toEqual({ kind: 'fail', because: 'handover_cancelled', note: null });
  });

  it('skips waiting for a part when the diagnosis needs none', () => {
    const diagnosing = view(['dispatch', 'diagnosis', 'awaiting_part', 'repair'], ['done', 'current']);
    expect(applyEvent(diagnosing, { type: 'diagnosed', needsPart: false })).toEqual({ kind: 'complete', output: { event: 'diagnosed', needsPart: false }, skip: ['awaiting_part'] });
    expect(applyEvent(diagnosing, { type: 'diagnosed', needsPart: true })).toEqual({ kind: 'complete', output: { event: 'diagnosed', needsPart: true } });
  });

  it('branches a failed repair into a replacement or a refund', () => {
    const repairing = view(['dispatch', 'diagnosis', 'awaiting_part', 'repair', 'return_to_customer'], ['done', 'done', 'skipped', 'current', 'pending']);
    expect(applyEvent(repairing, { type: 'repair_done', success: false })).toEqual({ kind: 'refused', reason: 'A failed repair needs a fallback: replace or refund' });
    expect(applyEvent(repairing, { type: 'repair_done', success: false, fallback: 'refund' })).toEqual({ kind: 'refused', reason: 'A refund after a failed repair needs its amount' });
    const out = applyEvent(repairing, { type: 'repair_done', success: false, fallback: 'refund', amount: eur(4990) });
    expect(out).toEqual({ kind: 'complete', output: { event: 'repair_done', success: false, fallback: 'refund', amount: eur(4990) }, replaceRest: ['refund'] });
    const branched = branchSteps(repairing, 4, ['refund'], (key, position) => ({ key, position, state: 'pending' }));
    expect(branched.map((s) => [s.position, s.key, s.state])).toEqual([
      [1, 'dispatch', 'done'],
      [2, 'diagnosis', 'done'],
      [3, 'awaiting_part', 'skipped'],
      [4, 'repair', 'current'],
      [5, 'return_to_customer', 'skipped'],
      [6, 'refund', 'pending'],
    ]);
    expect(currentStep(completeStep(branched, 4).steps)?.key).toBe('refund');
  });
});

describe('the case step a running workflow goes to next', () => {
  const at = (states: Record<string, StepState>) => (Object.entries(states) as [StepKey, StepState][]).map(([key, state], i) => ({ position: i + 1, key, state }));
  it('is the refund a return was started with, not the next step by position', () => {
    expect(nextCaseStep(at({ authorise: 'done', drop_off: 'done', receive: 'current', inspect: 'pending', refund: 'pending' }), 'return_authorised')).toBe('inspection');
    expect(nextCaseStep(at({ authorise: 'done', drop_off: 'done', receive: 'done', inspect: 'current', refund: 'pending' }), 'inspection')).toBe('refund');
    expect(nextCaseStep(at({ authorise: 'done', label: 'done', receive: 'done', inspect: 'current', credit_note: 'pending' }), 'inspection')).toBe('credit_note');
  });
  it('skips the steps that leave the case where it is, and those skipped', () => {
    expect(nextCaseStep(at({ check_stock: 'current', reserve: 'pending', handover: 'pending' }), 'exchange')).toBeNull();
    expect(nextCaseStep(at({ dispatch: 'done', diagnosis: 'current', awaiting_part: 'skipped', repair: 'pending', return_to_customer: 'pending' }), 'diagnosis')).toBe('repair');
  });
  it('is none at the last step', () => {
    expect(nextCaseStep(at({ refund: 'current' }), 'refund')).toBeNull();
  });
});
