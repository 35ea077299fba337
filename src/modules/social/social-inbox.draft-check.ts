// Before a public reply goes out: the personal data in the draft (personal-data.ts), and the
// ready reply that moves the conversation to private messages, addressed to the case's
// customer (their @handle on X, their name elsewhere), on the case's network, in its language,
// signed by its brand.
import { desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { socialMessage } from '../../channels/social/social.schema.ts';
import { requirePermission, type Actor } from '../access/actor.ts';
import { loadVisibleCase } from '../cases/cases.read.ts';
import type { Channel } from '../cases/cases.contract.ts';
import { brand } from '../org/org.schema.ts';
import { detectPersonalData } from './personal-data.ts';
import { privateMoveText } from './private-move.ts';
import type { DraftCheckDto } from './social.contract.ts';

export async function checkDraft(ctx: Ctx, actor: Actor, input: { text: string; caseId?: string | undefined; channel?: Channel | undefined }): Promise<DraftCheckDto> {
  requirePermission(actor, 'cases.read');
  const findings = detectPersonalData(input.text, { defaultCountry: ctx.config.defaults.country, casePrefix: ctx.config.defaults.casePrefix });
  if (!input.caseId) {
    const channel = input.channel ?? null;
    return { findings, privateMove: { channel, language: actor.language, text: privateMoveText({ channel, language: actor.language, who: null, brand: null }) } };
  }
  const { row } = await loadVisibleCase(ctx, actor, input.caseId);
  const [author] = await ctx.db
    .select({ handle: socialMessage.authorHandle, name: socialMessage.authorName })
    .from(socialMessage)
    .where(eq(socialMessage.caseId, row.c.id))
    .orderBy(desc(socialMessage.postedAt))
    .limit(1);
  const [owner] = await ctx.db.select({ name: brand.name }).from(brand).where(eq(brand.id, row.c.brandId));
  const channel = input.channel ?? row.c.channel;
  // On X people are @handles; elsewhere, their name as the network shows it (or as we know them).
  const who = channel === 'x' && author?.handle ? `@${author.handle}` : (author?.name ?? row.customerName);
  const language = row.c.language;
  return { findings, privateMove: { channel, language, text: privateMoveText({ channel, language, who, brand: owner?.name ?? null }) } };
}
