// Tests that are not about authority give a role the latitude they need, the way an admin would
// (a new version of the authority limits, src/modules/gestures), instead of working around it.
import type { Ctx } from '../../src/context.ts';
import { systemActor } from '../../src/modules/access/actor.ts';
import { currentSetting, limitsSetting, saveSetting } from '../../src/modules/gestures/gesture-settings.service.ts';
import type { AuthorityLimits, GrantingRole, RoleLimit } from '../../src/modules/gestures/gestures.contract.ts';

/** Saves the limits with `role`'s changed as given (e.g. refunds without asking, in CAD). */
export async function setLatitude(ctx: Ctx, role: GrantingRole, limit: Partial<RoleLimit>, over: Partial<Pick<AuthorityLimits, 'currency'>> = {}): Promise<void> {
  const current = (await currentSetting(ctx, limitsSetting)).document;
  const document: AuthorityLimits = { ...current, ...over, roles: { ...current.roles, [role]: { ...current.roles[role], ...limit } } };
  await saveSetting(ctx, systemActor('test'), limitsSetting, { document, comment: `tests: ${role}'s latitude` });
}

/** Agents refund and exchange without asking, up to `upTo` minor units a case. */
export const agentsRefund = (ctx: Ctx, upTo = 100_000) =>
  setLatitude(ctx, 'agent', { perCase: upTo, perMonth: 10 * upTo, kinds: { apology: { max: null }, voucher: { max: null }, express_delivery: { max: null }, refund: { max: null }, exchange: { max: null } } });
