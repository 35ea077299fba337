// The shapes of bulk changes to cases (POST /api/v1/cases/bulk), shared with the web app.
import { z } from 'zod';
import { caseStatuses, priorities, tag } from './cases.contract.ts';

const id = z.uuid();

/** At most this many cases per bulk request: each one is its own transaction. */
export const BULK_MAX_CASES = 200;

export const bulkActionSchema = z
  .discriminatedUnion('type', [
    z
      .strictObject({
        type: z.literal('assign'),
        assigneeId: z.union([id, z.literal('me')]).nullable().optional().describe('A user, me, or null to unassign'),
        teamId: id.nullable().optional().describe('A team, or null for none'),
      })
      .refine((a) => a.assigneeId !== undefined || a.teamId !== undefined, { message: 'give assigneeId, teamId or both' }),
    z.strictObject({ type: z.literal('status'), status: z.enum(caseStatuses) }),
    z.strictObject({ type: z.literal('priority'), priority: z.enum(priorities) }),
    z
      .strictObject({
        type: z.literal('tags'),
        add: z.array(tag).max(30).default([]),
        remove: z.array(tag).max(30).default([]),
      })
      .refine((a) => a.add.length + a.remove.length > 0, { message: 'give tags to add or to remove' }),
  ])
  .meta({ id: 'BulkAction' });
export type BulkAction = z.infer<typeof bulkActionSchema>;

export const bulkBody = z.strictObject({
  caseIds: z.array(id).min(1).max(BULK_MAX_CASES).describe(`1 to ${BULK_MAX_CASES} cases; each is changed on its own`),
  action: bulkActionSchema,
});
export type BulkInput = z.infer<typeof bulkBody>;

export const bulkResultSchema = z
  .object({
    results: z.array(
      z.union([
        z.object({ caseId: id, ok: z.literal(true), version: z.number().int().describe('The case’s version after the change') }),
        z.object({
          caseId: id,
          ok: z.literal(false),
          problem: z.object({ status: z.number().int(), code: z.string(), title: z.string(), detail: z.string() }).describe('Why this case was refused (as problem+json would say)'),
        }),
      ]),
    ),
    changed: z.number().int().describe('Cases changed (or already as asked)'),
    refused: z.number().int(),
  })
  .meta({ id: 'BulkResult' });
export type BulkResult = z.infer<typeof bulkResultSchema>;
