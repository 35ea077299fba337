// Checking an agent's draft before it leaves: does it refuse the customer? The answer the
// console shows under the reply box. Setting the refusal against the rulebook's verdict for
// the case (refusalWarning in refusal.ts) is done where the verdict is computed.
import type { Ctx } from '../../context.ts';
import type { Actor } from '../access/actor.ts';
import { loadForWrite } from '../cases/case-changes.ts';
import type { RefusalCheckDto } from './disputes.contract.ts';
import { detectRefusal } from './refusal.ts';

export async function checkRefusal(ctx: Ctx, actor: Actor, caseId: string, text: string): Promise<RefusalCheckDto> {
  await loadForWrite(ctx, actor, caseId, undefined);
  return detectRefusal(text);
}
