// Message templates: `{{case.number}}`-style variables in plain text, rendered to the text a
// customer reads, and an HTML part made from that text (escaped, links clickable). Small and
// ours on purpose: templates are edited by admins, so the syntax stays one thing — no logic,
// no HTML, nothing that can run — and every mistake is caught when the template is saved.

export type TemplatePart = string | { variable: string };

export class TemplateSyntaxError extends Error {}

const NAME = /^[a-zA-Z][a-zA-Z0-9_]*(\.[a-zA-Z][a-zA-Z0-9_]*)*$/;

/** Splits a template into text and variables; throws TemplateSyntaxError on a bad `{{…}}`. */
export function parseTemplate(source: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let at = 0;
  for (;;) {
    const open = source.indexOf('{{', at);
    if (open < 0) break;
    const close = source.indexOf('}}', open + 2);
    if (close < 0) throw new TemplateSyntaxError(`"{{" at character ${open + 1} is never closed with "}}"`);
    const name = source.slice(open + 2, close).trim();
    if (!NAME.test(name)) throw new TemplateSyntaxError(`"{{${source.slice(open + 2, close)}}}" is not a variable name (e.g. {{case.number}})`);
    if (open > at) parts.push(source.slice(at, open));
    parts.push({ variable: name });
    at = close + 2;
  }
  if (at < source.length) parts.push(source.slice(at));
  return parts;
}

/** What is wrong with a template for a key that offers `allowed` variables (empty: nothing). */
export function templateProblems(source: string, allowed: readonly string[]): string[] {
  let parts: TemplatePart[];
  try {
    parts = parseTemplate(source);
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return [error.message];
    throw error;
  }
  const unknown = [...new Set(parts.flatMap((p) => (typeof p === 'string' || allowed.includes(p.variable) ? [] : [p.variable])))];
  return unknown.map((name) => `unknown variable {{${name}}}; this template can use ${allowed.map((a) => `{{${a}}}`).join(', ')}`);
}

/**
 * Fills the variables in. A variable left empty takes its line with it when it stood alone
 * on it (an optional sentence), and the space before it when punctuation follows
 * ("Bonjour {{customer.name}}," reads "Bonjour," without a name); blank runs shrink to one
 * blank line.
 */
export function renderText(source: string, values: Readonly<Record<string, string>>): string {
  parseTemplate(source); // a syntax error anywhere is an error, not half a message
  const lines: string[] = [];
  for (const line of source.split('\n')) {
    const parts = parseTemplate(line);
    let out = '';
    parts.forEach((part, i) => {
      if (typeof part === 'string') {
        out += part;
        return;
      }
      const value = values[part.variable] ?? '';
      const next = parts[i + 1];
      if (value === '' && typeof next === 'string' && /^[,.;:!?)]/.test(next)) out = out.replace(/[ \t]+$/, '');
      out += value;
    });
    const onlyVariables = parts.length > 0 && parts.every((p) => typeof p !== 'string' || p.trim() === '');
    if (onlyVariables && out.trim() === '') continue;
    lines.push(out.replace(/[ \t]+$/gm, ''));
  }
  return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// A link ends before whitespace and before the punctuation that usually closes a sentence.
const URL_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]»]/g;

/** One line of text as HTML: escaped, with its web addresses as links. */
function lineToHtml(line: string): string {
  let html = '';
  let at = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    html += escapeHtml(line.slice(at, match.index));
    const url = escapeHtml(match[0]);
    html += `<a href="${url}">${url}</a>`;
    at = match.index + match[0].length;
  }
  return html + escapeHtml(line.slice(at));
}

export interface HtmlOptions {
  language: 'fr' | 'en';
  title: string;
  /** email: a readable column; ticket: a narrow monospace page for an 80 mm counter printer. */
  layout: 'email' | 'ticket';
}

/** The HTML part of a message, made from its text: paragraphs on blank lines, line breaks kept. */
export function textToHtml(text: string, o: HtmlOptions): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p style="margin:0 0 1em">${p.split('\n').map(lineToHtml).join('<br>\n')}</p>`);
  const body =
    o.layout === 'ticket'
      ? 'font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px;width:72mm;margin:0 auto;color:#000'
      : 'font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;max-width:40em;color:#1a1a1a';
  return [
    '<!doctype html>',
    `<html lang="${o.language}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(o.title)}</title></head>`,
    `<body style="${body}">`,
    ...paragraphs,
    '</body>',
    '</html>',
  ].join('\n');
}
