// Workflows end to end through the API, on PGlite and PostgreSQL: a return by drop-off received,
// inspected and refunded for finance to pay; the RMA numbers drawn once and in sequence; a
// refused inspection undoing the label and the RMA; an exchange whose handover is cancelled
// releasing the stock; a repair that records its completion day for the rulebook; the same
// request or event twice taken once; bad transitions answered 409; the printed documents.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildCase, buildStore, buildTrackedCase } from '../../../test/support/factories.ts';
import { agentsRefund } from '../../../test/support/latitude.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { readTicket } from '../../../test/support/pdf-ticket.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';

const clock = new ManualClock('2026-04-14T09:00:00+02:00');
let h: Harness;
let agent: Client;
let admin: Client;
let brandId: string;
let storeId: string;
let warehouseId: string;
const dir = mkdtempSync(join(tmpdir(), 'workflows-pdf-'));

beforeAll(async () => {
  h = await startHarness({ clock });
  admin = await h.userClient('admin');
  agent = await h.userClient('agent', { name: 'Camille Martin' });
  // Not a test of authority (workflow-authority.db.test.ts is): the agent refunds without asking.
  await agentsRefund(h.ctx);
  brandId = (await buildBrand(h.ctx, { name: 'Jardin & Maison' })).id;
  storeId = (await buildStore(h.ctx, brandId, { name: 'Jardin & Maison Grigny', city: 'Grigny', postalCode: '91350', addressLine1: '2 rue des Lilas' })).id;
  warehouseId = (await buildStore(h.ctx, brandId, { name: 'Entrepôt SAV', kind: 'warehouse', addressLine1: '10 avenue du Fret', postalCode: '94150', city: 'Rungis' })).id;
});
afterAll(async () => h?.close());

const eur = (amount: number) => ({ amount, currency: 'EUR' });
async function newCase(over: Record<string, unknown> = {}) {
  const c = await buildCase(h.ctx, brandId, { subject: 'Tondeuse en panne', ...over });
  expect((await admin.patch(`/api/v1/cases/${c.id}`, { assigneeId: agent.userId, step: 'diagnosis' })).statusCode).toBe(200);
  return c.id;
}
const caseStep = async (id: string) => (await agent.get(`/api/v1/cases/${id}`)).json().step?.key ?? null;
const workflowEvents = async (id: string) =>
  ((await agent.get(`/api/v1/cases/${id}/events?limit=200`)).json().items as { type: string; visibility: string; data: Record<string, unknown>; body: string | null }[]).filter((e) => e.type === 'workflow_step');
const stepStates = (wf: { steps: { key: string; state: string }[] }) => wf.steps.map((s) => `${s.key}:${s.state}`);
const event = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) => agent.post(`/api/v1/workflows/${id}/events`, body, headers);

describe('a return dropped off at a store and refunded by finance', () => {
  let caseId = '';
  let workflowId = '';

  it('issues an RMA, records the drop-off store, then waits for the parcel; the case step follows', async () => {
    caseId = await newCase();
    const res = await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'return', mode: 'drop_off', storeId, settlement: 'refund', amount: eur(19900) });
    expect(res.statusCode, res.body).toBe(201);
    workflowId = res.json().id;
    expect(stepStates(res.json())).toEqual(['authorise:current', 'drop_off:pending', 'receive:pending', 'inspect:pending', 'refund:pending']);
    expect(await caseStep(caseId)).toBe('return_authorised');
    await h.worker.drain();
    const wf = (await agent.get(`/api/v1/workflows/${workflowId}`)).json();
    expect(stepStates(wf)).toEqual(['authorise:done', 'drop_off:done', 'receive:current', 'inspect:pending', 'refund:pending']);
    expect(wf.rma).toMatchObject({ number: 'RMA-2026-000001', mode: 'drop_off', state: 'issued', storeId, storeName: 'Jardin & Maison Grigny', labelUrl: null });
    expect(wf.steps[2].waitsFor).toEqual(['parcel_received']);
  });

  it('refuses an event the current step does not wait for (409 problem)', async () => {
    const res = await event(workflowId, { type: 'repair_done', success: true });
    expect(res.statusCode).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('The workflow waits for parcel_received (step receive), not repair_done');
  });

  it('takes the parcel once however often it is clicked, then inspection and the refund for finance', async () => {
    const first = await event(workflowId, { type: 'parcel_received' });
    expect(first.statusCode, first.body).toBe(200);
    expect((await event(workflowId, { type: 'parcel_received' })).statusCode).toBe(200);
    expect(await caseStep(caseId)).toBe('inspection');
    const received = (await workflowEvents(caseId)).filter((e) => e.data.step === 'receive' && e.data.state === 'done');
    expect(received).toHaveLength(1);
    const inspected = await event(workflowId, { type: 'inspected', accepted: true });
    expect(inspected.statusCode, inspected.body).toBe(200);
    expect(await caseStep(caseId)).toBe('refund');
    await h.worker.drain();
    const wf = (await agent.get(`/api/v1/workflows/${workflowId}`)).json();
    expect(wf.state).toBe('completed');
    expect(wf.refund).toMatchObject({ kind: 'refund', method: 'finance', state: 'to_be_paid', amount: 19900, currency: 'EUR', dueBy: null });
    expect(await caseStep(caseId)).toBe('refund');
    // The timeline says each change, internal; the case's step changes are public.
    const said = (await workflowEvents(caseId)).map((e) => `${e.data.step}:${e.data.state}`);
    expect(said).toEqual([
      'authorise:current',
      'authorise:done',
      'drop_off:current',
      'drop_off:done',
      'receive:current',
      'receive:done',
      'inspect:current',
      'inspect:done',
      'refund:current',
      'refund:done',
      'refund:completed',
    ]);
    expect((await workflowEvents(caseId)).every((e) => e.visibility === 'internal')).toBe(true);
  });

  it('shows the customer the RMA number, the store and the refund on the tracking page', async () => {
    const { case: dto, trackingToken } = await buildTrackedCase(h.ctx, brandId, { subject: "Retour tondeuse" });
    const id = (await agent.post(`/api/v1/cases/${dto.id}/workflows`, { kind: 'return', mode: 'drop_off', storeId, settlement: 'refund', amount: eur(19900) })).json().id;
    await h.worker.drain();
    const page = await h.app.inject({ method: 'GET', url: `/t/${trackingToken}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Votre retour');
    expect(page.body).toMatch(/Numéro de retour : RMA-2026-\d{6}/);
    expect(page.body).toContain('Déposez le produit au magasin Jardin &amp; Maison Grigny (2 rue des Lilas, 91350 Grigny)');
    // What comes next is the workflow's plan: the inspection, then the refund it was started with (not a credit note).
    const upcoming = async () => ((await h.app.inject({ method: 'GET', url: `/api/v1/track/${trackingToken}` })).json().steps as { key: string; state: string }[]).filter((s) => s.state === 'upcoming').map((s) => s.key);
    expect((await upcoming())[0]).toBe('inspection');
    await event(id, { type: 'parcel_received' });
    expect((await upcoming())[0]).toBe('refund');
    await event(id, { type: 'inspected', accepted: true });
    await h.worker.drain();
    const tracked = (await h.app.inject({ method: 'GET', url: `/api/v1/track/${trackingToken}?lang=en` })).json();
    expect(tracked.workflow).toMatchObject({ kind: 'return', title: 'Your return', stage: 'done', refund: { text: 'Refund of €199.00: being paid', dueBy: null } });
    expect(tracked.steps.find((s: { state: string }) => s.state === 'current')).toMatchObject({ key: 'refund' });
  });

  it('lists the case’s workflows, and an event on a finished workflow is a 409', async () => {
    const list = (await agent.get(`/api/v1/cases/${caseId}/workflows`)).json().items;
    expect(list.map((w: { id: string }) => w.id)).toEqual([workflowId]);
    expect((await event(workflowId, { type: 'handed_over' })).statusCode).toBe(409);
    expect((await agent.post(`/api/v1/workflows/${workflowId}/cancel`, {})).statusCode).toBe(409);
  });
});

describe('starting', () => {
  it('honours the Idempotency-Key: a retried start makes one workflow and one RMA', async () => {
    const caseId = await newCase();
    const body = { kind: 'return', mode: 'label', settlement: 'credit_note', amount: eur(4990) };
    const a = await agent.post(`/api/v1/cases/${caseId}/workflows`, body, { 'idempotency-key': 'start-1' });
    const b = await agent.post(`/api/v1/cases/${caseId}/workflows`, body, { 'idempotency-key': 'start-1' });
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.json().id).toBe(a.json().id);
    expect(b.headers['idempotent-replayed']).toBe('true');
    const again = await agent.post(`/api/v1/cases/${caseId}/workflows`, body);
    expect(again.statusCode).toBe(409);
    await h.worker.drain();
    await h.worker.drain();
    const [count] = await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM return_authorisation WHERE case_id = ${caseId}`);
    expect(count!.n).toBe(1);
    expect((await agent.post(`/api/v1/workflows/${a.json().id}/cancel`, { reason: 'Le client garde le produit' })).statusCode).toBe(200);
  });

  it('checks the input: a drop-off needs a store of kind store, of the case’s brand', async () => {
    const caseId = await newCase();
    const dropOff = { kind: 'return', mode: 'drop_off', settlement: 'refund', amount: eur(100) };
    expect((await agent.post(`/api/v1/cases/${caseId}/workflows`, dropOff)).json().detail).toContain('storeId');
    const warehouse = await agent.post(`/api/v1/cases/${caseId}/workflows`, { ...dropOff, storeId: warehouseId });
    expect(warehouse.statusCode).toBe(422);
    expect(warehouse.json().detail).toContain('is a warehouse');
    expect((await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'refund', amount: { amount: -5, currency: 'EUR' } })).statusCode).toBe(422);
    const viewer = await h.userClient('viewer');
    expect((await viewer.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'refund', amount: eur(100) })).statusCode).toBe(403);
  });
});

describe('a return refused at inspection', () => {
  it('voids the label, cancels the RMA (its number is never reused), puts the case back and tells the agent', async () => {
    const caseId = await newCase();
    const res = await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'return', mode: 'label', settlement: 'refund', amount: eur(39900) });
    const id = res.json().id;
    await h.worker.drain();
    const issued = (await agent.get(`/api/v1/workflows/${id}`)).json();
    expect(issued.rma.labelUrl).toBe(`/api/v1/workflows/${id}/return-label.pdf`);
    const label = await agent.get(issued.rma.labelUrl);
    expect(label.statusCode).toBe(200);
    expect(label.headers['content-type']).toBe('application/pdf');
    const printed = readTicket(dir, 'label', label.rawPayload);
    expect(printed.qr).toBe(issued.rma.number);
    expect(printed.text).toContain(issued.rma.number);
    expect(printed.text).toContain('Étiquette de retour prépayée');
    expect(printed.text).toContain('Entrepôt SAV');
    expect(printed.text).toContain('10 avenue du Fret');
    expect(printed.text).toMatch(/Dossier SAV SAV-2026-\d{6}/);

    expect((await event(id, { type: 'parcel_received' })).statusCode).toBe(200);
    const refused = await event(id, { type: 'inspected', accepted: false, note: 'Produit utilisé hors garantie' });
    expect(refused.statusCode).toBe(200);
    const wf = refused.json();
    expect(wf.state).toBe('failed');
    expect(stepStates(wf)).toEqual(['authorise:undone', 'label:undone', 'receive:done', 'inspect:failed', 'refund:skipped']);
    expect(wf.rma).toMatchObject({ state: 'cancelled', labelUrl: null });
    expect(await caseStep(caseId)).toBe('diagnosis');
    const undone = (await workflowEvents(caseId)).filter((e) => e.data.state === 'undone').map((e) => [e.data.step, e.body]);
    expect(undone).toEqual([
      ['label', 'Étiquette de retour annulée'],
      ['authorise', 'Autorisation de retour annulée'],
    ]);
    expect((await agent.get(`/api/v1/workflows/${id}/return-label.pdf`)).statusCode).toBe(409);
    const bell = (await agent.get('/api/v1/me/notifications')).json().items as { kind: string; case: { id: string }; excerpt: string }[];
    expect(bell.find((n) => n.case.id === caseId)).toMatchObject({ kind: 'workflow', excerpt: 'Retour refusé au contrôle : Produit utilisé hors garantie' });

    // The next return draws the next number: a cancelled one is never given again.
    const next = await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'return', mode: 'label', settlement: 'refund', amount: eur(100) });
    await h.worker.drain();
    const numbers = await queryRows<{ number: string }>(h.ctx.db, sql`SELECT number FROM return_authorisation ORDER BY number`);
    expect(new Set(numbers.map((n) => n.number)).size).toBe(numbers.length);
    const nextNumber = (await agent.get(`/api/v1/workflows/${next.json().id}`)).json().rma.number as string;
    expect(Number(nextNumber.slice(-6))).toBe(Number((issued.rma.number as string).slice(-6)) + 1);
  });
});

describe('an exchange in store', () => {
  it('reserves the product; a cancelled handover releases it and the case goes back', async () => {
    expect((await admin.request({ method: 'PUT', url: `/api/v1/stores/${storeId}/stock/GAR-5041`, payload: { onHand: 1 } })).json()).toEqual({ storeId, sku: 'GAR-5041', onHand: 1, reserved: 0, available: 1 });
    const caseId = await newCase();
    const res = await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'exchange_in_store', storeId, sku: 'GAR-5041' });
    expect(res.statusCode, res.body).toBe(201);
    await h.worker.drain();
    expect(await caseStep(caseId)).toBe('exchange');
    expect((await admin.get(`/api/v1/stores/${storeId}/stock/GAR-5041`)).json()).toMatchObject({ reserved: 1, available: 0 });
    // None left for a second exchange: its stock check fails, with nothing to undo.
    const other = await newCase();
    const second = await agent.post(`/api/v1/cases/${other}/workflows`, { kind: 'exchange_in_store', storeId, sku: 'GAR-5041' });
    await h.worker.drain();
    const secondWf = (await agent.get(`/api/v1/workflows/${second.json().id}`)).json();
    expect(secondWf).toMatchObject({ state: 'failed', failure: 'GAR-5041 n’est pas en stock dans ce magasin' });

    const cancelled = await event(res.json().id, { type: 'handover_cancelled', note: 'Le client préfère un remboursement' });
    expect(stepStates(cancelled.json())).toEqual(['check_stock:done', 'reserve:undone', 'handover:failed']);
    expect((await admin.get(`/api/v1/stores/${storeId}/stock/GAR-5041`)).json()).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
    expect(await caseStep(caseId)).toBe('diagnosis');
  });

  it('hands over: the stock goes down by one', async () => {
    const caseId = await newCase();
    const res = await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'exchange_in_store', storeId, sku: 'GAR-5041' });
    await h.worker.drain();
    const done = await event(res.json().id, { type: 'handed_over' });
    expect(done.json().state).toBe('completed');
    expect((await admin.get(`/api/v1/stores/${storeId}/stock/GAR-5041`)).json()).toMatchObject({ onHand: 0, reserved: 0, available: 0 });
  });
});

describe('a repair', () => {
  it('goes through dispatch, diagnosis (no part), repair and return, and records the day it was repaired', async () => {
    const caseId = await newCase();
    const id = (await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'repair', repairer: 'manufacturer' })).json().id;
    expect(await caseStep(caseId)).toBe('sent_for_repair');
    await event(id, { type: 'dispatched', trackingNumber: '6A12345678901' });
    await event(id, { type: 'diagnosed', needsPart: false });
    expect(await caseStep(caseId)).toBe('repair');
    clock.advance(2 * 3_600_000);
    await event(id, { type: 'repair_done', success: true });
    expect(await caseStep(caseId)).toBe('returned');
    const wf = (await event(id, { type: 'returned_to_customer', trackingNumber: '6A999' })).json();
    expect(stepStates(wf)).toEqual(['dispatch:done', 'diagnosis:done', 'awaiting_part:skipped', 'repair:done', 'return_to_customer:done']);
    const [r] = await queryRows<{ tracking_number: string; outcome: string; completed_at: string }>(h.ctx.db, sql`SELECT tracking_number, outcome, completed_at::text FROM workflow_repair WHERE workflow_id = ${id}`);
    expect(r).toEqual({ tracking_number: '6A12345678901', outcome: 'repaired', completed_at: '2026-04-14' });
  });

  it('branches a failed repair into a refund for finance', async () => {
    const caseId = await newCase();
    const id = (await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'repair', repairer: 'technical_sav' })).json().id;
    await event(id, { type: 'dispatched' });
    await event(id, { type: 'diagnosed', needsPart: true });
    expect(await caseStep(caseId)).toBe('awaiting_part');
    await event(id, { type: 'part_received' });
    const failed = await event(id, { type: 'repair_done', success: false, fallback: 'refund', amount: eur(15900) });
    expect(await caseStep(caseId)).toBe('refund');
    expect(stepStates(failed.json()).slice(-2)).toEqual(['return_to_customer:skipped', 'refund:current']);
    await h.worker.drain();
    const wf = (await agent.get(`/api/v1/workflows/${id}`)).json();
    expect(wf.state).toBe('completed');
    expect(wf.refund).toMatchObject({ method: 'finance', state: 'to_be_paid', amount: 15900 });
  });
});

describe('a credit note', () => {
  it('gets its own sequential number and a PDF with the amount', async () => {
    const caseId = await newCase();
    const id = (await agent.post(`/api/v1/cases/${caseId}/workflows`, { kind: 'credit_note', amount: eur(2500) })).json().id;
    expect(await caseStep(caseId)).toBe('credit_note');
    await h.worker.drain();
    const wf = (await agent.get(`/api/v1/workflows/${id}`)).json();
    expect(wf.refund).toMatchObject({ kind: 'credit_note', method: 'credit_note', state: 'issued', number: expect.stringMatching(/^AV-2026-\d{6}$/) });
    const pdf = await agent.get(`${wf.refund.creditNoteUrl}?lang=en`);
    expect(pdf.statusCode).toBe(200);
    const { text } = readTicket(dir, 'credit-note', pdf.rawPayload);
    expect(text).toContain(wf.refund.number);
    expect(text).toContain('Credit note');
    expect(text).toContain('€25.00');
    expect(text).toContain('Jardin & Maison');
  });
});
