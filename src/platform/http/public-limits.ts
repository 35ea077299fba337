// How often strangers may use the public pages and APIs (tracking, web form), counted in
// the database like every rate limit (platform/http/rate-limit.ts) so all nodes agree:
// reads per minute and writes per hour, per IP and per subject (a tracking link, an
// e-mail address). Subjects are digested: no tracking token is ever written to the table.
import { createHash } from 'node:crypto';
import type { Config } from '../config.ts';
import type { Db } from '../db/database.ts';
import { enforce } from './rate-limit.ts';

export interface PublicLimitCtx {
  db: Db;
  clock: { now(): Date };
  config: Pick<Config, 'publicLimits'>;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const digestOf = (subject: string) => createHash('sha256').update(subject).digest('base64url').slice(0, 32);

/** Counts one read by this IP (and of this subject, e.g. `track:<token>`); 429 past the limit. */
export async function limitPublicRead(ctx: PublicLimitCtx, ip: string, subject?: string): Promise<void> {
  const max = ctx.config.publicLimits.readsPerMinute;
  const now = ctx.clock.now();
  await enforce(ctx.db, { key: `public:read:ip:${ip}`, max, windowMs: MINUTE }, now);
  if (subject) await enforce(ctx.db, { key: `public:read:${digestOf(subject)}`, max, windowMs: MINUTE }, now);
}

/** Counts one write (a message, a choice, a form sent) by this IP and for each subject; 429 past the limit. */
export async function limitPublicWrite(ctx: PublicLimitCtx, ip: string, ...subjects: string[]): Promise<void> {
  const max = ctx.config.publicLimits.writesPerHour;
  await enforce(ctx.db, { key: `public:write:ip:${ip}`, max, windowMs: HOUR }, ctx.clock.now(), 'Too many messages sent from here; try again later');
  await limitSubjectWrites(ctx, ...subjects);
}

/** Counts one write for each subject (a tracking link, an e-mail address), whoever sends it. */
export async function limitSubjectWrites(ctx: PublicLimitCtx, ...subjects: string[]): Promise<void> {
  const max = ctx.config.publicLimits.writesPerHour;
  for (const subject of subjects) {
    await enforce(ctx.db, { key: `public:write:${digestOf(subject)}`, max, windowMs: HOUR }, ctx.clock.now(), 'Too many messages sent; try again later');
  }
}
