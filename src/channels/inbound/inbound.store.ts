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
