// The audit log: security- and money-relevant actions, append-only, queryable by admins.
import { index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../platform/db/columns.ts';

export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    at: instant('at').notNull(),
    /** null for the system (bootstrap, jobs). */
    actorUserId: uuid('actor_user_id'),
    /** The actor's e-mail at the time, kept even if the user is later renamed or deleted. */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_log_action_idx').on(t.action, t.at.desc().nullsFirst()),
    index('audit_log_target_idx').on(t.targetType, t.targetId, t.at.desc().nullsFirst()),
    index('audit_log_actor_idx').on(t.actorUserId, t.at.desc().nullsFirst()),
  ],
);
