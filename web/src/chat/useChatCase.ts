// A chat case open in the console: the visitor typing (from the case's signal stream), the
// visitor's reads (the timeline's delivery states refresh), the agent's typing pings while
// writing a reply, and "read" sent back when the case shows the visitor's latest messages.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { caseKeys } from '../cases/cases.keys.ts';
import { sendAgentRead, sendAgentTyping } from './chat.api.ts';

/** A lost "stopped typing" must not leave the line on for ever. */
const TYPING_SHOWN_MS = 8_000;
const PING_EVERY_MS = 3_000;
const IDLE_MS = 4_000;

export function useChatCase(caseId: string, isChat: boolean, seenMessages: number) {
  const queryClient = useQueryClient();
  const [visitorTyping, setVisitorTyping] = useState(false);

  useEffect(() => {
    if (!isChat || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/v1/cases/${encodeURIComponent(caseId)}/chat/signals`, { withCredentials: true });
    let hide: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener('typing', (e) => {
      const on = (JSON.parse(e.data) as { typing: boolean }).typing;
      clearTimeout(hide);
      setVisitorTyping(on);
      if (on) hide = setTimeout(() => setVisitorTyping(false), TYPING_SHOWN_MS);
    });
    source.addEventListener('read', () => void queryClient.invalidateQueries({ queryKey: caseKeys.events(caseId) }));
    source.addEventListener('ended', () => setVisitorTyping(false));
    return () => {
      clearTimeout(hide);
      source.close();
    };
  }, [caseId, isChat, queryClient]);

  // A new message arrived (the visitor's, usually): it sent a message, so it stopped typing.
  useEffect(() => {
    if (!isChat || seenMessages === 0 || document.visibilityState !== 'visible') return;
    setVisitorTyping(false);
    sendAgentRead(caseId);
  }, [caseId, isChat, seenMessages]);

  const lastPing = useRef(0);
  const idle = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const typing = useCallback(
    (on: boolean) => {
      if (!isChat) return;
      clearTimeout(idle.current);
      if (on) {
        idle.current = setTimeout(() => typing(false), IDLE_MS);
        if (Date.now() - lastPing.current < PING_EVERY_MS) return;
        lastPing.current = Date.now();
      } else lastPing.current = 0;
      sendAgentTyping(caseId, on);
    },
    [caseId, isChat],
  );
  useEffect(() => () => clearTimeout(idle.current), []);

  return { visitorTyping, typing };
}
