// The authority limits and the gesture scale: each a versioned document (version 0 = the
// built-in defaults), read by everyone who grants, saved by admins as a new version, audited.
// Versions are never edited, so a gesture's or an approval's limits keep meaning what they meant.
import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { inTransaction, type Ctx } from '../../context.ts';
import { AppError, conflict, isUniqueViolation } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { builtInLimits, builtInScale } from './default-settings.ts';
import { authorityLimitsSchema, gestureScaleSchema, type AuthorityLimits, type GestureScale, type SettingsVersionDto } from './gestures.contract.ts';
import { gestureSettingVersion, type GestureSettingName } from './gestures.schema.ts';

type Row = typeof gestureSettingVersion.$inferSelect;

interface Setting<D> {
  name: GestureSettingName;
  builtIn: D;
  schema: z.ZodType<D>;
  auditAction: string;
}

export const limitsSetting: Setting<AuthorityLimits> = { name: 'limits', builtIn: builtInLimits, schema: authorityLimitsSchema as z.ZodType<AuthorityLimits>, auditAction: 'gestures.limits.saved' };
export const scaleSetting: Setting<GestureScale> = { name: 'scale', builtIn: builtInScale, schema: gestureScaleSchema as z.ZodType<GestureScale>, auditAction: 'gestures.scale.saved' };

async function latestRow(ctx: Ctx, name: GestureSettingName): Promise<Row | undefined> {
  const [row] = await ctx.db.select().from(gestureSettingVersion).where(eq(gestureSettingVersion.setting, name)).orderBy(desc(gestureSettingVersion.version)).limit(1);
  return row;
}

function present<D>(setting: Setting<D>, row: Row | undefined): SettingsVersionDto<D> {
  if (!row) return { version: 0, document: setting.builtIn, comment: null, createdAt: null, createdBy: null };
  return {
    version: row.version,
    // Written through the schema, so read back as such (defaults of later fields filled in).
    document: setting.schema.parse(row.document),
    comment: row.comment,
    createdAt: row.createdAt.toISOString(),
    createdBy: { id: row.createdBy, label: row.createdByLabel },
  };
}

/** The document in force, for the services (no permission: whoever grants is bound by it). */
export async function currentSetting<D>(ctx: Ctx, setting: Setting<D>): Promise<SettingsVersionDto<D>> {
  return present(setting, await latestRow(ctx, setting.name));
}

export async function readSetting<D>(ctx: Ctx, actor: Actor, setting: Setting<D>): Promise<SettingsVersionDto<D>> {
  requirePermission(actor, 'cases.read');
  return currentSetting(ctx, setting);
}

export async function readSettingVersion<D>(ctx: Ctx, actor: Actor, setting: Setting<D>, version: number): Promise<SettingsVersionDto<D>> {
  requirePermission(actor, 'org.read');
  if (version === 0) return present(setting, undefined);
  const [row] = await ctx.db.select().from(gestureSettingVersion).where(and(eq(gestureSettingVersion.setting, setting.name), eq(gestureSettingVersion.version, version)));
  if (!row) throw new AppError('not_found', `Version ${version} of the ${setting.name} does not exist`);
  return present(setting, row);
}

export async function saveSetting<D>(
  ctx: Ctx,
  actor: Actor,
  setting: Setting<D>,
  input: { document: D; comment: string | null; basedOnVersion?: number | undefined },
): Promise<SettingsVersionDto<D>> {
  requirePermission(actor, 'org.manage');
  try {
    return await inTransaction(ctx, async (tx) => {
      const latest = await latestRow(tx, setting.name);
      const current = latest?.version ?? 0;
      if (input.basedOnVersion !== undefined && input.basedOnVersion !== current) {
        throw new AppError('precondition_failed', `Version ${current} was saved after the version ${input.basedOnVersion} you edited; reload it`, { details: { currentVersion: current } });
      }
      const row: Row = {
        setting: setting.name,
        version: current + 1,
        document: input.document as Record<string, unknown>,
        comment: input.comment,
        createdBy: actor.userId,
        createdByLabel: actor.label,
        createdAt: tx.clock.now(),
      };
      await tx.db.insert(gestureSettingVersion).values(row);
      await recordAudit(tx, actor, {
        action: setting.auditAction,
        targetType: `gesture_${setting.name}`,
        targetId: String(row.version),
        details: { comment: row.comment, previousVersion: current, previous: latest?.document ?? setting.builtIn, document: row.document },
      });
      return present(setting, row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Another version was saved at the same moment; reload it and save again');
    throw error;
  }
}
