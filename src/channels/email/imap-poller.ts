// Reading IMAP mailboxes (imapflow): each e-mail account with IMAP settings is watched on its
// own connection — IDLE tells us at once when mail arrives, a poll every few minutes covers
// servers that do not — so fifty mailboxes are read side by side, not one after another. Each
// message is stored (once per account and Message-ID) before the account's cursor moves past
// it: a crash re-reads, never skips. Credentials refused mark the account failing, with the
// server's answer, until an admin changes it.
import { eq, sql } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import { ctxOf, type Ctx, type Services } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { accountSecrets, markFailing } from '../accounts/accounts.service.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';
import type { AccountRow } from '../connector.ts';
import { storeInbound } from '../inbound/inbound.store.ts';
import { emailSettings } from './email.settings.ts';
import { headerFacts } from './smtp-inbound.ts';

interface Cursor {
  uidValidity: string;
  lastUid: number;
}

const BATCH = 200;

function clientFor(ctx: Ctx, account: AccountRow): ImapFlow {
  const imap = emailSettings.parse(account.settings).imap!;
  return new ImapFlow({
    host: imap.host,
    port: imap.port,
    secure: imap.secure,
    auth: { user: imap.user, pass: accountSecrets(ctx, account).imapPassword ?? '' },
    logger: false,
    // Some servers advertise IDLE and never send anything: the poll still runs.
    maxIdleTime: 5 * 60_000,
    connectionTimeout: 30_000,
    greetingTimeout: 15_000,
    socketTimeout: 5 * 60_000,
  });
}

export const isAuthFailure = (error: unknown) => {
  const e = error as { authenticationFailed?: boolean; responseText?: string; code?: string };
  return e?.authenticationFailed === true || /AUTHENTICATIONFAILED|invalid credentials|authentication failed/i.test(`${e?.responseText ?? ''} ${e?.code ?? ''} ${(error as Error)?.message ?? ''}`);
};

/** Reads what arrived since the cursor on an open connection; returns how many were stored. */
async function readNew(ctx: Ctx, account: AccountRow, client: ImapFlow): Promise<number> {
  const folder = emailSettings.parse(account.settings).imap!.folder;
  const lock = await client.getMailboxLock(folder);
  let stored = 0;
  try {
    const box = client.mailbox as { uidValidity: bigint | number; uidNext: number } | false;
    if (!box) return 0;
    const [row] = await queryRows<{ cursor: Partial<Cursor> }>(ctx.db, sql`SELECT cursor FROM channel_account WHERE id = ${account.id}`);
    const cursor = row?.cursor ?? {};
    const validity = String(box.uidValidity);
    // A new UIDVALIDITY means the server renumbered the mailbox: read it again from the start
    // (what was stored already is recognised by its Message-ID and not stored twice).
    let last = cursor.uidValidity === validity ? (cursor.lastUid ?? 0) : 0;
    while (last + 1 < box.uidNext) {
      const upTo = Math.min(box.uidNext - 1, last + BATCH);
      for await (const m of client.fetch(`${last + 1}:${upTo}`, { uid: true, source: true, envelope: true }, { uid: true })) {
        if (!m.source || m.uid <= last) continue;
        const facts = headerFacts(m.source);
        await storeInbound(ctx, {
          accountId: account.id,
          channel: 'email',
          providerId: facts.messageId ?? (m.envelope?.messageId ? m.envelope.messageId.replace(/^<|>$/g, '') : null),
          raw: m.source,
          summary: { from: facts.from, subject: facts.subject, imapUid: m.uid },
        });
        stored++;
        last = m.uid;
        await ctx.db.update(channelAccount).set({ cursor: { uidValidity: validity, lastUid: last } }).where(eq(channelAccount.id, account.id));
      }
      // Nothing in that range (expunged messages): move past it anyway.
      if (last < upTo) {
        last = upTo;
        await ctx.db.update(channelAccount).set({ cursor: { uidValidity: validity, lastUid: last } }).where(eq(channelAccount.id, account.id));
      }
    }
  } finally {
    lock.release();
  }
  return stored;
}

/** One pass over a mailbox: connect, read what is new, log out. For tests and the first look. */
export async function pollMailbox(ctx: Ctx, account: AccountRow): Promise<number> {
  const client = clientFor(ctx, account);
  try {
    await client.connect();
  } catch (error) {
    if (isAuthFailure(error)) await markFailing(ctx, account.id, `IMAP login refused: ${(error as { responseText?: string }).responseText ?? (error as Error).message}`);
    throw error;
  }
  try {
    return await readNew(ctx, account, client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Keeps one mailbox watched: IDLE and a periodic poll, reconnecting with backoff. */
class MailboxWatcher {
  private client: ImapFlow | undefined;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  private reading: Promise<void> = Promise.resolve();
  private attempt = 0;
  private readonly ctx: Ctx;
  readonly account: AccountRow;
  private readonly pollMs: number;

  constructor(ctx: Ctx, account: AccountRow, pollMs: number) {
    this.ctx = ctx;
    this.account = account;
    this.pollMs = pollMs;
  }

  start(): void {
    void this.connect();
  }

  private read(): void {
    this.reading = this.reading.then(async () => {
      if (!this.client || this.stopped) return;
      try {
        await readNew(this.ctx, this.account, this.client);
      } catch (error) {
        this.ctx.log.warn({ err: error, account: this.account.id }, 'imap: reading failed');
      }
    });
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = clientFor(this.ctx, this.account);
    client.on('exists', () => this.read());
    client.on('close', () => {
      if (this.client === client) this.client = undefined;
      this.retry();
    });
    client.on('error', (error: unknown) => this.ctx.log.warn({ err: error, account: this.account.id }, 'imap: connection error'));
    try {
      await client.connect();
      this.client = client;
      this.attempt = 0;
      this.read();
      this.timer = setInterval(() => this.read(), this.pollMs);
      this.timer.unref();
      // Selecting the folder lets the server push EXISTS while idle.
      await client.mailboxOpen(emailSettings.parse(this.account.settings).imap!.folder);
    } catch (error) {
      if (isAuthFailure(error)) {
        this.stopped = true;
        await markFailing(this.ctx, this.account.id, `IMAP login refused: ${(error as { responseText?: string }).responseText ?? (error as Error).message}`);
        this.ctx.log.error({ account: this.account.id }, 'imap: login refused; the account is marked failing');
        return;
      }
      this.ctx.log.warn({ err: error, account: this.account.id }, 'imap: could not connect');
      this.retry();
    }
  }

  private retry(): void {
    if (this.stopped) return;
    if (this.timer) clearInterval(this.timer);
    const delay = Math.min(5 * 60_000, 1_000 * 2 ** Math.min(this.attempt++, 8));
    setTimeout(() => void this.connect(), delay).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.reading;
    await this.client?.logout().catch(() => this.client?.close());
  }
}

/**
 * Watches every active e-mail account that has IMAP settings, and picks up accounts added,
 * changed or removed every minute. Several worker processes may watch the same mailbox: each
 * message is stored once all the same (its Message-ID), so nothing is lost or doubled.
 */
export function startImapWatchers(services: Services): { stop(): Promise<void> } {
  const ctx = ctxOf(services);
  const watchers = new Map<string, MailboxWatcher>();
  const sync = async () => {
    const accounts = await ctx.db.select().from(channelAccount).where(eq(channelAccount.channel, 'email'));
    const wanted = accounts.filter((a) => a.state === 'active' && emailSettings.safeParse(a.settings).data?.imap);
    for (const [id, w] of watchers) {
      const now = wanted.find((a) => a.id === id);
      if (!now || now.updatedAt.getTime() !== w.account.updatedAt.getTime()) {
        await w.stop();
        watchers.delete(id);
      }
    }
    for (const account of wanted) {
      if (watchers.has(account.id)) continue;
      const w = new MailboxWatcher(ctx, account, services.config.email.imapPollSeconds * 1000);
      watchers.set(account.id, w);
      w.start();
    }
  };
  const run = () => sync().catch((error: unknown) => services.log.error({ err: error }, 'imap: could not list mailboxes'));
  void run();
  const timer = setInterval(run, 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all([...watchers.values()].map((w) => w.stop()));
    },
  };
}
