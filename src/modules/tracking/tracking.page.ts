// The tracking page's markup, from the same view the tracking API gives: where the case
// stands, its steps, the messages, a reply form with photos and the notification choice.
// Plain HTML forms (POST, then redirect), no script. Everything shown is escaped by `html`.
import { formatBytes } from '../../platform/blobs/blob-store.ts';
import { html, multiline, type SafeHtml } from '../../platform/http/html.ts';
import { renderPublicPage, withLanguage } from '../../platform/http/public-page.ts';
import { t, type Language } from '../../platform/i18n/i18n.ts';
import { acceptAttribute } from '../cases/attachment-types.ts';
import { uploadHint, type UploadLimits } from '../cases/upload-errors.ts';
import { formatDateTime } from '../sla/deadline-text.ts';
import type { TrackedCase } from './tracking.contract.ts';
import './tracking.page-words.ts';
// Workflows (returns, exchanges, repairs, refunds): their own card, words and view.
import { workflowCard } from '../workflows/workflow.tracking.ts';

export interface PageProblem {
  /** The form the problem is about, and the field when there is one. */
  form: 'reply' | 'notify';
  field: 'body' | 'files' | 'notifyVia' | null;
  text: string;
}

export interface TrackingPageInput {
  tracked: TrackedCase;
  token: string;
  timezone: string;
  limits: UploadLimits;
  notice?: 'sent' | 'saved' | undefined;
  problem?: PageProblem | undefined;
  /** What the customer had typed, kept when the form comes back with a problem. */
  draft?: string | undefined;
}

export const trackingPath = (token: string) => `/t/${token}`;

function when(lang: Language, timezone: string, iso: string): SafeHtml {
  return html`<time datetime="${iso}">${formatDateTime(Date.parse(iso), timezone, lang)}</time>`;
}

function statusCard(i: TrackingPageInput, lang: Language): SafeHtml {
  const c = i.tracked;
  const holder = c.holder.kind === 'customer' ? t(lang, 'page.holder.customer') : t(lang, 'page.holder', { holder: c.holder.label });
  const deadline = c.nextDeadline
    ? html`<p>${t(lang, 'page.deadline', { metric: c.nextDeadline.label, promise: c.nextDeadline.promise })}</p>`
    : c.status.key === 'waiting_customer' && html`<p>${t(lang, 'page.deadline.paused')}</p>`;
  return html`<section class="card" aria-labelledby="status-title">
<h2 id="status-title">${t(lang, 'page.status')}</h2>
<p class="lead"><strong>${c.status.label}</strong></p>
<p>${holder}</p>
${deadline}
</section>`;
}

function stepsCard(i: TrackingPageInput, lang: Language): SafeHtml {
  const items = i.tracked.steps.map(
    (s) => html`<li class="${s.state}"${s.state === 'current' ? html` aria-current="step"` : ''}>${s.label} <span class="sr-only">(${t(lang, `page.step.${s.state}`)})</span>${
      s.at ? html`<span class="when">${t(lang, 'page.step.at', { date: formatDateTime(Date.parse(s.at), i.timezone, lang) })}</span>` : ''
    }</li>`,
  );
  return html`<section class="card" aria-labelledby="steps-title">
<h2 id="steps-title">${t(lang, 'page.steps')}</h2>
<ol class="steps">${items}</ol>
</section>`;
}

/** The rulebook's verdict on the linked purchase, in the words the agent and the counter see. */
function rightsCard(i: TrackingPageInput, lang: Language): SafeHtml | false {
  const r = i.tracked.rights;
  return (
    !!r &&
    html`<section class="card" id="rights" aria-labelledby="rights-title">
<h2 id="rights-title">${t(lang, 'page.rights')}</h2>
<p>${t(lang, 'page.rights.product', { product: r.product })}</p>
<p>${r.explanation}</p>
<p class="muted">${t(lang, 'page.rights.version', { version: r.policyVersion })}</p>
</section>`
  );
}

function messagesCard(i: TrackingPageInput, lang: Language): SafeHtml {
  const who = (m: TrackedCase['messages'][number]) =>
    m.from === 'customer' ? t(lang, 'page.from.customer') : m.author ? t(lang, 'page.from.agent', { name: m.author }) : t(lang, 'page.from.service');
  const files = (m: TrackedCase['messages'][number]) =>
    m.attachments.length > 0 &&
    html`<ul class="files">${m.attachments.map((a) => {
      const size = formatBytes(a.size, lang);
      return a.inline
        ? html`<li><a href="${a.url}" aria-label="${t(lang, 'page.file.open', { name: a.filename, size })}"><img src="${a.url}" alt="${a.filename}" loading="lazy"></a></li>`
        : html`<li><a href="${a.url}">${t(lang, 'page.file.download', { name: a.filename, size })}</a></li>`;
    })}</ul>`;
  const items = i.tracked.messages.map(
    (m) => html`<li class="${m.from}"><p><span class="who">${who(m)}</span> · <span class="when">${when(lang, i.timezone, m.at)}</span></p>${
      m.body ? html`<p>${multiline(m.body)}</p>` : ''
    }${files(m)}</li>`,
  );
  return html`<section class="card" id="messages" aria-labelledby="messages-title">
<h2 id="messages-title">${t(lang, 'page.messages')}</h2>
${items.length ? html`<ol class="messages">${items}</ol>` : html`<p class="muted">${t(lang, 'page.messages.none')}</p>`}
</section>`;
}

function problemBox(lang: Language, problem: PageProblem | undefined, form: PageProblem['form']): SafeHtml | false {
  return (
    problem?.form === form &&
    html`<div class="notice error" role="alert"><h3 class="sr-only">${t(lang, 'page.errors')}</h3><p>${problem.text}</p></div>`
  );
}

const invalid = (problem: PageProblem | undefined, field: PageProblem['field']) =>
  problem?.field === field ? html` aria-invalid="true" aria-describedby="${field}-error"` : '';
const fieldError = (problem: PageProblem | undefined, field: PageProblem['field']) =>
  problem?.field === field ? html`<p class="field-error" id="${field}-error">${problem.text}</p>` : '';

function replyCard(i: TrackingPageInput, lang: Language): SafeHtml {
  const p = i.problem;
  if (!i.tracked.canReply) {
    return html`<section class="card" id="reply" aria-labelledby="reply-title"><h2 id="reply-title">${t(lang, 'page.reply')}</h2><p>${t(lang, 'page.reply.closed')}</p></section>`;
  }
  return html`<section class="card" id="reply" aria-labelledby="reply-title">
<h2 id="reply-title">${t(lang, 'page.reply')}</h2>
${problemBox(lang, p, 'reply')}
<form method="post" action="${withLanguage(`${trackingPath(i.token)}/messages`, lang)}#reply" enctype="multipart/form-data">
<label for="body">${t(lang, 'page.reply.body')}</label>
<textarea id="body" name="body" rows="6" maxlength="20000"${invalid(p, 'body')}>${i.draft ?? ''}</textarea>
${fieldError(p, 'body')}
<label for="files">${t(lang, 'page.reply.files')}</label>
<span class="hint" id="files-hint">${uploadHint(lang, i.limits)}</span>
<input type="file" id="files" name="files" multiple accept="${acceptAttribute}" aria-describedby="files-hint${p?.field === 'files' ? ' files-error' : ''}"${p?.field === 'files' ? html` aria-invalid="true"` : ''}>
${fieldError(p, 'files')}
<button type="submit">${t(lang, 'page.reply.send')}</button>
</form>
</section>`;
}

function notifyCard(i: TrackingPageInput, lang: Language): SafeHtml {
  const n = i.tracked.notifications;
  const body = n.options.length
    ? html`<form method="post" action="${withLanguage(`${trackingPath(i.token)}/notify`, lang)}#notify">
<fieldset><legend>${t(lang, 'page.notify.legend')}</legend>
${n.options.map(
  (o) =>
    html`<label><input type="radio" name="notifyVia" value="${o.channel}"${o.channel === n.channel ? html` checked` : ''}> ${t(lang, 'page.notify.option', { label: o.label, destination: o.destination })}</label>`,
)}
</fieldset>
<button type="submit">${t(lang, 'page.notify.save')}</button>
</form>`
    : html`<p>${t(lang, 'page.notify.none')}</p>`;
  return html`<section class="card" id="notify" aria-labelledby="notify-title">
<h2 id="notify-title">${t(lang, 'page.notify')}</h2>
${problemBox(lang, i.problem, 'notify')}
${body}
</section>`;
}

function noticeBox(i: TrackingPageInput, lang: Language): SafeHtml | false {
  if (!i.notice) return false;
  const channel = i.tracked.notifications.options.find((o) => o.channel === i.tracked.notifications.channel);
  const text = i.notice === 'sent' ? t(lang, 'page.notice.sent') : t(lang, 'page.notice.saved', { label: channel?.label ?? '' });
  return html`<div class="notice ok" role="status"><p>${text}</p></div>`;
}

export function renderTrackingPage(i: TrackingPageInput): string {
  const c = i.tracked;
  const lang = c.language;
  const path = trackingPath(i.token);
  const main = html`<h1>${t(lang, 'page.heading', { number: c.number })}</h1>
<p class="lead">${c.subject}</p>
${c.product && html`<p class="muted">${t(lang, 'page.product', { product: c.product })}</p>`}
${c.orderRef && html`<p class="muted">${t(lang, 'page.order', { order: c.orderRef })}</p>`}
<p class="muted">${t(lang, 'page.opened', { date: formatDateTime(Date.parse(c.createdAt), i.timezone, lang) })}</p>
${noticeBox(i, lang)}
${statusCard(i, lang)}
${stepsCard(i, lang)}
${workflowCard(i.tracked.workflow, lang)}
${rightsCard(i, lang)}
${messagesCard(i, lang)}
${replyCard(i, lang)}
${notifyCard(i, lang)}`;
  return renderPublicPage({
    lang,
    title: t(lang, 'page.title', { number: c.number }),
    siteName: c.brand ? `${c.brand} · ${t(lang, 'page.site')}` : t(lang, 'page.site'),
    languageLinks: { fr: withLanguage(path, 'fr'), en: withLanguage(path, 'en') },
    main,
    footer: html`<p>${t(lang, 'page.footer')}</p>`,
  });
}

/** A page that only says something went wrong with the link (unknown link, too many requests). */
export function renderTrackingProblem(lang: Language, path: string, kind: 'missing' | 'busy', minutes = 1): string {
  return renderPublicPage({
    lang,
    title: t(lang, `page.${kind}.title`),
    siteName: t(lang, 'page.site'),
    languageLinks: { fr: withLanguage(path, 'fr'), en: withLanguage(path, 'en') },
    main: html`<h1>${t(lang, `page.${kind}.title`)}</h1><p>${t(lang, `page.${kind}.text`, { minutes })}</p>`,
  });
}
