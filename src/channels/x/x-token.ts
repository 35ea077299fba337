// The access token an X account sends with, kept alive. X's user tokens last two hours; with
// a refresh token and the app's client id in the account's secrets, a token X refuses (401),
// or one whose known expiry is past, is renewed and the new pair sealed back into the account.
// X rotates the refresh token on every renewal and refuses a spent one: two workers renewing
// at once would leave the account with whichever pair was written last, the other one's
// refresh token spent and lost. So a renewal holds the account's row lock from reading the
// secrets to writing them; a worker that waited on it finds a token other than the one X
// refused it, and sends with that instead of renewing again.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { accountSecrets, markFailing } from '../accounts/accounts.service.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';
import type { AccountRow } from '../connector.ts';
import { ProviderError } from '../provider-errors.ts';
import { refreshXToken, XRefreshRefused, type XOAuthApp } from './x-oauth.ts';
import { xSettingsOf } from './x.settings.ts';

/**
 * Renewed this long before the expiry X gave: a token that would lapse between our check and
 * X reading it costs a refused call and a second renewal path.
 */
const EARLY_MS = 60_000;

/** What the account's cursor keeps of its token (not secret, so not sealed): when it expires, its scopes. */
export interface XTokenState {
  expiresAt: Date;
  scope: string | null;
  renewedAt: Date | null;
}

/** Names a token in the cursor without keeping it: an expiry applies to the token it was given for only. */
export const tokenFingerprint = (accessToken: string) => createHash('sha256').update(accessToken).digest('base64url').slice(0, 16);

/** The expiry the cursor knows for this access token; null when it knows none (a token an admin saved). */
export function tokenStateOf(cursor: Record<string, unknown>, accessToken: string): XTokenState | null {
  if (cursor.tokenFingerprint !== tokenFingerprint(accessToken) || typeof cursor.expiresAt !== 'string') return null;
  const expiresAt = new Date(cursor.expiresAt);
  if (Number.isNaN(expiresAt.getTime())) return null;
  const renewedAt = typeof cursor.renewedAt === 'string' ? new Date(cursor.renewedAt) : null;
  return { expiresAt, scope: typeof cursor.scope === 'string' ? cursor.scope : null, renewedAt };
}

/** The app a refresh token was issued to, when the secrets can renew at all. */
export function oauthAppOf(secrets: { refreshToken?: string | undefined; clientId?: string | undefined; clientSecret?: string | undefined }): (XOAuthApp & { refreshToken: string }) | null {
  if (!secrets.refreshToken || !secrets.clientId) return null;
  return { refreshToken: secrets.refreshToken, clientId: secrets.clientId, clientSecret: secrets.clientSecret };
}

/** Where a send gets its token, and a fresh one when X refuses it. */
export interface XTokens {
  /** The token to send with, renewed first when its known expiry is past; null when there is none. */
  current(): Promise<string | null>;
  /** Whether `renewed` can do anything (a refresh token and the client id are saved). */
  readonly renewable: boolean;
  /** X refused `refused`: the token to try once more, another worker's renewal or ours. Throws when none can be had. */
  renewed(refused: string): Promise<string>;
}

/** The token as the delivery found it, never renewed (an account without a refresh token, the tests of the client). */
export function savedToken(secrets: Record<string, string>): XTokens {
  return {
    current: async () => secrets.accessToken || null,
    renewable: false,
    renewed: () => Promise.reject(new ProviderError('auth', 'X refused the access token and no refresh token is saved on the account: an admin must save a new token')),
  };
}

type Renewal = { token: string } | { refused: string; providerCode: string | null };

function refusalText(account: Pick<AccountRow, 'address'>, handle: string | null, why: string): string {
  return `X refused to renew the access token of @${handle ?? account.address} (${why}): an admin must reconnect the account — authorise the app again (with the offline.access scope) and save the new access and refresh tokens`;
}

/**
 * Under the account's row lock: the token saved now if it is not the one refused (renewed
 * meanwhile, or replaced by an admin), else a renewal written back with the rotated refresh
 * token. A refused renewal marks the account failing in the same transaction, so a worker
 * waiting on the lock finds it failing rather than spending the refusal again.
 */
async function renewUnderLock(ctx: Ctx, accountId: string, refused: string): Promise<Renewal> {
  return inTransaction(ctx, async (tx) => {
    const [row] = await tx.db.select().from(channelAccount).where(eq(channelAccount.id, accountId)).for('update');
    if (!row) throw new ProviderError('not_found', `the X account ${accountId} no longer exists`);
    const handle = xSettingsOf(row.settings)?.handle ?? null;
    if (row.state !== 'active') return { refused: row.stateDetail ?? `the account is ${row.state}`, providerCode: null };
    const secrets = accountSecrets(tx, row);
    if (secrets.accessToken && secrets.accessToken !== refused) return { token: secrets.accessToken };
    const app = oauthAppOf(secrets);
    if (!app) return { refused: 'X refused the access token and no refresh token is saved on the account: an admin must save a new token', providerCode: null };
    const settings = xSettingsOf(row.settings);
    if (!settings) throw new ProviderError('not_configured', `X account ${row.address} has no valid settings (userId, handle)`);

    const now = tx.clock.now();
    let grant;
    try {
      // X is called with the lock held: the lock is what keeps the rotated refresh token.
      grant = await refreshXToken({ apiBaseUrl: settings.apiBaseUrl, app, refreshToken: app.refreshToken, now });
    } catch (error) {
      if (!(error instanceof XRefreshRefused)) throw error;
      const reason = refusalText(row, handle, error.message);
      await markFailing(tx, row.id, reason);
      tx.log.warn({ accountId: row.id, err: error }, 'X refused to renew the access token: account marked failing');
      return { refused: reason, providerCode: error.providerCode };
    }
    const renewed = { ...secrets, accessToken: grant.accessToken, refreshToken: grant.refreshToken ?? app.refreshToken };
    const cursor = { ...row.cursor, tokenFingerprint: tokenFingerprint(grant.accessToken), expiresAt: grant.expiresAt?.toISOString() ?? null, scope: grant.scope, renewedAt: now.toISOString() };
    await tx.db.update(channelAccount).set({ secretsSealed: tx.secrets.seal(JSON.stringify(renewed)), cursor }).where(eq(channelAccount.id, row.id));
    // This process's copy of the accounts holds the spent pair: drop it once committed.
    tx.accounts.changed(tx.db);
    tx.log.info({ accountId: row.id, expiresAt: cursor.expiresAt }, 'X access token renewed');
    return { token: grant.accessToken };
  });
}

/** The account's token for one send, renewed through the account's row as needed. */
export function accountTokens(ctx: Ctx, account: AccountRow, secrets: Record<string, string>): XTokens {
  if (!oauthAppOf(secrets)) return savedToken(secrets);
  const renewed = async (refused: string) => {
    const renewal = await renewUnderLock(ctx, account.id, refused);
    if ('refused' in renewal) throw new ProviderError('auth', renewal.refused, { providerCode: renewal.providerCode });
    return renewal.token;
  };
  return {
    renewable: true,
    renewed,
    async current() {
      const token = secrets.accessToken;
      if (!token) return null;
      const state = tokenStateOf(account.cursor, token);
      if (state && state.expiresAt.getTime() - EARLY_MS <= ctx.clock.now().getTime()) return renewed(token);
      return token;
    },
  };
}
