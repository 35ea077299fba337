// The survey page's markup: two scales (CSAT 1–5, NPS 0–10) as radio groups a keyboard works
// with the arrow keys, an optional comment, one button; then the thanks, with the answer
// given. Below, until when an answer to our message reopens the case. A plain HTML form
// (POST, then redirect), no script, everything escaped by `html`.
import { html, type SafeHtml } from '../../platform/http/html.ts';
import { renderPublicPage, withLanguage } from '../../platform/http/public-page.ts';
import { t, type Language } from '../../platform/i18n/i18n.ts';
import { formatDateTime } from '../sla/deadline-text.ts';
import type { SurveyView } from './survey-answers.ts';
import { surveyPath } from './survey-link.ts';
import './survey.page-words.ts';

export interface SurveyPageInput {
  view: SurveyView;
  token: string;
  lang: Language;
  timezone: string;
  /** Just answered (after the redirect). */
  sent?: boolean;
  /** A refused answer: the problem in words, and what the customer had chosen and typed. */
  problem?: { field: 'csat' | 'comment' | null; text: string } | undefined;
  draft?: { csat?: string | undefined; nps?: string | undefined; comment?: string | undefined };
}

function scale(i: SurveyPageInput, name: 'csat' | 'nps', from: number, to: number, legend: string): SafeHtml {
  const lang = i.lang;
  const chosen = i.draft?.[name];
  const choices = [];
  for (let n = from; n <= to; n++) {
    const end = n === from ? t(lang, `survey.${name}.low`) : n === to ? t(lang, `survey.${name}.high`) : null;
    choices.push(
      html`<label><input type="radio" name="${name}" value="${n}"${chosen === String(n) ? html` checked` : ''}> ${n}${end ? html`<span class="sr-only"> (${end})</span>` : ''}</label>`,
    );
  }
  const invalid = name === 'csat' && i.problem?.field === 'csat';
  return html`<fieldset class="scale" aria-describedby="${name}-ends${invalid ? ' csat-error' : ''}">
<legend>${legend}</legend>
<div class="choices">${choices}</div>
<p class="hint" id="${name}-ends">${t(lang, `survey.${name}.ends`)}</p>
</fieldset>`;
}

function form(i: SurveyPageInput): SafeHtml {
  const lang = i.lang;
  const p = i.problem;
  const brand = i.view.brandName;
  return html`<section class="card" aria-labelledby="form-title">
<h2 id="form-title" class="sr-only">${t(lang, 'survey.title', { number: i.view.number })}</h2>
${p && html`<div class="notice error" role="alert"><h3 class="sr-only">${t(lang, 'survey.error.title')}</h3><p${p.field ? html` id="${p.field}-error"` : ''}>${p.text}</p></div>`}
<form method="post" action="${withLanguage(surveyPath(i.token), lang)}">
${scale(i, 'csat', 1, 5, t(lang, 'survey.csat'))}
${scale(i, 'nps', 0, 10, brand ? t(lang, 'survey.nps', { brand }) : t(lang, 'survey.nps.generic'))}
<label for="comment">${t(lang, 'survey.comment')}</label>
<span class="hint" id="comment-hint">${t(lang, 'survey.comment.hint')}</span>
<textarea id="comment" name="comment" rows="4" maxlength="2000" aria-describedby="comment-hint${p?.field === 'comment' ? ' comment-error' : ''}"${p?.field === 'comment' ? html` aria-invalid="true"` : ''}>${i.draft?.comment ?? ''}</textarea>
<button type="submit">${t(lang, 'survey.send')}</button>
</form>
</section>`;
}

function answered(i: SurveyPageInput): SafeHtml {
  const lang = i.lang;
  const a = i.view.answer!;
  const lines = [
    a.csat !== null && html`<li>${t(lang, 'survey.yours.csat', { score: a.csat })}</li>`,
    a.nps !== null && html`<li>${t(lang, 'survey.yours.nps', { score: a.nps })}</li>`,
    a.comment && html`<li>${t(lang, 'survey.yours.comment', { comment: a.comment })}</li>`,
  ];
  const head = i.sent
    ? html`<div class="notice ok" role="status"><h2>${t(lang, 'survey.thanks.title')}</h2><p>${t(lang, 'survey.thanks.text')}</p></div>`
    : html`<div class="notice ok" role="status"><p>${t(lang, 'survey.answered', { date: formatDateTime(Date.parse(a.answeredAt), i.timezone, lang) })}</p></div>`;
  return html`${head}
<section class="card" aria-labelledby="yours-title"><h2 id="yours-title">${t(lang, 'survey.yours')}</h2><ul>${lines}</ul></section>`;
}

function whatNext(i: SurveyPageInput): SafeHtml {
  const lang = i.lang;
  const v = i.view;
  const number = v.number;
  const text =
    v.state === 'reopened'
      ? t(lang, 'survey.reopened', { number })
      : v.state === 'closed'
        ? t(lang, 'survey.closed', { number })
        : v.reopenUntil
          ? t(lang, 'survey.reopen.until', { date: formatDateTime(v.reopenUntil.getTime(), i.timezone, lang), number })
          : t(lang, 'survey.reopen.after', { number });
  return html`<section class="card" id="reopen" aria-labelledby="reopen-title"><h2 id="reopen-title">${t(lang, 'survey.reopen.title')}</h2><p>${text}</p></section>`;
}

export function renderSurveyPage(i: SurveyPageInput): string {
  const lang = i.lang;
  const path = surveyPath(i.token);
  const main = html`<h1>${t(lang, 'survey.title', { number: i.view.number })}</h1>
${!i.view.answer && html`<p class="lead">${t(lang, 'survey.intro')}</p>`}
${i.view.answer ? answered(i) : form(i)}
${whatNext(i)}`;
  return renderPublicPage({
    lang,
    title: t(lang, 'survey.title', { number: i.view.number }),
    siteName: i.view.brandName ? `${i.view.brandName} · ${t(lang, 'survey.site')}` : t(lang, 'survey.site'),
    languageLinks: { fr: withLanguage(path, 'fr'), en: withLanguage(path, 'en') },
    main,
    footer: html`<p>${t(lang, 'survey.footer')}</p>`,
  });
}

/** A page that only says the link does not work (unknown, too many requests). */
export function renderSurveyProblem(lang: Language, path: string, kind: 'missing' | 'busy', minutes = 1): string {
  return renderPublicPage({
    lang,
    title: t(lang, `survey.${kind}.title`),
    siteName: t(lang, 'survey.site'),
    languageLinks: { fr: withLanguage(path, 'fr'), en: withLanguage(path, 'en') },
    main: html`<h1>${t(lang, `survey.${kind}.title`)}</h1><p>${t(lang, `survey.${kind}.text`, { minutes })}</p>`,
  });
}
