// The web form page (embeddable in the brand's site) and the acknowledgment it lands on.
// Plain HTML: one form posting multipart/form-data, no script; a refused form comes back
// with the problems listed at the top (each a link to its field) and beside each field,
// and what was typed kept.
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { renderPublicPage } from '../../platform/http/public-page.ts';
import { t, type Language } from '../../platform/i18n/i18n.ts';
import { acceptAttribute } from '../../modules/cases/attachment-types.ts';
import { uploadHint, type UploadLimits } from '../../modules/cases/upload-errors.ts';
import type { Acknowledgment } from './webform.contract.ts';
import './webform.words.ts';

export interface FormPageInput {
  lang: Language;
  brand: { slug: string; name: string };
  reasons: { key: string; label: string }[];
  formToken: string;
  limits: UploadLimits;
  /** What the customer typed, when the form comes back. */
  values?: Record<string, string>;
  /** Problems by field ('' for the form as a whole), already in words. */
  problems?: { field: string; text: string }[];
}

export const formPath = (slug: string, lang: Language) => `/form?brand=${encodeURIComponent(slug)}&lang=${lang}`;

interface FieldSpec {
  name: string;
  type: 'text' | 'email' | 'tel';
  autocomplete: string;
  required?: boolean;
  optional?: boolean;
  hint?: string;
  max: number;
}

function field(i: FormPageInput, f: FieldSpec): SafeHtml {
  const problem = i.problems?.find((p) => p.field === f.name);
  const describedBy = [f.hint ? `${f.name}-hint` : '', problem ? `${f.name}-error` : ''].filter(Boolean).join(' ');
  return html`<label for="${f.name}">${t(i.lang, `form.${f.name}`)}${f.optional ? html` <span class="muted">${t(i.lang, 'form.optional')}</span>` : ''}</label>
${f.hint ? html`<span class="hint" id="${f.name}-hint">${f.hint}</span>` : ''}
<input type="${f.type}" id="${f.name}" name="${f.name}" autocomplete="${f.autocomplete}" maxlength="${f.max}" value="${i.values?.[f.name] ?? ''}"${f.required ? html` required` : ''}${
    describedBy ? html` aria-describedby="${describedBy}"` : ''
  }${problem ? html` aria-invalid="true"` : ''}>
${problem ? html`<p class="field-error" id="${f.name}-error">${problem.text}</p>` : ''}`;
}

function errorSummary(i: FormPageInput): SafeHtml | false {
  const problems = i.problems ?? [];
  return (
    problems.length > 0 &&
    html`<div class="notice error" role="alert" id="problems">
<h2>${t(i.lang, 'form.errors')}</h2>
<ul>${problems.map((p) => html`<li>${p.field ? html`<a href="#${p.field}">${p.text}</a>` : p.text}</li>`)}</ul>
</div>`
  );
}

export function renderFormPage(i: FormPageInput): string {
  const l = i.lang;
  const v = i.values ?? {};
  const problemOf = (name: string) => i.problems?.find((p) => p.field === name);
  const reasonProblem = problemOf('reason');
  const messageProblem = problemOf('message');
  const filesProblem = problemOf('files');
  const main = html`<h1>${t(l, 'form.heading')}</h1>
<p>${t(l, 'form.intro')}</p>
${errorSummary(i)}
<form method="post" action="${formPath(i.brand.slug, l)}" enctype="multipart/form-data">
<input type="hidden" name="formToken" value="${i.formToken}">
<input type="hidden" name="brand" value="${i.brand.slug}">
<input type="hidden" name="lang" value="${l}">
<section class="card" aria-labelledby="you-title"><h2 id="you-title">${t(l, 'form.you')}</h2>
${field(i, { name: 'firstName', type: 'text', autocomplete: 'given-name', required: true, max: 100 })}
${field(i, { name: 'lastName', type: 'text', autocomplete: 'family-name', required: true, max: 100 })}
</section>
<section class="card" aria-labelledby="reach-title"><h2 id="reach-title">${t(l, 'form.reach')}</h2>
<p class="hint">${t(l, 'form.reach.hint')}</p>
${field(i, { name: 'email', type: 'email', autocomplete: 'email', max: 320 })}
${field(i, { name: 'phone', type: 'tel', autocomplete: 'tel', max: 40 })}
</section>
<section class="card" aria-labelledby="request-title"><h2 id="request-title">${t(l, 'form.request')}</h2>
<label for="reason">${t(l, 'form.reason')}</label>
<select id="reason" name="reason" required${reasonProblem ? html` aria-invalid="true" aria-describedby="reason-error"` : ''}>
<option value="">${t(l, 'form.reason.choose')}</option>
${i.reasons.map((r) => html`<option value="${r.key}"${v.reason === r.key ? html` selected` : ''}>${r.label}</option>`)}
</select>
${reasonProblem ? html`<p class="field-error" id="reason-error">${reasonProblem.text}</p>` : ''}
${field(i, { name: 'orderRef', type: 'text', autocomplete: 'off', optional: true, max: 100 })}
${field(i, { name: 'product', type: 'text', autocomplete: 'off', optional: true, hint: t(l, 'form.product.hint'), max: 300 })}
<label for="message">${t(l, 'form.message')}</label>
<span class="hint" id="message-hint">${t(l, 'form.message.hint')}</span>
<textarea id="message" name="message" rows="7" maxlength="20000" required aria-describedby="message-hint${messageProblem ? ' message-error' : ''}"${
    messageProblem ? html` aria-invalid="true"` : ''
  }>${v.message ?? ''}</textarea>
${messageProblem ? html`<p class="field-error" id="message-error">${messageProblem.text}</p>` : ''}
<label for="files">${t(l, 'form.files')} <span class="muted">${t(l, 'form.optional')}</span></label>
<span class="hint" id="files-hint">${uploadHint(l, i.limits)}</span>
<input type="file" id="files" name="files" multiple accept="${acceptAttribute}" aria-describedby="files-hint${filesProblem ? ' files-error' : ''}"${filesProblem ? html` aria-invalid="true"` : ''}>
${filesProblem ? html`<p class="field-error" id="files-error">${filesProblem.text}</p>` : ''}
</section>
<div class="trap" aria-hidden="true"><label for="website">${t(l, 'form.trap')}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div>
<button type="submit">${t(l, 'form.send')}</button>
</form>`;
  return renderPublicPage({
    lang: l,
    title: t(l, 'form.title', { brand: i.brand.name }),
    siteName: i.brand.name,
    languageLinks: { fr: formPath(i.brand.slug, 'fr'), en: formPath(i.brand.slug, 'en') },
    main,
  });
}

export const acknowledgmentPath = (trackingToken: string, lang: Language) => `/form/received/${trackingToken}?lang=${lang}`;

export function renderAcknowledgmentPage(ack: Acknowledgment & { trackingToken: string }): string {
  const l = ack.language;
  const trackingPath = `/t/${ack.trackingToken}?lang=${l}`;
  const main = html`<div class="notice ok" role="status"><h1>${t(l, 'ack.heading')}</h1>
<p class="lead">${t(l, 'ack.number')} <strong>${ack.number}</strong></p>
${ack.promise ? html`<p class="lead">${t(l, 'ack.promise')} <strong>${ack.promise.text}</strong></p>` : ''}</div>
<section class="card" aria-labelledby="next-title"><h2 id="next-title">${t(l, 'ack.next')}</h2>
<p>${ack.nextSteps}</p>
<p><a class="button" href="${trackingPath}" target="_top">${t(l, 'ack.track')}</a></p>
<p class="muted">${t(l, 'ack.keep')}</p>
</section>`;
  return renderPublicPage({
    lang: l,
    title: t(l, 'ack.title', { number: ack.number }),
    siteName: ack.brand,
    languageLinks: { fr: acknowledgmentPath(ack.trackingToken, 'fr'), en: acknowledgmentPath(ack.trackingToken, 'en') },
    main,
  });
}

/** The form that does not exist (unknown brand). */
export function renderFormMissing(lang: Language): string {
  return renderPublicPage({
    lang,
    title: t(lang, 'form.missing.title'),
    siteName: t(lang, 'form.site'),
    languageLinks: { fr: '?lang=fr', en: '?lang=en' },
    main: html`<h1>${t(lang, 'form.missing.title')}</h1><p>${t(lang, 'form.missing.text')}</p>`,
  });
}
