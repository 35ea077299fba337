// The warning before sending, against a real database: a message by someone else since the
// writer's seenEventId refuses the post with 409 case-changed-meanwhile (who, when, what),
// nothing is written, and the same post with the problem's latestEventId goes through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildTrackedCase } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';

let h: Harness;
let camille: Client;
let bastien: Client;
let brandId: string;

beforeAll(async () => {
  h = await startHarness();
  brandId = (await buildBrand(h.ctx)).id;
  camille = await h.userClient('agent', { name: 'Camille Martin' });
  bastien = await h.userClient('agent', { name: 'Bastien Roux' });
});
afterAll(() => h?.close());

type Ev = { id: string; type: string };
const events = async (caseId: string): Promise<Ev[]> => (await camille.get(`/api/v1/cases/${caseId}/events?limit=500`)).json().items;
const latest = async (caseId: string) => (await events(caseId)).at(-1)!.id;

describe('seenEventId on POST /api/v1/cases/{id}/messages', () => {
  it('refuses a reply when a colleague replied meanwhile, shows what they wrote, and sends anyway on request', async () => {
    const { case: c } = await buildTrackedCase(h.ctx, brandId);
    const seen = await latest(c.id);
    expect((await bastien.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Bonjour, un technicien passe jeudi.' })).statusCode).toBe(201);
    const before = (await events(c.id)).length;

    const refused = await camille.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Bonjour, nous regardons.', seenEventId: seen });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    const problem = refused.json();
    expect(problem).toMatchObject({
      type: '/problems/case-changed-meanwhile',
      code: 'case_changed_meanwhile',
      status: 409,
      title: 'Quelqu’un a écrit sur le dossier entre-temps',
      changes: [{ type: 'message_out', body: 'Bonjour, un technicien passe jeudi.', actor: { type: 'user', id: bastien.userId, name: 'Bastien Roux' }, channel: 'email' }],
    });
    expect(problem.latestEventId).toBe(problem.changes[0].id);
    expect(problem.detail).toContain('Bastien Roux');
    expect((await events(c.id)).length).toBe(before);

    const english = await camille.post(`/api/v1/cases/${c.id}/messages`, { kind: 'note', body: 'Note', seenEventId: seen }, { 'accept-language': 'en' });
    expect(english.json().title).toBe('Someone wrote on the case meanwhile');

    const anyway = await camille.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Bonjour, nous regardons.', seenEventId: problem.latestEventId });
    expect(anyway.statusCode).toBe(201);
  });

  it('counts notes, calls and the customer’s messages by others, not one’s own nor Comptoir’s', async () => {
    const { case: c, trackingToken } = await buildTrackedCase(h.ctx, brandId);
    const [created] = await events(c.id);
    // Since the case was opened: the customer's message and the acknowledgment (Comptoir's).
    expect((await camille.post(`/api/v1/cases/${c.id}/messages`, { kind: 'note', body: 'Première note', seenEventId: created!.id })).statusCode).toBe(409);
    const seen = await latest(c.id);
    // One's own note, a status change by a colleague: nothing to warn about.
    expect((await camille.post(`/api/v1/cases/${c.id}/messages`, { kind: 'note', body: 'Ma note', seenEventId: seen })).statusCode).toBe(201);
    expect((await bastien.patch(`/api/v1/cases/${c.id}`, { priority: 'high' })).statusCode).toBe(200);
    expect((await camille.post(`/api/v1/cases/${c.id}/messages`, { kind: 'note', body: 'Encore moi', seenEventId: seen })).statusCode).toBe(201);

    const seen2 = await latest(c.id);
    expect((await bastien.post(`/api/v1/cases/${c.id}/messages`, { kind: 'note', body: 'Note de Bastien' })).statusCode).toBe(201);
    const byNote = await camille.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Réponse', seenEventId: seen2 });
    expect(byNote.json()).toMatchObject({ status: 409, changes: [{ type: 'note', body: 'Note de Bastien', visibility: 'internal' }] });

    const seen3 = await latest(c.id);
    expect((await h.app.inject({ method: 'POST', url: `/api/v1/track/${trackingToken}/messages`, payload: { body: 'Vous êtes là ?' } })).statusCode).toBe(201);
    expect((await bastien.post(`/api/v1/cases/${c.id}/calls`, { direction: 'out', number: '06 12 34 56 78', durationSeconds: 60, summary: 'Rappelé le client' })).statusCode).toBe(201);
    const byCustomer = await camille.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Réponse', seenEventId: seen3 });
    expect(byCustomer.json().changes.map((e: { type: string; actor: { type: string } }) => `${e.type} ${e.actor.type}`)).toEqual(['message_in customer', 'call_logged user']);

    // Without seenEventId there is no check (API clients that do not send it).
    expect((await camille.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Sans contrôle' })).statusCode).toBe(201);
    expect((await camille.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'x', seenEventId: 'pas-un-id' })).statusCode).toBe(422);
  });
});
