// The social inbox over HTTP: the stream of public messages, handing one over, the response
// measurement (report and live figure) and the check of a public draft. Readers of cases
// (cases.read) see the messages of the cases they work; handing over changes a case (cases.write).
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { principalOf } from '../access/access.http.ts';
import {
  draftCheckBody,
  draftCheckSchema,
  handOverBody,
  handOverResultSchema,
  liveResponseSchema,
  responseTimesQuery,
  responseTimesSchema,
  socialInboxQuery,
  socialMessageSchema,
} from './social.contract.ts';
import { checkDraft } from './social-inbox.draft-check.ts';
import { handOverMessage } from './social-inbox.hand-over.ts';
import { listSocialInbox } from './social-inbox.query.ts';
import { readLiveResponse, readResponseTimes } from './social-inbox.response-times.ts';

const tags = ['social'];

export function registerSocialInboxRoutes(app: Api): void {
  app.get(
    '/api/v1/social/inbox',
    {
      schema: {
        tags,
        summary: 'Public mentions and comments across the accounts, triaged: the angriest first, with their case, author, signals and first answer',
        querystring: socialInboxQuery,
        response: { 200: pageOf(socialMessageSchema), ...problems(400, 401, 403) },
      },
    },
    async (req) => listSocialInbox(req.ctx, principalOf(req), req.query),
  );
  app.post(
    '/api/v1/social/messages/:eventId/hand-over',
    {
      schema: {
        tags,
        summary: 'Hand a public message’s case over to a team, a store or a colleague, with an internal note (the case keeps its thread)',
        params: z.strictObject({ eventId: z.uuid() }),
        body: handOverBody,
        response: { 200: handOverResultSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => handOverMessage(req.ctx, principalOf(req), req.params.eventId, req.body),
  );
  app.get(
    '/api/v1/social/response-times',
    {
      schema: {
        tags,
        summary: 'First-response times per account: received, answered, rate, median and 90th percentile, by day of week × hour of day',
        querystring: responseTimesQuery,
        response: { 200: responseTimesSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => readResponseTimes(req.ctx, principalOf(req), req.query),
  );
  app.get(
    '/api/v1/social/response-times/live',
    {
      schema: {
        tags,
        summary: 'Now, per account: the median first-response time of the last 24 hours, the public messages still unanswered and the oldest of them',
        response: { 200: liveResponseSchema, ...problems(401, 403) },
      },
    },
    async (req) => readLiveResponse(req.ctx, principalOf(req)),
  );
  app.post(
    '/api/v1/social/draft-check',
    {
      schema: {
        tags,
        summary: 'Check a public draft for personal data (e-mails, phones, addresses, order numbers, IBANs, cards) and get the reply that moves to private messages',
        body: draftCheckBody,
        response: { 200: draftCheckSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => checkDraft(req.ctx, principalOf(req), req.body),
  );
}
