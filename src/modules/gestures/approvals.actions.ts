// What an approval request asks for, and what runs once it is approved: a small registry of
// executors keyed by action kind. Whoever needs a manager's yes (a gesture beyond an agent's
// authority; a refund, exchange or repair workflow) writes its payload with
// createApprovalRequest (approval-request.ts) and registers one executor here; on approval,
// the executor runs in the decision's own transaction, so the decision and its effect commit
// together or not at all. See docs/gestures.md.
import type { z } from 'zod';
import type { Ctx } from '../../context.ts';
import type { Actor } from '../access/actor.ts';
import type { CaseListRow } from '../cases/cases.read.ts';
import type { AuthorityVerdict } from './authority.ts';
import { workflowExecutor } from '../workflows/workflow-authority.ts';
import { gestureExecutor } from './gesture-grant.ts';
import type { ApprovalRow } from './approval-request.ts';

export interface ApprovalExecution<P> {
  /** The decision's transaction. */
  tx: Ctx;
  approval: ApprovalRow;
  payload: P;
  /** The case, locked for the transaction. */
  caseRow: CaseListRow;
  approver: Actor;
}

export interface ApprovalExecutor<P> {
  /** The action kind the requests carry (approval_request.action). */
  action: string;
  /** Checks the stored payload before anything runs (a payload written by an older version fails clearly). */
  payload: z.ZodType<P>;
  /** Whether the approver's own authority covers it; beyond it, a manager's approval goes up to the admins. */
  authorize(run: ApprovalExecution<P>): Promise<AuthorityVerdict>;
  /** Does it; what it returns is kept on the request (result) and shown on its timeline event. */
  execute(run: ApprovalExecution<P>): Promise<Record<string, unknown>>;
}

const executors = new Map<string, ApprovalExecutor<unknown>>();

export function registerApprovalExecutor<P>(executor: ApprovalExecutor<P>): void {
  if (executors.has(executor.action)) throw new Error(`an approval executor for ${executor.action} is already registered`);
  executors.set(executor.action, executor as ApprovalExecutor<unknown>);
}

export function executorFor(action: string): ApprovalExecutor<unknown> | undefined {
  return executors.get(action);
}

// The executors, one line each.
registerApprovalExecutor(gestureExecutor);
registerApprovalExecutor(workflowExecutor);
