// Conversations: a visitor starts one from the widget (optionally with a name and an e-mail),
// gets a signed token for it, and every later call names the conversation and brings the
// token. The conversation's case is opened by its first message (chat.process.ts).
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { Signer } from '../../platform/crypto/signer.ts';
import { AppError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Language } from '../../platform/i18n/i18n.ts';
import { IdentityError, normaliseIdentity } from '../../modules/customers/identities.ts';
import { channelAccount } from '../accounts/accounts.schema.ts';
import type { AccountRow } from '../connector.ts';
import { chatConversation } from './chat.schema.ts';
import { issueVisitorToken, verifyVisitorToken, VISITOR_TOKEN_PURPOSE } from './visitor-token.ts';

export type ConversationRow = typeof chatConversation.$inferSelect;

const signerOf = (ctx: Pick<Ctx, 'config'>) => new Signer(ctx.config.secretKey, VISITOR_TOKEN_PURPOSE);

/** The active chat account a widget names (its address, the public key in data-account); a plain 404 otherwise. */
export async function chatAccountByKey(ctx: Ctx, key: string): Promise<AccountRow> {
  const [row] = await ctx.db
    .select()
    .from(channelAccount)
    .where(and(eq(channelAccount.channel, 'chat'), sql`lower(${channelAccount.address}) = ${key.toLowerCase()}`, eq(channelAccount.state, 'active')));
  if (!row) throw new AppError('not_found', 'There is no live chat with this key');
  return row;
}

/** An e-mail as the customers module stores it, or a 422 naming the field. */
export function checkedEmail(ctx: Pick<Ctx, 'config'>, value: string | undefined, field = 'email'): string | null {
  if (!value) return null;
  try {
    return normaliseIdentity({ kind: 'email', value }, ctx.config.defaults.country).value;
  } catch (error) {
    if (!(error instanceof IdentityError)) throw error;
    throw new AppError('validation_failed', `${field}: invalid`, { errors: [{ field, message: 'invalid' }] });
  }
}

export async function startConversation(
  ctx: Ctx,
  account: AccountRow,
  input: { name?: string | undefined; email?: string | undefined; language: Language; origin: string },
): Promise<{ conversation: ConversationRow; token: string }> {
  const now = ctx.clock.now();
  const row: ConversationRow = {
    id: uuidv7(now.getTime()),
    accountId: account.id,
    caseId: null,
    visitorName: input.name ?? null,
    visitorEmail: checkedEmail(ctx, input.email),
    language: input.language,
    origin: input.origin,
    state: 'open',
    visitorSeenAt: now,
    visitorReadEventId: null,
    endedAt: null,
    transcriptSentAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await ctx.db.insert(chatConversation).values(row);
  return { conversation: row, token: issueVisitorToken(signerOf(ctx), row.id, now) };
}

/**
 * The conversation and its account when the token opens it. A wrong token and an unknown
 * conversation get the same 404: a token is the only proof the visitor has.
 */
export async function visitorConversation(ctx: Ctx, id: string, token: string | undefined): Promise<{ conversation: ConversationRow; account: AccountRow }> {
  const [row] = token && verifyVisitorToken(signerOf(ctx), token, id, ctx.clock.now())
    ? await ctx.db.select({ conversation: chatConversation, account: channelAccount }).from(chatConversation).innerJoin(channelAccount, eq(channelAccount.id, chatConversation.accountId)).where(eq(chatConversation.id, id))
    : [];
  if (!row) throw new AppError('not_found', 'No such conversation');
  return row;
}

/** The visitor is there (their stream is open, or they just wrote). */
export async function touchVisitor(ctx: Pick<Ctx, 'db' | 'clock'>, id: string): Promise<void> {
  await ctx.db.update(chatConversation).set({ visitorSeenAt: ctx.clock.now() }).where(eq(chatConversation.id, id));
}
