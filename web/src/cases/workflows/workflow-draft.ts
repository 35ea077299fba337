// The workflow panel's pure logic: the start form's draft (a kind, and what that kind needs:
// the order line it is about, the amount prefilled from the line's price, the store of a
// drop-off or an exchange), checked before it is sent and turned into the API's start body;
// the buttons a waiting step offers (the events it waits for, with what each one carries); and
// how a step is shown (waiting for someone, running by itself, done…) with the date that goes
// with it. No React, no I/O: the panel renders what this decides.
import { currencyDigits } from '../../../../src/modules/commerce/money.ts';
import {
  workflowStartBody,
  type WorkflowDto,
  type WorkflowEventInput,
  type WorkflowEventType,
  type WorkflowKind,
  type WorkflowStartInput,
} from '../../../../src/modules/workflows/workflows.contract.ts';

export type ReturnMode = 'drop_off' | 'label';
export type Settlement = 'refund' | 'credit_note';
export type Repairer = 'technical_sav' | 'manufacturer';
export type CustomerRequest = 'defect' | 'withdrawal';

/** What the form holds, as the agent typed it (the amount is text: "199,00"). */
export interface WorkflowDraft {
  kind: WorkflowKind | null;
  mode: ReturnMode;
  settlement: Settlement;
  storeId: string | null;
  lineId: string | null;
  amount: string;
  currency: string;
  sku: string;
  repairer: Repairer;
  request: CustomerRequest | null;
}

/** A line of the case's linked purchase, as the form needs it. */
export interface PurchaseLine {
  id: string;
  sku: string | null;
  /** What the customer paid for the line, in the currency's smallest unit. */
  totalAmount: number;
  currency: string;
}

/** The form's field → the catalog key of what is wrong with it (under workflows.form.error). */
export type DraftErrors = Partial<Record<'kind' | 'storeId' | 'lineId' | 'amount' | 'sku' | '_', DraftError>>;
export type DraftError = 'kindRequired' | 'storeRequired' | 'lineRequired' | 'amountRequired' | 'amountInvalid' | 'skuRequired' | 'invalid';

const DEFAULT_CURRENCY = 'EUR';

/** An amount in the smallest unit as the agent edits it: 19900 EUR → "199.00" (no grouping, no symbol). */
export function amountText(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  return (minor / 10 ** digits).toFixed(digits);
}

/**
 * What the agent typed, in the currency's smallest unit: "199", "199,5", "199.50", "1 234,50"
 * → 19900, 19950, 19950, 123450. Null when it is not an amount (letters, more decimals than the
 * currency has, two separators).
 */
export function parseAmount(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(compact);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) ? minor : null;
}

/** What each kind asks for besides itself. */
export function needsOf(kind: WorkflowKind | null, mode: ReturnMode = 'drop_off') {
  return {
    line: kind === 'return' || kind === 'refund' || kind === 'credit_note' || kind === 'exchange_in_store',
    amount: kind === 'return' || kind === 'refund' || kind === 'credit_note',
    store: (kind === 'return' && mode === 'drop_off') || kind === 'exchange_in_store',
    sku: kind === 'exchange_in_store',
    repairer: kind === 'repair',
    request: kind === 'return' || kind === 'refund',
  };
}

/** The line's price and product, taken into the draft (an agent's own amount is replaced: the line changed). */
export function withLine(draft: WorkflowDraft, line: PurchaseLine | null): WorkflowDraft {
  if (!line) return { ...draft, lineId: null };
  return { ...draft, lineId: line.id, amount: amountText(line.totalAmount, line.currency), currency: line.currency, sku: line.sku ?? draft.sku };
}

/** A fresh form: nothing chosen yet; the only linked line is already picked (and prices the refund). */
export function initialDraft(lines: readonly PurchaseLine[]): WorkflowDraft {
  const empty: WorkflowDraft = {
    kind: null,
    mode: 'drop_off',
    settlement: 'refund',
    storeId: null,
    lineId: null,
    amount: '',
    currency: lines[0]?.currency ?? DEFAULT_CURRENCY,
    sku: '',
    repairer: 'technical_sav',
    request: null,
  };
  return lines.length === 1 ? withLine(empty, lines[0]!) : empty;
}

export type DraftCheck = { ok: true; body: WorkflowStartInput } | { ok: false; errors: DraftErrors };

/**
 * The start body the API takes, or what is wrong, field by field. `lines` are the case's linked
 * lines: a line is asked for only when there is one to choose (a case without a linked purchase
 * can still be refunded an amount the agent types).
 */
export function checkDraft(draft: WorkflowDraft, lines: readonly PurchaseLine[]): DraftCheck {
  const errors: DraftErrors = {};
  const kind = draft.kind;
  if (!kind) return { ok: false, errors: { kind: 'kindRequired' } };
  const needs = needsOf(kind, draft.mode);
  if (needs.line && lines.length > 0 && !lines.some((l) => l.id === draft.lineId)) errors.lineId = 'lineRequired';
  if (needs.store && !draft.storeId) errors.storeId = 'storeRequired';
  const minor = parseAmount(draft.amount, draft.currency);
  if (needs.amount) {
    if (!draft.amount.trim()) errors.amount = 'amountRequired';
    else if (minor === null || minor <= 0) errors.amount = 'amountInvalid';
  }
  if (needs.sku && !draft.sku.trim()) errors.sku = 'skuRequired';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const amount = { amount: minor ?? 0, currency: draft.currency };
  const request = needs.request && draft.request ? { request: draft.request } : {};
  const candidate: WorkflowStartInput =
    kind === 'return'
      ? { kind, mode: draft.mode, ...(draft.mode === 'drop_off' ? { storeId: draft.storeId! } : {}), settlement: draft.settlement, amount, ...request }
      : kind === 'exchange_in_store'
        ? { kind, storeId: draft.storeId!, sku: draft.sku.trim() }
        : kind === 'repair'
          ? { kind, repairer: draft.repairer }
          : kind === 'refund'
            ? { kind, amount, ...request }
            : { kind, amount };
  // The server's own contract has the last word (an amount over its ceiling, a malformed id).
  const parsed = workflowStartBody.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === 'amount' ? 'amount' : issue.path[0] === 'storeId' ? 'storeId' : issue.path[0] === 'sku' ? 'sku' : '_';
      errors[field] ??= field === 'amount' ? 'amountInvalid' : 'invalid';
    }
    return { ok: false, errors };
  }
  return { ok: true, body: parsed.data };
}

export type Step = WorkflowDto['steps'][number];

export type ActionId =
  | 'parcelReceived'
  | 'inspectedOk'
  | 'inspectedRefused'
  | 'dispatched'
  | 'diagnosedNoPart'
  | 'diagnosedNeedsPart'
  | 'partReceived'
  | 'repairDone'
  | 'repairFailedReplace'
  | 'repairFailedRefund'
  | 'replacementDelivered'
  | 'returnedToCustomer'
  | 'handedOver'
  | 'handoverCancelled';

/** What an action button does: its event, whether it undoes the workflow (confirm first), and what it asks for. */
export interface EventAction {
  /** Names the button in the catalog (workflows.action.<id>). */
  id: ActionId;
  event: WorkflowEventInput;
  /** Refuses or cancels: the workflow's done steps are undone, so the agent confirms it. */
  undoes: boolean;
  /** Asks for a value first: an optional tracking number, the amount of a refund. */
  asks: 'trackingNumber' | 'amount' | null;
}

const actionsByEvent: Record<WorkflowEventType, EventAction[]> = {
  parcel_received: [{ id: 'parcelReceived', event: { type: 'parcel_received' }, undoes: false, asks: null }],
  inspected: [
    { id: 'inspectedOk', event: { type: 'inspected', accepted: true }, undoes: false, asks: null },
    { id: 'inspectedRefused', event: { type: 'inspected', accepted: false }, undoes: true, asks: null },
  ],
  dispatched: [{ id: 'dispatched', event: { type: 'dispatched' }, undoes: false, asks: 'trackingNumber' }],
  diagnosed: [
    { id: 'diagnosedNoPart', event: { type: 'diagnosed', needsPart: false }, undoes: false, asks: null },
    { id: 'diagnosedNeedsPart', event: { type: 'diagnosed', needsPart: true }, undoes: false, asks: null },
  ],
  part_received: [{ id: 'partReceived', event: { type: 'part_received' }, undoes: false, asks: null }],
  repair_done: [
    { id: 'repairDone', event: { type: 'repair_done', success: true }, undoes: false, asks: null },
    { id: 'repairFailedReplace', event: { type: 'repair_done', success: false, fallback: 'replace' }, undoes: false, asks: null },
    { id: 'repairFailedRefund', event: { type: 'repair_done', success: false, fallback: 'refund' }, undoes: false, asks: 'amount' },
  ],
  replacement_delivered: [{ id: 'replacementDelivered', event: { type: 'replacement_delivered' }, undoes: false, asks: null }],
  returned_to_customer: [{ id: 'returnedToCustomer', event: { type: 'returned_to_customer' }, undoes: false, asks: 'trackingNumber' }],
  handed_over: [{ id: 'handedOver', event: { type: 'handed_over' }, undoes: false, asks: null }],
  handover_cancelled: [{ id: 'handoverCancelled', event: { type: 'handover_cancelled' }, undoes: true, asks: null }],
};

/** The buttons of a running workflow: what its current step waits for (none while a step runs by itself). */
export function actionsOf(wf: Pick<WorkflowDto, 'state' | 'steps'>): EventAction[] {
  if (wf.state !== 'running') return [];
  const current = wf.steps.find((s) => s.state === 'current');
  return current ? current.waitsFor.flatMap((type) => actionsByEvent[type]) : [];
}

/**
 * The event an action sends with what the agent gave it: a tracking number (optional, left out
 * when blank), a refund amount (required: null when it is not one).
 */
export function eventWith(action: EventAction, value: string, currency: string): WorkflowEventInput | null {
  if (action.asks === 'trackingNumber') return value.trim() ? { ...action.event, trackingNumber: value.trim() } : action.event;
  if (action.asks === 'amount') {
    const minor = parseAmount(value, currency);
    return minor && minor > 0 ? { ...action.event, amount: { amount: minor, currency } } : null;
  }
  return action.event;
}

/** How a step reads: `waiting` is a current step waiting for an event, `running` one a job runs. */
export type ShownState = 'done' | 'running' | 'waiting' | 'failed' | 'undone' | 'pending' | 'skipped';

export function shownState(step: Step): ShownState {
  if (step.state === 'current') return step.waitsFor.length > 0 ? 'waiting' : 'running';
  return step.state;
}

/** The date that goes with the step's state: when it was undone, done, or started; none before it is reached. */
export function stepMoment(step: Step): { what: 'undoneAt' | 'doneAt' | 'startedAt'; at: string } | null {
  if (step.state === 'undone' && step.undoneAt) return { what: 'undoneAt', at: step.undoneAt };
  if ((step.state === 'done' || step.state === 'failed') && step.doneAt) return { what: 'doneAt', at: step.doneAt };
  if (step.startedAt && step.state !== 'pending' && step.state !== 'skipped') return { what: 'startedAt', at: step.startedAt };
  return null;
}

/** The currency a workflow's money is in: its refund's, else its start's amount, else euros. */
export function currencyOf(wf: Pick<WorkflowDto, 'refund' | 'input'>): string {
  if (wf.refund) return wf.refund.currency;
  const amount = wf.input.amount as { currency?: unknown } | undefined;
  return typeof amount?.currency === 'string' ? amount.currency : DEFAULT_CURRENCY;
}

/**
 * The grammatical gender of a kind's name, for the sentences that agree with it (French: « Réparation
 * démarrée », « Retour démarré »). i18next picks `key_feminine` when the language has it.
 */
export function kindContext(kind: WorkflowKind): { context?: 'feminine' } {
  return kind === 'repair' ? { context: 'feminine' } : {};
}
