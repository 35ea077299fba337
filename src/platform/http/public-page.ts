// The frame of every page a customer sees without signing in (tracking page, web form):
// one HTML document, mobile first, no script, its small stylesheet inline (one request;
// the CSP allows inline styles, never inline scripts). Landmarks, a skip link, a language
// switch, visible focus and colours of at least 4.5:1 against their background.
import type { FastifyReply } from 'fastify';
import type { Language } from '../i18n/i18n.ts';
import { html, trusted, type SafeHtml } from './html.ts';

const STYLES = trusted(`<style>
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1c1c1c;background:#f4f5f2}
a{color:#0b4a8b}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid #0b4a8b;outline-offset:2px}
.skip{position:absolute;left:.5rem;top:-3rem;background:#fff;padding:.5rem 1rem;z-index:1}
.skip:focus{top:.5rem}
header.site{background:#1e4d2b;color:#fff}
header.site .bar{max-width:42rem;margin:0 auto;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between}
header.site .brand{font-weight:700;font-size:1.05rem}
header.site a{color:#fff}
header.site :focus-visible{outline-color:#fff}
nav.lang ul{display:flex;gap:.75rem;list-style:none;margin:0;padding:0}
nav.lang [aria-current]{font-weight:700;text-decoration:none}
main{max-width:42rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.15rem;margin:0 0 .75rem}
section.card{background:#fff;border:1px solid #d5d8d0;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.muted{color:#4d4d4d}
.lead{font-size:1.1rem;margin:.25rem 0}
.notice{border-radius:.5rem;padding:.75rem 1rem;margin:0 0 1rem;border:2px solid}
.notice.ok{background:#e7f4e8;border-color:#1e6b30;color:#14421f}
.notice.error{background:#fdecee;border-color:#a4161a;color:#6e0b0e}
.notice h2{font-size:1.05rem;margin:0 0 .25rem}
.notice ul{margin:.25rem 0 0;padding-left:1.25rem}
ol.steps{list-style:none;margin:0;padding:0}
ol.steps li{position:relative;padding:0 0 1rem 2rem}
ol.steps li::before{content:"";position:absolute;left:.3rem;top:.3rem;width:.9rem;height:.9rem;border-radius:50%;border:2px solid #5b5f57;background:#fff}
ol.steps li::after{content:"";position:absolute;left:.72rem;top:1.35rem;bottom:0;border-left:2px solid #b9bdb3}
ol.steps li:last-child::after{display:none}
ol.steps li.done::before{background:#1e6b30;border-color:#1e6b30}
ol.steps li.current::before{background:#fff;border:4px solid #0b4a8b}
ol.steps li.current{font-weight:700}
ol.steps .when{display:block;font-weight:400;color:#4d4d4d;font-size:.9rem}
ol.messages{list-style:none;margin:0;padding:0}
ol.messages>li{border-left:4px solid #1e6b30;background:#f7f8f5;padding:.5rem .75rem;margin:0 0 .75rem;border-radius:0 .4rem .4rem 0}
ol.messages>li.agent{border-left-color:#0b4a8b;background:#eef3f9}
ol.messages .who{font-weight:700}
ol.messages .when{color:#4d4d4d;font-size:.9rem}
ol.messages p{margin:.35rem 0;overflow-wrap:anywhere}
ul.files{list-style:none;padding:0;margin:.5rem 0 0;display:flex;flex-wrap:wrap;gap:.5rem}
ul.files img{display:block;max-width:9rem;max-height:9rem;border:1px solid #b9bdb3;border-radius:.25rem;background:#fff}
label,legend{font-weight:600;display:block;margin:.75rem 0 .25rem}
fieldset{border:0;margin:0;padding:0}
fieldset label{font-weight:400;display:flex;gap:.5rem;align-items:flex-start;margin:.35rem 0}
.hint{display:block;color:#4d4d4d;font-size:.9rem;margin:0 0 .25rem}
input[type=text],input[type=email],input[type=tel],select,textarea{width:100%;font:inherit;padding:.55rem .6rem;border:1px solid #6b6f66;border-radius:.35rem;background:#fff;color:#1c1c1c}
textarea{min-height:8rem;resize:vertical}
input[type=file]{display:block;font:inherit;max-width:100%}
input[type=radio]{width:1.2rem;height:1.2rem;margin-top:.15rem}
[aria-invalid=true]{border-color:#a4161a;border-width:2px}
.field-error{color:#a4161a;font-weight:600;margin:.25rem 0 0}
button{font:inherit;font-weight:700;margin-top:1rem;padding:.65rem 1.25rem;border-radius:.35rem;border:2px solid #1e4d2b;background:#1e4d2b;color:#fff;cursor:pointer}
button:hover,a.button:hover{background:#14361e}
a.button{display:inline-block;font-weight:700;padding:.65rem 1.25rem;border-radius:.35rem;border:2px solid #1e4d2b;background:#1e4d2b;color:#fff;text-decoration:none}
fieldset.scale{margin:1rem 0 0}
fieldset.scale legend{margin-bottom:.5rem}
fieldset.scale .choices{display:flex;flex-wrap:wrap;gap:.4rem}
fieldset.scale .choices label{margin:0;display:inline-flex;align-items:center;gap:.35rem;min-height:2.75rem;padding:.25rem .5rem;border:2px solid #6b6f66;border-radius:.35rem;background:#fff;font-weight:700;cursor:pointer}
fieldset.scale .choices label:has(input:checked){background:#1e4d2b;border-color:#1e4d2b;color:#fff}
fieldset.scale .choices label:has(input:focus-visible){outline:3px solid #0b4a8b;outline-offset:2px}
fieldset.scale .hint{margin:.35rem 0 0}
.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer.site{max-width:42rem;margin:0 auto;padding:0 1rem 2rem;color:#4d4d4d;font-size:.9rem}
</style>`);

export interface PublicPage {
  lang: Language;
  title: string;
  /** Shown in the banner: the brand, or the service's name. */
  siteName: string;
  /** Where the same page is in each language (keeps the query). */
  languageLinks: Record<Language, string>;
  main: SafeHtml;
  footer?: SafeHtml;
}

const languageNames: Record<Language, string> = { fr: 'Français', en: 'English' };
const texts = {
  fr: { skip: 'Aller au contenu', language: 'Langue' },
  en: { skip: 'Skip to content', language: 'Language' },
};

export function renderPublicPage(page: PublicPage): string {
  const words = texts[page.lang];
  const switcher = (['fr', 'en'] as const).map(
    (l) =>
      html`<li><a href="${page.languageLinks[l]}" lang="${l}" hreflang="${l}"${l === page.lang ? trusted(' aria-current="true"') : ''}>${languageNames[l]}</a></li>`,
  );
  return html`<!doctype html>
<html lang="${page.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${page.title}</title>
${STYLES}
</head>
<body>
<a class="skip" href="#main">${words.skip}</a>
<header class="site"><div class="bar"><span class="brand">${page.siteName}</span><nav class="lang" aria-label="${words.language}"><ul>${switcher}</ul></nav></div></header>
<main id="main" tabindex="-1">
${page.main}
</main>
${page.footer ? html`<footer class="site">${page.footer}</footer>` : ''}
</body>
</html>
`.value;
}

/** Sends a page that must not be cached or indexed (it shows someone's case). */
export function sendPage(reply: FastifyReply, status: number, page: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('x-robots-tag', 'noindex').send(page);
}

/** The URL with `lang` set (other query parameters dropped: they said what just happened). */
export function withLanguage(path: string, lang: Language): string {
  return `${path}?lang=${lang}`;
}
