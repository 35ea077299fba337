// A local Meta for tests, both ways. As the Graph API: the Page, Instagram account and WhatsApp
// number lookups, replies under comments, the Send API (private replies to comments, Messenger
// and Instagram Direct with their 24-hour and 7-day windows), the WhatsApp Cloud API (24-hour
// window, error 131047 outside it, approved templates with their parameter count), the
// template list with paging — each checking its token and appsecret_proof and answering with
// Graph's error objects (190, 613 with its usage header, 10/2018278, 10900…). As the webhook
// sender: the verification handshake, and deliveries serialised the way Meta does (non-ASCII
// and slashes escaped) and signed with X-Hub-Signature-256. It remembers when each customer
// last wrote from what it delivered, as Meta does. It shares no code with the client it tests;
// anything else it is sent is recorded in `unexpected` (tests assert it stays empty).
import { createHmac, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSent {
  kind: 'comment_reply' | 'instagram_comment_reply' | 'private_reply' | 'send_api' | 'whatsapp';
  path: string;
  /** The JSON body, or the form's fields. */
  body: Record<string, unknown>;
  /** The id the fake answered with. */
  id: string;
}

export interface FakeTemplate {
  name: string;
  language: string;
  status: 'APPROVED' | 'PENDING' | 'REJECTED' | 'PAUSED';
  category: 'UTILITY' | 'MARKETING' | 'AUTHENTICATION';
  components: Record<string, unknown>[];
}

/** Documented failures the next Graph calls answer with, in order. */
export type GraphFailure = 'rate_limit' | 'too_many_requests' | 'server_error' | 'token_expired' | 'permission';

export interface Delivered {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface FakeMetaGraph {
  url: string;
  version: string;
  appSecret: string;
  verifyToken: string;
  pageAccessToken: string;
  whatsappToken: string;
  pageId: string;
  pageName: string;
  instagramId: string;
  instagramUsername: string;
  phoneNumberId: string;
  displayPhoneNumber: string;
  wabaId: string;
  sent: FakeSent[];
  templates: FakeTemplate[];
  unexpected: string[];
  failNext(...failures: GraphFailure[]): void;
  /** What Meta knows of a customer's last message (set by deliveries; tests may set it). */
  customerWrote(id: string, at: Date, network?: 'messenger' | 'instagram' | 'whatsapp'): void;
  customerCommented(commentId: string, at: Date, network?: 'facebook' | 'instagram'): void;
  /** Meta's handshake against our webhook: GET with hub.mode, hub.verify_token, hub.challenge. */
  verify(webhookUrl: string, options?: { token?: string; mode?: string }): Promise<{ status: number; body: string; challenge: string; contentType: string | undefined }>;
  /** POSTs a delivery, serialised as Meta does and signed with the app secret (or the signature given; null: none). */
  deliver(webhookUrl: string, body: unknown, options?: { secret?: string; signature?: string | null }): Promise<Delivered>;
  close(): Promise<void>;
}

/** JSON as Meta writes it: non-ASCII as \uXXXX and "/" as "\/" (what it signs). */
export function metaJson(body: unknown): string {
  return JSON.stringify(body)
    .replace(/\//g, '\\/')
    .replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
const DAY = 86_400_000;

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

function graphError(res: ServerResponse, status: number, code: number, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): void {
  reply(res, status, { error: { message, type: code === 100 && extra.error_subcode === 33 ? 'GraphMethodException' : 'OAuthException', code, ...extra, fbtrace_id: `A${randomBytes(8).toString('base64url')}` } }, headers);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{\{(\d+)\}\}/g)].map((m) => m[1])).size;

export async function startFakeMetaGraph(options: { now?: () => Date } = {}): Promise<FakeMetaGraph> {
  const now = options.now ?? (() => new Date());
  const fake = {
    version: 'v23.0',
    appSecret: randomBytes(16).toString('hex'),
    verifyToken: `verify-${randomBytes(6).toString('hex')}`,
    pageAccessToken: `EAAG${randomBytes(24).toString('base64url')}`,
    whatsappToken: `EAAW${randomBytes(24).toString('base64url')}`,
    pageId: `1045${digits(11)}`,
    pageName: 'Jardin & Maison',
    instagramId: `1784${digits(13)}`,
    instagramUsername: 'jardinmaison',
    phoneNumberId: `1098${digits(11)}`,
    displayPhoneNumber: '+33 7 57 00 11 22',
    wabaId: `1022${digits(11)}`,
  };
  const sent: FakeSent[] = [];
  const unexpected: string[] = [];
  const failures: GraphFailure[] = [];
  const templates: FakeTemplate[] = [];
  const lastWrote = new Map<string, { at: Date; network: string }>();
  const comments = new Map<string, { at: Date; network: string; privatelyReplied: boolean }>();

  const proofOf = (token: string) => createHmac('sha256', fake.appSecret).update(token).digest('hex');

  /** Token and appsecret_proof, as Graph checks them; false when it already answered. */
  function authorized(req: IncomingMessage, res: ServerResponse, url: URL, expected: string): boolean {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : (url.searchParams.get('access_token') ?? '');
    if (!token) {
      graphError(res, 400, 2500, 'An active access token must be used to query information about the current user.');
      return false;
    }
    if (token !== expected) {
      graphError(res, expected === fake.whatsappToken ? 401 : 400, 190, 'Invalid OAuth access token - Cannot parse access token');
      return false;
    }
    // The app has "Require App Secret" on: every call proves it knows the secret.
    const proof = url.searchParams.get('appsecret_proof');
    if (!proof) {
      graphError(res, 400, 100, 'API calls from the server require an appsecret_proof argument');
      return false;
    }
    if (proof !== proofOf(token)) {
      graphError(res, 400, 100, 'Invalid appsecret_proof provided in the API argument');
      return false;
    }
    return true;
  }

  function failed(res: ServerResponse): boolean {
    const failure = failures.shift();
    if (!failure) return false;
    if (failure === 'rate_limit') {
      const usage = JSON.stringify({ [fake.pageId]: [{ type: 'messenger', call_count: 100, total_cputime: 12, total_time: 30, estimated_time_to_regain_access: 5 }] });
      graphError(res, 400, 613, 'Calls to this api have exceeded the rate limit.', { is_transient: true }, { 'x-business-use-case-usage': usage });
    } else if (failure === 'too_many_requests') graphError(res, 429, 4, 'Application request limit reached', { is_transient: true }, { 'retry-after': '120' });
    else if (failure === 'server_error') graphError(res, 500, 2, 'An unexpected error has occurred. Please retry your request later.', { is_transient: true });
    else if (failure === 'token_expired') graphError(res, 400, 190, 'Error validating access token: Session has expired on Monday, 02-Mar-26 10:00:00 PST.', { error_subcode: 463 });
    else graphError(res, 403, 200, '(#200) The user hasn’t authorized the application to perform this action');
    return true;
  }

  const elapsed = (at: Date) => now().getTime() - at.getTime();
  const newId = (prefix = '') => `${prefix}${digits(15)}`;
  const record = (s: FakeSent) => {
    sent.push(s);
    return s.id;
  };

  function sendApi(res: ServerResponse, path: string, body: Record<string, unknown>): void {
    const recipient = (body.recipient ?? {}) as { id?: string; comment_id?: string };
    const message = (body.message ?? {}) as { text?: string };
    const text = message.text ?? '';
    if (!text) return graphError(res, 400, 100, '(#100) The parameter message is required');
    if (recipient.comment_id) {
      const comment = comments.get(recipient.comment_id);
      if (!comment) return graphError(res, 400, 100, `(#100) Unsupported post request. Object with ID '${recipient.comment_id}' does not exist`, { error_subcode: 33 });
      if (comment.privatelyReplied) return graphError(res, 400, 10900, '(#10900) Activity already replied to');
      if (elapsed(comment.at) >= 7 * DAY) return graphError(res, 400, 10903, '(#10903) This activity can\'t be replied to');
      comment.privatelyReplied = true;
      const id = record({ kind: 'private_reply', path, body, id: `m_${randomBytes(12).toString('base64url')}` });
      return reply(res, 200, { recipient_id: newId('7'), message_id: id });
    }
    const user = recipient.id ? lastWrote.get(recipient.id) : undefined;
    if (!recipient.id || !user || user.network === 'whatsapp') return graphError(res, 400, 100, '(#100) No matching user found', { error_subcode: 2018001 });
    const limit = user.network === 'instagram' ? 1000 : 2000;
    if ([...text].length > limit) return graphError(res, 400, 100, `(#100) Length of param message[text] must be less than or equal to ${limit}`);
    const type = body.messaging_type;
    const outside = user.network === 'instagram' ? 2534022 : 2018278;
    if (type === 'RESPONSE' || type === 'UPDATE') {
      if (elapsed(user.at) >= DAY) return graphError(res, 400, 10, '(#10) This message is sent outside of allowed window.', { error_subcode: outside });
    } else if (type === 'MESSAGE_TAG') {
      if (body.tag !== 'HUMAN_AGENT') return graphError(res, 400, 100, `(#100) Param tag[${String(body.tag)}] is not a valid message tag`);
      if (elapsed(user.at) >= 7 * DAY) return graphError(res, 400, 10, '(#10) This message is sent outside of allowed window.', { error_subcode: outside });
    } else return graphError(res, 400, 100, '(#100) Param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}');
    const id = record({ kind: 'send_api', path, body, id: `m_${randomBytes(12).toString('base64url')}` });
    reply(res, 200, { recipient_id: recipient.id, message_id: id });
  }

  function whatsappSend(res: ServerResponse, path: string, body: Record<string, unknown>): void {
    if (body.messaging_product !== 'whatsapp') return graphError(res, 400, 100, '(#100) The parameter messaging_product is required.');
    const to = String(body.to ?? '').replace(/^\+/, '');
    if (!/^\d{8,15}$/.test(to)) return graphError(res, 400, 131009, '(#131009) Parameter value is not valid', { error_data: { messaging_product: 'whatsapp', details: 'Recipient phone number not in allowed list' } });
    const user = lastWrote.get(to);
    if (body.type === 'text') {
      const text = String(((body.text ?? {}) as { body?: string }).body ?? '');
      if (!text) return graphError(res, 400, 100, '(#100) The parameter text[\'body\'] is required.');
      if ([...text].length > 4096) return graphError(res, 400, 100, '(#100) Param text[\'body\'] must be at most 4096 characters long.');
      if (!user || elapsed(user.at) >= DAY) {
        return graphError(res, 400, 131047, '(#131047) Re-engagement message', {
          error_data: { messaging_product: 'whatsapp', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
        });
      }
    } else if (body.type === 'template') {
      const t = (body.template ?? {}) as { name?: string; language?: { code?: string }; components?: { type: string; parameters?: unknown[] }[] };
      const known = templates.find((x) => x.name === t.name && x.language === t.language?.code && x.status === 'APPROVED');
      if (!known) return graphError(res, 404, 132001, '(#132001) Template name does not exist in the translation', { error_data: { messaging_product: 'whatsapp', details: `template name (${t.name}) does not exist in ${t.language?.code}` } });
      const bodyText = String(known.components.find((c) => c.type === 'BODY')?.text ?? '');
      const given = t.components?.find((c) => c.type === 'body')?.parameters?.length ?? 0;
      if (given !== placeholders(bodyText)) return graphError(res, 400, 132000, '(#132000) Number of parameters does not match the expected number of params', { error_data: { messaging_product: 'whatsapp', details: `body: number of localizable_params (${given}) does not match the expected number of params (${placeholders(bodyText)})` } });
    } else return graphError(res, 400, 100, `(#100) Unsupported message type ${String(body.type)}`);
    const id = record({ kind: 'whatsapp', path, body, id: `wamid.${randomBytes(24).toString('base64url')}` });
    reply(res, 200, { messaging_product: 'whatsapp', contacts: [{ input: String(body.to), wa_id: to }], messages: [{ id, ...(body.type === 'template' ? { message_status: 'accepted' } : {}) }] });
  }

  function templatesPage(res: ServerResponse, url: URL, base: string): void {
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 25) || 25, 100);
    const after = Number(url.searchParams.get('after') ?? 0) || 0;
    const page = templates.slice(after, after + limit).map((t, i) => ({ ...t, id: `9${String(after + i).padStart(14, '0')}` }));
    const next = after + limit < templates.length ? `${base}/${fake.version}/${fake.wabaId}/message_templates?limit=${limit}&after=${after + limit}&access_token=${encodeURIComponent(fake.whatsappToken)}` : undefined;
    reply(res, 200, { data: page, paging: { cursors: { before: String(after), after: String(after + limit) }, ...(next ? { next } : {}) } });
  }

  const server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const url = new URL(req.url ?? '/', 'http://fake');
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const parts = url.pathname.split('/').filter(Boolean);
      if (parts[0] !== fake.version) {
        unexpected.push(`${req.method} ${req.url}`);
        return graphError(res, 400, 2635, `(#2635) You are calling a deprecated version of the Graph API (${parts[0]})`);
      }
      const [id, edge] = parts.slice(1);
      const path = parts.slice(1).join('/');
      const whatsappPath = id === fake.phoneNumberId || id === fake.wabaId;
      if (!authorized(req, res, url, whatsappPath ? fake.whatsappToken : fake.pageAccessToken)) return;
      if (failed(res)) return;
      const json = (): Record<string, unknown> => {
        try {
          return (req.headers['content-type'] ?? '').startsWith('application/json') ? (JSON.parse(raw) as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(raw));
        } catch {
          return {};
        }
      };

      if (req.method === 'GET' && !edge) {
        if (id === fake.pageId) return reply(res, 200, { name: fake.pageName, id });
        if (id === fake.instagramId) return reply(res, 200, { username: fake.instagramUsername, name: fake.pageName, id });
        if (id === fake.phoneNumberId) return reply(res, 200, { verified_name: fake.pageName, display_phone_number: fake.displayPhoneNumber, quality_rating: 'GREEN', code_verification_status: 'VERIFIED', id });
        return graphError(res, 400, 100, `(#100) Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { error_subcode: 33 });
      }
      if (req.method === 'GET' && id === fake.wabaId && edge === 'message_templates') return templatesPage(res, url, base);
      if (req.method === 'POST' && id === fake.pageId && edge === 'messages') return sendApi(res, path, json());
      if (req.method === 'POST' && id === fake.phoneNumberId && edge === 'messages') return whatsappSend(res, path, json());
      if (req.method === 'POST' && (edge === 'comments' || edge === 'replies') && id) {
        const comment = comments.get(id);
        const network = edge === 'comments' ? 'facebook' : 'instagram';
        if (!comment || comment.network !== network) return graphError(res, 400, 100, `(#100) Unsupported post request. Object with ID '${id}' does not exist`, { error_subcode: 33 });
        const body = json();
        if (!body.message) return graphError(res, 400, 100, '(#100) The parameter message is required');
        const newComment = network === 'facebook' ? `${id.split('_')[0]}_${digits(15)}` : `1786${digits(13)}`;
        record({ kind: network === 'facebook' ? 'comment_reply' : 'instagram_comment_reply', path, body, id: newComment });
        return reply(res, 200, { id: newComment });
      }
      unexpected.push(`${req.method} ${req.url}`);
      graphError(res, 400, 100, `(#100) Unsupported ${req.method?.toLowerCase()} request.`);
    })().catch((e: unknown) => {
      unexpected.push(`fake crashed: ${(e as Error).message}`);
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const customerWrote = (id: string, at: Date, network: 'messenger' | 'instagram' | 'whatsapp' = 'messenger') => {
    const seen = lastWrote.get(id);
    if (!seen || seen.at < at) lastWrote.set(id, { at, network });
  };
  const customerCommented = (commentId: string, at: Date, network: 'facebook' | 'instagram' = 'facebook') => {
    if (!comments.has(commentId)) comments.set(commentId, { at, network, privatelyReplied: false });
  };

  /** What Meta knows once it has delivered: who wrote when, which comments exist. */
  function remember(body: unknown): void {
    const b = body as { object?: string; entry?: { messaging?: Record<string, unknown>[]; changes?: { field?: string; value?: Record<string, unknown> }[] }[] };
    const seconds = (v: unknown) => new Date(Number(v) * 1000);
    for (const entry of b.entry ?? []) {
      for (const item of entry.messaging ?? []) {
        const message = item.message as { is_echo?: boolean } | undefined;
        const sender = (item.sender as { id?: string } | undefined)?.id;
        if (message && !message.is_echo && sender) customerWrote(sender, new Date(Number(item.timestamp)), b.object === 'instagram' ? 'instagram' : 'messenger');
      }
      for (const change of entry.changes ?? []) {
        const v = change.value ?? {};
        if (change.field === 'feed' && v.item === 'comment' && typeof v.comment_id === 'string') customerCommented(v.comment_id, seconds(v.created_time), 'facebook');
        if (change.field === 'comments' && typeof v.id === 'string') customerCommented(v.id, now(), 'instagram');
        for (const m of (v.messages ?? []) as { from?: string; timestamp?: string }[]) if (m.from) customerWrote(m.from, seconds(m.timestamp), 'whatsapp');
      }
    }
  }

  return {
    url: `http://127.0.0.1:${port}`,
    ...fake,
    sent,
    templates,
    unexpected,
    failNext: (...f) => void failures.push(...f),
    customerWrote,
    customerCommented,
    async verify(webhookUrl, o = {}) {
      const challenge = digits(10).replace(/^0/, '1');
      const target = new URL(webhookUrl);
      target.searchParams.set('hub.mode', o.mode ?? 'subscribe');
      target.searchParams.set('hub.challenge', challenge);
      target.searchParams.set('hub.verify_token', o.token ?? fake.verifyToken);
      const res = await fetch(target);
      return { status: res.status, body: await res.text(), challenge, contentType: res.headers.get('content-type') ?? undefined };
    },
    async deliver(webhookUrl, body, o = {}) {
      const raw = metaJson(body);
      const secret = o.secret ?? fake.appSecret;
      const signature = o.signature === undefined ? `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}` : o.signature;
      const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
      if (signature !== null) {
        headers['x-hub-signature-256'] = signature;
        headers['x-hub-signature'] = `sha1=${createHmac('sha1', secret).update(raw).digest('hex')}`;
      }
      const res = await fetch(webhookUrl, { method: 'POST', headers, body: raw });
      if (res.ok) remember(body);
      return { status: res.status, headers: Object.fromEntries(res.headers), body: await res.text() };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
