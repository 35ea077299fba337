// Meta's sending rules, as plain decisions: what one answer becomes on the network (a reply
// under a comment, a private reply to a comment, a Send API message with its messaging type, a
// WhatsApp text or template), or why it cannot go. The clock that matters is the customer's
// last message on the channel: Messenger and Instagram allow a standard answer for 24 hours,
// then a human agent's answer (tag HUMAN_AGENT) until 7 days, then nothing; WhatsApp allows
// free text for 24 hours, then approved templates only; a comment can be answered privately
// once, within 7 days. No I/O here: the connector asks, then calls the Graph API.
import type { Channel } from '../../modules/cases/cases.contract.ts';
import type { SocialOutbound } from '../social/social.types.ts';
import type { WhatsappTemplate } from './meta.settings.ts';

const HOUR = 3_600_000;
export const STANDARD_WINDOW_MS = 24 * HOUR;
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * HOUR;
export const PRIVATE_REPLY_WINDOW_MS = 7 * 24 * HOUR;

/** The longest text each kind of message takes (Meta refuses longer ones). */
export const textLimits = { messenger: 2000, instagram: 1000, facebookComment: 8000, instagramComment: 2200, whatsapp: 4096 } as const;

export type MetaChannel = 'facebook' | 'messenger' | 'instagram' | 'whatsapp';
export const metaChannels: readonly MetaChannel[] = ['facebook', 'messenger', 'instagram', 'whatsapp'];
export const isMetaChannel = (c: Channel): c is MetaChannel => (metaChannels as readonly string[]).includes(c);

/**
 * Where a private conversation stands for an answer sent now: `standard` (inside 24 hours),
 * `human_agent` (Messenger, Instagram: 24 hours to 7 days), `template_only` (WhatsApp after
 * 24 hours), `closed` (Messenger, Instagram after 7 days; or no customer message at all).
 * `until`: when this state ends (null when it does not).
 */
export function messagingWindow(channel: 'messenger' | 'instagram' | 'whatsapp', lastCustomerMessageAt: Date | null, now: Date): { state: 'standard' | 'human_agent' | 'template_only' | 'closed'; until: Date | null } {
  if (!lastCustomerMessageAt) return { state: channel === 'whatsapp' ? 'template_only' : 'closed', until: null };
  const since = lastCustomerMessageAt.getTime();
  // A message stamped a little ahead of our clock is as fresh as one sent now.
  const elapsed = Math.max(0, now.getTime() - since);
  if (elapsed < STANDARD_WINDOW_MS) return { state: 'standard', until: new Date(since + STANDARD_WINDOW_MS) };
  if (channel === 'whatsapp') return { state: 'template_only', until: null };
  if (elapsed < HUMAN_AGENT_WINDOW_MS) return { state: 'human_agent', until: new Date(since + HUMAN_AGENT_WINDOW_MS) };
  return { state: 'closed', until: null };
}

export type MetaSendPlan =
  /** facebook public: POST /{comment-id}/comments. */
  | { kind: 'comment_reply'; commentId: string; text: string }
  /** instagram public: POST /{ig-comment-id}/replies. */
  | { kind: 'instagram_comment_reply'; commentId: string; text: string }
  /** A private message answering a comment: POST /{page-id}/messages {recipient:{comment_id}}. */
  | { kind: 'private_reply'; commentId: string; text: string }
  /** Messenger and Instagram Direct: POST /{page-id}/messages {recipient:{id}}. */
  | { kind: 'send_api'; recipientId: string; messagingType: 'RESPONSE' | 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' | null; text: string }
  /** WhatsApp: POST /{phone-number-id}/messages. */
  | { kind: 'whatsapp_text'; to: string; text: string; contextId: string | null }
  | { kind: 'whatsapp_template'; to: string; name: string; language: string; variables: string[]; contextId: string | null };

/** Why an answer cannot go; the words are in meta.words.ts under `meta.refused.<reason>`. */
export type RefusalReason =
  | 'not_meta'
  | 'empty'
  | 'too_long'
  | 'nothing_to_answer'
  | 'public_to_private'
  | 'not_a_comment'
  | 'private_reply_expired'
  | 'window_closed'
  | 'template_required'
  | 'template_unknown'
  | 'template_variables';

export type SendDecision = { ok: true; plan: MetaSendPlan } | { ok: false; reason: RefusalReason; vars: Record<string, string | number> };

type Request = Pick<SocialOutbound, 'channel' | 'audience' | 'recipient' | 'text' | 'replyTo' | 'template' | 'now'>;

const refuse = (reason: RefusalReason, vars: Record<string, string | number> = {}): SendDecision => ({ ok: false, reason, vars });
const go = (plan: MetaSendPlan): SendDecision => ({ ok: true, plan });
/** Characters as people count them (an emoji is one), which is how Meta counts. */
const lengthOf = (text: string) => [...text].length;

function checkText(text: string, limit: number, where: string): SendDecision | null {
  if (!text.trim()) return refuse('empty');
  const length = lengthOf(text);
  return length > limit ? refuse('too_long', { length, limit, where }) : null;
}

/** The dates agents read in refusals: ISO, the words module formats them. */
const iso = (d: Date) => d.toISOString();

/** Answering a comment: publicly under it, or privately once within 7 days. */
function answerComment(req: Request, network: 'facebook' | 'instagram'): SendDecision {
  const target = req.replyTo;
  if (!target) return refuse('nothing_to_answer', { channel: network });
  if (target.audience !== 'public') return refuse('not_a_comment', { channel: network });
  if (req.audience === 'public') {
    // Comments nest two deep: a reply to a reply goes under the thread's first comment.
    const parent = typeof target.data.parentId === 'string' && target.data.parentId ? target.data.parentId : null;
    const commentId = network === 'facebook' ? (parent ?? target.providerId) : target.providerId;
    const limit = network === 'facebook' ? textLimits.facebookComment : textLimits.instagramComment;
    return checkText(req.text, limit, network === 'facebook' ? 'facebook_comment' : 'instagram_comment') ?? go({ kind: network === 'facebook' ? 'comment_reply' : 'instagram_comment_reply', commentId, text: req.text });
  }
  const closesAt = new Date(target.sentAt.getTime() + PRIVATE_REPLY_WINDOW_MS);
  if (req.now.getTime() >= closesAt.getTime()) return refuse('private_reply_expired', { sentAt: iso(target.sentAt), closedAt: iso(closesAt) });
  return checkText(req.text, network === 'facebook' ? textLimits.messenger : textLimits.instagram, network === 'facebook' ? 'messenger' : 'instagram') ?? go({ kind: 'private_reply', commentId: target.providerId, text: req.text });
}

function answerDirect(req: Request, network: 'messenger' | 'instagram'): SendDecision {
  if (req.audience === 'public') return refuse('public_to_private', { channel: network });
  const target = req.replyTo;
  if (!target) return refuse('nothing_to_answer', { channel: network });
  const tooLong = checkText(req.text, textLimits[network], network);
  if (tooLong) return tooLong;
  const window = messagingWindow(network, target.sentAt, req.now);
  if (window.state === 'standard') return go({ kind: 'send_api', recipientId: req.recipient, messagingType: 'RESPONSE', tag: null, text: req.text });
  if (window.state === 'human_agent') return go({ kind: 'send_api', recipientId: req.recipient, messagingType: 'MESSAGE_TAG', tag: 'HUMAN_AGENT', text: req.text });
  return refuse('window_closed', { channel: network, sentAt: iso(target.sentAt), closedAt: iso(new Date(target.sentAt.getTime() + HUMAN_AGENT_WINDOW_MS)) });
}

function answerWhatsapp(req: Request, catalogue: readonly WhatsappTemplate[]): SendDecision {
  if (req.audience === 'public') return refuse('public_to_private', { channel: 'whatsapp' });
  const to = req.recipient.replace(/^\+/, '');
  const target = req.replyTo;
  const window = messagingWindow('whatsapp', target?.sentAt ?? null, req.now);
  // Quoting the customer's message only while the conversation is live: a template days
  // later would quote something long gone.
  const contextId = window.state === 'standard' && target ? target.providerId : null;
  if (req.template) {
    const { name, language, variables } = req.template;
    const known = catalogue.find((t) => t.name === name && t.language === language);
    if (!known) return refuse('template_unknown', { name, language });
    if (variables.length !== known.variables) return refuse('template_variables', { name, expected: known.variables, given: variables.length });
    return go({ kind: 'whatsapp_template', to, name, language, variables, contextId });
  }
  if (window.state !== 'standard') return refuse('template_required', target ? { sentAt: iso(target.sentAt) } : {});
  return checkText(req.text, textLimits.whatsapp, 'whatsapp') ?? go({ kind: 'whatsapp_text', to, text: req.text, contextId });
}

/** What this answer becomes on Meta's networks, or why it cannot be sent. */
export function planMetaSend(req: Request, catalogue: readonly WhatsappTemplate[]): SendDecision {
  switch (req.channel) {
    case 'facebook':
      return answerComment(req, 'facebook');
    case 'instagram':
      // An Instagram case opened by a comment is answered under it or privately; by a Direct message, in Direct.
      return req.replyTo?.audience === 'public' ? answerComment(req, 'instagram') : answerDirect(req, 'instagram');
    case 'messenger':
      return answerDirect(req, 'messenger');
    case 'whatsapp':
      return answerWhatsapp(req, catalogue);
    default:
      return refuse('not_meta', { channel: req.channel });
  }
}
