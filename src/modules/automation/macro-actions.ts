// What a macro changes on the case when a reply is sent with it: status, step, tags. The
// changes join the reply's own (one version bump, one transaction, their timeline events
// beside the message), so a refused reply changes nothing.
import type { Ctx } from '../../context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import type { CaseStatus } from '../cases/cases.contract.ts';
import type { CaseListRow } from '../cases/cases.read.ts';
import { resolveRefs } from '../cases/references.ts';
import type { NewEvent } from '../cases/timeline.ts';
import { loadVisibleMacro } from './macros.read.ts';

export interface MacroChanges {
  /** The status the macro asks for, if any (the reply's explicit status wins). */
  status: CaseStatus | undefined;
  set: { stepId?: string | null; tags?: string[] };
  events: NewEvent[];
}

export async function macroChanges(ctx: Ctx, actor: Actor, row: CaseListRow, macroId: string, by: Pick<NewEvent, 'actorType' | 'actorUserId'>): Promise<MacroChanges> {
  const m = await loadVisibleMacro(ctx, actor, macroId);
  if (!m.active) throw new AppError('conflict', 'This macro is switched off');
  const c = row.c;
  const result: MacroChanges = { status: m.actions.status, set: {}, events: [] };
  if (m.actions.step) {
    const refs = await resolveRefs(ctx, { step: m.actions.step });
    if (refs.step && refs.step.id !== c.stepId) {
      result.set.stepId = refs.step.id;
      result.events.push({ type: 'step_changed', ...by, visibility: 'public', data: { from: row.stepKey, to: refs.step.key, macroId } });
    }
  }
  const added = [...new Set(m.actions.addTags ?? [])].filter((t) => !c.tags.includes(t));
  if (added.length) {
    result.set.tags = [...c.tags, ...added];
    result.events.push({ type: 'tags_changed', ...by, visibility: 'internal', data: { added, removed: [], macroId } });
  }
  return result;
}
