// What the visitor sees of their case in the widget: their own chat messages and the answers
// that were delivered on the chat, in order — never internal notes, nor what went by e-mail
// (the acknowledgment, an answer written while they were away). The same lines make the
// transcript.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';

export interface ChatLine {
  id: string;
  author: 'visitor' | 'agent';
  /** The agent's first name (the visitor's is theirs to know). */
  name: string | null;
  text: string;
  at: string;
  /** The widget's own id for a visitor message, so a screen that shows it already does not show it twice. */
  clientId: string | null;
}

interface Row {
  id: string;
  type: string;
  body_text: string | null;
  at: Date | string;
  client_id: string | null;
  user_name: string | null;
}

export const HISTORY_LIMIT = 500;

/** The case's chat lines after `afterId` (all of them without), or only those `ids`. */
export async function chatLines(ctx: Pick<Ctx, 'db'>, caseId: string, filter: { afterId?: string | undefined; ids?: string[] } = {}): Promise<ChatLine[]> {
  const rows = await queryRows<Row>(
    ctx.db,
    sql`SELECT e.id, e.type, e.body_text, e.at, e.data ->> 'clientId' AS client_id, u.name AS user_name
        FROM case_event e LEFT JOIN app_user u ON u.id = e.actor_user_id
        WHERE e.case_id = ${caseId} AND e.visibility = 'public'
          AND ((e.type = 'message_in' AND e.channel = 'chat')
            OR (e.type = 'message_out' AND EXISTS (SELECT 1 FROM message_delivery d WHERE d.event_id = e.id AND d.channel = 'chat')))
          ${filter.afterId ? sql`AND e.id > ${filter.afterId}` : sql``}
          ${filter.ids ? sql`AND e.id = ANY(${sql.param(filter.ids)}::uuid[])` : sql``}
        ORDER BY e.id LIMIT ${HISTORY_LIMIT}`,
  );
  return rows.map((r) => ({
    id: r.id,
    author: r.type === 'message_in' ? 'visitor' : 'agent',
    name: r.type === 'message_in' ? null : (r.user_name?.split(/\s+/)[0] ?? null),
    text: r.body_text ?? '',
    at: new Date(r.at).toISOString(),
    clientId: r.client_id,
  }));
}
