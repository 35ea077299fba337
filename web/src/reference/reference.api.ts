// The lists cases refer to — contact reasons, SAV steps, teams, users — loaded once and
// shared by every page. Reasons and steps carry both languages; the interface picks one.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/http.ts';
import type { Page, ReferenceItem, Team, User } from '../api/contracts.ts';

const REFERENCE_STALE_MS = 5 * 60_000;
/** Users are listed 200 at a time; beyond this many pages the names fall back to ids. */
const MAX_USER_PAGES = 10;

export const referenceQueries = {
  reasons: queryOptions({
    queryKey: ['reference', 'reasons'],
    queryFn: ({ signal }) => api<{ items: ReferenceItem[] }>('/api/v1/reasons', { signal }).then((r) => r.items),
    staleTime: REFERENCE_STALE_MS,
  }),
  steps: queryOptions({
    queryKey: ['reference', 'steps'],
    queryFn: ({ signal }) => api<{ items: ReferenceItem[] }>('/api/v1/steps', { signal }).then((r) => r.items),
    staleTime: REFERENCE_STALE_MS,
  }),
  teams: queryOptions({
    queryKey: ['reference', 'teams'],
    queryFn: ({ signal }) => api<{ items: Team[] }>('/api/v1/teams', { signal }).then((r) => r.items),
    staleTime: REFERENCE_STALE_MS,
  }),
  users: queryOptions({
    queryKey: ['reference', 'users'],
    queryFn: async ({ signal }) => {
      const users: User[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < MAX_USER_PAGES; page++) {
        const result: Page<User> = await api<Page<User>>('/api/v1/users', { query: { limit: 200, cursor }, signal });
        users.push(...result.items);
        cursor = result.nextCursor;
        if (!cursor) break;
      }
      return users;
    },
    staleTime: REFERENCE_STALE_MS,
  }),
};

export function referenceLabel(item: ReferenceItem, language: string): string {
  return language === 'en' ? item.labelEn : item.labelFr;
}

/** Lookups by key (reasons, steps) and by id (teams, users) for the pages to show names. */
export function useReferenceNames() {
  const { i18n } = useTranslation();
  const reasons = useQuery(referenceQueries.reasons);
  const steps = useQuery(referenceQueries.steps);
  const teams = useQuery(referenceQueries.teams);
  const users = useQuery(referenceQueries.users);
  const language = i18n.language;
  return useMemo(() => {
    const byKey = (items: ReferenceItem[] | undefined) => new Map((items ?? []).map((i) => [i.key, referenceLabel(i, language)]));
    const reasonByKey = byKey(reasons.data);
    const stepByKey = byKey(steps.data);
    const teamById = new Map((teams.data ?? []).map((t) => [t.id, t.name]));
    const userById = new Map((users.data ?? []).map((u) => [u.id, u.name]));
    return {
      reasons: reasons.data ?? [],
      steps: steps.data ?? [],
      teams: teams.data ?? [],
      users: users.data ?? [],
      reason: (key: string | null | undefined) => (key ? (reasonByKey.get(key) ?? key) : null),
      step: (key: string | null | undefined) => (key ? (stepByKey.get(key) ?? key) : null),
      team: (id: string | null | undefined) => (id ? (teamById.get(id) ?? null) : null),
      user: (id: string | null | undefined) => (id ? (userById.get(id) ?? null) : null),
    };
  }, [reasons.data, steps.data, teams.data, users.data, language]);
}
