// Presence on an open case page: a heartbeat every 15 s (viewing, or typing while the
// composer holds unsent text; at once when that changes), "left" when the page goes away, and
// the case's own stream (GET /api/v1/events?caseId=…) for the others' changes as they happen.
// Each heartbeat's answer is the server's full list, so a lost signal heals within a beat;
// an entry nobody refreshes disappears when it expires, read against the server's clock.
import { useEffect, useMemo, useState } from 'react';
import { newIdempotencyKey } from '../../api/http.ts';
import type { PresenceInput } from '../../../../src/modules/collab/collab.contract.ts';
import { sendPresence, type PresenceDto, type PresenceList, type PresenceSignal } from './collab.api.ts';

const BEAT_MS = 15_000;
const SWEEP_MS = 5_000;

type Beat = Omit<PresenceInput, 'tabId'>;
type Entry = { presence: PresenceDto; until: number };

/** Local time by which an entry the server dates `expiresAt` (when it was `serverNow`) is gone. */
const localDeadline = (expiresAt: string, serverNow: string) => Date.now() + (Date.parse(expiresAt) - Date.parse(serverNow));

export function useCasePresence(caseId: string, beat: Beat): PresenceDto[] {
  const [entries, setEntries] = useState<ReadonlyMap<string, Entry>>(new Map());
  // One id per mounted page: two tabs of the same agent do not undo each other.
  const tabId = useMemo(() => newIdempotencyKey().replace(/[^A-Za-z0-9_-]/g, '').slice(0, 64), []);
  const { state, kind } = beat;

  useEffect(() => {
    let alive = true;
    const apply = (list: PresenceList) => {
      if (alive) setEntries(new Map(list.present.map((p) => [p.user.id, { presence: p, until: localDeadline(p.expiresAt, list.at) }])));
    };
    const send = () => sendPresence(caseId, { state, ...(kind ? { kind } : {}), tabId }).then(apply, () => undefined);
    void send();
    const timer = setInterval(send, BEAT_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [caseId, state, kind, tabId]);

  useEffect(() => {
    const leave = () => void sendPresence(caseId, { state: 'left', tabId }, { keepalive: true }).catch(() => undefined);
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
      setEntries(new Map());
    };
  }, [caseId, tabId]);

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/events?caseId=${encodeURIComponent(caseId)}`, { withCredentials: true });
    source.addEventListener('case.presence', (e) => {
      const signal = JSON.parse((e as MessageEvent<string>).data) as PresenceSignal;
      setEntries((current) => {
        const next = new Map(current);
        if (signal.state === 'left' || !signal.expiresAt) next.delete(signal.user.id);
        else next.set(signal.user.id, { presence: { user: signal.user, state: signal.state, kind: signal.kind, expiresAt: signal.expiresAt }, until: localDeadline(signal.expiresAt, signal.at) });
        return next;
      });
    });
    return () => source.close();
  }, [caseId]);

  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      setEntries((current) => ([...current.values()].some((e) => e.until <= now) ? new Map([...current].filter(([, e]) => e.until > now)) : current));
    }, SWEEP_MS);
    return () => clearInterval(timer);
  }, []);

  return useMemo(() => [...entries.values()].map((e) => e.presence).sort((a, b) => a.user.name.localeCompare(b.user.name)), [entries]);
}
