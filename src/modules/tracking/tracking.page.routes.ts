// The tracking page at /t/{token} — the address in every acknowledgment, SMS and ticket —
// and its two forms (reply with photos, notification choice). Each form posts, then is
// sent back to the page (303) with a word of what happened; a refused form is shown again
// with the problem in words and what the customer had typed.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, errorCodes } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/api.ts';
import { sendPage } from '../../platform/http/public-page.ts';
import { toAppError } from '../../platform/http/problem.ts';
import { negotiateLanguage, t, type Language } from '../../platform/i18n/i18n.ts';
import { readMessageForm } from '../cases/attachments.http.ts';
import { uploadErrorText } from '../cases/upload-errors.ts';
import { notifyChannels } from '../cases/cases.contract.ts';
import { tokenParams } from './tracking.contract.ts';
import { renderTrackingPage, renderTrackingProblem, trackingPath, type PageProblem } from './tracking.page.ts';
import { getTracking } from './tracking.read.ts';
import { caseToWriteOn, chooseNotifyChannel, replyOnTrackedCase } from './tracking.write.ts';

const pageQuery = z.object({
  lang: z.enum(['fr', 'en']).optional().catch(undefined),
  sent: z.string().optional(),
  saved: z.string().optional(),
});
const hidden = { config: { auth: 'public' as const }, schema: { hide: true, params: tokenParams, querystring: pageQuery } };

type PageRequest = FastifyRequest<{ Params: { token: string }; Querystring: z.infer<typeof pageQuery> }>;

/** The customer's words for why a form was refused. */
function problemOf(error: AppError, form: PageProblem['form'], lang: Language, req: PageRequest): PageProblem {
  const upload = uploadErrorText(lang, error, req.ctx.config.uploads);
  if (upload) return { form, field: 'files', text: upload };
  if (error.code === 'rate_limited') return { form, field: null, text: t(lang, 'page.error.rate', { minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60) }) };
  if (error.code === 'conflict') return { form, field: null, text: t(lang, 'page.error.closed') };
  const field = error.errors?.[0]?.field;
  if (field === 'notifyVia') return { form, field: 'notifyVia', text: t(lang, error.errors?.[0]?.message === 'choose one' ? 'page.error.notify.choose' : 'page.error.notify') };
  if (field === 'body') return { form, field: 'body', text: t(lang, error.message.includes('write a message') ? 'page.error.empty' : 'page.error.too_long') };
  return { form, field: null, text: t(lang, 'page.error.other') };
}

async function showPage(
  req: PageRequest,
  reply: FastifyReply,
  status: number,
  extra: { problem?: (lang: Language) => PageProblem; draft?: string } = {},
) {
  const { token } = req.params;
  try {
    const tracked = await getTracking(req.ctx, token, { ip: req.ip }, req.query.lang);
    const notice = req.query.sent ? 'sent' : req.query.saved ? 'saved' : undefined;
    const page = renderTrackingPage({
      tracked,
      token,
      timezone: req.ctx.config.defaults.timezone,
      limits: req.ctx.config.uploads,
      notice,
      problem: extra.problem?.(tracked.language),
      draft: extra.draft,
    });
    return sendPage(reply, status, page);
  } catch (error) {
    return showLinkProblem(req, reply, toAppError(error));
  }
}

/** A refused form: the page again, with the problem; the link's own problems get their page. */
function showRefusal(req: PageRequest, reply: FastifyReply, error: unknown, form: PageProblem['form'], draft?: string) {
  const refusal = toAppError(error);
  if (refusal.code === 'not_found') return showLinkProblem(req, reply, refusal);
  if (errorCodes[refusal.code] >= 500) throw error;
  return showPage(req, reply, errorCodes[refusal.code], { problem: (lang) => problemOf(refusal, form, lang, req), ...(draft !== undefined ? { draft } : {}) });
}

function showLinkProblem(req: PageRequest, reply: FastifyReply, error: AppError) {
  const lang = req.query.lang ?? negotiateLanguage(req.headers['accept-language']);
  const path = trackingPath(req.params.token);
  if (error.code === 'not_found') return sendPage(reply, 404, renderTrackingProblem(lang, path, 'missing'));
  if (error.code === 'rate_limited') {
    const seconds = error.retryAfterSeconds ?? 60;
    reply.header('retry-after', String(seconds));
    return sendPage(reply, 429, renderTrackingProblem(lang, path, 'busy', Math.ceil(seconds / 60)));
  }
  throw error;
}

function backToPage(req: PageRequest, reply: FastifyReply, what: 'sent' | 'saved', anchor: string) {
  const lang = req.query.lang ? `lang=${req.query.lang}&` : '';
  return reply.code(303).header('location', `${trackingPath(req.params.token)}?${lang}${what}=1#${anchor}`).send();
}

export function registerTrackingPage(app: Api): void {
  app.get('/t/:token', hidden, (req, reply) => showPage(req, reply, 200));

  app.post('/t/:token/messages', hidden, async (req, reply) => {
    const typed: Record<string, string> = {};
    try {
      const row = await caseToWriteOn(req.ctx, req.params.token, { ip: req.ip });
      const form = await readMessageForm(req, typed);
      await replyOnTrackedCase(req.ctx, req.params.token, row, form);
      return backToPage(req, reply, 'sent', 'messages');
    } catch (error) {
      return showRefusal(req, reply, error, 'reply', typed.body ?? '');
    }
  });

  // The notification choice is a plain HTML form (application/x-www-form-urlencoded).
  app.post('/t/:token/notify', hidden, async (req, reply) => {
    try {
      const notifyVia = z.enum(notifyChannels).safeParse((req.body as Record<string, string> | undefined)?.notifyVia);
      if (!notifyVia.success) throw new AppError('validation_failed', 'notifyVia: choose e-mail or SMS', { errors: [{ field: 'notifyVia', message: 'choose one' }] });
      await chooseNotifyChannel(req.ctx, req.params.token, { ip: req.ip }, notifyVia.data, req.query.lang);
      return backToPage(req, reply, 'saved', 'notify');
    } catch (error) {
      return showRefusal(req, reply, error, 'notify');
    }
  });
}
