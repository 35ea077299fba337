// HTTP routes of goodwill gestures and approvals: a case's gesture panel and grants, the
// approval requests and their decisions, and the admins' limits and scale.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { replyIdempotentlyAs } from '../../platform/http/idempotency.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { principalOf } from '../access/access.http.ts';
import { idempotencyHeaders } from '../cases/cases.routes.ts';
import { approvalRequestedReply } from './approval-request.ts';
import { cancelApproval, decideApproval, listApprovals } from './approvals.service.ts';
import { grantGesture, setCaseSeverity } from './gesture-grant.ts';
import { gesturePanel, presentGestures } from './gesture-panel.ts';
import { limitsSetting, readSetting, readSettingVersion, saveSetting, scaleSetting } from './gesture-settings.service.ts';
import {
  approvalListQuery,
  approvalSchema,
  authorityLimitsVersionSchema,
  decisionBody,
  gesturePanelSchema,
  gestureScaleVersionSchema,
  grantBody,
  grantResultSchema,
  saveLimitsBody,
  saveScaleBody,
  severityBody,
} from './gestures.contract.ts';

const tags = ['gestures'];
const versionParams = z.strictObject({ version: z.coerce.number().int().min(0) });

export function registerGestureRoutes(app: Api): void {
  app.get(
    '/api/v1/cases/:id/gestures',
    {
      schema: {
        tags,
        summary: 'The case’s goodwill gesture panel: the suggestion and its reason, the facts, the reader’s latitude left, gestures granted, approval requests',
        params: idParams,
        response: { 200: gesturePanelSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => gesturePanel(req.ctx, principalOf(req), req.params.id),
  );

  app.post(
    '/api/v1/cases/:id/gestures',
    {
      schema: {
        tags,
        summary: 'Grant a goodwill gesture: 201 granted within the granter’s authority, 202 beyond it (an approval request goes to the managers)',
        params: idParams,
        headers: idempotencyHeaders,
        body: grantBody,
        response: { 201: grantResultSchema, 202: grantResultSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      // 201 or 202 depends on the outcome, so the idempotent replay stores the status with the body.
      return replyIdempotentlyAs(req, reply, { db: req.ctx.db, principalId: principal.userId, now: req.ctx.clock.now() }, async (db) => {
        const ctx = { ...req.ctx, db };
        const outcome = await grantGesture(ctx, principal, req.params.id, req.body);
        if (outcome.outcome === 'granted') return { statusCode: 201, body: { outcome: outcome.outcome, gesture: (await presentGestures(ctx, [outcome.gesture]))[0]! } };
        return approvalRequestedReply(ctx, principal, outcome.approval.id);
      });
    },
  );

  app.put(
    '/api/v1/cases/:id/gestures/severity',
    {
      schema: { tags, summary: 'Judge the case’s severity for the gesture scale (without it, the case’s priority says)', params: idParams, body: severityBody, response: { 204: z.null(), ...problems(400, 401, 403, 404) } },
    },
    async (req, reply) => {
      await setCaseSeverity(req.ctx, principalOf(req), req.params.id, req.body.severity);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/approvals',
    {
      schema: {
        tags,
        summary: 'Approval requests of the cases the reader fully sees, newest first (pending by default); canDecide says which they may decide',
        querystring: approvalListQuery,
        response: { 200: pageOf(approvalSchema), ...problems(400, 401, 403) },
      },
    },
    async (req) => listApprovals(req.ctx, principalOf(req), req.query),
  );

  app.post(
    '/api/v1/approvals/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve or refuse a request in one click (the same decision twice is one; a different one after it is a 409). Approving runs the action; beyond a manager’s own authority it goes to the admins',
        params: idParams,
        body: decisionBody,
        response: { 200: approvalSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req) => decideApproval(req.ctx, principalOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/approvals/:id/cancel',
    { schema: { tags, summary: 'Withdraw a pending request (its requester, or an admin)', params: idParams, response: { 200: approvalSchema, ...problems(401, 403, 404, 409) } } },
    async (req) => cancelApproval(req.ctx, principalOf(req), req.params.id),
  );

  const limitsWhat = 'authority limits (per role and store: per case, per month, the kinds granted without asking)';
  app.get('/api/v1/gestures/limits', { schema: { tags, summary: `The ${limitsWhat} in force (version 0: the built-in defaults)`, response: { 200: authorityLimitsVersionSchema, ...problems(401, 403) } } }, async (req) =>
    readSetting(req.ctx, principalOf(req), limitsSetting),
  );
  app.get(
    '/api/v1/gestures/limits/versions/:version',
    { schema: { tags, summary: `One version of the ${limitsWhat}`, params: versionParams, response: { 200: authorityLimitsVersionSchema, ...problems(401, 403, 404) } } },
    async (req) => readSettingVersion(req.ctx, principalOf(req), limitsSetting, req.params.version),
  );
  app.put(
    '/api/v1/gestures/limits',
    { schema: { tags, summary: `Save a new version of the ${limitsWhat} (admins; audited; it applies at once)`, body: saveLimitsBody, response: { 201: authorityLimitsVersionSchema, ...problems(400, 401, 403, 409, 412, 422) } } },
    async (req, reply) => reply.code(201).send(await saveSetting(req.ctx, principalOf(req), limitsSetting, req.body)),
  );

  const scaleWhat = 'goodwill gesture scale (severity × first or repeat incident × customer tier → gesture)';
  app.get('/api/v1/gestures/scale', { schema: { tags, summary: `The ${scaleWhat} in force (version 0: the built-in defaults)`, response: { 200: gestureScaleVersionSchema, ...problems(401, 403) } } }, async (req) =>
    readSetting(req.ctx, principalOf(req), scaleSetting),
  );
  app.get(
    '/api/v1/gestures/scale/versions/:version',
    { schema: { tags, summary: `One version of the ${scaleWhat}`, params: versionParams, response: { 200: gestureScaleVersionSchema, ...problems(401, 403, 404) } } },
    async (req) => readSettingVersion(req.ctx, principalOf(req), scaleSetting, req.params.version),
  );
  app.put(
    '/api/v1/gestures/scale',
    { schema: { tags, summary: `Save a new version of the ${scaleWhat} (admins; audited; it applies at once)`, body: saveScaleBody, response: { 201: gestureScaleVersionSchema, ...problems(400, 401, 403, 409, 412, 422) } } },
    async (req, reply) => reply.code(201).send(await saveSetting(req.ctx, principalOf(req), scaleSetting, req.body)),
  );
}
