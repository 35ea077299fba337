// Builds the HTTP server from the modules. Nothing else lives here: each module brings its
// routes; the platform brings errors, auth, docs, metrics and the web app.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { collectDefaultMetrics, Histogram } from 'prom-client';
import { z } from 'zod';
import type { Services } from './context.ts';
import { registerWebformRoutes } from './channels/webform/webform.routes.ts';
import { AppError } from './platform/errors.ts';
import { uuidv7 } from './platform/ids.ts';
import type { Api } from './platform/http/api.ts';
import { acceptFileUploads, acceptHtmlForms } from './platform/http/forms.ts';
import { handleError, sendProblem } from './platform/http/problem.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { registerAdmission } from './platform/http/admission.ts';
import { registerAuth } from './modules/access/access.http.ts';
import { registerAccessRoutes } from './modules/access/access.routes.ts';
import { registerAuditRoutes } from './modules/audit/audit.routes.ts';
import { registerAttachmentRoutes } from './modules/cases/attachments.routes.ts';
import { registerBulkRoutes } from './modules/cases/bulk.routes.ts';
import { registerCaseRoutes } from './modules/cases/cases.routes.ts';
import { registerCaseStream } from './modules/cases/cases.stream.ts';
import { registerReplyChannelRoutes, registerReplyUploadRoutes } from './modules/cases/reply.routes.ts';
import { registerMacroRoutes } from './modules/automation/macros.routes.ts';
import { registerUserNotificationRoutes } from './modules/user-notifications/user-notifications.routes.ts';
import { registerCollabRoutes } from './modules/collab/collab.routes.ts';
import { registerCustomerRoutes } from './modules/customers/customers.routes.ts';
import { registerOrgRoutes } from './modules/org/org.routes.ts';
import { registerSlaRoutes } from './modules/sla/sla.routes.ts';
import { registerViewRoutes } from './modules/views/views.routes.ts';
import { registerNotificationRoutes } from './modules/notifications/notifications.routes.ts';
import { registerChannelRoutes } from './channels/channels.routes.ts';
import { registerTrackingPage } from './modules/tracking/tracking.page.routes.ts';
import { registerTrackingRoutes } from './modules/tracking/tracking.routes.ts';
import { registerWorkloadRoutes } from './modules/workload/workload.routes.ts';
import { registerSocialInboxRoutes } from './modules/social/social-inbox.routes.ts';
import { registerPolicyRoutes } from './modules/policies/policies.routes.ts';
import { registerCommerceRoutes } from './modules/commerce/commerce.routes.ts';
import { registerDisputeRoutes } from './modules/disputes/disputes.routes.ts';
import { registerSurveyRoutes } from './modules/surveys/surveys.routes.ts';
import { registerWorkflowRoutes } from './modules/workflows/workflows.routes.ts';
import { registerGestureRoutes } from './modules/gestures/gestures.routes.ts';
import { registerSurveyPage } from './modules/surveys/survey.page.routes.ts';
import { registerOrderImportRoutes, registerOrderImportUploadRoutes } from './modules/commerce/import/import.routes.ts';

export const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));

export interface AppOptions {
  /** Serve the built web app at / (off in API-only tests). */
  web?: boolean;
}

export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    loggerInstance: services.log as FastifyBaseLogger,
    trustProxy: config.http.trustProxy,
    bodyLimit: config.http.bodyLimit,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : uuidv7();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>() as Api;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  registerSecurityHeaders(app, { embeddableFrameAncestors: config.webform.frameAncestors });
  registerHttpMetrics(app, services);
  registerAdmission(app, services.jobs);

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Comptoir API',
        version: '1',
        description:
          'The omnichannel after-sales service API. Authenticate with `Authorization: Bearer <token>` (an API token, or the token returned by /api/v1/auth/login). Errors are RFC 9457 problem+json.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, cookie: { type: 'apiKey', in: 'cookie', name: 'comptoir_session' } } },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, services);
  const api = app;

  api.get(
    '/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['operations'],
        summary: 'Liveness and database reachability',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async (req) => {
      try {
        await services.database.db.execute('SELECT 1');
      } catch (error) {
        throw new AppError('unavailable', 'The database does not answer', { cause: error });
      }
      return { status: 'ok' as const, database: services.database.engine };
    },
  );
  api.get('/metrics', { config: { auth: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type(services.metrics.contentType).send(await services.metrics.metrics()),
  );

  registerAccessRoutes(api);
  registerOrgRoutes(api);
  registerSlaRoutes(api);
  registerCustomerRoutes(api);
  registerCaseRoutes(api);
  registerBulkRoutes(api);
  registerViewRoutes(api);
  registerCaseStream(api);
  registerCollabRoutes(api);
  registerAuditRoutes(api);
  registerNotificationRoutes(api);
  registerChannelRoutes(api);
  registerAttachmentRoutes(api);
  registerReplyChannelRoutes(api);
  registerMacroRoutes(api);
  registerUserNotificationRoutes(api);
  // Agents' uploads before a reply: multipart in a scope of its own, like the customer side.
  await app.register(async (agentUploads) => {
    await acceptFileUploads(agentUploads);
    registerReplyUploadRoutes(agentUploads as Api);
    registerOrderImportUploadRoutes(agentUploads as Api);
  });
  registerOrderImportRoutes(api);
  registerWorkloadRoutes(api);
  registerSocialInboxRoutes(api);
  registerPolicyRoutes(api);
  registerCommerceRoutes(api);
  registerDisputeRoutes(api);
  registerSurveyRoutes(api);
  registerWorkflowRoutes(api);
  registerGestureRoutes(api);
  // The customer's side (no login): the routes that take files and HTML forms, in a scope of
  // their own so no other route accepts multipart or url-encoded bodies. Registered before the web app's
  // fallback so /t/{token} is ours.
  await app.register(async (customerSide) => {
    await acceptHtmlForms(customerSide);
    registerTrackingRoutes(customerSide as Api);
    registerTrackingPage(customerSide as Api);
    registerWebformRoutes(customerSide as Api);
    registerSurveyPage(customerSide as Api);
  });

  const serveWeb = (options.web ?? true) && existsSync(webDist);
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz copies; hashed assets never change, index.html always may.
      preCompressed: true,
      setHeaders: (reply, path) => {
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && (request.headers.accept ?? '').includes('text/html');
    if (serveWeb && isPage) return reply.type('text/html; charset=utf-8').sendFile('index.html');
    return sendProblem(request, reply, new AppError('not_found', `No route ${request.method} ${request.url.split('?')[0]}`));
  });
  return app as unknown as FastifyInstance;
}

function registerHttpMetrics(app: Api, services: Services): void {
  if (!services.metrics.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics({ register: services.metrics });
  const histogram =
    (services.metrics.getSingleMetric('comptoir_http_request_duration_seconds') as Histogram<'method' | 'route' | 'status'> | undefined) ??
    new Histogram({
      name: 'comptoir_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [services.metrics],
    });
  app.addHook('onResponse', async (request, reply) => {
    histogram.observe({ method: request.method, route: request.routeOptions.url ?? 'unknown', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });
}
