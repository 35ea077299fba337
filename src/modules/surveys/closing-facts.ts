// What a closing message says beyond the case's usual facts: what was done, the product's
// help content, the survey link and until when the customer can reopen by answering.
//
// "What was done" is the case's last step and an excerpt of the agent's last public reply:
// the step names the outcome in the SAV's own words (repair done, exchange, refund), and the
// last reply is where the agent told the customer the solution in theirs. An excerpt, not the
// whole reply: the customer already has it, the closing only reminds them. The subject says
// what the problem was, not what was done: it goes in the thanks.
import { and, desc, eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import { t, type Language } from '../../platform/i18n/i18n.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import { caseOrderLine, orderLine, product } from '../commerce/commerce.schema.ts';
import { caseVariables, stepLabel, type CaseFacts } from '../notifications/case-facts.ts';
import { formatDateTime } from '../sla/deadline-text.ts';
import { surveyUrl } from './survey-link.ts';
import './closing.words.ts';

const DAY = 86_400_000;
const EXCERPT = 240;

export interface HelpLink {
  label: string;
  url: string;
  language?: 'fr' | 'en';
}

export interface ClosingFacts {
  lastReply: string | null;
  /** The products the case is about (through its order lines), with their help links. */
  products: { name: string; helpLinks: HelpLink[] }[];
}

export async function loadClosingFacts(ctx: Ctx, caseId: string): Promise<ClosingFacts> {
  const [reply] = await ctx.db
    .select({ body: caseEvent.bodyText })
    .from(caseEvent)
    .where(and(eq(caseEvent.caseId, caseId), eq(caseEvent.type, 'message_out'), eq(caseEvent.actorType, 'user'), eq(caseEvent.visibility, 'public')))
    .orderBy(desc(caseEvent.id))
    .limit(1);
  const products = await ctx.db
    .select({ name: product.name, helpLinks: product.helpLinks })
    .from(caseOrderLine)
    .innerJoin(orderLine, eq(orderLine.id, caseOrderLine.orderLineId))
    .innerJoin(product, eq(product.id, orderLine.productId))
    .where(eq(caseOrderLine.caseId, caseId))
    .orderBy(caseOrderLine.linkedAt);
  return { lastReply: reply?.body ?? null, products };
}

/** The start of a reply, on one line, cut after a word: "La pièce est arrivée… (…)". */
export function excerptOf(text: string, max = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.!?-]+$/, '')}…`;
}

export function summaryText(f: CaseFacts, closing: ClosingFacts, language: Language): string {
  const lines: string[] = [];
  const step = stepLabel(f.step, language);
  if (step) lines.push(t(language, 'closing.summary.step', { step }));
  if (closing.lastReply?.trim()) lines.push(t(language, 'closing.summary.reply', { excerpt: excerptOf(closing.lastReply) }));
  return lines.join('\n');
}

/** The help links in the customer's language (or in none in particular), each once. */
export function helpText(closing: ClosingFacts, language: Language): string {
  const seen = new Set<string>();
  const separator = language === 'fr' ? ' : ' : ': ';
  const blocks: string[] = [];
  for (const p of closing.products) {
    const links = p.helpLinks.filter((l) => (!l.language || l.language === language) && !seen.has(l.url));
    for (const l of links) seen.add(l.url);
    if (links.length) blocks.push([t(language, 'closing.help', { product: p.name }), ...links.map((l) => `- ${l.label}${separator}${l.url}`)].join('\n'));
  }
  return blocks.join('\n\n');
}

/** Until when an answer to our message reopens the case (the e-mail threading's window). */
export function reopenUntil(ctx: Pick<Ctx, 'config'>, solvedAt: Date): Date | null {
  const days = ctx.config.email.reopenWindowDays;
  return days > 0 ? new Date(solvedAt.getTime() + days * DAY) : null;
}

export function reopenText(ctx: Pick<Ctx, 'config' | 'clock'>, solvedAt: Date, language: Language): { text: string; until: string } {
  const until = reopenUntil(ctx, solvedAt);
  if (!until || until.getTime() <= ctx.clock.now().getTime()) return { text: t(language, 'closing.reopen.after'), until: '' };
  const date = formatDateTime(until.getTime(), ctx.config.defaults.timezone, language);
  return { text: t(language, 'closing.reopen.until', { date }), until: date };
}

/** The variables of the closing and follow-up templates. */
export function closingVariables(ctx: Pick<Ctx, 'config' | 'secrets' | 'clock'>, f: CaseFacts, closing: ClosingFacts, solvedAt: Date, language: Language): Record<string, string> {
  const reopen = reopenText(ctx, solvedAt, language);
  return {
    ...caseVariables(ctx, f, language),
    'closing.summary': summaryText(f, closing, language),
    'help.text': helpText(closing, language),
    'survey.url': surveyUrl(ctx, { caseId: f.c.id, solvedAt }),
    'reopen.text': reopen.text,
    'reopen.until': reopen.until,
  };
}
