// RFC 3834 and the usual signs of mail no automatic answer may go back to: an acknowledgment
// sent to a robot, a mailing list or a bounce starts loops and floods.

export interface MailFacts {
  headers: Map<string, unknown>;
  from: string | null;
  returnPath: string | null;
  contentType: string | null;
}

const header = (facts: MailFacts, name: string): string | null => {
  const value = facts.headers.get(name);
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && 'value' in (value as object)) return String((value as { value: unknown }).value);
  if (typeof value === 'object' && 'text' in (value as object)) return String((value as { text: unknown }).text);
  return String(value);
};

/** Why no automatic answer may go back to this mail, or null when one may. */
export function noAutoReplyReason(facts: MailFacts): string | null {
  const auto = header(facts, 'auto-submitted');
  if (auto && auto.trim().toLowerCase() !== 'no') return `Auto-Submitted: ${auto.trim()}`;
  const precedence = header(facts, 'precedence')?.trim().toLowerCase();
  if (precedence && ['bulk', 'list', 'junk'].includes(precedence)) return `Precedence: ${precedence}`;
  // mailparser gathers List-Id, List-Unsubscribe… under `list`.
  for (const name of facts.headers.keys()) {
    if (name === 'list' || name.startsWith('list-')) return 'mailing list (List-*)';
  }
  if (facts.headers.has('x-loop')) return 'X-Loop';
  if (facts.headers.has('x-autoreply') || facts.headers.has('x-autorespond')) return 'auto-responder';
  const ct = facts.contentType?.toLowerCase() ?? '';
  if (ct.includes('multipart/report') && ct.includes('delivery-status')) return 'delivery status report (bounce)';
  if (facts.returnPath !== null && facts.returnPath.replace(/[<>\s]/g, '') === '') return 'null return path';
  const from = facts.from?.toLowerCase() ?? '';
  const local = from.split('@')[0] ?? '';
  if (local === 'mailer-daemon' || local === 'postmaster') return `sent by ${local}`;
  if (local.endsWith('-request')) return 'list robot (-request)';
  if (local.startsWith('owner-')) return 'list owner (owner-)';
  if (/^(no-?reply|do-?not-?reply|ne-?pas-?repondre)$/.test(local)) return `no-reply sender (${local})`;
  return null;
}
