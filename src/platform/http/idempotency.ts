// Idempotency-Key support for POSTs that create things: the key is stored in the same
// transaction as the change, so a retried or double-clicked request replays the first
// response instead of creating a second case or message.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { transaction } from '../db/transaction.ts';
import { AppError, isUniqueViolation } from '../errors.ts';
import { idempotencyKey } from './http.schema.ts';

export interface StoredResponse {
  statusCode: number;
  body: unknown;
}

export function requestHash(method: string, url: string, body: unknown): string {
  return createHash('sha256').update(`${method} ${url}\n${JSON.stringify(body ?? null)}`).digest('base64url');
}

export function checkKey(key: string): string {
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new AppError('bad_request', 'Idempotency-Key must be 1 to 255 printable ASCII characters');
  }
  return key;
}

/**
 * Runs `work` in a transaction once per (principal, key). A replay with the same request
 * gets the stored response; the same key with a different request is a 422.
 */
export async function runIdempotent(
  db: Db,
  principalId: string,
  key: string,
  hash: string,
  now: Date,
  work: (tx: Db) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const previous = await find(db, principalId, key);
  if (previous) return replay(previous, hash);
  try {
    const result = await transaction(db, async (tx) => {
      const response = await work(tx);
      await tx.insert(idempotencyKey).values({
        principalId,
        key,
        requestHash: hash,
        statusCode: response.statusCode,
        responseBody: response.body as object,
        createdAt: now,
      });
      return response;
    });
    return { ...result, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // A concurrent request with the same key committed first: its work stands, ours rolled back.
    const winner = await find(db, principalId, key);
    if (!winner) throw error;
    return replay(winner, hash);
  }
}

async function find(db: Db, principalId: string, key: string) {
  const [row] = await db
    .select()
    .from(idempotencyKey)
    .where(and(eq(idempotencyKey.principalId, principalId), eq(idempotencyKey.key, key)));
  return row;
}

function replay(row: typeof idempotencyKey.$inferSelect, hash: string) {
  if (row.requestHash !== hash) {
    throw new AppError('validation_failed', 'This Idempotency-Key was already used for a different request');
  }
  return { statusCode: row.statusCode, body: row.responseBody, replayed: true };
}

export async function purgeIdempotencyKeys(db: Db, before: Date): Promise<void> {
  await db.delete(idempotencyKey).where(lt(idempotencyKey.createdAt, before));
}

/**
 * Route helper: without an Idempotency-Key header, runs `work` once and replies `status`;
 * with one, runs it at most once per (principal, key) and replays the stored reply.
 */
export async function replyIdempotently(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { db: Db; principalId: string; now: Date; status: number },
  work: (db: Db) => Promise<unknown>,
): Promise<FastifyReply> {
  return replyIdempotentlyAs(request, reply, options, async (db) => ({ statusCode: options.status, body: await work(db) }));
}

/**
 * The same, when the work decides the status (201 done at once, 202 sent for approval): the
 * status is stored with the body, so a replay answers both as the first time.
 */
export async function replyIdempotentlyAs(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { db: Db; principalId: string; now: Date },
  work: (db: Db) => Promise<StoredResponse>,
): Promise<FastifyReply> {
  const header = request.headers['idempotency-key'];
  if (typeof header !== 'string') {
    const done = await work(options.db);
    return reply.code(done.statusCode).send(done.body);
  }
  const hash = requestHash(request.method, request.url, request.body);
  const result = await runIdempotent(options.db, options.principalId, checkKey(header), hash, options.now, work);
  if (result.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(result.statusCode).send(result.body);
}
