// Renewing X access tokens against the local fake X's OAuth 2.0 server (test/fakes/x-api.ts):
// a confidential and a public client, the refresh token rotated and the spent one refused,
// X's refusals told apart from X failing, and the secrets and cursor renewal reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeX, type FakeX } from '../../../test/fakes/x-api.ts';
import { ManualClock } from '../../platform/clock.ts';
import { decideAfterFailure, type ProviderError } from '../provider-errors.ts';
import { XClient, XTokenRefused } from './x-client.ts';
import { refreshXToken, tokenError, XRefreshRefused } from './x-oauth.ts';
import { oauthAppOf, tokenFingerprint, tokenStateOf } from './x-token.ts';
import { xSecrets } from './x.settings.ts';

const clock = new ManualClock('2026-03-02T10:00:00Z');
let x: FakeX;

beforeAll(async () => {
  x = await startFakeX({ now: () => clock.now() });
});
afterAll(async () => {
  expect(x.unexpected).toEqual([]);
  await x.close();
});

const failure = (p: Promise<unknown>) => p.then(() => expect.unreachable(), (e: unknown) => e as ProviderError);
const confidential = () => ({ clientId: x.app.clientId, clientSecret: x.app.clientSecret });
const refresh = (refreshToken: string, app: { clientId: string; clientSecret?: string } = confidential()) => refreshXToken({ apiBaseUrl: x.url, app, refreshToken, now: clock.now() });

describe('the token client', () => {
  it('renews as a confidential client: HTTP Basic, a new access token for two hours, the refresh token rotated', async () => {
    const first = x.authorize(x.brand.id);
    const grant = await refresh(first.refreshToken);
    expect(grant).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresAt: new Date(clock.now().getTime() + 7200_000),
      scope: 'tweet.read tweet.write users.read dm.read dm.write offline.access',
    });
    expect(grant.accessToken).not.toBe(first.accessToken);
    expect(grant.refreshToken).not.toBe(first.refreshToken);
    expect(x.refreshes.at(-1)).toEqual({ clientId: x.app.clientId, basic: true, refreshToken: first.refreshToken, status: 200, issued: { accessToken: grant.accessToken, refreshToken: grant.refreshToken } });
    expect((await new XClient({ apiBaseUrl: x.url, accessToken: grant.accessToken }).me()).id).toBe(x.brand.id);

    // The spent refresh token is refused; the rotated one renews again.
    const spent = await failure(refresh(first.refreshToken));
    expect(spent).toBeInstanceOf(XRefreshRefused);
    expect(spent).toMatchObject({ code: 'auth', providerCode: 'invalid_grant', message: 'invalid_grant: Value passed for the token was invalid.' });
    expect((await refresh(grant.refreshToken!)).accessToken).toEqual(expect.any(String));
  });

  it('renews as a public client, with no secret and no Basic header', async () => {
    const first = x.authorize(x.brand.id, { clientId: x.app.publicClientId });
    const grant = await refresh(first.refreshToken, { clientId: x.app.publicClientId });
    expect(grant.refreshToken).not.toBe(first.refreshToken);
    expect(x.refreshes.at(-1)).toMatchObject({ clientId: x.app.publicClientId, basic: false, status: 200 });
  });

  it('is refused for a revoked refresh token, a confidential client without its secret, or another app’s client id', async () => {
    const revoked = x.authorize(x.brand.id);
    x.revoke(revoked.refreshToken);
    expect(await failure(refresh(revoked.refreshToken))).toMatchObject({ code: 'auth', providerCode: 'invalid_grant' });
    const live = x.authorize(x.brand.id);
    const noSecret = await failure(refresh(live.refreshToken, { clientId: x.app.clientId }));
    expect(noSecret).toBeInstanceOf(XRefreshRefused);
    expect(noSecret).toMatchObject({ providerCode: 'unauthorized_client', message: 'unauthorized_client: Missing valid authorization header' });
    expect(await failure(refresh(live.refreshToken, { clientId: 'not-this-apps-client-id' }))).toMatchObject({ providerCode: 'invalid_client' });
    // Refused requests spend nothing: the right client still renews with it.
    await refresh(live.refreshToken);
  });

  it('waits when X fails or is unreachable: temporary, the refresh token not spent', async () => {
    const live = x.authorize(x.brand.id);
    x.failNextRefresh('server_error');
    const down = await failure(refresh(live.refreshToken));
    expect(down).not.toBeInstanceOf(XRefreshRefused);
    expect(down).toMatchObject({ code: 'temporary', providerCode: '503' });
    x.failNextRefresh('rate_limited');
    const limited = await failure(refresh(live.refreshToken));
    expect(limited).toMatchObject({ code: 'temporary', providerCode: '429', retryAt: new Date(Math.floor(clock.now().getTime() / 1000) * 1000 + 900_000) });
    expect(decideAfterFailure(limited, 1, 8).action).toBe('retry_at');
    expect(await failure(refreshXToken({ apiBaseUrl: 'http://127.0.0.1:1', app: confidential(), refreshToken: live.refreshToken, now: clock.now() }))).toMatchObject({
      code: 'temporary',
      message: expect.stringContaining('X unreachable'),
    });
    await refresh(live.refreshToken);
  });

  it('reads X’s own refusal of a spent token (invalid_request) as a refusal, and other answers as X failing', () => {
    const h = new Headers();
    const spent = { error: 'invalid_request', error_description: 'Value passed for the token was invalid.', errors: [{ message: 'Value passed for the token was invalid.' }] };
    expect(tokenError(400, spent, h, clock.now())).toBeInstanceOf(XRefreshRefused);
    expect(tokenError(400, spent, h, clock.now())).toMatchObject({ code: 'auth', providerCode: 'invalid_request' });
    expect(tokenError(401, null, h, clock.now())).toMatchObject({ code: 'auth', providerCode: '401', message: 'HTTP 401' });
    expect(tokenError(502, null, h, clock.now())).toMatchObject({ code: 'temporary' });
    expect(tokenError(404, null, h, clock.now())).not.toBeInstanceOf(XRefreshRefused);
  });
});

describe('the fake X’s tokens', () => {
  it('answers 401 for an access token past its time, and for one expired early', async () => {
    const grant = x.authorize(x.brand.id);
    const client = new XClient({ apiBaseUrl: x.url, accessToken: grant.accessToken });
    expect((await client.me()).id).toBe(x.brand.id);
    clock.advance(7200_000);
    expect(await failure(client.me())).toBeInstanceOf(XTokenRefused);
    clock.advance(-7200_000);
    const other = x.authorize(x.brand.id);
    x.expire(other.accessToken);
    expect(await failure(new XClient({ apiBaseUrl: x.url, accessToken: other.accessToken }).me())).toMatchObject({ code: 'auth', providerCode: '401' });
    expect(x.refused.slice(-2)).toEqual(['GET /2/users/me', 'GET /2/users/me']);
  });
});

describe('an account’s token state', () => {
  it('needs a client id beside a refresh token, and takes a public client without a secret', () => {
    const base = { consumerSecret: 'c'.repeat(25), accessToken: 'a'.repeat(30) };
    expect(xSecrets.safeParse({ ...base, refreshToken: 'r'.repeat(30) }).error?.issues).toEqual([expect.objectContaining({ path: ['clientId'], message: expect.stringContaining('Client ID') })]);
    expect(xSecrets.safeParse({ ...base, refreshToken: 'r'.repeat(30), clientId: 'client-id-0001' }).success).toBe(true);
    expect(oauthAppOf({ refreshToken: 'r'.repeat(30), clientId: 'client-id-0001' })).toEqual({ refreshToken: 'r'.repeat(30), clientId: 'client-id-0001', clientSecret: undefined });
    expect(oauthAppOf({ clientId: 'client-id-0001' })).toBeNull();
  });

  it('knows an expiry only for the token it was recorded for', () => {
    const cursor = { tokenFingerprint: tokenFingerprint('token-one'), expiresAt: '2026-03-02T12:00:00.000Z', scope: 'tweet.write offline.access', renewedAt: '2026-03-02T10:00:00.000Z' };
    expect(tokenStateOf(cursor, 'token-one')).toEqual({ expiresAt: new Date('2026-03-02T12:00:00Z'), scope: 'tweet.write offline.access', renewedAt: new Date('2026-03-02T10:00:00Z') });
    // An admin saved another token since: its expiry is not known.
    expect(tokenStateOf(cursor, 'token-two')).toBeNull();
    expect(tokenStateOf({}, 'token-one')).toBeNull();
  });
});
