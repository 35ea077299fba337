// The numbers that asked for no more SMS (sms_opt_out): recorded when one answers STOP (or
// when Twilio refuses to send to it, error 21610: it told Twilio), lifted when it sends START,
// and looked up before every SMS leaves, so the promise holds on our side whatever the number
// answered and whichever of our numbers sends next.
import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { isoWithOffset } from '../../modules/sla/zone.ts';
import { smsOptOut } from './sms.schema.ts';

export type SmsOptOut = typeof smsOptOut.$inferSelect;

/** Twilio's error for a recipient who replied STOP to the sending number or service. */
export const TWILIO_UNSUBSCRIBED = '21610';
/** What an opt-out learnt from that error records as the word: Twilio does not say which. */
export const TWILIO_UNSUBSCRIBED_KEYWORD = 'STOP (Twilio 21610)';

/** `at`: when the number said so (the STOP's arrival, Twilio's refusal). A second STOP dates it anew. */
export async function recordOptOut(ctx: Pick<Ctx, 'db'>, o: { phone: string; keyword: string; accountId: string | null; at: Date }): Promise<void> {
  await ctx.db
    .insert(smsOptOut)
    .values({ phone: o.phone, keyword: o.keyword, accountId: o.accountId, optedOutAt: o.at })
    .onConflictDoUpdate({ target: smsOptOut.phone, set: { keyword: o.keyword, accountId: o.accountId, optedOutAt: o.at } });
}

/** True when the number had opted out. */
export async function liftOptOut(ctx: Pick<Ctx, 'db'>, phone: string): Promise<boolean> {
  const lifted = await ctx.db.delete(smsOptOut).where(eq(smsOptOut.phone, phone)).returning({ phone: smsOptOut.phone });
  return lifted.length > 0;
}

export async function optOutOf(ctx: Pick<Ctx, 'db'>, phone: string): Promise<SmsOptOut | null> {
  const [found] = await ctx.db.select().from(smsOptOut).where(eq(smsOptOut.phone, phone));
  return found ?? null;
}

/** Why an SMS to this number is not sent: the delivery's detail. */
export function optOutDetail(o: Pick<SmsOptOut, 'phone' | 'keyword' | 'optedOutAt'>, timezone: string): string {
  return `opted out: ${o.phone} answered ${o.keyword} on ${isoWithOffset(timezone, o.optedOutAt.getTime())}; no SMS goes to it until it sends START`;
}
