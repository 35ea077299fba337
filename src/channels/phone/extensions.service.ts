// Extensions: how a telephony system names the agent who picks up ("201"), mapped once by an
// admin to the agent's user, so the screen pop reaches the right screen.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, isUniqueViolation, notFound } from '../../platform/errors.ts';
import { appUser } from '../../modules/access/access.schema.ts';
import { requirePermission, type Actor } from '../../modules/access/actor.ts';
import { recordAudit } from '../../modules/audit/audit.service.ts';
import type { extensionBody } from './phone.contract.ts';
import { phoneExtension } from './phone.schema.ts';

export async function setExtension(ctx: Ctx, actor: Actor, input: z.infer<typeof extensionBody>): Promise<void> {
  requirePermission(actor, 'users.manage');
  try {
    await inTransaction(ctx, async (tx) => {
      const [user] = await tx.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.id, input.userId));
      if (!user) throw notFound('user', input.userId);
      await tx.db.delete(phoneExtension).where(eq(phoneExtension.userId, input.userId));
      if (input.extension) await tx.db.insert(phoneExtension).values({ extension: input.extension, userId: input.userId, createdAt: tx.clock.now() });
      await recordAudit(tx, actor, { action: 'phone.extension_set', targetType: 'user', targetId: input.userId, details: { extension: input.extension } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Extension ${input.extension} is already another agent's`);
    throw error;
  }
}
