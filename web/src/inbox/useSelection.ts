// The selected cases of the inbox, by id, so a live refresh of the list keeps them. A click
// ticks or unticks one; a shift-click ticks every case between the last one clicked and this
// one. Only the cases still listed count as selected (a solved case leaving the view drops out).
import { useMemo, useRef, useState } from 'react';
import type { CaseDto } from '../api/contracts.ts';

export function useSelection(cases: CaseDto[]) {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | null>(null);
  const selected = useMemo(() => cases.filter((c) => ids.has(c.id)), [cases, ids]);
  const visibleIds = useMemo(() => new Set(selected.map((c) => c.id)), [selected]);

  const toggle = (id: string, range: boolean) => {
    const from = range && anchor.current ? cases.findIndex((c) => c.id === anchor.current) : -1;
    const to = cases.findIndex((c) => c.id === id);
    setIds((current) => {
      const next = new Set(current);
      if (from >= 0 && to >= 0) {
        for (const c of cases.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(c.id);
      } else if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    anchor.current = id;
  };

  return {
    /** The selected cases, in list order. */
    selected,
    ids: visibleIds,
    toggle,
    setAll: (checked: boolean) => setIds(checked ? new Set(cases.map((c) => c.id)) : new Set()),
    unselect: (done: string[]) => setIds((current) => new Set([...current].filter((id) => !done.includes(id)))),
    clear: () => {
      anchor.current = null;
      setIds(new Set());
    },
  };
}
