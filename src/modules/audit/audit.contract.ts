// The audit API's shapes, shared with the admin screens (the audit log viewer). Only zod here.
import { z } from 'zod';

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
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

export const auditQuery = z.strictObject({
  action: z.string().max(100).optional().describe('An action, or a prefix ending with a dot (auth.)'),
  actorUserId: z.uuid().optional(),
  targetType: z.string().max(50).optional(),
  targetId: z.string().max(100).optional(),
  from: instant.optional(),
  to: instant.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(500).optional(),
});
export type AuditQueryInput = z.input<typeof auditQuery>;
