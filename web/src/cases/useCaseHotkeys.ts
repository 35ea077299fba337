// The case page's keys (Mantine useHotkeys; ignored while typing in a field): r reply,
// n internal note, m macros, e mark solved, a assign to me, Esc back to the inbox as it was.
import { useHotkeys } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import type { RefObject } from 'react';
import type { CaseDto } from '../api/contracts.ts';
import { sessionQuery } from '../auth/session.ts';
import type { ComposerHandle } from './ComposeForm.tsx';
import { inboxSearch } from './inbox-return.ts';
import { useCaseUpdate } from './useCaseUpdate.ts';

export function useCaseHotkeys(c: CaseDto | undefined, composer: RefObject<ComposerHandle | null>) {
  const router = useRouter();
  const { data: me } = useQuery(sessionQuery);
  const update = useCaseUpdate(c?.id ?? '');
  const writable = !!c && c.access === 'full';

  const change = (changes: { status: 'solved' } | { assigneeId: string }) => {
    if (!c || !writable || update.isPending) return;
    update.mutate({ version: c.version, changes, optimistic: changes });
  };

  useHotkeys([
    ['r', () => writable && composer.current?.focus('reply')],
    ['n', () => writable && composer.current?.focus('note')],
    ['m', () => writable && composer.current?.openMacros()],
    ['e', () => c?.status !== 'solved' && c?.status !== 'closed' && change({ status: 'solved' })],
    ['a', () => me && c?.assigneeId !== me.id && change({ assigneeId: me.id })],
    ['Escape', () => void router.navigate({ to: '/cases', search: inboxSearch() })],
  ]);
}
