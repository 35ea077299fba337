// The console's side of the live chat (src/channels/chat/chat.agent.routes.ts): presence,
// typing and read signals. Failures are ignored on purpose: they are hints for the visitor's
// screen, the next ping says it again.
import { api } from '../api/http.ts';

const quiet = (p: Promise<unknown>) => void p.catch(() => undefined);

export const sendPresence = () => quiet(api('/api/v1/chat/presence', { method: 'POST' }));
export const sendAgentTyping = (caseId: string, typing: boolean) => quiet(api(`/api/v1/cases/${encodeURIComponent(caseId)}/chat/typing`, { method: 'POST', body: { typing } }));
export const sendAgentRead = (caseId: string) => quiet(api(`/api/v1/cases/${encodeURIComponent(caseId)}/chat/read`, { method: 'POST' }));
