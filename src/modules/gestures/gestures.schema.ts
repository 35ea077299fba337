// The gestures module's tables: the versions of the authority limits and of the gesture scale
// (never changed once written, like the rulebook's), the severity an agent judged a case,
// the gestures granted, and the approval requests for what was beyond someone's authority.
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../platform/db/columns.ts';
import { appUser } from '../access/access.schema.ts';
import { savCase } from '../cases/cases.schema.ts';
import { orderSource } from '../commerce/commerce.schema.ts';
import { approvalStatuses, gestureKinds, severities, voucherPushStates, type AuthorityReason } from './gestures.contract.ts';

export const gestureSettingNames = ['limits', 'scale'] as const;
export type GestureSettingName = (typeof gestureSettingNames)[number];

export const gestureSettingVersion = pgTable(
  'gesture_setting_version',
  {
    setting: text('setting', { enum: gestureSettingNames }).notNull(),
    /** 1, 2, 3… per setting: the next is the latest plus one, so two admins saving at once cannot both get it. */
    version: integer('version').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    comment: text('comment'),
    createdBy: uuid('created_by').references(() => appUser.id, { onDelete: 'set null' }),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.setting, t.version] })],
);

/** The severity the agent judged the case (without one, it follows the case's priority). */
export const caseSeverity = pgTable('case_severity', {
  caseId: uuid('case_id')
    .primaryKey()
    .references(() => savCase.id),
  severity: text('severity', { enum: severities }).notNull(),
  setBy: uuid('set_by').references(() => appUser.id),
  setAt: instant('set_at').notNull(),
});

export const approvalRequest = pgTable(
  'approval_request',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id),
    /** The executor that runs on approval (approvals.actions.ts): gesture, remedy… */
    action: text('action').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    /** What is asked, in plain words, as the requester's side wrote it (fr, en). */
    summary: jsonb('summary').$type<{ fr: string; en: string }>().notNull(),
    /** What it would cost, in minor units of `currency` (null: an action without a price). */
    amount: bigint('amount', { mode: 'number' }),
    currency: text('currency'),
    status: text('status', { enum: approvalStatuses }).notNull().default('pending'),
    reasons: jsonb('reasons').$type<AuthorityReason[]>().notNull().default([]),
    /** A manager approved beyond their own authority: it waits for an admin. */
    escalated: boolean('escalated').notNull().default(false),
    /** The rulebook's verdict when it was asked (null: no purchase linked). */
    policyVerdict: jsonb('policy_verdict').$type<Record<string, unknown>>(),
    /** Lifetime value, order count, incident count of the customer when it was asked. */
    customerValue: jsonb('customer_value').$type<{ lifetimeValue: { currency: string; amount: number }[]; orderCount: number; incidentCount: number }>(),
    requestedBy: uuid('requested_by').references(() => appUser.id),
    requestedByLabel: text('requested_by_label').notNull(),
    requestedAt: instant('requested_at').notNull(),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: instant('decided_at'),
    comment: text('comment'),
    /** What the executor did (the gesture granted…). */
    result: jsonb('result').$type<Record<string, unknown>>(),
  },
  (t) => [index('approval_request_status_idx').on(t.status, t.requestedAt), index('approval_request_case_idx').on(t.caseId, t.requestedAt)],
);

export const gesture = pgTable(
  'gesture',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id),
    kind: text('kind', { enum: gestureKinds }).notNull(),
    /** What it costs the retailer, in minor units of `currency`. */
    costAmount: bigint('cost_amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    points: integer('points'),
    note: text('note'),
    /** Who granted it (or asked for it, when it was approved): its cost counts against them unless approved. */
    grantedBy: uuid('granted_by').references(() => appUser.id),
    grantedByLabel: text('granted_by_label').notNull(),
    /** Who approved it: then its cost counts against the approver's month. */
    approvedBy: uuid('approved_by').references(() => appUser.id),
    approvalId: uuid('approval_id').references(() => approvalRequest.id),
    grantedAt: instant('granted_at').notNull(),
    voucherCode: text('voucher_code'),
    pushState: text('push_state', { enum: voucherPushStates }).notNull().default('none'),
    pushDetail: text('push_detail'),
    /** The Shopify discount's gid once pushed; the source it was pushed to. */
    discountId: text('discount_id'),
    pushSourceId: uuid('push_source_id').references(() => orderSource.id),
  },
  (t) => [
    uniqueIndex('gesture_voucher_code_key').on(t.voucherCode),
    // One gesture per approval, whatever the number of clicks.
    uniqueIndex('gesture_approval_key').on(t.approvalId),
    index('gesture_case_idx').on(t.caseId, t.grantedAt),
    index('gesture_granted_by_idx').on(t.grantedBy, t.grantedAt),
    index('gesture_approved_by_idx').on(t.approvedBy, t.grantedAt),
  ],
);
