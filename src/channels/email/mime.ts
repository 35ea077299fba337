// The MIME form of an outgoing e-mail (RFC 5322 headers, RFC 2045–2047 bodies and encoded
// words, RFC 2231 file names), built in one pass into a string. Every acknowledgment goes
// through here, so it is written for speed: nodemailer's composer streams each part through a
// pipeline of transforms, which cost more of the server's thread than opening the case itself
// (measured, docs/benchmarks.md). nodemailer still carries the result over SMTP (`raw`).
//
// What comes out is 7-bit clean: non-ASCII header text is base64 encoded words, bodies are
// quoted-printable, attachments base64, every line ends in CRLF and none is longer than 78.
import { randomBytes } from 'node:crypto';

export interface MimeAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface MimeMessage {
  /** "Name <address>" or a bare address. */
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Without angle brackets. */
  messageId: string;
  inReplyTo?: string | null | undefined;
  references?: string[] | undefined;
  /** Further headers, in this order (names as written, ASCII values or not). */
  headers?: Record<string, string>;
  attachments?: MimeAttachment[] | undefined;
  date?: Date;
}

/** An address's mailbox part: "sav@x.fr" from "SAV <sav@x.fr>". */
export function addressOf(mailbox: string): string {
  return (/<([^<>]*)>\s*$/.exec(mailbox)?.[1] ?? mailbox).trim();
}

const CRLF = '\r\n';
/** Longest line a header is folded to (RFC 5322 recommends 78). */
const HEADER_WIDTH = 78;
/** Bytes of text in one encoded word: "=?UTF-8?B?" + base64 of 39 bytes (52) + "?=" is 64. */
const WORD_BYTES = 39;

// eslint-disable-next-line no-control-regex
const printableAscii = /^[\x20-\x7e]*$/;

/** A header line, folded at spaces; text that is not printable ASCII becomes encoded words. */
export function header(name: string, value: string): string {
  if (!printableAscii.test(value)) {
    const words = encodedWords(value);
    // A long header name leaves no room for the first word: it starts the next line.
    const first = name.length + 2 + words[0]!.length <= HEADER_WIDTH ? ' ' : `${CRLF} `;
    return `${name}:${first}${words.join(`${CRLF} `)}${CRLF}`;
  }
  return fold(`${name}: ${value}`) + CRLF;
}

function fold(line: string): string {
  if (line.length <= HEADER_WIDTH) return line;
  const out: string[] = [];
  let rest = line;
  while (rest.length > HEADER_WIDTH) {
    // The last space within the width (not the one after the colon), else the first after it.
    let at = rest.lastIndexOf(' ', HEADER_WIDTH);
    if (at <= 0 || (out.length === 0 && at <= rest.indexOf(':') + 1)) at = rest.indexOf(' ', HEADER_WIDTH + 1);
    if (at <= 0) break;
    out.push(rest.slice(0, at));
    rest = rest.slice(at); // the space starts the continuation line
  }
  out.push(rest);
  return out.join(CRLF);
}

/** RFC 2047 B encoded words of at most WORD_BYTES bytes of text each, never splitting a character. */
export function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > WORD_BYTES && chunk) {
      words.push(encodedWord(chunk));
      chunk = '';
      bytes = 0;
    }
    chunk += char;
    bytes += size;
  }
  if (chunk || words.length === 0) words.push(encodedWord(chunk));
  return words;
}

const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

// RFC 5322 atext: a display name of only these (and spaces) needs no quotes.
const atom = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]*$/;

/** A mailbox header value: the display name quoted or encoded as it needs, then <address>. */
export function mailbox(value: string): string {
  const match = /^\s*(.*?)\s*<([^<>]*)>\s*$/.exec(value);
  if (!match) return value.trim();
  const name = match[1]!.replace(/^"(.*)"$/, '$1').trim();
  const address = match[2]!.trim();
  if (!name) return `<${address}>`;
  if (!printableAscii.test(name)) return `${encodedWords(name).join(' ')} <${address}>`;
  if (atom.test(name)) return `${name} <${address}>`;
  return `"${name.replace(/(["\\])/g, '\\$1')}" <${address}>`;
}

/** RFC 5322 date-time in UTC: "Wed, 02 Dec 2026 17:10:00 +0000". */
export function mailDate(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

const HEX = '0123456789ABCDEF';
/** Longest quoted-printable line, the soft break's "=" included (RFC 2045: 76). */
const QP_WIDTH = 76;

/** Quoted-printable (RFC 2045 §6.7) of UTF-8 text, its line breaks made CRLF. */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  for (const line of lines) {
    const bytes = Buffer.from(line, 'utf8');
    let current = '';
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      const last = i === bytes.length - 1;
      let token: string;
      if ((b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last)) token = String.fromCharCode(b);
      else token = `=${HEX[b >> 4]}${HEX[b & 15]}`;
      // Room for the token and, unless it ends the line, a soft break after it.
      if (current.length + token.length > (last ? QP_WIDTH : QP_WIDTH - 1)) {
        out.push(`${current}=`);
        current = '';
      }
      current += token;
    }
    out.push(current);
  }
  return out.join(CRLF);
}

/** Base64 in lines of 76 characters. */
export function base64Lines(content: Buffer): string {
  const b64 = content.toString('base64');
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  return lines.join(CRLF);
}

/** Characters of a parameter's value on one line: "; " folding leaves the rest of 78. */
const PARAMETER_WIDTH = 60;

/**
 * A MIME parameter on a line of its own (";\r\n name=\"value\""): plain ASCII quoted, other text
 * RFC 2231 encoded (name*=utf-8''…), a long value split in numbered sections (name*0*=, name*1*=…).
 */
function parameter(name: string, value: string): string {
  const ascii = printableAscii.test(value);
  const text = ascii
    ? value.replace(/(["\\])/g, '\\$1')
    : `utf-8''${encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
  const form = (key: string, part: string) => (ascii ? `${key}="${part}"` : `${key}*=${part}`);
  if (text.length <= PARAMETER_WIDTH) return `;${CRLF} ${form(name, text)}`;
  const sections: string[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(at + PARAMETER_WIDTH, text.length);
    // Never split an escape: "%C3" or "\"" stay whole.
    if (!ascii) while (end < text.length && text.lastIndexOf('%', end - 1) > end - 3) end--;
    else {
      let slashes = 0;
      while (text[end - 1 - slashes] === '\\') slashes++;
      if (slashes % 2 === 1) end--;
    }
    sections.push(text.slice(at, end));
    at = end;
  }
  return sections.map((part, i) => `;${CRLF} ${form(`${name}*${i}`, part)}`).join('');
}

const boundary = () => `----=_comptoir_${randomBytes(12).toString('hex')}`;

function textPart(type: 'plain' | 'html', body: string): string {
  return `Content-Type: text/${type}; charset=utf-8${CRLF}Content-Transfer-Encoding: quoted-printable${CRLF}${CRLF}${quotedPrintable(body)}`;
}

function attachmentPart(a: MimeAttachment): string {
  const type = /^[\w.+-]+\/[\w.+-]+$/.test(a.contentType) ? a.contentType : 'application/octet-stream';
  return (
    `Content-Type: ${type}${parameter('name', a.filename)}${CRLF}` +
    `Content-Transfer-Encoding: base64${CRLF}` +
    `Content-Disposition: attachment${parameter('filename', a.filename)}${CRLF}${CRLF}` +
    base64Lines(a.content)
  );
}

function multipart(subtype: 'alternative' | 'mixed', parts: string[]): { head: string; body: string } {
  const b = boundary();
  return {
    head: `Content-Type: multipart/${subtype}${parameter('boundary', b)}`,
    body: `${parts.map((p) => `--${b}${CRLF}${p}${CRLF}`).join('')}--${b}--${CRLF}`,
  };
}

/** The whole message, headers and body, as it goes on the wire or into a .eml file (ASCII only). */
export function mimeText(message: MimeMessage): string {
  let head =
    header('From', mailbox(message.from)) +
    header('To', mailbox(message.to)) +
    header('Subject', message.subject) +
    header('Message-ID', `<${message.messageId}>`) +
    (message.inReplyTo ? header('In-Reply-To', `<${message.inReplyTo}>`) : '') +
    (message.references?.length ? header('References', message.references.map((r) => `<${r}>`).join(' ')) : '') +
    header('Date', mailDate(message.date ?? new Date())) +
    `MIME-Version: 1.0${CRLF}`;
  for (const [name, value] of Object.entries(message.headers ?? {})) head += header(name, value);

  const alternative = multipart('alternative', [textPart('plain', message.text), textPart('html', message.html)]);
  let body: { head: string; body: string } = alternative;
  if (message.attachments?.length) {
    body = multipart('mixed', [`${alternative.head}${CRLF}${CRLF}${alternative.body}`, ...message.attachments.map(attachmentPart)]);
  }
  return `${head}${body.head}${CRLF}${CRLF}${body.body}`;
}
