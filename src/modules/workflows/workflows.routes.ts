// The workflows API: start a return, exchange, repair, refund or credit note on a case, list a
// case's workflows, move the current step with an event, cancel, download the return label and
// the credit note, and set a store's stock (what the exchange checks).
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { idParams, problems } from '../../platform/http/api.ts';
import { contentDisposition } from '../../platform/http/download.ts';
import { replyIdempotently, replyIdempotentlyAs } from '../../platform/http/idempotency.ts';
import { principalOf } from '../access/access.http.ts';
import { approvalRequestedReply } from '../gestures/approval-request.ts';
import { approvalSchema } from '../gestures/gestures.contract.ts';
import { startOrAskApproval } from './workflow-authority.ts';
import { getStoreStock, setStoreStock } from './store-stock.service.ts';
import { renderCreditNote, renderReturnLabel, renderTrackedReturnLabel } from './workflow-documents.ts';
import { stockBody, stockParams, stockSchema, workflowCancelBody, workflowEventBody, workflowListSchema, workflowSchema, workflowStartBody } from './workflows.contract.ts';
import { cancelWorkflow, getWorkflow, listWorkflows, postWorkflowEvent } from './workflows.service.ts';

const tags = ['workflows'];
const workflowApprovalSchema = z.object({ outcome: z.literal('approval_requested'), approval: approvalSchema }).meta({ id: 'WorkflowApprovalRequested' });
const langQuery = z.strictObject({ lang: z.enum(['fr', 'en']).optional().describe('Language of the document (default: the case’s)') });

export function registerWorkflowRoutes(app: Api): void {
  app.post(
    '/api/v1/cases/:id/workflows',
    {
      schema: {
        tags,
        summary: 'Start a workflow on the case (201), or ask a manager when its refund or exchange is beyond the agent’s authority (202): return (RMA, label or drop-off, receipt, inspection, refund or credit note), exchange in store, repair, refund, credit note',
        description:
          'The steps run by themselves or wait for events; each moves the case’s SAV step. One workflow runs per case at a time (409 otherwise). Send an Idempotency-Key to make a retry safe.',
        params: idParams,
        body: workflowStartBody,
        response: { 201: workflowSchema, 202: workflowApprovalSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      // 201 or 202 depends on the granter's authority, so the idempotent replay stores the status with the body.
      return replyIdempotentlyAs(req, reply, { db: req.ctx.db, principalId: principal.userId, now: req.ctx.clock.now() }, async (db) => {
        const ctx = { ...req.ctx, db };
        const outcome = await startOrAskApproval(ctx, principal, req.params.id, req.body);
        if (outcome.outcome === 'started') return { statusCode: 201, body: outcome.workflow };
        return approvalRequestedReply(ctx, principal, outcome.approval.id);
      });
    },
  );

  app.get(
    '/api/v1/cases/:id/workflows',
    { schema: { tags, summary: 'The case’s workflows, latest first, with their steps', params: idParams, response: { 200: workflowListSchema, ...problems(401, 403, 404) } } },
    async (req) => listWorkflows(req.ctx, principalOf(req), req.params.id),
  );

  app.get(
    '/api/v1/workflows/:id',
    { schema: { tags, summary: 'A workflow with its steps', params: idParams, response: { 200: workflowSchema, ...problems(401, 403, 404) } } },
    async (req) => getWorkflow(req.ctx, principalOf(req), req.params.id),
  );

  app.post(
    '/api/v1/workflows/:id/events',
    {
      schema: {
        tags,
        summary: 'Tell the workflow what happened: parcel_received, inspected, dispatched, diagnosed, part_received, repair_done, replacement_delivered, returned_to_customer, handed_over, handover_cancelled',
        description: 'Completes the current step (or fails it: a refused inspection, a cancelled handover, and the workflow undoes its earlier steps). The same event twice is taken once; an event the current step does not wait for is a 409.',
        params: idParams,
        body: workflowEventBody,
        response: { 200: workflowSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      return replyIdempotently(req, reply, { db: req.ctx.db, principalId: principal.userId, now: req.ctx.clock.now(), status: 200 }, (db) =>
        postWorkflowEvent({ ...req.ctx, db }, principal, req.params.id, req.body),
      );
    },
  );

  app.post(
    '/api/v1/workflows/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a running workflow: its done steps are undone (RMA cancelled, label voided, reservation released…) and the case goes back to its step before',
        params: idParams,
        body: workflowCancelBody,
        response: { 200: workflowSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => cancelWorkflow(req.ctx, principalOf(req), req.params.id, req.body.reason),
  );

  for (const [path, render, summary] of [
    ['return-label.pdf', renderReturnLabel, 'The prepaid return label (PDF): RMA number, sender and destination, a QR code of the RMA number'],
    ['credit-note.pdf', renderCreditNote, 'The credit note (PDF): its number, the customer, the case and the amount'],
  ] as const) {
    app.get(
      `/api/v1/workflows/:id/${path}`,
      { schema: { tags, summary, params: idParams, querystring: langQuery, produces: ['application/pdf'], response: { 200: z.any().describe('application/pdf'), ...problems(401, 403, 404, 409) } } },
      async (req, reply) => {
        const { pdf, filename } = await render(req.ctx, principalOf(req), req.params.id, req.query.lang);
        return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(filename, true)).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(pdf);
      },
    );
  }

  app.get(
    '/api/v1/track/:token/return-label.pdf',
    {
      config: { auth: 'public' as const },
      schema: {
        security: [],
        tags: ['tracking'],
        summary: 'The prepaid return label of the case behind a tracking link (no login: the token is the credential)',
        params: z.strictObject({ token: z.string().max(100) }),
        querystring: langQuery,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('application/pdf'), ...problems(404, 409, 429) },
      },
    },
    async (req, reply) => {
      const { pdf, filename } = await renderTrackedReturnLabel(req.ctx, req.params.token, { ip: req.ip }, req.query.lang);
      return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition(filename, true)).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').send(pdf);
    },
  );

  app.get(
    '/api/v1/stores/:id/stock/:sku',
    { schema: { tags, summary: 'What the store has of a product: on hand, reserved for exchanges, available', params: stockParams, response: { 200: stockSchema, ...problems(401, 403, 422) } } },
    async (req) => getStoreStock(req.ctx, principalOf(req), req.params.id, req.params.sku),
  );

  app.put(
    '/api/v1/stores/:id/stock/:sku',
    { schema: { tags, summary: 'Set what the store has on hand of a product (admins, or the store’s system with an API token); audited', params: stockParams, body: stockBody, response: { 200: stockSchema, ...problems(400, 401, 403, 422) } } },
    async (req) => setStoreStock(req.ctx, principalOf(req), req.params.id, req.params.sku, req.body.onHand),
  );
}
