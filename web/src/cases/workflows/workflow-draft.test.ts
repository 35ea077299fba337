// The workflow panel's decisions: the start form's checks and body for each kind, amounts as
// agents type them, the buttons a waiting step offers, and how a step reads with its date.
import { describe, expect, it } from 'vitest';
import type { WorkflowDto } from '../../../../src/modules/workflows/workflows.contract.ts';
import { actionsOf, amountText, checkDraft, currencyOf, eventWith, initialDraft, parseAmount, shownState, stepMoment, withLine, type PurchaseLine, type Step, type WorkflowDraft } from './workflow-draft.ts';

const STORE = '0193e5a0-0000-7000-8000-00000000000a';
const mower: PurchaseLine = { id: '0193e5a0-0000-7000-8000-000000000001', sku: 'GAR-5041', totalAmount: 19900, currency: 'EUR' };
const blade: PurchaseLine = { id: '0193e5a0-0000-7000-8000-000000000002', sku: null, totalAmount: 3990, currency: 'EUR' };
const draft = (over: Partial<WorkflowDraft>, lines: PurchaseLine[] = [mower]): WorkflowDraft => ({ ...initialDraft(lines), ...over });

describe('amounts as the agent types them', () => {
  it('reads units with a comma or a point, spaces as thousands, into the smallest unit', () => {
    expect(parseAmount('199', 'EUR')).toBe(19900);
    expect(parseAmount('199,5', 'EUR')).toBe(19950);
    expect(parseAmount('199.50', 'EUR')).toBe(19950);
    expect(parseAmount('1 234,50', 'EUR')).toBe(123450);
    expect(parseAmount('0,07', 'EUR')).toBe(7);
    expect(parseAmount('1500', 'JPY')).toBe(1500);
  });
  it('refuses what is not an amount', () => {
    expect(parseAmount('', 'EUR')).toBeNull();
    expect(parseAmount('12,345', 'EUR')).toBeNull();
    expect(parseAmount('1.234,50', 'EUR')).toBeNull();
    expect(parseAmount('-5', 'EUR')).toBeNull();
    expect(parseAmount('dix', 'EUR')).toBeNull();
    expect(parseAmount('15,5', 'JPY')).toBeNull();
  });
  it('writes the smallest unit back as an editable amount', () => {
    expect(amountText(19900, 'EUR')).toBe('199.00');
    expect(amountText(7, 'EUR')).toBe('0.07');
    expect(amountText(1500, 'JPY')).toBe('1500');
  });
});

describe('the start form', () => {
  it('picks the only linked line and prices from it; with two lines it waits for the agent', () => {
    expect(initialDraft([mower])).toMatchObject({ lineId: mower.id, amount: '199.00', currency: 'EUR', sku: 'GAR-5041', kind: null });
    expect(initialDraft([mower, blade])).toMatchObject({ lineId: null, amount: '', sku: '' });
    expect(withLine(initialDraft([mower, blade]), blade)).toMatchObject({ lineId: blade.id, amount: '39.90', sku: '' });
  });

  it('asks for a kind first', () => {
    expect(checkDraft(initialDraft([mower]), [mower])).toEqual({ ok: false, errors: { kind: 'kindRequired' } });
  });

  it('a return dropped off at a store, refunded the line’s price', () => {
    expect(checkDraft(draft({ kind: 'return', storeId: STORE, request: 'defect' }), [mower])).toEqual({
      ok: true,
      body: { kind: 'return', mode: 'drop_off', storeId: STORE, settlement: 'refund', amount: { amount: 19900, currency: 'EUR' }, request: 'defect' },
    });
  });

  it('a return with a label needs no store, and a store chosen before is not sent', () => {
    expect(checkDraft(draft({ kind: 'return', mode: 'label', storeId: STORE, settlement: 'credit_note', amount: '150' }), [mower])).toEqual({
      ok: true,
      body: { kind: 'return', mode: 'label', settlement: 'credit_note', amount: { amount: 15000, currency: 'EUR' } },
    });
  });

  it('says every missing field of a drop-off at once', () => {
    expect(checkDraft(draft({ kind: 'return', lineId: null, amount: '' }, [mower, blade]), [mower, blade])).toEqual({
      ok: false,
      errors: { lineId: 'lineRequired', storeId: 'storeRequired', amount: 'amountRequired' },
    });
    expect(checkDraft(draft({ kind: 'refund', amount: '0' }), [mower])).toEqual({ ok: false, errors: { amount: 'amountInvalid' } });
    expect(checkDraft(draft({ kind: 'credit_note', amount: '12,345' }), [mower])).toEqual({ ok: false, errors: { amount: 'amountInvalid' } });
  });

  it('an amount over the server’s ceiling is refused by its own contract', () => {
    expect(checkDraft(draft({ kind: 'refund', amount: '2000000' }), [mower])).toEqual({ ok: false, errors: { amount: 'amountInvalid' } });
  });

  it('a refund or credit note without a linked purchase takes the typed amount', () => {
    expect(checkDraft(draft({ kind: 'refund', amount: '49,90' }, []), [])).toEqual({ ok: true, body: { kind: 'refund', amount: { amount: 4990, currency: 'EUR' } } });
    expect(checkDraft(draft({ kind: 'credit_note', amount: '20', request: 'defect' }, []), [])).toEqual({ ok: true, body: { kind: 'credit_note', amount: { amount: 2000, currency: 'EUR' } } });
  });

  it('an exchange needs the store and the product, not an amount', () => {
    expect(checkDraft(draft({ kind: 'exchange_in_store', sku: ' ', amount: '' }), [mower])).toEqual({ ok: false, errors: { storeId: 'storeRequired', sku: 'skuRequired' } });
    expect(checkDraft(draft({ kind: 'exchange_in_store', storeId: STORE, sku: ' GAR-5041 ' }), [mower])).toEqual({ ok: true, body: { kind: 'exchange_in_store', storeId: STORE, sku: 'GAR-5041' } });
  });

  it('a repair only says who repairs', () => {
    expect(checkDraft(draft({ kind: 'repair', repairer: 'manufacturer', lineId: null }, [mower, blade]), [mower, blade])).toEqual({ ok: true, body: { kind: 'repair', repairer: 'manufacturer' } });
  });
});

const step = (over: Partial<Step>): Step => ({ position: 1, key: 'receive', state: 'pending', waitsFor: [], output: {}, detail: null, startedAt: null, doneAt: null, undoneAt: null, ...over });
const running = (steps: Step[]): Pick<WorkflowDto, 'state' | 'steps'> => ({ state: 'running', steps });

describe('the buttons of a waiting step', () => {
  it('offers what the current step waits for, and nothing while a job runs it or once it is over', () => {
    expect(actionsOf(running([step({ state: 'done', key: 'authorise' }), step({ position: 2, state: 'current', waitsFor: ['parcel_received'] })])).map((a) => a.id)).toEqual(['parcelReceived']);
    expect(actionsOf(running([step({ key: 'inspect', state: 'current', waitsFor: ['inspected'] })])).map((a) => [a.id, a.undoes])).toEqual([
      ['inspectedOk', false],
      ['inspectedRefused', true],
    ]);
    expect(actionsOf(running([step({ key: 'handover', state: 'current', waitsFor: ['handed_over', 'handover_cancelled'] })])).map((a) => a.id)).toEqual(['handedOver', 'handoverCancelled']);
    expect(actionsOf(running([step({ key: 'refund', state: 'current', waitsFor: [] })]))).toEqual([]);
    expect(actionsOf({ state: 'completed', steps: [step({ state: 'current', waitsFor: ['parcel_received'] })] })).toEqual([]);
  });

  it('sends a failed repair’s refund with its amount, and a dispatch with its tracking number when given', () => {
    const [done, replace, refund] = actionsOf(running([step({ key: 'repair', state: 'current', waitsFor: ['repair_done'] })]));
    expect(eventWith(done!, '', 'EUR')).toEqual({ type: 'repair_done', success: true });
    expect(eventWith(replace!, '', 'EUR')).toEqual({ type: 'repair_done', success: false, fallback: 'replace' });
    expect(eventWith(refund!, '89,90', 'EUR')).toEqual({ type: 'repair_done', success: false, fallback: 'refund', amount: { amount: 8990, currency: 'EUR' } });
    expect(eventWith(refund!, '', 'EUR')).toBeNull();
    const [dispatch] = actionsOf(running([step({ key: 'dispatch', state: 'current', waitsFor: ['dispatched'] })]));
    expect(eventWith(dispatch!, ' 6A123 ', 'EUR')).toEqual({ type: 'dispatched', trackingNumber: '6A123' });
    expect(eventWith(dispatch!, ' ', 'EUR')).toEqual({ type: 'dispatched' });
  });
});

describe('how a step reads', () => {
  it('tells a step waiting for someone from one a job runs', () => {
    expect(shownState(step({ state: 'current', waitsFor: ['parcel_received'] }))).toBe('waiting');
    expect(shownState(step({ state: 'current', waitsFor: [] }))).toBe('running');
    expect(shownState(step({ state: 'undone' }))).toBe('undone');
  });

  it('dates it by what last happened to it', () => {
    const at = { startedAt: '2026-03-10T09:00:00.000Z', doneAt: '2026-03-11T09:00:00.000Z', undoneAt: '2026-03-12T09:00:00.000Z' };
    expect(stepMoment(step({ ...at, state: 'undone' }))).toEqual({ what: 'undoneAt', at: at.undoneAt });
    expect(stepMoment(step({ ...at, state: 'done', undoneAt: null }))).toEqual({ what: 'doneAt', at: at.doneAt });
    expect(stepMoment(step({ startedAt: at.startedAt, state: 'failed' }))).toEqual({ what: 'startedAt', at: at.startedAt });
    expect(stepMoment(step({ startedAt: at.startedAt, state: 'current' }))).toEqual({ what: 'startedAt', at: at.startedAt });
    expect(stepMoment(step({ state: 'pending' }))).toBeNull();
  });

  it('finds the currency of the workflow’s money', () => {
    expect(currencyOf({ refund: null, input: { kind: 'refund', amount: { amount: 100, currency: 'CHF' } } })).toBe('CHF');
    expect(currencyOf({ refund: null, input: { kind: 'repair', repairer: 'manufacturer' } })).toBe('EUR');
  });
});
