// Which store this counter is at. Staff who work at one store need not say (the server takes
// theirs); anyone else chooses once on this tablet, and the choice is kept in its storage.
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { sessionQuery } from '../auth/session.ts';
import { useStores } from '../reference/stores.api.ts';

const STORAGE_KEY = 'comptoir.counter.store';

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

export function useCounterStore() {
  const { data: me } = useQuery(sessionQuery);
  const { stores } = useStores();
  const mine = me?.storeIds ?? [];
  const choices = stores.filter((s) => s.active && s.kind === 'store' && (mine.length === 0 || mine.includes(s.id)));
  const [chosen, setChosen] = useState<string | null>(stored);
  const implicit = mine.length === 1;
  const storeId = implicit ? mine[0]! : choices.some((s) => s.id === chosen) ? chosen : null;

  const choose = (id: string) => {
    setChosen(id);
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // storage disabled: the choice lasts until the page is reloaded
    }
  };
  return {
    /** The store to name in requests; undefined when the server knows it (one store). */
    storeId: implicit ? undefined : (storeId ?? undefined),
    storeName: stores.find((s) => s.id === storeId)?.name ?? null,
    needsChoice: !implicit,
    choices,
    choose,
  };
}
