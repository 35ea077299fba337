// GET /api/v1/audit: the audit log, newest first, for administrators.
import { z } from 'zod';
import type { Api } from '../../platform/http/api.ts';
import { problems } from '../../platform/http/api.ts';
import { pageOf } from '../../platform/http/pagination.ts';
import { principalOf } from '../access/access.http.ts';
import { listAudit } from './audit.service.ts';

const instant = z.iso.datetime({ offset: true });

export const auditEntrySchema = z
  .object({
    id: z.uuid(),
    at: instant,
    actorUserId: z.uuid().nullable(),
    actorLabel: z.string(),
    action: z.string().describe('e.g. auth.login, user.access_changed, customer.merged'),
    targetType: z.string().nullable(),
    targetId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEntry' });

export function registerAuditRoutes(app: Api): void {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log (admins): logins, role and scope changes, merges, tokens, configuration',
        querystring: z.strictObject({
          action: z.string().max(100).optional().describe('An action, or a prefix ending with a dot (auth.)'),
          actorUserId: z.uuid().optional(),
          targetType: z.string().max(50).optional(),
          targetId: z.string().max(100).optional(),
          from: instant.optional(),
          to: instant.optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          cursor: z.string().max(500).optional(),
        }),
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
