// Plays the planned cases through the real services, in the order things happened: every
// creation, reply, note and change runs at its own moment (a ManualClock per call), so
// timestamps, case numbers, timeline events and audit lines are those of a lived SAV.
// The caller chooses the transaction (seedDemo runs it all in one).
import type { Ctx } from '../../context.ts';
import { ManualClock } from '../../platform/clock.ts';
import { systemActor, type Actor } from '../access/actor.ts';
import type { UpdateCaseInput } from '../cases/cases.contract.ts';
import { postMessage, updateCase } from '../cases/case-changes.ts';
import { createCase } from '../cases/cases.service.ts';
import { createCustomer } from '../customers/customers.service.ts';
import { identitiesOf, type CustomerProfile } from './demo.customers.ts';
import type { DemoOrg } from './demo.org.ts';
import type { CasePlan } from './demo.plan.ts';
import type { ActorRef, PlannedAction, PlannedChange } from './demo.timeline.ts';

interface Cursor {
  at: Date;
  plan: number;
  /** -1 opens the case; 0… are its planned actions. */
  action: number;
}

export interface RunResult {
  cases: number;
  caseIds: string[];
  customers: number;
  moves: number;
}

export async function runPlans(ctx: Ctx, org: DemoOrg, plans: CasePlan[], customers: CustomerProfile[], customersSince: Date): Promise<RunResult> {
  const demo = systemActor('demo');
  const actorOf = (ref: ActorRef): Actor => (ref.kind === 'system' ? demo : org.users.get(ref.key)!.actor);
  const at = (base: Ctx, when: Date): Ctx => ({ ...base, clock: new ManualClock(when) });
  const customerIds = new Map<number, string>();
  const caseIds: string[] = [];
  const caseNumbers: string[] = [];

  // Customers known before any case (they came from the loyalty programme import), so every
  // profile exists even when there are fewer cases than customers.
  const used = new Set(plans.map((p) => p.customer.index));
  const unused = customers.filter((c) => !used.has(c.index));

  const cursors: Cursor[] = plans.flatMap((p, plan) => [
    { at: p.at, plan, action: -1 },
    ...p.actions.map((a, action) => ({ at: a.at, plan, action })),
  ]);
  cursors.sort((a, b) => a.at.getTime() - b.at.getTime() || a.plan - b.plan || a.action - b.action);

  const customerInput = (c: CustomerProfile) => ({
    firstName: c.firstName,
    lastName: c.lastName,
    language: c.language,
    ...(c.company ? { company: c.company } : {}),
    ...(c.notes ? { notes: c.notes } : {}),
    identities: identitiesOf(c, ctx.config.defaults.country),
  });

  async function open(tx: Ctx, plan: CasePlan, index: number) {
    const c = plan.customer;
    const actor = actorOf(plan.creator);
    const known = customerIds.get(c.index);
    const identities = identitiesOf(c, ctx.config.defaults.country);
    // Customers with only an e-mail and a phone are opened the way a connector would: with
    // contact details, which the case service matches to an existing customer or creates.
    // Those with social accounts, a company or notes are created first through the
    // customers service, which records all of it.
    const plainContact = identities.every((i) => i.kind === 'email' || i.kind === 'phone') && !c.company && !c.notes;
    let customer: Parameters<typeof createCase>[2]['customer'];
    if (!known && !plainContact) customer = { id: (await createCustomer(at(tx, plan.at), actor, customerInput(c))).id };
    else if (!known || (plan.channel === 'email' && index % 3 === 0)) {
      const email = identities.find((i) => i.kind === 'email')?.value;
      const phone = identities.find((i) => i.kind === 'phone')?.value;
      customer = { firstName: c.firstName, lastName: c.lastName, language: c.language, ...(email ? { email } : {}), ...(phone ? { phone } : {}) };
    } else customer = { id: known };
    const created = await createCase(at(tx, plan.at), actor, {
      customer,
      subject: plan.subject,
      message: plan.message,
      channel: plan.channel,
      brandId: org.brandIds[plan.brand],
      storeId: org.storeIds.get(plan.store)!,
      reason: plan.reason,
      priority: plan.priority,
      ...(plan.team ? { teamId: org.teamIds[plan.team] } : {}),
      ...(plan.assignee ? { assigneeId: org.users.get(plan.assignee)!.user.id } : {}),
      tags: plan.tags,
      language: plan.language,
      ...(plan.orderRef ? { orderRef: plan.orderRef } : {}),
    });
    customerIds.set(c.index, created.customer.id);
    caseIds[index] = created.id;
    caseNumbers[index] = created.number;
  }

  const changeOf = (change: PlannedChange): UpdateCaseInput => {
    const { team, assignee, ...rest } = change;
    return {
      ...rest,
      ...(team ? { teamId: org.teamIds[team] } : {}),
      ...(assignee ? { assigneeId: org.users.get(assignee)!.user.id } : {}),
    };
  };

  async function act(tx: Ctx, a: PlannedAction, index: number) {
    const id = caseIds[index]!;
    const actor = actorOf(a.actor);
    const m = a.move;
    if (m.kind === 'update') return void (await updateCase(at(tx, a.at), actor, id, changeOf(m.change)));
    await postMessage(at(tx, a.at), actor, id, {
      kind: m.kind,
      body: m.body.replaceAll('{numero}', caseNumbers[index]!),
      ...(m.kind === 'reply' && m.channel ? { channel: m.channel } : {}),
      ...(m.status ? { status: m.status } : {}),
    });
  }

  for (const c of unused) {
    customerIds.set(c.index, (await createCustomer(at(ctx, customersSince), demo, customerInput(c))).id);
  }
  for (const cursor of cursors) {
    const plan = plans[cursor.plan]!;
    try {
      if (cursor.action < 0) await open(ctx, plan, cursor.plan);
      else await act(ctx, plan.actions[cursor.action]!, cursor.plan);
    } catch (error) {
      const what = cursor.action < 0 ? 'opening' : `move ${cursor.action + 1} (${plan.actions[cursor.action]!.move.kind})`;
      throw new Error(`demo case ${cursor.plan + 1} (${plan.story}, ${plan.channel}): ${what} failed: ${(error as Error).message}`, { cause: error });
    }
  }
  return { cases: plans.length, caseIds, customers: customerIds.size, moves: cursors.length - plans.length };
}
