import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.ts';
import { startHarness, PASSWORD, type Client, type Harness } from '../../../test/support/harness.ts';
import { ctxOf } from '../../context.ts';
import { ensureFirstAdmin } from './bootstrap.ts';

let h: Harness;
let admin: Client;
const clock = new ManualClock('2026-03-02T09:00:00Z');

beforeAll(async () => {
  h = await startHarness({ clock, env: { COMPTOIR_LOGIN_MAX_ATTEMPTS: '3', COMPTOIR_ADMIN_EMAIL: 'boss@exemple.fr', COMPTOIR_ADMIN_PASSWORD: 'a very long password' } });
  admin = await h.userClient('admin');
});
afterAll(() => h?.close());

const login = (email: string, password: string, ip = '203.0.113.7') =>
  h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });

describe('first start', () => {
  it('creates the first administrator once, only on an empty database', async () => {
    // The harness already has users: nothing is created.
    expect(await ensureFirstAdmin(ctxOf(h.services))).toBeNull();
  });
});

describe('signing in', () => {
  it('sets an httpOnly session cookie and returns a bearer token and a CSRF token', async () => {
    const res = await login(admin.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'comptoir_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const body = res.json();
    expect(body.token).toMatch(/^cps_/);
    expect(body.user).toMatchObject({ email: admin.email, role: 'admin' });
    expect(body.user.permissions).toContain('users.manage');

    const bearer = await h.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: `Bearer ${body.token}` } });
    expect(bearer.json().via).toBe('session');
  });

  it('requires the CSRF token for writes made with the cookie', async () => {
    const res = await login(admin.email, PASSWORD);
    const { csrfToken } = res.json();
    const cookie = `comptoir_session=${res.cookies[0]!.value}`;
    const body = { slug: 'csrf-brand', name: 'Marque CSRF' };
    const without = await h.app.inject({ method: 'POST', url: '/api/v1/brands', headers: { cookie }, payload: body });
    expect(without.statusCode).toBe(403);
    const wrong = await h.app.inject({ method: 'POST', url: '/api/v1/brands', headers: { cookie, 'x-csrf-token': 'nope' }, payload: body });
    expect(wrong.statusCode).toBe(403);
    const right = await h.app.inject({ method: 'POST', url: '/api/v1/brands', headers: { cookie, 'x-csrf-token': csrfToken }, payload: body });
    expect(right.statusCode).toBe(201);
    const read = await h.app.inject({ method: 'GET', url: '/api/v1/brands', headers: { cookie } });
    expect(read.statusCode).toBe(200);
  });

  it('refuses wrong passwords, unknown e-mails and missing credentials with 401', async () => {
    expect((await login(admin.email, 'wrong password', '198.51.100.1')).statusCode).toBe(401);
    expect((await login('nobody@exemple.fr', 'whatever', '198.51.100.1')).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/cases' })).statusCode).toBe(401);
    const forged = await h.app.inject({ method: 'GET', url: '/api/v1/cases', headers: { authorization: 'Bearer cps_forged' } });
    expect(forged.statusCode).toBe(401);
    expect(forged.json()).toMatchObject({ status: 401, code: 'unauthenticated' });
  });

  it('locks an account after repeated failures, even for the right password, until the window passes', async () => {
    const victim = await h.userClient('agent');
    for (let i = 0; i < 3; i++) expect((await login(victim.email, 'guess ' + i, '192.0.2.50')).statusCode).toBe(401);
    const locked = await login(victim.email, PASSWORD, '192.0.2.51');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    clock.advance(16 * 60_000);
    expect((await login(victim.email, PASSWORD, '192.0.2.51')).statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const token = (await login(admin.email, PASSWORD)).json().token;
    const auth = { authorization: `Bearer ${token}` };
    expect((await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth })).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: auth })).statusCode).toBe(401);
  });

  it('audits sign-ins and failures', async () => {
    const entries = (await admin.get('/api/v1/audit?action=auth.')).json().items;
    const actions = new Set(entries.map((e: { action: string }) => e.action));
    expect(actions).toEqual(new Set(['auth.login', 'auth.login_failed']));
    expect(entries.find((e: { action: string }) => e.action === 'auth.login_failed').details.reason).toBeDefined();
  });
});

describe('users and roles', () => {
  it('lets only admins create users; e-mails are unique; passwords are never returned', async () => {
    const agent = await h.userClient('agent');
    const body = { email: 'Nouvelle.Recrue@Exemple.fr', name: 'Nouvelle Recrue', role: 'agent', password: 'un mot de passe solide' };
    expect((await agent.post('/api/v1/users', body)).statusCode).toBe(403);
    const created = await admin.post('/api/v1/users', body);
    expect(created.statusCode).toBe(201);
    expect(created.json().email).toBe('nouvelle.recrue@exemple.fr');
    expect(JSON.stringify(created.json())).not.toMatch(/password|argon/i);
    expect((await admin.post('/api/v1/users', body)).statusCode).toBe(409);
    expect((await admin.post('/api/v1/users', { ...body, email: 'x@exemple.fr', password: 'short' })).statusCode).toBe(422);
    expect((await admin.post('/api/v1/users', { ...body, email: 'y@exemple.fr', role: 'superuser' })).statusCode).toBe(422);
  });

  it('audits role and scope changes and refuses self-promotion', async () => {
    const brand = (await admin.post('/api/v1/brands', { slug: 'auto', name: 'Automobiles' })).json();
    const agent = await h.userClient('agent');
    const res = await admin.patch(`/api/v1/users/${agent.userId}`, { role: 'manager', brandIds: [brand.id] });
    expect(res.json()).toMatchObject({ role: 'manager', brandIds: [brand.id] });
    const audit = (await admin.get(`/api/v1/audit?targetId=${agent.userId}&action=user.access_changed`)).json().items[0];
    expect(audit.details).toMatchObject({ role: { from: 'agent', to: 'manager' }, brandIds: { from: [], to: [brand.id] } });
    expect((await admin.patch(`/api/v1/users/${admin.userId}`, { role: 'viewer' })).statusCode).toBe(403);
    const manager = agent;
    expect((await manager.patch(`/api/v1/users/${manager.userId}`, { role: 'admin' })).statusCode).toBe(403);
    expect((await manager.patch(`/api/v1/users/${manager.userId}`, { name: 'Nouveau Nom', language: 'en' })).json()).toMatchObject({ name: 'Nouveau Nom', language: 'en' });
    expect((await admin.patch(`/api/v1/users/${agent.userId}`, { storeIds: ['01900000-0000-7000-8000-000000000000'] })).statusCode).toBe(422);
  });

  it('signs a deactivated user out everywhere', async () => {
    const agent = await h.userClient('agent');
    expect((await admin.delete(`/api/v1/users/${agent.userId}`)).statusCode).toBe(204);
    expect((await agent.get('/api/v1/auth/session')).statusCode).toBe(401);
    expect((await login(agent.email, PASSWORD, '192.0.2.99')).statusCode).toBe(401);
  });

  it('keeps viewers read-only', async () => {
    const viewer = await h.userClient('viewer');
    expect((await viewer.get('/api/v1/cases')).statusCode).toBe(200);
    expect((await viewer.post('/api/v1/customers', { displayName: 'X' })).statusCode).toBe(403);
    expect((await viewer.get('/api/v1/audit')).statusCode).toBe(403);
  });
});

describe('API tokens', () => {
  it('is shown once, stored hashed, acts as its owner, and stops working when revoked', async () => {
    const agent = await h.userClient('agent');
    const created = await agent.post('/api/v1/tokens', { name: 'Intégration boutique', expiresInDays: 30 });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token).toMatch(/^cpt_/);
    expect(token.startsWith(prefix)).toBe(true);
    const listed = (await agent.get('/api/v1/tokens')).json().items;
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toContain(token);

    const viaToken = await h.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: `Bearer ${token}` } });
    expect(viaToken.json()).toMatchObject({ email: agent.email, via: 'token', csrfToken: null });
    // Token-authenticated writes need no CSRF header: there is no cookie to ride on.
    const write = await h.app.inject({ method: 'POST', url: '/api/v1/customers', headers: { authorization: `Bearer ${token}` }, payload: { displayName: 'Client API' } });
    expect(write.statusCode).toBe(201);

    const other = await h.userClient('agent');
    expect((await other.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(403);
    expect((await agent.delete(`/api/v1/tokens/${id}`)).statusCode).toBe(204);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

});

// These move the shared clock forward, so they run last.
describe('expiry', () => {
  it('ends sessions after their lifetime', async () => {
    const token = (await login(admin.email, PASSWORD)).json().token;
    clock.advance(13 * 3_600_000);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });

  it('ends API tokens after theirs', async () => {
    const agent = await h.userClient('agent');
    const { token } = (await agent.post('/api/v1/tokens', { name: 'court', expiresInDays: 1 })).json();
    clock.advance(2 * 86_400_000);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
  });
});
