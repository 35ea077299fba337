// Checking an agent's draft before it leaves: does it refuse the customer? And when it does,
// on a case linked to its purchase, does the rulebook say otherwise ("the legal guarantee
// applies until …: a refusal needs a manager's approval")? The answer the console shows under
// the reply box. The verdict is the one every screen gets (src/modules/policies), for a defect.
import type { Ctx } from '../../context.ts';
import type { Actor } from '../access/actor.ts';
import { loadForWrite } from '../cases/case-changes.ts';
import { evaluateForCaseIfAny } from '../policies/evaluate-case.ts';
import type { RefusalCheckDto } from './disputes.contract.ts';
import { detectRefusal, refusalWarning } from './refusal.ts';

export async function checkRefusal(ctx: Ctx, actor: Actor, caseId: string, text: string): Promise<RefusalCheckDto> {
  await loadForWrite(ctx, actor, caseId, undefined);
  const found = detectRefusal(text);
  if (!found.refuses) return { ...found, warning: null };
  const verdict = (await evaluateForCaseIfAny(ctx, actor, caseId, { request: 'defect' }))?.verdict ?? null;
  return { ...found, warning: refusalWarning(true, verdict) };
}
