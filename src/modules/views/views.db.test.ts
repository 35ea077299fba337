// Saved views through the API on a real database: saving, the private/shared rules, renaming,
// reordering, deleting, and refusals as problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';

let h: Harness;
let agent: Client;
let colleague: Client;
let manager: Client;
let otherManager: Client;

beforeAll(async () => {
  h = await startHarness();
  [agent, colleague, manager, otherManager] = await Promise.all([h.userClient('agent'), h.userClient('agent'), h.userClient('manager'), h.userClient('manager')]);
});
afterAll(() => h?.close());

const save = (who: Client, body: Record<string, unknown>) => who.post('/api/v1/views', { filters: { status: ['open_all'] }, ...body });
const names = async (who: Client) => (await who.get('/api/v1/views')).json().items.map((v: { name: string }) => v.name);

describe('saving a view', () => {
  it('keeps the filters and the sort order, private to its owner', async () => {
    const res = await save(agent, { name: 'Mes VIP en retard', filters: { status: ['open_all'], tag: ['vip'], sla: ['breached', 'due_soon'], assigneeId: 'me' }, sort: 'slaDueAt' });
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      name: 'Mes VIP en retard',
      filters: { status: ['open_all'], tag: ['vip'], sla: ['breached', 'due_soon'], assigneeId: 'me' },
      sort: 'slaDueAt',
      shared: false,
      owner: { id: agent.userId },
      position: 0,
      editable: true,
    });
    expect(await names(agent)).toContain('Mes VIP en retard');
    expect(await names(colleague)).not.toContain('Mes VIP en retard');
    // Someone else's private view does not exist for them.
    expect((await colleague.patch(`/api/v1/views/${view.id}`, { name: 'Volée' })).statusCode).toBe(404);
    expect((await colleague.delete(`/api/v1/views/${view.id}`)).statusCode).toBe(404);
  });

  it('refuses what is not a view, as problem+json, and saves nothing', async () => {
    const before = (await names(agent)).length;
    const unknownFilter = await save(agent, { name: 'X', filters: { colour: 'red' } });
    expect(unknownFilter.statusCode).toBe(422);
    expect(unknownFilter.headers['content-type']).toContain('application/problem+json');
    expect(unknownFilter.json()).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ field: expect.stringContaining('filters') })] });
    expect((await save(agent, { name: 'X', filters: { status: ['lost'] } })).statusCode).toBe(422);
    expect((await save(agent, { name: 'X', filters: { sla: ['late'] } })).statusCode).toBe(422);
    expect((await save(agent, { name: '   ' })).statusCode).toBe(422);
    expect((await save(agent, { name: 'X', sort: 'random' })).statusCode).toBe(422);
    expect((await agent.patch('/api/v1/views/0190f5a0-0000-7000-8000-000000000000', {})).statusCode).toBe(422);
    expect((await names(agent)).length).toBe(before);

    const duplicate = await save(agent, { name: 'Mes VIP en retard' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().code).toBe('conflict');
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const [path, method] of [['/api/v1/views', 'get'], ['/api/v1/views', 'post'], ['/api/v1/views/{id}', 'patch'], ['/api/v1/views/{id}', 'delete'], ['/api/v1/views/counts', 'get'], ['/api/v1/cases/bulk', 'post']] as const) {
      expect(doc.paths[path]?.[method]?.summary, `${method} ${path}`).toBeTruthy();
    }
    expect(doc.components.schemas).toHaveProperty('SavedView');
    expect(doc.components.schemas).toHaveProperty('ViewCounts');
    expect(doc.components.schemas).toHaveProperty('BulkResult');
  });

  it('asks who is signed in', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/views' })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/views/counts' })).statusCode).toBe(401);
  });
});

describe('sharing', () => {
  it('is for managers and admins; everyone reads a shared view, its owner and managers change it', async () => {
    const refused = await save(agent, { name: 'Pour tous', shared: true });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');

    const shared = (await save(manager, { name: 'Litiges ouverts', filters: { status: ['open_all'], tag: ['litige'] }, shared: true })).json();
    const seen = (await colleague.get('/api/v1/views')).json().items.find((v: { id: string }) => v.id === shared.id);
    expect(seen).toMatchObject({ name: 'Litiges ouverts', shared: true, editable: false, owner: { id: manager.userId } });

    expect((await colleague.patch(`/api/v1/views/${shared.id}`, { name: 'Mes litiges' })).statusCode).toBe(403);
    expect((await colleague.delete(`/api/v1/views/${shared.id}`)).statusCode).toBe(403);
    const renamed = await otherManager.patch(`/api/v1/views/${shared.id}`, { name: 'Litiges à traiter' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Litiges à traiter', editable: true, owner: { id: manager.userId } });

    // An agent may not share their own view either.
    const mine = (await save(agent, { name: 'Perso' })).json();
    expect((await agent.patch(`/api/v1/views/${mine.id}`, { shared: true })).statusCode).toBe(403);
    expect((await names(colleague))).not.toContain('Perso');

    // Unsharing takes it back to its owner's private views.
    expect((await manager.patch(`/api/v1/views/${shared.id}`, { shared: false })).json()).toMatchObject({ shared: false });
    expect(await names(colleague)).not.toContain('Litiges à traiter');
    expect(await names(manager)).toContain('Litiges à traiter');
  });
});

describe('renaming, reordering and deleting', () => {
  it('moves a view within its group and keeps the positions 0, 1, 2…', async () => {
    const owner = await h.userClient('agent');
    const ids: string[] = [];
    for (const name of ['Un', 'Deux', 'Trois']) ids.push((await save(owner, { name })).json().id);
    expect(await names(owner)).toEqual(['Un', 'Deux', 'Trois']);

    const moved = await owner.patch(`/api/v1/views/${ids[2]}`, { position: 0 });
    expect(moved.json().position).toBe(0);
    expect(await names(owner)).toEqual(['Trois', 'Un', 'Deux']);
    await owner.patch(`/api/v1/views/${ids[2]}`, { position: 99 });
    expect(await names(owner)).toEqual(['Un', 'Deux', 'Trois']);

    expect((await owner.patch(`/api/v1/views/${ids[1]}`, { name: 'Deux bis', filters: { status: ['waiting_customer'] }, sort: '-createdAt' })).json()).toMatchObject({
      name: 'Deux bis',
      filters: { status: ['waiting_customer'] },
      sort: '-createdAt',
    });
    expect((await owner.delete(`/api/v1/views/${ids[0]}`)).statusCode).toBe(204);
    const left = (await owner.get('/api/v1/views')).json().items;
    expect(left.map((v: { name: string; position: number }) => [v.name, v.position])).toEqual([
      ['Deux bis', 0],
      ['Trois', 1],
    ]);
    expect((await owner.delete(`/api/v1/views/${ids[0]}`)).statusCode).toBe(404);
  });

  it('writes each change to the audit log', async () => {
    const admin = await h.userClient('admin');
    const view = (await save(admin, { name: 'Audité' })).json();
    await admin.patch(`/api/v1/views/${view.id}`, { name: 'Audité 2' });
    await admin.delete(`/api/v1/views/${view.id}`);
    const entries = (await admin.get(`/api/v1/audit?targetId=${view.id}`)).json().items.map((e: { action: string }) => e.action);
    expect(entries.sort()).toEqual(['view.created', 'view.deleted', 'view.updated']);
  });
});
