// The web form channel over HTTP: the public API (JSON or multipart) for a retailer's own
// form, and the embeddable page (/form) with its HTML-form twin and the acknowledgment it
// lands on. The pages may be framed by the sites COMPTOIR_FORM_FRAME_ANCESTORS names.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, errorCodes } from '../../platform/errors.ts';
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { toAppError } from '../../platform/http/problem.ts';
import { sendPage } from '../../platform/http/public-page.ts';
import { t, type Language } from '../../platform/i18n/i18n.ts';
import { readMessageForm } from '../../modules/cases/attachments.http.ts';
import { uploadErrorText } from '../../modules/cases/upload-errors.ts';
import { acknowledgmentSchema, webformSetupQuery, webformSetupSchema, webformSubmission } from './webform.contract.ts';
import { acknowledgmentPath, renderAcknowledgmentPage, renderFormMissing, renderFormPage } from './webform.page.ts';
import { acknowledgmentByLink, admitWebformVisitor, pickLanguage, submitWebform, webformSetup, type Visitor } from './webform.service.ts';
import { fieldErrorText } from './webform.words.ts';

const visitorOf = (req: FastifyRequest): Visitor => ({ ip: req.ip, acceptLanguage: req.headers['accept-language'] });
const pageQuery = z.object({ brand: z.string().max(100).optional(), lang: z.enum(['fr', 'en']).optional().catch(undefined) });
const page = { config: { auth: 'public' as const, embeddable: true }, schema: { hide: true, querystring: pageQuery } };

type FormRequest = FastifyRequest<{ Querystring: z.infer<typeof pageQuery> }>;

/** The refused form's problems in the visitor's words, by field. */
function problemsOf(error: AppError, lang: Language, req: FastifyRequest, sentFiles: boolean): { field: string; text: string }[] {
  const upload = uploadErrorText(lang, error, req.ctx.config.uploads);
  if (upload) return [{ field: 'files', text: upload }];
  if (error.code === 'rate_limited') return [{ field: '', text: t(lang, 'form.error.rate', { minutes: Math.ceil((error.retryAfterSeconds ?? 60) / 60) }) }];
  const fields = (error.errors ?? []).filter((e, i, all) => all.findIndex((o) => o.field === e.field) === i);
  const listed = fields.length ? fields.map((e) => ({ field: e.field === 'formToken' || e.field === 'website' ? '' : e.field, text: fieldErrorText(lang, e.field, e.message) })) : [{ field: '', text: t(lang, 'form.error.other') }];
  return sentFiles ? [...listed, { field: 'files', text: t(lang, 'form.errors.files_again') }] : listed;
}

async function showForm(req: FormRequest, reply: FastifyReply, status: number, again?: { values: Record<string, string>; error: AppError; sentFiles: boolean }) {
  try {
    const setup = await webformSetup(req.ctx, { brand: again?.values.brand ?? req.query.brand, lang: req.query.lang }, visitorOf(req));
    // A refused form keeps its token unless the token was the problem (its fill time already counts).
    const tokenRefused = again?.error.errors?.some((e) => e.field === 'formToken') ?? true;
    return sendPage(
      reply,
      status,
      renderFormPage({
        lang: setup.language,
        brand: setup.brand,
        reasons: setup.reasons,
        formToken: !tokenRefused && again?.values.formToken ? again.values.formToken : setup.formToken,
        limits: req.ctx.config.uploads,
        ...(again ? { values: again.values, problems: problemsOf(again.error, setup.language, req, again.sentFiles) } : {}),
      }),
    );
  } catch (error) {
    const problem = toAppError(error);
    if (problem.code !== 'not_found') throw error;
    return sendPage(reply, 404, renderFormMissing(pickLanguage(req.query.lang, visitorOf(req))));
  }
}

export function registerWebformRoutes(app: Api): void {
  app.get(
    '/api/v1/inbound/webform',
    {
      config: { auth: 'public', opensCases: true },
      schema: {
        tags: ['webform'],
        summary: 'What a custom web form needs: the brand, the contact reasons in the page language, a fresh form token, the upload limits',
        security: [],
        querystring: webformSetupQuery,
        response: { 200: webformSetupSchema, ...problems(400, 404, 429) },
      },
    },
    async (req) => webformSetup(req.ctx, req.query, visitorOf(req)),
  );

  app.post(
    '/api/v1/inbound/webform',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['webform'],
        summary: 'Open a case from a web form (JSON, or multipart/form-data with up to 5 photos or PDFs in "files"); the same form token twice opens one case',
        security: [],
        consumes: ['application/json', 'multipart/form-data'],
        // Multipart forms are read by the handler (their files are streamed to the blob store).
        body: webformSubmission.nullish(),
        response: { 201: acknowledgmentSchema, 200: acknowledgmentSchema, ...problems(400, 404, 413, 415, 422, 429) },
      },
    },
    async (req, reply) => {
      await admitWebformVisitor(req.ctx, visitorOf(req));
      const result = await submitWebform(req.ctx, await readMessageForm(req), visitorOf(req));
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      const { replayed, trackingToken: _token, ...acknowledgment } = result;
      return reply.code(replayed ? 200 : 201).send(acknowledgment);
    },
  );

  app.get('/form', page, (req, reply) => showForm(req, reply, 200));

  app.post('/form', { ...page, config: { ...page.config, opensCases: true } }, async (req, reply) => {
    const typed: Record<string, string> = {};
    let sentFiles = false;
    try {
      await admitWebformVisitor(req.ctx, visitorOf(req));
      const form = await readMessageForm(req, typed);
      sentFiles = form.uploads.length > 0;
      const result = await submitWebform(req.ctx, form, visitorOf(req));
      return reply.code(303).header('location', acknowledgmentPath(result.trackingToken, result.language)).send();
    } catch (error) {
      const refused = toAppError(error);
      if (errorCodes[refused.code] >= 500) throw error;
      if (refused.retryAfterSeconds !== undefined) reply.header('retry-after', String(refused.retryAfterSeconds));
      return showForm(req, reply, errorCodes[refused.code], { values: typed, error: refused, sentFiles: sentFiles || refused.code === 'unsupported_media_type' || refused.code === 'payload_too_large' });
    }
  });

  app.get(
    '/form/received/:token',
    { config: page.config, schema: { hide: true, params: z.object({ token: z.string().max(100) }), querystring: pageQuery } },
    async (req, reply) => {
      try {
        const ack = await acknowledgmentByLink(req.ctx, req.params.token, visitorOf(req), req.query.lang);
        return sendPage(reply, 200, renderAcknowledgmentPage(ack));
      } catch (error) {
        if (toAppError(error).code !== 'not_found') throw error;
        return sendPage(reply, 404, renderFormMissing(pickLanguage(req.query.lang, visitorOf(req))));
      }
    },
  );
}
