// What the parts of a case page share to work together: the composer's draft (others see
// "typing" while it holds unsent text), who else is on the case (presence), and the split
// mode (messages ticked on the timeline). The case page provides it; the composer, the
// timeline and the collaboration panel read it. Outside a provider everything is inert.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ComposingKind } from '../../../../src/modules/collab/collab.contract.ts';
import type { PresenceDto } from './collab.api.ts';
import { useCasePresence } from './useCasePresence.ts';

export interface Draft {
  kind: ComposingKind;
  hasText: boolean;
}

export interface SplitMode {
  active: boolean;
  selected: ReadonlySet<string>;
  start(): void;
  stop(): void;
  toggle(eventId: string, on: boolean): void;
}

interface Collab {
  caseId: string;
  others: PresenceDto[];
  reportDraft(draft: Draft): void;
  split: SplitMode;
}

const inert: Collab = {
  caseId: '',
  others: [],
  reportDraft: () => undefined,
  split: { active: false, selected: new Set(), start: () => undefined, stop: () => undefined, toggle: () => undefined },
};

const CollabContext = createContext<Collab>(inert);

export function useCollab(): Collab {
  return useContext(CollabContext);
}

export function CollabProvider({ caseId, canWrite, children }: { caseId: string; canWrite: boolean; children: ReactNode }) {
  const [draft, setDraft] = useState<Draft>({ kind: 'reply', hasText: false });
  const [splitting, setSplitting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const others = useCasePresence(caseId, canWrite && draft.hasText ? { state: 'typing', kind: draft.kind } : { state: 'viewing' });

  const reportDraft = useCallback((next: Draft) => setDraft((d) => (d.kind === next.kind && d.hasText === next.hasText ? d : next)), []);
  const toggle = useCallback((eventId: string, on: boolean) => {
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(eventId);
      else next.delete(eventId);
      return next;
    });
  }, []);
  const split = useMemo<SplitMode>(
    () => ({
      active: splitting,
      selected,
      start: () => setSplitting(true),
      stop: () => {
        setSplitting(false);
        setSelected(new Set());
      },
      toggle,
    }),
    [splitting, selected, toggle],
  );
  const value = useMemo(() => ({ caseId, others, reportDraft, split }), [caseId, others, reportDraft, split]);
  return <CollabContext.Provider value={value}>{children}</CollabContext.Provider>;
}
