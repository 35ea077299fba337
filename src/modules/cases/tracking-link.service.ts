// Replacing a case's tracking link (it was forwarded to the wrong person, posted publicly):
// a new token, the old one stops working at once (its page is a plain 404), and the audit
// log says who did it. Agents with full access to the case only.
import { eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../context.ts';
import { digest } from '../../platform/crypto/tokens.ts';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { loadForWrite } from './case-changes.ts';
import { savCase } from './cases.schema.ts';
import { newTrackingToken } from './cases.service.ts';
import { trackingUrl } from './tracking-link.ts';

export async function regenerateTrackingLink(ctx: Ctx, actor: Actor, caseId: string): Promise<{ url: string }> {
  const row = await loadForWrite(ctx, actor, caseId, undefined);
  const token = newTrackingToken();
  const now = ctx.clock.now();
  await inTransaction(ctx, async (tx) => {
    await tx.db
      .update(savCase)
      .set({ trackingTokenHash: digest(token), trackingTokenSealed: tx.secrets.seal(token), updatedAt: now })
      .where(eq(savCase.id, caseId));
    await recordAudit(tx, actor, { action: 'case.tracking_link_replaced', targetType: 'case', targetId: caseId, details: { number: row.c.number } });
  });
  return { url: trackingUrl(ctx, token) };
}
