// Receiving: the raw message is written once, with the job that will process it, in one
// transaction, before the provider is answered. The same message delivered again (a retry, a
// second RCPT, an IMAP re-fetch) finds its row and changes nothing.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { jobType } from '../../platform/jobs/job-types.ts';
import { insertJobsFrom } from '../../platform/jobs/queue.ts';

// Immediate: the process that received the message processes it as soon as it is stored, so
// the customer's acknowledgment does not wait for a worker's next look at the queue.
export const processInboundJob = jobType('inbound.process', z.object({ id: z.uuid() }), {
  retry: { maxAttempts: 6, baseDelayMs: 2_000 },
  timeoutMs: 2 * 60_000,
  immediate: true,
});

export interface Received {
  accountId: string;
  channel: string;
  /** The provider's id; null: the raw bytes' digest stands for it. */
  providerId: string | null;
  raw: Buffer;
  summary?: Record<string, unknown>;
}

export interface Stored {
  id: string;
  /** False when this exact message was already there. */
  created: boolean;
}

export const rawDigest = (raw: Buffer) => `sha256:${createHash('sha256').update(raw).digest('hex')}`;

export async function storeInbound(ctx: Ctx, message: Received): Promise<Stored> {
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());
  const providerId = message.providerId?.trim() || rawDigest(message.raw);
  return inTransaction(ctx, async (tx) => {
    const inserted = await queryRows<{ id: string }>(
      tx.db,
      sql`INSERT INTO inbound_message (id, account_id, channel, provider_id, received_at, raw, size, summary)
          VALUES (${id}, ${message.accountId}, ${message.channel}, ${providerId}, ${now.toISOString()}, ${message.raw},
                  ${message.raw.length}, ${JSON.stringify(message.summary ?? {})}::jsonb)
          ON CONFLICT (account_id, provider_id) DO NOTHING
          RETURNING id`,
    );
    if (inserted.length === 0) {
      const [existing] = await queryRows<{ id: string }>(
        tx.db,
        sql`SELECT id FROM inbound_message WHERE account_id = ${message.accountId} AND provider_id = ${providerId}`,
      );
      return { id: existing!.id, created: false };
    }
    await tx.jobs.enqueue(tx.db, processInboundJob, { id });
    return { id, created: true };
  });
}

/**
 * A webhook's batch (Meta sends up to 1,000 updates in one request), one row per event, in one
 * transaction with their jobs: all stored before the provider hears 200, each event once
 * however often the batch is sent again. Returns the rows in the batch's order.
 */
export async function storeInboundBatch(ctx: Ctx, messages: Received[]): Promise<Stored[]> {
  if (messages.length === 0) return [];
  if (messages.length === 1) return [await storeInbound(ctx, messages[0]!)];
  const now = ctx.clock.now();
  const rows = messages.map((m, i) => ({
    id: uuidv7(now.getTime() + i),
    accountId: m.accountId,
    channel: m.channel,
    providerId: m.providerId?.trim() || rawDigest(m.raw),
    raw: m.raw,
    summary: JSON.stringify(m.summary ?? {}),
  }));
  return inTransaction(ctx, async (tx) => {
    const inserted = await queryRows<{ id: string; account_id: string; provider_id: string }>(
      tx.db,
      sql`INSERT INTO inbound_message (id, account_id, channel, provider_id, received_at, raw, size, summary)
          SELECT r.id, r.account_id, r.channel, r.provider_id, ${now.toISOString()}::timestamptz, r.raw, length(r.raw), r.summary
          FROM unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.accountId))}::uuid[],
                      ${sql.param(rows.map((r) => r.channel))}::text[], ${sql.param(rows.map((r) => r.providerId))}::text[],
                      ${sql.param(rows.map((r) => r.raw))}::bytea[], ${sql.param(rows.map((r) => r.summary))}::jsonb[])
               AS r(id, account_id, channel, provider_id, raw, summary)
          ON CONFLICT (account_id, provider_id) DO NOTHING
          RETURNING id, account_id, provider_id`,
    );
    const key = (accountId: string, providerId: string) => `${accountId}|${providerId}`;
    const fresh = new Map(inserted.map((r) => [key(r.account_id, r.provider_id), r.id]));
    const missing = rows.filter((r) => !fresh.has(key(r.accountId, r.providerId)));
    const existing = new Map<string, string>();
    if (missing.length) {
      const found = await queryRows<{ id: string; account_id: string; provider_id: string }>(
        tx.db,
        sql`SELECT m.id, m.account_id, m.provider_id FROM inbound_message m
            JOIN unnest(${sql.param(missing.map((r) => r.accountId))}::uuid[], ${sql.param(missing.map((r) => r.providerId))}::text[]) AS k(account_id, provider_id)
              ON m.account_id = k.account_id AND m.provider_id = k.provider_id`,
      );
      for (const r of found) existing.set(key(r.account_id, r.provider_id), r.id);
    }
    if (inserted.length) {
      // Their jobs in one statement too.
      const jobs = inserted.map((r) => tx.jobs.prepare(processInboundJob, { id: r.id }));
      await tx.db.execute(insertJobsFrom(sql`${JSON.stringify(jobs.map((j) => j.row))}::jsonb`));
      for (const j of jobs) j.written(tx.db);
    }
    // The same event twice in one batch is one row too.
    return rows.map((r) => {
      const k = key(r.accountId, r.providerId);
      const id = fresh.get(k);
      if (id !== undefined && id === r.id) return { id, created: true };
      return { id: id ?? existing.get(k)!, created: false };
    });
  });
}
