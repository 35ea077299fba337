// A bounce (a delivery status report) is not a customer's message: it is joined to the message
// it reports on, whose delivery is marked failed with the server's reason, for the agent to see.
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { queryRows } from '../../platform/db/database.ts';

export async function attachBounce(ctx: Ctx, bounce: { refs: string[]; reason: string }): Promise<{ state: 'ignored'; detail: string; caseId: string | null }> {
  if (bounce.refs.length === 0) return { state: 'ignored', detail: `bounce for an unknown message: ${bounce.reason}`, caseId: null };
  const [hit] = await queryRows<{ id: string; case_id: string }>(
    ctx.db,
    sql`UPDATE message_delivery SET status = 'failed', detail = ${`bounced: ${bounce.reason}`}, updated_at = ${ctx.clock.now().toISOString()}
        WHERE channel = 'email' AND provider_id = ANY(${sql.param(bounce.refs)}::text[])
        RETURNING id, case_id`,
  );
  if (!hit) return { state: 'ignored', detail: `bounce for a message we do not know (${bounce.refs.join(', ')}): ${bounce.reason}`, caseId: null };
  return { state: 'ignored', detail: `bounce attached to delivery ${hit.id}: ${bounce.reason}`, caseId: hit.case_id };
}
