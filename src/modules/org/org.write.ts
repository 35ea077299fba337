// What brand, store and team writes share: permission, audit line, and the translation of
// constraint violations into clear errors.
import { inTransaction, type Ctx } from '../../context.ts';
import { conflict, invalid, isForeignKeyViolation, isUniqueViolation } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../access/actor.ts';

export async function orgWrite<T>(
  ctx: Ctx,
  actor: Actor,
  audit: { action: string; targetType: string; targetId: string; details?: Record<string, unknown> },
  duplicate: string,
  work: (tx: Ctx) => Promise<T>,
): Promise<T> {
  requirePermission(actor, 'org.manage');
  try {
    return await inTransaction(ctx, async (tx) => {
      const result = await work(tx);
      await recordAudit(tx, actor, audit);
      return result;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(duplicate);
    if (isForeignKeyViolation(error)) {
      throw audit.action.endsWith('.deleted')
        ? conflict(`This ${audit.targetType} is still used; deactivate it instead (active: false)`)
        : invalid('reference', 'refers to something that does not exist');
    }
    throw error;
  }
}
