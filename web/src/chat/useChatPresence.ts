// While the console is open, the agent counts as there for the live chat: a heartbeat every
// 30 s (the server forgets an agent 75 s after the last one). A hidden tab keeps beating: the
// agent hears the case list's notifications; a closed one stops, and the chat closes.
import { useEffect } from 'react';
import { sendPresence } from './chat.api.ts';

const BEAT_MS = 30_000;

export function useChatPresence(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    sendPresence();
    const timer = setInterval(sendPresence, BEAT_MS);
    return () => clearInterval(timer);
  }, [enabled]);
}
