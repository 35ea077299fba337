// The order sources admin API: admins only, settings checked per kind (422 naming the field),
// secrets write-only (sealed, never returned, kept when not given), changes and tests audited,
// and the Shopify connection test asking the fake's Admin API for real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeShopify, type FakeShopify } from '../../../test/fakes/shopify.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { sourceSecrets, loadSource } from './order-sources.service.ts';

let h: Harness;
let shop: FakeShopify;
let admin: Client;
let manager: Client;

beforeAll(async () => {
  h = await startHarness();
  shop = await startFakeShopify();
  admin = await h.userClient('admin');
  manager = await h.userClient('manager');
});
afterAll(async () => {
  await shop?.close();
  await h?.close();
});

const shopify = () => ({
  kind: 'shopify',
  name: 'Boutique Shopify',
  settings: { shopDomain: shop.shopDomain, apiBaseUrl: shop.url, apiVersion: shop.apiVersion },
  secrets: { webhookSecret: shop.clientSecret, accessToken: shop.accessToken },
});

describe('order sources', () => {
  it('are for admins only', async () => {
    expect((await manager.get('/api/v1/order-sources')).statusCode).toBe(403);
    expect((await manager.post('/api/v1/order-sources', shopify())).statusCode).toBe(403);
  });

  it('keep secrets sealed and write-only, and say where the shop sends its webhooks', async () => {
    const res = await admin.post('/api/v1/order-sources', shopify());
    expect(res.statusCode, res.body).toBe(201);
    const dto = res.json();
    expect(dto).toMatchObject({ kind: 'shopify', salesChannel: 'online', state: 'active', secretsSet: ['accessToken', 'webhookSecret'], settings: { shopDomain: shop.shopDomain, apiVersion: shop.apiVersion } });
    expect(dto.webhookUrl).toBe(`${h.services.config.http.publicUrl}/api/v1/order-sources/${dto.id}/shopify`);
    expect(res.body).not.toContain(shop.accessToken);
    expect(res.body).not.toContain(shop.clientSecret);
    const row = await loadSource(h.ctx, dto.id);
    expect(row.secretsSealed).not.toContain(shop.accessToken);
    expect(sourceSecrets(h.ctx, row)).toEqual({ webhookSecret: shop.clientSecret, accessToken: shop.accessToken });

    // A change that names no secret keeps them; one that names a secret replaces only it.
    const renamed = await admin.patch(`/api/v1/order-sources/${dto.id}`, { name: 'Jardin en ligne', secrets: { accessToken: 'shpat_new' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Jardin en ligne', secretsSet: ['accessToken', 'webhookSecret'] });
    expect(sourceSecrets(h.ctx, await loadSource(h.ctx, dto.id))).toEqual({ webhookSecret: shop.clientSecret, accessToken: 'shpat_new' });

    const audit = await admin.get(`/api/v1/audit?targetId=${dto.id}`);
    const actions = audit.json().items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['order_source.created', 'order_source.updated']));
    expect(JSON.stringify(audit.json())).not.toContain('shpat_new');
  });

  it('refuse settings or secrets their kind does not take, naming the field', async () => {
    const bad = await admin.post('/api/v1/order-sources', { ...shopify(), settings: { shopDomain: 'not a shop' }, secrets: {} });
    expect(bad.statusCode).toBe(422);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['settings.shopDomain', 'secrets.webhookSecret']));
    const prestashop = await admin.post('/api/v1/order-sources', { kind: 'prestashop', name: 'PS', settings: { shopUrl: 'https://shop.example' }, secrets: { webserviceKey: 'short' } });
    expect(prestashop.json().errors).toEqual([expect.objectContaining({ field: 'secrets.webserviceKey' })]);
    expect((await admin.post('/api/v1/order-sources', { ...shopify(), kind: 'file_import' })).statusCode).toBe(422);
  });

  it('test the Shopify token for real, in the admin’s language, and audit the test', async () => {
    const { id } = (await admin.post('/api/v1/order-sources', shopify())).json();
    const ok = await admin.post(`/api/v1/order-sources/${id}/test`, undefined, { 'accept-language': 'en' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, checks: [{ name: 'shopify_api', ok: true, label: 'Shopify Admin API' }, { name: 'shop_webhook', ok: true }] });
    expect(ok.json().checks[0].detail).toContain('Garden World');
    expect(ok.json().checks[1].detail).toContain(`/api/v1/order-sources/${id}/shopify`);

    await admin.patch(`/api/v1/order-sources/${id}`, { secrets: { accessToken: 'shpat_revoked' } });
    const refused = await admin.post(`/api/v1/order-sources/${id}/test`, undefined, { 'accept-language': 'fr' });
    expect(refused.json()).toMatchObject({ ok: false, checks: [{ name: 'shopify_api', ok: false }, { name: 'shop_webhook' }] });
    expect(refused.json().checks[0].detail).toContain('Shopify refuse le jeton');
    // The test never changes the source.
    expect((await admin.get(`/api/v1/order-sources/${id}`)).json()).toMatchObject({ state: 'active' });
    const audit = await admin.get(`/api/v1/audit?targetId=${id}`);
    expect(audit.json().items.filter((a: { action: string }) => a.action === 'order_source.tested')).toHaveLength(2);
  });
});
