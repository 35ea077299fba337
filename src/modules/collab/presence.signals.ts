// Presence changes as realtime signals: published on their own topic of the realtime hub
// (NOTIFY across app nodes, platform/events/realtime.ts) after the heartbeat that caused
// them, and handed by each node to the streams of the case pages showing that case. They
// carry the routing facts (brand, store) the stream checks against its reader's scope.
import type { Ctx } from '../../context.ts';
import { caseAccess, type Scope } from '../access/access.policy.ts';
import type { PresenceSignal } from './collab.contract.ts';

const TOPIC = 'case_presence';

type Routed = PresenceSignal & { brandId: string; storeId: string | null };

export function publishPresence(ctx: Pick<Ctx, 'realtime' | 'db'>, signal: Routed): void {
  ctx.realtime.publish(ctx.db, TOPIC, signal);
}

/**
 * Calls `fn` with the presence changes of `caseId` that `reader` may see, except their own
 * (another tab of theirs is not "someone else").
 */
export function listenForCasePresence(
  ctx: Pick<Ctx, 'realtime'>,
  caseId: string,
  reader: { userId: string; scope: Scope },
  fn: (signal: PresenceSignal) => void,
): () => void {
  return ctx.realtime.subscribe(TOPIC, (data) => {
    const { brandId, storeId, ...signal } = data as unknown as Routed;
    if (signal.caseId !== caseId || signal.user.id === reader.userId) return;
    if (caseAccess(reader.scope, { brandId, storeId }) === 'none') return;
    fn(signal);
  });
}
