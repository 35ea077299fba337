// RFC 9457 problem details: the single place where errors become HTTP responses.
// AppError codes map to statuses (platform/errors.ts); framework errors (bad JSON, body too
// large, schema validation) are translated to the same shape; anything else is a 500 that
// says nothing about internals and is logged with the request id.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorCodes, type ErrorCode, type FieldError } from '../errors.ts';
import { negotiateLanguage, registerCatalog, t } from '../i18n/i18n.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

registerCatalog({
  fr: {
    'problem.bad_request': 'Requête invalide',
    'problem.unauthenticated': 'Authentification requise',
    'problem.forbidden': 'Accès refusé',
    'problem.not_found': 'Introuvable',
    'problem.conflict': 'Conflit',
    'problem.case_changed_meanwhile': 'Quelqu’un a écrit sur le dossier entre-temps',
    'problem.gone': 'N’existe plus',
    'problem.precondition_failed': 'La ressource a changé entre-temps',
    'problem.payload_too_large': 'Contenu trop volumineux',
    'problem.unsupported_media_type': 'Type de contenu non pris en charge',
    'problem.validation_failed': 'Données invalides',
    'problem.personal_data_in_public': 'Données personnelles dans une réponse publique',
    'problem.rate_limited': 'Trop de requêtes',
    'problem.internal': 'Erreur interne',
    'problem.unavailable': 'Service indisponible',
  },
  en: {
    'problem.bad_request': 'Bad request',
    'problem.unauthenticated': 'Authentication required',
    'problem.forbidden': 'Forbidden',
    'problem.not_found': 'Not found',
    'problem.conflict': 'Conflict',
    'problem.case_changed_meanwhile': 'Someone wrote on the case meanwhile',
    'problem.gone': 'Gone',
    'problem.precondition_failed': 'The resource changed meanwhile',
    'problem.payload_too_large': 'Payload too large',
    'problem.unsupported_media_type': 'Unsupported media type',
    'problem.validation_failed': 'Invalid data',
    'problem.personal_data_in_public': 'Personal data in a public reply',
    'problem.rate_limited': 'Too many requests',
    'problem.internal': 'Internal error',
    'problem.unavailable': 'Service unavailable',
  },
});

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: ErrorCode;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export function problemFor(request: FastifyRequest, error: AppError): Problem {
  const lang = negotiateLanguage(request.headers['accept-language']);
  return {
    type: `/problems/${error.code.replace(/_/g, '-')}`,
    title: t(lang, `problem.${error.code}`),
    status: errorCodes[error.code],
    detail: error.message,
    instance: request.url,
    code: error.code,
    requestId: request.id,
    ...(error.errors ? { errors: error.errors } : {}),
    ...(error.retryAfterSeconds !== undefined ? { retryAfter: error.retryAfterSeconds } : {}),
    ...(error.details ?? {}),
  };
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(error.retryAfterSeconds));
  return reply.code(errorCodes[error.code]).type(PROBLEM_CONTENT_TYPE).send(problemFor(request, error));
}

/** Fastify's error handler: every failure leaves as problem+json. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const app = toAppError(error);
  if (app.code === 'internal') request.log.error({ err: error }, 'unhandled error');
  else if (app.code === 'unavailable') request.log.warn({ err: error }, 'service unavailable');
  return sendProblem(request, reply, app);
}

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const errors = error.validation.map((issue) => ({
      field: [where === 'body' ? '' : where, ...(issue.instancePath || '').split('/').filter(Boolean)]
        .filter(Boolean)
        .join('.') || where,
      message: issue.message ?? 'invalid',
    }));
    // A well-formed body that breaks the schema is 422; a bad query string or path is 400.
    const code: ErrorCode = where === 'body' ? 'validation_failed' : 'bad_request';
    return new AppError(code, errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
  }
  if (isResponseSerializationError(error)) {
    return new AppError('internal', 'The server produced an invalid response', { cause: error });
  }
  const fe = error as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('bad_request', `Malformed JSON body: ${fe.message}`);
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('payload_too_large', 'The request body is larger than the server accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported_media_type', fe.message);
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError('bad_request', fe.message);
  }
  if (error instanceof SyntaxError && fe.statusCode === 400) {
    return new AppError('bad_request', `Malformed JSON body: ${error.message}`);
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code = (Object.entries(errorCodes).find(([, s]) => s === fe.statusCode)?.[0] ?? 'bad_request') as ErrorCode;
    return new AppError(code, fe.message);
  }
  return new AppError('internal', 'An unexpected error occurred; it has been logged', { cause: error });
}
