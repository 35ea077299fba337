// The case's "goodwill gesture" panel: the scale's suggestion with its reason and the facts it
// was read from, what the reader may still grant without asking, the gestures already granted
// (with their voucher codes and Shopify push), and the case's approval requests.
import { asc, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { appUser } from '../access/access.schema.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { loadVisibleCase } from '../cases/cases.read.ts';
import { approvalsOfCase } from './approvals.service.ts';
import { latitudeOf } from './authority.ts';
import { gestureFactsOf } from './gesture-facts.ts';
import type { GestureRow } from './gesture-grant.ts';
import { shopifySourceFor } from './gesture-grant.ts';
import { recommendGesture } from './gesture-scale.ts';
import { currentSetting, limitsSetting, scaleSetting } from './gesture-settings.service.ts';
import { gestureKinds, type GestureDto, type GesturePanelDto } from './gestures.contract.ts';
import { gesture } from './gestures.schema.ts';
import { spentOnCase, spentThisMonth } from './spending.ts';

export async function presentGestures(ctx: Ctx, rows: GestureRow[]): Promise<GestureDto[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.grantedBy, r.approvedBy]).filter((id): id is string => id !== null))];
  const names = new Map(ids.length ? (await ctx.db.select({ id: appUser.id, name: appUser.name }).from(appUser).where(inArray(appUser.id, ids))).map((u) => [u.id, u.name]) : []);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    cost: { amount: r.costAmount, currency: r.currency },
    points: r.points,
    note: r.note,
    grantedBy: { id: r.grantedBy, name: (r.grantedBy && names.get(r.grantedBy)) ?? r.grantedByLabel },
    approvedBy: r.approvedBy ? { id: r.approvedBy, name: names.get(r.approvedBy) ?? '' } : null,
    approvalId: r.approvalId,
    grantedAt: r.grantedAt.toISOString(),
    voucherCode: r.voucherCode,
    push: { state: r.pushState, detail: r.pushDetail, discountId: r.discountId },
  }));
}

export async function gesturePanel(ctx: Ctx, actor: Actor, caseId: string): Promise<GesturePanelDto> {
  requirePermission(actor, 'cases.read');
  const { row } = await loadVisibleCase(ctx, actor, caseId);
  const c = row.c;
  const [limits, scale] = await Promise.all([currentSetting(ctx, limitsSetting), currentSetting(ctx, scaleSetting)]);
  const currency = limits.document.currency;
  const [facts, month, onCase, gestures, approvals, shopify] = await Promise.all([
    gestureFactsOf(ctx, actor, c, scale.document),
    spentThisMonth(ctx, actor.userId, currency),
    spentOnCase(ctx, caseId, currency),
    ctx.db.select().from(gesture).where(eq(gesture.caseId, caseId)).orderBy(asc(gesture.grantedAt)),
    approvalsOfCase(ctx, actor, caseId),
    shopifySourceFor(ctx, c.customerId),
  ]);
  const suggestion = recommendGesture(scale.document, facts);
  const latitude = latitudeOf(limits.document, { role: actor.role, storeIds: actor.scope.storeIds }, month, onCase, gestureKinds);
  return {
    facts: {
      severity: facts.severity,
      severitySetByAgent: facts.severitySetByAgent,
      otherIncidents: facts.otherIncidents,
      repeat: suggestion.repeat,
      lifetimeValue: facts.lifetimeValue,
      tier: suggestion.tier.key,
      tierLabel: suggestion.tier.label,
    },
    suggestion: { recommendation: suggestion.recommendation, cost: suggestion.cost, reason: suggestion.reason },
    latitude: { currency, spentThisMonth: month, spentOnCase: onCase, ...latitude },
    gestures: await presentGestures(ctx, gestures),
    approvals,
    shopify: shopify !== null,
  };
}
