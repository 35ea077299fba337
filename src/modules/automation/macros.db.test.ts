// Macros through the API: kept by managers and admins (checked, audited), listed and
// rendered for agents in the case's language with its facts, personal ones seen by their
// author only, and their actions applied with the reply that uses them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildCase, buildStore } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';

let h: Harness;
let admin: Client;
let manager: Client;
let agent: Client;
let brandId: string;
let frCase: { id: string; number: string };
let enCase: { id: string; number: string };
const clock = new ManualClock('2026-04-03T13:00:00Z'); // Friday 3 April 2026, 15:00 in Paris

const FR = 'Bonjour {{customer.firstName}},\n\nVotre dossier {{case.number}} ({{case.subject}}) est suivi par {{store.name}} : réponse définitive {{case.promise}}.\n\n{{agent.firstName}}, SAV {{brand.name}}';
const EN = 'Hello {{customer.firstName}},\n\nYour case {{case.number}} ({{case.subject}}) is followed by {{store.name}}: final answer {{case.promise}}.\n\n{{agent.firstName}}, {{brand.name}} after-sales';

beforeAll(async () => {
  h = await startHarness({ clock });
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' })).id;
  const storeId = (await buildStore(h.ctx, brandId, { name: 'Jardin & Maison Grigny' })).id;
  manager = await h.userClient('manager', { name: 'Sophie Lambert' });
  agent = await h.userClient('agent', { name: 'Camille Martin' });
  frCase = await buildCase(h.ctx, brandId, { storeId, subject: 'Programmateur qui fuit', customer: { email: 'ines.moreau@exemple.fr', firstName: 'Inès', lastName: 'Moreau' }, channel: 'email' });
  enCase = await buildCase(h.ctx, brandId, { storeId, subject: 'Leaking timer', customer: { email: 'sam.lee@example.com', firstName: 'Sam', lastName: 'Lee', language: 'en' }, channel: 'email' });
});
afterAll(() => h?.close());

const create = (client: Client, body: Record<string, unknown>) => client.post('/api/v1/macros', { name: 'Délai de réponse', bodyFr: FR, bodyEn: EN, ...body });

describe('macros', () => {
  let macroId: string;

  it('are written by managers, checked and audited', async () => {
    const res = await create(manager, { actions: { status: 'waiting_customer', step: 'diagnosis', addTags: ['macro:delai'] } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Délai de réponse', scope: 'shared', ownerId: null, active: true, actions: { status: 'waiting_customer', step: 'diagnosis', addTags: ['macro:delai'] } });
    macroId = res.json().id;
    const audit = (await admin.get('/api/v1/audit?action=macro.')).json().items;
    expect(audit[0]).toMatchObject({ action: 'macro.created', targetType: 'macro', targetId: macroId, actorUserId: manager.userId });
  });

  it('refuses an unknown variable, broken braces or an unknown step with 422, naming the field', async () => {
    const unknown = await create(manager, { bodyFr: 'Bonjour {{client.prenom}}', bodyEn: 'Hello {{customer.nickname}}' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors.map((e: { field: string; message: string }) => [e.field, e.message.split(';')[0]])).toEqual([
      ['bodyFr', 'unknown variable {{client.prenom}}'],
      ['bodyEn', 'unknown variable {{customer.nickname}}'],
    ]);
    expect((await create(manager, { bodyFr: 'Bonjour {{customer.firstName' })).json().errors).toEqual([{ field: 'bodyFr', message: '"{{" at character 9 is never closed with "}}"' }]);
    expect((await create(manager, { actions: { step: 'teleportation' } })).json().errors).toEqual([{ field: 'actions.step', message: 'unknown step "teleportation"' }]);
    const patched = await manager.patch(`/api/v1/macros/${macroId}`, { bodyEn: 'Hi {{agent.lastName}}' });
    expect(patched.statusCode).toBe(422);
    expect((await manager.get('/api/v1/macros')).json().items.map((m: { name: string }) => m.name)).toEqual(['Délai de réponse']);
  });

  it('renders for a case in its language, with exact texts in French and English', async () => {
    const fr = await agent.post(`/api/v1/cases/${frCase.id}/macros/${macroId}/render`);
    expect(fr.statusCode).toBe(200);
    expect(fr.json()).toEqual({
      macroId,
      language: 'fr',
      text: `Bonjour Inès,\n\nVotre dossier ${frCase.number} (Programmateur qui fuit) est suivi par Jardin & Maison Grigny : réponse définitive au plus tard le mercredi 22 avril 2026 à 15:00.\n\nCamille, SAV Jardin & Maison`,
      actions: { status: 'waiting_customer', step: 'diagnosis', addTags: ['macro:delai'] },
    });
    const en = await agent.post(`/api/v1/cases/${enCase.id}/macros/${macroId}/render`);
    expect(en.json().text).toBe(
      `Hello Sam,\n\nYour case ${enCase.number} (Leaking timer) is followed by Jardin & Maison Grigny: final answer by Wednesday 22 April 2026 at 15:00.\n\nCamille, Jardin & Maison after-sales`,
    );
  });

  it('previews unsaved texts in both languages, for managers only', async () => {
    const res = await manager.post('/api/v1/macros/preview', { bodyFr: 'Bonjour {{customer.firstName}}, {{case.promise}}.', bodyEn: 'Hello {{customer.firstName}}, {{case.promise}}.', caseId: frCase.id });
    expect(res.json()).toEqual({ fr: 'Bonjour Inès, au plus tard le mercredi 22 avril 2026 à 15:00.', en: 'Hello Inès, by Wednesday 22 April 2026 at 15:00.' });
    const sample = await manager.post('/api/v1/macros/preview', { bodyFr: '{{agent.firstName}} pour {{customer.name}}', bodyEn: '{{agent.firstName}} for {{customer.name}}' });
    expect(sample.json()).toEqual({ fr: 'Sophie pour Jérôme Martin', en: 'Sophie for Jérôme Martin' });
    expect((await manager.post('/api/v1/macros/preview', { bodyFr: '{{nope}}', bodyEn: 'x' })).statusCode).toBe(422);
    expect((await agent.post('/api/v1/macros/preview', { bodyFr: 'x', bodyEn: 'x' })).statusCode).toBe(403);
  });

  it('applies its actions with the reply that uses it, in one change', async () => {
    const before = (await agent.get(`/api/v1/cases/${frCase.id}`)).json();
    const text = (await agent.post(`/api/v1/cases/${frCase.id}/macros/${macroId}/render`)).json().text;
    const sent = await agent.post(`/api/v1/cases/${frCase.id}/messages`, { kind: 'reply', body: text, macroId });
    expect(sent.statusCode).toBe(201);
    expect(sent.json().caseVersion).toBe(before.version + 1);
    const after = (await agent.get(`/api/v1/cases/${frCase.id}`)).json();
    expect(after).toMatchObject({ status: 'waiting_customer', step: { key: 'diagnosis' }, tags: ['macro:delai'] });
    const events = (await agent.get(`/api/v1/cases/${frCase.id}/events`)).json().items as { type: string; data: Record<string, unknown> }[];
    const mine = events.slice(-6).map((e) => e.type);
    expect(mine).toEqual(expect.arrayContaining(['message_out', 'status_changed', 'step_changed', 'tags_changed']));
    expect(events.find((e) => e.type === 'message_out' && e.data.macroId === macroId)).toBeTruthy();
    // A note cannot carry a macro's actions.
    expect((await agent.post(`/api/v1/cases/${frCase.id}/messages`, { kind: 'note', body: 'x', macroId })).statusCode).toBe(422);
  });

  it('keeps personal macros to their author; agents see active shared ones and cannot write', async () => {
    const personal = await create(manager, { name: 'Ma formule', scope: 'personal' });
    expect(personal.json()).toMatchObject({ scope: 'personal', ownerId: manager.userId });
    const other = await h.userClient('manager');
    expect((await other.get('/api/v1/macros')).json().items.map((m: { name: string }) => m.name)).toEqual(['Délai de réponse']);
    expect((await other.patch(`/api/v1/macros/${personal.json().id}`, { active: false })).statusCode).toBe(404);
    expect((await agent.post(`/api/v1/cases/${frCase.id}/macros/${personal.json().id}/render`)).statusCode).toBe(404);

    expect((await manager.patch(`/api/v1/macros/${macroId}`, { active: false })).json()).toMatchObject({ active: false });
    expect((await agent.get('/api/v1/macros')).json().items).toEqual([]);
    expect((await manager.get('/api/v1/macros?active=false')).json().items.map((m: { name: string }) => m.name)).toEqual(['Délai de réponse']);
    expect((await agent.post(`/api/v1/cases/${frCase.id}/macros/${macroId}/render`)).statusCode).toBe(409);

    expect((await create(agent, {})).statusCode).toBe(403);
    expect((await agent.patch(`/api/v1/macros/${macroId}`, { active: true })).statusCode).toBe(403);
    expect((await agent.delete(`/api/v1/macros/${macroId}`)).statusCode).toBe(403);
    expect((await manager.delete(`/api/v1/macros/${macroId}`)).statusCode).toBe(204);
    expect((await admin.get('/api/v1/audit?action=macro.deleted')).json().items).toHaveLength(1);
  });

  it('renders only for cases the user works on', async () => {
    const m = (await create(admin, { name: 'Merci' })).json().id;
    const otherBrand = (await buildBrand(h.ctx, { slug: 'autre', name: 'Autre' })).id;
    const stranger = await h.userClient('agent', { brandIds: [otherBrand] });
    expect((await stranger.post(`/api/v1/cases/${frCase.id}/macros/${m}/render`)).statusCode).toBe(404);
    const otherStore = (await buildStore(h.ctx, brandId)).id;
    const elsewhere = await h.userClient('store_staff', { brandIds: [brandId], storeIds: [otherStore] });
    expect((await elsewhere.post(`/api/v1/cases/${frCase.id}/macros/${m}/render`)).statusCode).toBe(403);
    const viewer = await h.userClient('viewer');
    expect((await viewer.post(`/api/v1/cases/${frCase.id}/macros/${m}/render`)).statusCode).toBe(403);
  });
});
