// GET /api/v1/events: the live stream of case activity a user may see, as Server-Sent
// Events. Every app process receives every committed domain event (NOTIFY), filters it per
// connected user (brand and store scope, internal visibility), and loads each timeline
// event once however many screens are watching. Reconnecting with Last-Event-ID replays
// what was missed.
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import type { DomainEvent } from '../../domain-events.ts';
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { openSse } from '../../platform/http/sse.ts';
import { listenForUser } from '../../platform/events/user-signals.ts';
import { isUuid } from '../../platform/ids.ts';
import { canSeeEvent, caseAccess, type Scope } from '../access/access.policy.ts';
import { principalOf } from '../access/access.http.ts';
import { requirePermission } from '../access/actor.ts';
import { isCredentialActive } from '../access/sessions.service.ts';
import { listenForCasePresence } from '../collab/presence.signals.ts';
import type { CaseEventDto } from './cases.contract.ts';
import { eventsSince, loadEvents } from './events.read.ts';
import { savCase } from './cases.schema.ts';

/** Loads timeline events by id, batching the ids that arrive in the same tick. */
class EventLoader {
  private waiting = new Map<string, { resolve: (e: CaseEventDto | undefined) => void; reject: (e: unknown) => void }[]>();
  private scheduled = false;
  private readonly ctx: Ctx;

  constructor(ctx: Ctx) {
    this.ctx = ctx;
  }

  load(id: string): Promise<CaseEventDto | undefined> {
    return new Promise((resolve, reject) => {
      const list = this.waiting.get(id) ?? [];
      list.push({ resolve, reject });
      this.waiting.set(id, list);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = new Map();
    this.scheduled = false;
    try {
      const found = new Map((await loadEvents(this.ctx, [...batch.keys()])).map((e) => [e.id, e]));
      for (const [id, waiters] of batch) for (const w of waiters) w.resolve(found.get(id));
    } catch (error) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(error);
    }
  }
}

const loaders = new WeakMap<object, EventLoader>();

const REPLAY_LIMIT = 500;

export function registerCaseStream(app: Api): void {
  app.get(
    '/api/v1/events',
    {
      schema: {
        tags: ['realtime'],
        summary: 'Server-Sent Events: case.created and case.timeline (with the event) for the cases you work, phone.ringing for calls shown to you; with caseId, that case’s visible activity and case.presence (who else is on it)',
        querystring: z.strictObject({ caseId: z.uuid().optional().describe('Only this case (a case page)') }),
        response: { 200: z.string().describe('text/event-stream'), ...problems(401, 403) },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      requirePermission(principal, 'cases.read');
      const ctx = req.ctx;
      const loaderKey = ctx.events as object;
      const loader = loaders.get(loaderKey) ?? new EventLoader(ctx);
      loaders.set(loaderKey, loader);
      const only = req.query.caseId;
      const lastEventId = req.headers['last-event-id'];
      const stream = openSse(req, reply);

      // Events that arrive while the replay runs are held back, then sent after it in order.
      let replaying = typeof lastEventId === 'string' && isUuid(lastEventId);
      const held: DomainEvent[] = [];
      const sentIds = new Set<string>();

      const deliver = (event: DomainEvent) => {
        if (event.type === 'case.created') {
          if ((!only || only === event.caseId) && caseAccess(principal.scope, event) === 'full') {
            stream.send({ event: 'case.created', data: event });
          }
          return;
        }
        if (event.type !== 'case.timeline' || (only && only !== event.caseId)) return;
        // The general stream carries the cases the user works (full access); the public
        // activity of another store's case streams only to a screen showing that case.
        const access = caseAccess(principal.scope, event);
        if (only ? !canSeeEvent(access, event.visibility) : access !== 'full') return;
        if (sentIds.has(event.eventId)) return;
        loader.load(event.eventId).then(
          (e) => e && stream.send({ id: e.id, event: 'case.timeline', data: e }),
          (error: unknown) => req.log.error({ err: error }, 'could not load a timeline event for SSE'),
        );
      };
      const unsubscribe = ctx.events.listen((event) => (replaying ? held.push(event) : deliver(event)));
      stream.onClose(unsubscribe);
      // Signals for this user alone (a call ringing for them: phone.ringing), on the general
      // stream only (a case page's stream would show it twice); live only, never replayed.
      if (!only) stream.onClose(listenForUser(ctx.realtime, principal.userId, (signal) => stream.send({ event: signal.event, data: signal.data })));
      // A case page's stream also says who else is on that case (collab/presence.service.ts).
      if (only) stream.onClose(listenForCasePresence(ctx, only, principal, (signal) => stream.send({ event: 'case.presence', data: signal })));
      // A stream must not outlive its credential (logout elsewhere, password change, deactivation).
      const recheck = setInterval(() => {
        isCredentialActive(ctx, principal).then(
          (active) => {
            if (active) return;
            stream.send({ event: 'session.ended', data: { reason: 'the session or token is no longer valid' } });
            stream.end();
          },
          (error: unknown) => req.log.warn({ err: error }, 'could not re-check an SSE credential'),
        );
      }, ctx.config.streamRecheckMs);
      recheck.unref();
      stream.onClose(() => clearInterval(recheck));

      if (replaying) {
        try {
          const caseIds = only ? [only] : null;
          const missed = await eventsSince(ctx, lastEventId as string, caseIds, REPLAY_LIMIT);
          const visible = await visibleCaseIds(ctx, principal.scope, missed);
          for (const e of missed) {
            const access = visible.get(e.caseId);
            if (!access || (only ? !canSeeEvent(access, e.visibility) : access !== 'full')) continue;
            sentIds.add(e.id);
            stream.send({ id: e.id, event: 'case.timeline', data: e });
          }
        } finally {
          replaying = false;
          for (const event of held.splice(0)) deliver(event);
        }
      }
      stream.send({ event: 'ready', data: { at: ctx.clock.now().toISOString() } });
    },
  );
}

/** Which of the cases behind these events the reader may see, and how much. */
async function visibleCaseIds(ctx: Ctx, scope: Scope, events: CaseEventDto[]): Promise<Map<string, 'full' | 'history'>> {
  const ids = [...new Set(events.map((e) => e.caseId))];
  const result = new Map<string, 'full' | 'history'>();
  if (ids.length === 0) return result;
  const rows = await ctx.db
    .select({ id: savCase.id, brandId: savCase.brandId, storeId: savCase.storeId })
    .from(savCase)
    .where(inArray(savCase.id, ids));
  for (const row of rows) {
    const access = caseAccess(scope, row);
    if (access !== 'none') result.set(row.id, access);
  }
  return result;
}
