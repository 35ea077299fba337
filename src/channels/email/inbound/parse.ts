// A stored e-mail (its MIME source) → the common inbound message: mailparser for MIME,
// charsets and encodings (latin-1, quoted-printable mistakes are read as best they can be);
// sanitize-html so no script, handler, form or remote image (tracker) survives; the quoted
// history and signature folded away; threading facts, loop signs and bounces picked out.
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import sanitizeHtml from 'sanitize-html';
import { ParseError, type CommonInbound, type InboundAttachment } from '../../connector.ts';
import { noAutoReplyReason } from './auto-reply.ts';
import { foldReply } from './fold.ts';

const CASE_NUMBER = /\b([A-Z]{2,6}-\d{4}-\d{6,})\b/;

/** Message ids without their angle brackets; In-Reply-To first, then References nearest first. */
export function messageIds(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? value.split(/\s+/) : [];
  return list.map((id) => id.trim().replace(/^<|>$/g, '')).filter((id) => id.length > 0 && id.length <= 500);
}

const firstAddress = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value[0];
const allAddresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((o) => o.value.map((v) => v.address?.toLowerCase() ?? '')).filter(Boolean);

/** Only what reads well and cannot run: no script, style, form, iframe, event handler or remote image. */
function cleanHtml(html: string, flags: Set<string>): string {
  if (/<script\b|\son\w+\s*=|javascript:/i.test(html)) flags.add('scripts_removed');
  let trackers = 0;
  const clean = sanitizeHtml(html, {
    allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'span', 'font', 'center'],
    allowedAttributes: { a: ['href', 'title', 'rel', 'target'], img: ['src', 'alt', 'width', 'height'], '*': ['style'] },
    allowedSchemes: ['http', 'https', 'mailto', 'tel', 'cid'],
    allowedSchemesByTag: { img: ['cid', 'data'] },
    allowedStyles: { '*': { color: [/^#?[\w() ,.%]+$/], 'text-align': [/^(left|right|center|justify)$/], 'font-weight': [/^\w+$/] } },
    transformTags: {
      a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow', target: '_blank' } }),
    },
    exclusiveFilter: (frame) => {
      // Remote images load from the sender's server when displayed: that is how mail is tracked.
      if (frame.tag === 'img' && !/^(cid|data):/i.test(frame.attribs.src ?? '')) {
        trackers++;
        return true;
      }
      return false;
    },
  });
  if (trackers) flags.add('remote_images_removed');
  return clean;
}

function textOf(mail: ParsedMail): string {
  if (mail.text && mail.text.trim()) return mail.text;
  if (typeof mail.html === 'string') return sanitizeHtml(mail.html.replace(/<(br|\/p|\/div|\/li|\/tr)\b[^>]*>/gi, '\n'), { allowedTags: [], allowedAttributes: {} });
  return '';
}

/** A delivery status report: which of our messages bounced, and the server's reason. */
function bounceOf(mail: ParsedMail): CommonInbound['bounce'] {
  const ct = String(mail.headers.get('content-type') && (mail.headers.get('content-type') as { value?: string }).value);
  const report = mail.attachments.find((a) => a.contentType === 'message/delivery-status');
  if (!report && !(ct.includes('multipart/report') || /^(mailer-daemon|postmaster)@/i.test(firstAddress(mail.from)?.address ?? ''))) return null;
  const original = mail.attachments.find((a) => a.contentType === 'message/rfc822' || a.contentType === 'text/rfc822-headers');
  const originalText = original?.content.toString('utf8') ?? '';
  const refs = messageIds(/^Message-ID:\s*(.+)$/im.exec(originalText)?.[1]?.trim() ?? '');
  const statusText = report?.content.toString('utf8') ?? mail.text ?? '';
  const diagnostic = /^Diagnostic-Code:\s*(?:smtp;\s*)?(.+)$/im.exec(statusText)?.[1]?.trim();
  const status = /^Status:\s*([245]\.\d+\.\d+)/im.exec(statusText)?.[1];
  if (refs.length === 0 && !diagnostic && !status) return null;
  return { refs, reason: diagnostic ?? (status ? `status ${status}` : 'delivery failed') };
}

export async function parseEmail(raw: Buffer): Promise<CommonInbound> {
  let mail: ParsedMail;
  try {
    mail = await simpleParser(raw, { skipImageLinks: true, maxHtmlLengthToParse: 5 * 1024 * 1024 });
  } catch (error) {
    throw new ParseError(`not a readable e-mail: ${(error as Error).message}`, { cause: error });
  }
  const flags = new Set<string>();
  const from = firstAddress(mail.from);
  if (!from?.address) flags.add('no_sender');
  const html = typeof mail.html === 'string' && mail.html.trim() ? cleanHtml(mail.html, flags) : null;
  const { visible, folded } = foldReply(textOf(mail));
  if (visible.includes('\uFFFD')) flags.add('charset_repaired');
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  const contentTypeText = contentType ? `${contentType.value ?? ''}; report-type=${contentType.params?.['report-type'] ?? ''}` : null;
  const returnPath = mail.headers.has('return-path') ? String((mail.headers.get('return-path') as { text?: string })?.text ?? mail.headers.get('return-path')) : null;

  const attachments: InboundAttachment[] = mail.attachments
    .filter((a) => !['message/delivery-status', 'message/rfc822', 'text/rfc822-headers'].includes(a.contentType))
    .map((a, i) => ({
      filename: a.filename?.trim() || `piece-jointe-${i + 1}`,
      contentType: a.contentType || 'application/octet-stream',
      content: a.content,
      inline: a.contentDisposition === 'inline' && !!a.cid,
    }));

  const subject = mail.subject?.trim() || null;
  return {
    from: { ...(from?.address ? { email: from.address.toLowerCase() } : {}), ...(from?.name ? { displayName: from.name } : {}) },
    subject,
    text: visible,
    folded,
    html,
    attachments,
    thread: {
      caseNumber: subject ? (CASE_NUMBER.exec(subject.toUpperCase())?.[1] ?? null) : null,
      refs: [...messageIds(mail.inReplyTo), ...messageIds(mail.references).reverse()].filter((id, i, all) => all.indexOf(id) === i),
    },
    ownRefs: messageIds(mail.messageId),
    noAutoReply: noAutoReplyReason({ headers: mail.headers, from: from?.address ?? null, returnPath, contentType: contentTypeText }),
    bounce: bounceOf(mail),
    flags: [...flags],
    to: [...allAddresses(mail.to), ...allAddresses(mail.cc)],
  };
}

/** "Re: TR: Fwd: Re[5]: Panne" → "panne": the subject two messages of one thread share. */
export function subjectKey(subject: string | null): string {
  let s = (subject ?? '').trim();
  for (;;) {
    const next = s.replace(/^\s*((re|tr|fw|fwd|aw|wg|réf|ref)(\[\d+\]|\(\d+\))?\s*:\s*)/i, '').replace(/^\s*\[[A-Z]{2,6}-\d{4}-\d{6,}\]\s*/i, '');
    if (next === s) break;
    s = next;
  }
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}
