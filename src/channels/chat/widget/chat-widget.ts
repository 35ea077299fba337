// The live chat widget a shop embeds with one tag:
//   <script src="https://sav.example.fr/chat/widget.js" data-account="<key>" async></script>
// Plain TypeScript with erasable syntax only (the server strips the types, widget.serve.ts), no
// framework, no dependency: a launcher button and a panel in a shadow root (the shop's styles
// cannot break it, nor it the shop's). French by default; English from data-lang, else the
// page's or the browser's language. Accessible: labelled fields, focus moved into the panel
// and back, Escape closes, Enter sends, new messages announced (role=log, aria-live).
(() => {
  type Lang = 'fr' | 'en';
  interface Line { id: string; author: 'visitor' | 'agent'; name: string | null; text: string; at: string; clientId: string | null }
  interface Ack { number: string; promise: { text: string } | null; nextSteps: string; trackingUrl: string }
  interface Session { id: string; token: string }

  const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[data-account][src*="/chat/widget.js"]');
  const account = script?.dataset.account;
  if (!script || !account) return;
  const base = new URL(script.src).origin;
  const asked = (script.dataset.lang || document.documentElement.lang || navigator.language || 'fr').toLowerCase();
  const lang: Lang = asked.startsWith('en') ? 'en' : 'fr';

  const words = {
    fr: {
      open: 'Discuter avec nous', title: 'Discussion en direct', close: 'Fermer la discussion', name: 'Votre nom (facultatif)', email: 'Votre e-mail (facultatif)',
      start: 'Commencer', message: 'Votre message', send: 'Envoyer', you: 'Vous', agent: 'Conseiller', typing: '{name} écrit…', read: 'Lu',
      offline: 'Nous ne sommes pas disponibles pour le moment. Laissez-nous un message : nous vous répondrons par e-mail.',
      outside: 'Le chat est fermé en dehors de nos horaires.', nameRequired: 'Votre nom', emailRequired: 'Votre e-mail', leave: 'Envoyer le message',
      ack: 'Votre demande porte le numéro {number}.', track: 'Suivre ma demande', end: 'Terminer la conversation', ended: 'La conversation est terminée.',
      transcript: 'Recevoir la conversation par e-mail', transcriptSent: 'La conversation vous est envoyée par e-mail.', noEmail: 'Indiquez votre e-mail pour recevoir la conversation.',
      failed: 'Le message n’est pas parti. Réessayez.', error: 'Une erreur est survenue. Réessayez dans un instant.',
    },
    en: {
      open: 'Chat with us', title: 'Live chat', close: 'Close the chat', name: 'Your name (optional)', email: 'Your e-mail (optional)',
      start: 'Start', message: 'Your message', send: 'Send', you: 'You', agent: 'Adviser', typing: '{name} is typing…', read: 'Read',
      offline: 'Nobody is available right now. Leave us a message: we will answer you by e-mail.',
      outside: 'The chat is closed outside our opening hours.', nameRequired: 'Your name', emailRequired: 'Your e-mail', leave: 'Send the message',
      ack: 'Your request number is {number}.', track: 'Follow my request', end: 'End the conversation', ended: 'The conversation has ended.',
      transcript: 'Get the conversation by e-mail', transcriptSent: 'The conversation is on its way to your inbox.', noEmail: 'Give your e-mail to receive the conversation.',
      failed: 'The message was not sent. Try again.', error: 'Something went wrong. Try again in a moment.',
    },
  }[lang];
  const say = (text: string, vars: Record<string, string> = {}) => text.replace(/\{(\w+)\}/g, (_, k: string) => vars[k] ?? '');

  // ---- the API ------------------------------------------------------------------------
  const storeKey = `comptoir-chat:${account}`;
  let session: Session | null = null;
  try {
    session = JSON.parse(sessionStorage.getItem(storeKey) ?? 'null') as Session | null;
  } catch {
    session = null;
  }
  const keep = (s: Session | null) => {
    session = s;
    try {
      if (s) sessionStorage.setItem(storeKey, JSON.stringify(s));
      else sessionStorage.removeItem(storeKey);
    } catch {
      // Storage refused (private mode): the conversation lasts as long as the page.
    }
  };
  const newId = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}${Math.random()}`).replace(/[^A-Za-z0-9]/g, '').slice(0, 32);

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (session) headers['x-chat-token'] = session.token;
    const res = await fetch(`${base}/api/v1/chat${path}`, { method, headers, body: body === undefined ? null : JSON.stringify(body), mode: 'cors', credentials: 'omit' });
    if (res.status === 204) return null as T;
    const data = (await res.json().catch(() => null)) as T & { detail?: string };
    if (!res.ok) throw Object.assign(new Error(data?.detail ?? res.statusText), { status: res.status });
    return data;
  }
  const accountPath = `/accounts/${encodeURIComponent(account)}`;
  const conversationPath = () => `/conversations/${session!.id}`;

  // ---- the elements -------------------------------------------------------------------
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  };
  const field = (id: string, label: string, input: HTMLInputElement | HTMLTextAreaElement) => {
    input.id = id;
    return el('p', { class: 'field' }, el('label', { for: id }, label), input);
  };

  const host = el('div', { id: 'comptoir-chat' });
  const root = host.attachShadow({ mode: 'open' });
  root.append(
    el(
      'style',
      {},
      `:host{all:initial;font:15px/1.4 system-ui,sans-serif;color:#1b1f24}
*{box-sizing:border-box}
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;border:0;border-radius:24px;padding:12px 18px;background:#1d4ed8;color:#fff;font:inherit;font-weight:600;cursor:pointer;box-shadow:0 2px 10px #0004}
.panel{position:fixed;right:20px;bottom:80px;z-index:2147483000;width:min(360px,calc(100vw - 40px));height:min(520px,calc(100vh - 110px));display:flex;flex-direction:column;background:#fff;border:1px solid #c7ccd1;border-radius:10px;box-shadow:0 4px 24px #0003;overflow:hidden}
.panel[hidden]{display:none}
header{display:flex;align-items:center;justify-content:space-between;padding:10px 14px;background:#1d4ed8;color:#fff}
h2{margin:0;font-size:16px}
header button{background:none;border:0;color:#fff;font-size:22px;line-height:1;cursor:pointer;padding:2px 8px}
.body{flex:1;overflow-y:auto;padding:12px 14px}
.log{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.log li{max-width:85%;padding:8px 10px;border-radius:10px;white-space:pre-wrap;overflow-wrap:anywhere}
.visitor{align-self:flex-end;background:#e0e8fb}
.agent{align-self:flex-start;background:#f0f1f3}
.who{display:block;font-size:12px;font-weight:600;color:#444b53}
.log li.note,.log li.ack{max-width:100%;align-self:stretch;font-size:13px;color:#333a41;background:#fff8e1}
.ack p{margin:0 0 6px}
.state{font-size:12px;color:#444b53;min-height:18px;padding:0 14px}
form{padding:10px 14px;border-top:1px solid #e3e6e8;margin:0}
.field{margin:0 0 8px}
label{display:block;font-size:13px;font-weight:600;margin-bottom:2px}
input,textarea{width:100%;font:inherit;padding:7px 8px;border:1px solid #8a9199;border-radius:6px}
textarea{resize:vertical;min-height:44px}
.actions{display:flex;gap:8px;flex-wrap:wrap}
.actions button{border:0;border-radius:6px;padding:8px 14px;background:#1d4ed8;color:#fff;font:inherit;font-weight:600;cursor:pointer}
.actions button.quiet{background:#fff;color:#1d4ed8;border:1px solid #1d4ed8}
a{color:#1d4ed8}
:focus-visible{outline:3px solid #f59e0b;outline-offset:2px}`,
    ),
  );

  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'panel' }, words.open);
  const closeButton = el('button', { type: 'button', 'aria-label': words.close }, '×');
  const body = el('div', { class: 'body' });
  // The list keeps its list semantics; the region around it announces what is added.
  const list = el('ol', { class: 'log' });
  const log = el('div', { role: 'log', 'aria-live': 'polite', 'aria-label': words.title }, list);
  const stateLine = el('p', { class: 'state', 'aria-live': 'polite' });
  const forms = el('div');
  const panel = el('section', { class: 'panel', id: 'panel', role: 'dialog', 'aria-labelledby': 'chat-title', hidden: '' }, el('header', {}, el('h2', { id: 'chat-title' }, words.title), closeButton), body, stateLine, forms);
  body.append(log);
  root.append(launcher, panel);

  // Notes and acknowledgments are lines of the conversation too, in the order they came.
  const note = (text: string) => {
    list.append(el('li', { class: 'note' }, text));
    body.scrollTop = body.scrollHeight;
  };
  const show = (form: HTMLElement) => {
    forms.replaceChildren(form);
    form.querySelector<HTMLElement>('input,textarea,button')?.focus();
  };

  // ---- the conversation ---------------------------------------------------------------
  const shown = new Map<string, HTMLLIElement>();
  let lastAgentId: string | null = null;
  let readSent: string | null = null;
  let source: EventSource | null = null;
  let lastEventId: string | null = null;
  let typingTimer: number | undefined;
  let readMark: HTMLElement | null = null;

  function addLine(line: Pick<Line, 'author' | 'name' | 'text'> & { key: string }): HTMLLIElement {
    const li = el('li', { class: line.author }, el('span', { class: 'who' }, line.author === 'visitor' ? words.you : (line.name ?? words.agent)), line.text);
    list.append(li);
    shown.set(line.key, li);
    body.scrollTop = body.scrollHeight;
    return li;
  }

  function markRead(): void {
    // Read means seen: the panel is open and the page in front of the visitor.
    if (!session || !lastAgentId || lastAgentId === readSent || panel.hidden || document.visibilityState !== 'visible') return;
    readSent = lastAgentId;
    call('POST', `${conversationPath()}/read`, { eventId: lastAgentId }).catch(() => (readSent = null));
  }

  function receive(line: Line): void {
    lastEventId = line.id;
    if (shown.has(line.id) || (line.clientId && shown.has(line.clientId))) return;
    addLine({ ...line, key: line.clientId ?? line.id });
    if (line.author === 'agent') {
      lastAgentId = line.id;
      stateLine.textContent = '';
      markRead();
    }
  }

  function connect(): void {
    if (!session || source) return;
    const query = `token=${encodeURIComponent(session.token)}${lastEventId ? `&lastEventId=${lastEventId}` : ''}`;
    source = new EventSource(`${base}/api/v1/chat${conversationPath()}/stream?${query}`);
    source.addEventListener('message', (e) => receive(JSON.parse((e as MessageEvent<string>).data) as Line));
    source.addEventListener('typing', (e) => {
      const t = JSON.parse((e as MessageEvent<string>).data) as { typing: boolean; name: string };
      clearTimeout(typingTimer);
      stateLine.textContent = t.typing ? say(words.typing, { name: t.name || words.agent }) : '';
      // A lost "stopped typing" must not leave the line on for ever.
      if (t.typing) typingTimer = window.setTimeout(() => (stateLine.textContent = ''), 8000);
    });
    source.addEventListener('read', () => {
      const mine = [...log.querySelectorAll('li.visitor')].pop();
      if (!mine) return;
      readMark ??= el('span', { class: 'who read' }, words.read);
      mine.append(readMark);
    });
    source.addEventListener('ended', () => ended());
    source.addEventListener('error', () => {
      // A conversation that no longer opens (expired token, removed account): start afresh.
      if (source?.readyState === EventSource.CLOSED) {
        source = null;
        keep(null);
      }
    });
  }

  let typingSentAt = 0;
  let idleTimer: number | undefined;
  function typing(on: boolean): void {
    if (!session) return;
    const now = Date.now();
    clearTimeout(idleTimer);
    if (on) {
      idleTimer = window.setTimeout(() => typing(false), 4000);
      if (now - typingSentAt < 3000) return;
      typingSentAt = now;
    } else typingSentAt = 0;
    call('POST', `${conversationPath()}/typing`, { typing: on }).catch(() => undefined);
  }

  async function send(text: string): Promise<void> {
    const clientId = newId();
    const li = addLine({ author: 'visitor', name: null, text, key: clientId });
    readMark?.remove();
    typing(false);
    // One retry with the same id: the server stores it once whatever reached it.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const sent = await call<{ eventId: string; acknowledgment: Ack | null }>('POST', `${conversationPath()}/messages`, { clientId, text });
        shown.set(sent.eventId, li);
        if (sent.acknowledgment) acknowledged(sent.acknowledgment);
        return;
      } catch (error) {
        if ((error as { status?: number }).status) break;
      }
    }
    li.append(el('span', { class: 'who' }, words.failed));
  }

  function acknowledged(ack: Ack): void {
    list.append(el('li', { class: 'ack' }, el('p', {}, say(words.ack, { number: ack.number })), el('p', {}, ack.nextSteps), el('a', { href: ack.trackingUrl, target: '_blank', rel: 'noopener' }, words.track)));
    body.scrollTop = body.scrollHeight;
  }

  function ended(): void {
    source?.close();
    source = null;
    clearTimeout(typingTimer);
    stateLine.textContent = '';
    note(words.ended);
    const email = el('input', { type: 'email', autocomplete: 'email' });
    const form = el('form', {}, field('cw-transcript-email', words.emailRequired, email), el('p', { class: 'actions' }, el('button', { type: 'submit' }, words.transcript)));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      call<{ transcript: string }>('POST', `${conversationPath()}/end`, { transcript: true, ...(email.value ? { email: email.value } : {}) }).then(
        (r) => {
          note(r.transcript === 'no_email' ? words.noEmail : words.transcriptSent);
          if (r.transcript !== 'no_email') {
            forms.replaceChildren();
            keep(null);
          }
        },
        () => note(words.error),
      );
    });
    show(form);
  }

  function chatForm(): HTMLFormElement {
    const text = el('textarea', { rows: '2', required: '' });
    const form = el('form', {}, field('cw-message', words.message, text), el('p', { class: 'actions' }, el('button', { type: 'submit' }, words.send), el('button', { type: 'button', class: 'quiet' }, words.end)));
    text.addEventListener('input', () => typing(text.value.trim() !== ''));
    text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const value = text.value.trim();
      if (!value) return;
      text.value = '';
      void send(value);
      text.focus();
    });
    form.querySelector('button.quiet')!.addEventListener('click', () => {
      call('POST', `${conversationPath()}/end`, { transcript: false }).then(() => ended(), () => note(words.error));
    });
    return form;
  }

  function startForm(greeting: string | null): HTMLFormElement {
    if (greeting) note(greeting);
    const name = el('input', { autocomplete: 'name' });
    const email = el('input', { type: 'email', autocomplete: 'email' });
    const form = el('form', {}, field('cw-name', words.name, name), field('cw-email', words.email, email), el('p', { class: 'actions' }, el('button', { type: 'submit' }, words.start)));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      call<{ conversationId: string; token: string }>('POST', `${accountPath}/conversations`, { lang, ...(name.value.trim() ? { name: name.value } : {}), ...(email.value.trim() ? { email: email.value } : {}) }).then(
        (c) => {
          keep({ id: c.conversationId, token: c.token });
          connect();
          show(chatForm());
        },
        (error: Error) => note(error.message || words.error),
      );
    });
    return form;
  }

  function offlineForm(reason: string | null): HTMLFormElement {
    note(reason === 'outside_hours' ? `${words.outside} ${words.offline}` : words.offline);
    const name = el('input', { autocomplete: 'name', required: '' });
    const email = el('input', { type: 'email', autocomplete: 'email', required: '' });
    const text = el('textarea', { rows: '3', required: '' });
    const clientId = newId();
    const form = el('form', {}, field('cw-off-name', words.nameRequired, name), field('cw-off-email', words.emailRequired, email), field('cw-off-message', words.message, text), el('p', { class: 'actions' }, el('button', { type: 'submit' }, words.leave)));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      call<Ack>('POST', `${accountPath}/offline`, { clientId, name: name.value, email: email.value, message: text.value, lang }).then(
        (ack) => {
          forms.replaceChildren();
          acknowledged(ack);
        },
        (error: Error) => note(error.message || words.error),
      );
    });
    return form;
  }

  let opened = false;
  async function firstOpen(): Promise<void> {
    if (session) {
      connect();
      show(chatForm());
      return;
    }
    try {
      const status = await call<{ open: boolean; reason: string | null; greeting: string | null }>('GET', `${accountPath}/status?lang=${lang}`);
      show(status.open ? startForm(status.greeting) : offlineForm(status.reason));
    } catch {
      note(words.error);
    }
  }

  function toggle(open: boolean): void {
    panel.hidden = !open;
    launcher.setAttribute('aria-expanded', String(open));
    if (!open) return launcher.focus();
    if (!opened) {
      opened = true;
      void firstOpen();
    } else forms.querySelector<HTMLElement>('textarea,input,button')?.focus();
    markRead();
  }
  launcher.addEventListener('click', () => toggle(panel.hidden !== false));
  closeButton.addEventListener('click', () => toggle(false));
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') toggle(false);
  });
  document.addEventListener('visibilitychange', markRead);

  const mount = () => document.body.append(host);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
