// GET /api/v1/audit: the audit log, newest first, for administrators.
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { principalOf } from '../access/access.http.ts';
import { auditEntrySchema, auditQuery } from './audit.contract.ts';
import { listAudit } from './audit.service.ts';

export function registerAuditRoutes(app: Api): void {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log (admins): logins, role and scope changes, merges, tokens, configuration',
        querystring: auditQuery,
        response: { 200: pageOf(auditEntrySchema), ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const q = req.query;
      const page = await listAudit(req.ctx, principalOf(req), {
        ...q,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      return { items: page.items.map((r) => ({ ...r, at: r.at.toISOString() })), nextCursor: page.nextCursor };
    },
  );
}
