// The live connection: one EventSource on /api/v1/events per signed-in tab. The server
// sends `case.created` and `case.timeline` for the cases this user may see; each one marks
// the affected queries stale so what is shown refetches what changed, without a reload: the
// lists, the open case, the customer panel showing that case or customer, and (throttled) the
// inbox's counts and the manager views' workload. EventSource reconnects by itself and resumes
// with Last-Event-ID.
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { sessionKey } from '../auth/session.ts';
import { caseKeys } from '../cases/cases.keys.ts';
import { customerKeys } from '../customers/customers.keys.ts';
import { refreshCustomersOfCases } from '../customers/customers.live.ts';
import { viewKeys } from '../inbox/inbox.keys.ts';
import { workloadKey } from '../manager/workload.keys.ts';
import { phoneKeys } from '../phone/phone.keys.ts';
import { userNotificationKeys } from '../user-notifications/user-notifications.keys.ts';

const RETRY_AFTER_CLOSE_MS = 5_000;
const FLUSH_MS = 300;
/** The sidebar's counts and the workload read every open case of the user's scope: at most one refresh per this. */
const COUNTS_EVERY_MS = 10_000;

export type LiveState = 'connecting' | 'open' | 'closed';

/** An id a stream message carries (caseId and customerId of case.*, callId of phone.*), or null. */
function idIn(data: string, key: 'caseId' | 'customerId' | 'callId'): string | null {
  try {
    const parsed = JSON.parse(data) as Record<string, unknown>;
    return typeof parsed[key] === 'string' ? parsed[key] : null;
  } catch {
    return null;
  }
}

/**
 * Collects what changed and refreshes it at most every FLUSH_MS: a burst of events (a busy
 * inbox, a bulk change) costs one list refetch per screen, not one per event. The counts
 * per view and the workload cost more (a scan of the open cases), so they follow at most
 * every COUNTS_EVERY_MS. Only the queries on screen refetch; the others are marked stale.
 */
function createInvalidator(queryClient: QueryClient) {
  let lists = false;
  const cases = new Set<string>();
  const touched = new Set<string>();
  const customers = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let countsTimer: ReturnType<typeof setTimeout> | undefined;
  let countsAt = 0;
  const refreshCounts = () => {
    countsTimer = undefined;
    countsAt = Date.now();
    void queryClient.invalidateQueries({ queryKey: viewKeys.counts() });
    void queryClient.invalidateQueries({ queryKey: workloadKey });
  };
  const flush = () => {
    timer = undefined;
    if (lists && !countsTimer) countsTimer = setTimeout(refreshCounts, Math.max(0, countsAt + COUNTS_EVERY_MS - Date.now()));
    if (lists) void queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
    for (const id of cases) {
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(id) });
    }
    refreshCustomersOfCases(queryClient, customers, touched);
    lists = false;
    cases.clear();
    touched.clear();
    customers.clear();
  };
  return {
    caseChanged(caseId: string | null, timeline: boolean, customerId: string | null = null) {
      lists = true;
      if (caseId && timeline) cases.add(caseId);
      if (caseId) touched.add(caseId);
      if (customerId) customers.add(customerId);
      timer ??= setTimeout(flush, FLUSH_MS);
    },
    stop() {
      clearTimeout(timer);
      clearTimeout(countsTimer);
    },
  };
}

/** Signals sent to this user alone (a call ringing for them), by SSE event name. */
export interface LiveSignals {
  onRinging?: (callId: string) => void;
}

export function useLiveUpdates(enabled: boolean, signals: LiveSignals = {}): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>('connecting');
  // The latest handler, without reconnecting when the caller renders a new one.
  const onRinging = useRef(signals.onRinging);
  onRinging.current = signals.onRinging;
  // Bumped to open a new connection after the server closed one for good.
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/v1/events', { withCredentials: true });
    const invalidator = createInvalidator(queryClient);
    let wasOpen = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener('open', () => {
      setState('open');
      // Anything may have changed while disconnected (beyond what the replay covers).
      if (wasOpen) {
        void queryClient.invalidateQueries({ queryKey: caseKeys.all });
        void queryClient.invalidateQueries({ queryKey: userNotificationKeys.all });
        void queryClient.invalidateQueries({ queryKey: viewKeys.counts() });
        void queryClient.invalidateQueries({ queryKey: customerKeys.all });
        void queryClient.invalidateQueries({ queryKey: workloadKey });
      }
      wasOpen = true;
    });
    source.addEventListener('case.created', (e) => invalidator.caseChanged(idIn(e.data, 'caseId'), false, idIn(e.data, 'customerId')));
    source.addEventListener('case.timeline', (e) => invalidator.caseChanged(idIn(e.data, 'caseId'), true));
    // Someone mentioned this user: the bell's list and count.
    source.addEventListener('notification.created', () => void queryClient.invalidateQueries({ queryKey: userNotificationKeys.all }));
    source.addEventListener('phone.ringing', (e) => {
      const callId = idIn(e.data, 'callId');
      if (callId) onRinging.current?.(callId);
    });
    source.addEventListener('phone.call_updated', (e) => {
      const callId = idIn(e.data, 'callId');
      if (callId) void queryClient.invalidateQueries({ queryKey: phoneKeys.pop(callId) });
    });
    source.addEventListener('error', () => {
      if (source.readyState === EventSource.CLOSED) {
        // The server refused the stream (e.g. the session ended): ask who is signed in.
        // If it did not, try again a little later.
        setState('closed');
        void queryClient.invalidateQueries({ queryKey: sessionKey });
        retry = setTimeout(() => setAttempt((n) => n + 1), RETRY_AFTER_CLOSE_MS);
      } else setState('connecting');
    });
    return () => {
      clearTimeout(retry);
      invalidator.stop();
      source.close();
      setState('connecting');
    };
  }, [enabled, queryClient, attempt]);

  return state;
}
