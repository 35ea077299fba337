// The HTTP surface every module shares: health, OpenAPI and docs, metrics, errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../test/support/harness.ts';

let h: Harness;
let agent: Client;

beforeAll(async () => {
  h = await startHarness();
  agent = await h.userClient('agent');
});
afterAll(() => h?.close());

describe('operations endpoints', () => {
  it('reports health with the engine in use', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: h.database.engine });
  });

  it('serves an OpenAPI 3.1 document describing the API, and browsable docs', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/auth/login', '/api/v1/cases', '/api/v1/cases/{id}', '/api/v1/cases/{id}/events', '/api/v1/cases/{id}/messages', '/api/v1/customers', '/api/v1/customers/{id}', '/api/v1/customers/{id}/merge', '/api/v1/merge-suggestions', '/api/v1/merge-suggestions/{id}/accept', '/api/v1/users', '/api/v1/brands', '/api/v1/stores', '/api/v1/teams', '/api/v1/events', '/api/v1/audit', '/api/v1/attachments/{id}', '/api/v1/cases/{id}/tracking-link', '/api/v1/track/{token}', '/api/v1/track/{token}/messages', '/api/v1/track/{token}/attachments/{id}', '/api/v1/inbound/webform', '/api/v1/cases/{id}/calls', '/api/v1/phone/cases', '/api/v1/phone/calls', '/api/v1/phone/calls/{id}', '/api/v1/phone/extensions', '/api/v1/channels/phone/{accountId}/events', '/api/v1/counter/lookup', '/api/v1/counter/cases', '/api/v1/cases/{id}/counter-visits', '/api/v1/cases/{id}/ticket.pdf', '/api/v1/chat/accounts/{key}/status', '/api/v1/chat/accounts/{key}/conversations', '/api/v1/chat/accounts/{key}/offline', '/api/v1/chat/conversations/{id}/messages', '/api/v1/chat/conversations/{id}/stream', '/api/v1/chat/conversations/{id}/typing', '/api/v1/chat/conversations/{id}/read', '/api/v1/chat/conversations/{id}/end', '/api/v1/chat/presence', '/api/v1/cases/{id}/chat/typing', '/api/v1/cases/{id}/chat/read', '/api/v1/cases/{id}/chat/signals', '/health']) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
    expect(doc.paths['/api/v1/cases'].post.requestBody.content['application/json'].schema).toBeDefined();
    expect(doc.components.schemas).toHaveProperty('Case');
    const docs = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('exposes Prometheus metrics', async () => {
    await h.app.inject({ method: 'GET', url: '/health' });
    const res = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.body).toContain('comptoir_http_request_duration_seconds_bucket');
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });
});

describe('errors', () => {
  it('answers unknown routes with problem+json, in French by default and English on request', async () => {
    const fr = await agent.get('/api/v1/nowhere');
    expect(fr.statusCode).toBe(404);
    expect(fr.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(fr.json()).toMatchObject({ type: '/problems/not-found', title: 'Introuvable', status: 404, code: 'not_found', instance: '/api/v1/nowhere' });
    const en = await agent.get('/api/v1/nowhere', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(en.json().title).toBe('Not found');
  });

  it('carries a request id, echoing a sane one from the caller', async () => {
    const res = await agent.get('/api/v1/cases/01900000-0000-7000-8000-000000000000', { 'x-request-id': 'trace-123' });
    expect(res.headers['x-request-id']).toBe('trace-123');
    expect(res.json().requestId).toBe('trace-123');
  });

  it('refuses an unsupported content type with 415', async () => {
    const res = await agent.request({ method: 'POST', url: '/api/v1/customers', payload: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(415);
  });

  it('sets protective headers', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
