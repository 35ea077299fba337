// The composer's side of working together: it tells the page whether it holds unsent text
// (others then see "typing"), remembers the latest timeline event shown when this draft
// began — what the agent had read — and sends it as seenEventId. When the server answers that
// someone wrote meanwhile (409 case-changed-meanwhile), `conflictOf` gives what they wrote;
// `accept` takes those messages as read, so the next send goes through (send anyway), and
// one more message arriving in between warns again.
import { useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { meanwhileProblemSchema, type ComposingKind } from '../../../../src/modules/collab/collab.contract.ts';
import type { CaseEventDto, Page } from '../../api/contracts.ts';
import { isApiError } from '../../api/http.ts';
import { caseKeys } from '../cases.keys.ts';
import { useCollab } from './CollabContext.tsx';

export type MeanwhileChanges = { changes: CaseEventDto[]; latestEventId: string };

/** The messages of a 409 case-changed-meanwhile, or null for any other failure. */
export function meanwhileOf(error: unknown): MeanwhileChanges | null {
  if (!isApiError(error, 409) || error.problem.code !== 'case_changed_meanwhile') return null;
  const parsed = meanwhileProblemSchema.safeParse(error.problem);
  return parsed.success ? parsed.data : null;
}

export function useComposeCollab(caseId: string, kind: ComposingKind, body: string) {
  const queryClient = useQueryClient();
  const { reportDraft } = useCollab();
  const seen = useRef<string | undefined>(undefined);
  const hasText = body.trim() !== '';

  useEffect(() => {
    reportDraft({ kind, hasText });
    if (!hasText) seen.current = undefined;
    else if (seen.current === undefined) {
      const timeline = queryClient.getQueryData<InfiniteData<Page<CaseEventDto>>>(caseKeys.events(caseId));
      seen.current = timeline?.pages.at(-1)?.items.at(-1)?.id;
    }
  }, [caseId, kind, hasText, queryClient, reportDraft]);
  // The composer gone (the case closed, the page left): nothing is being written any more.
  useEffect(() => () => reportDraft({ kind: 'reply', hasText: false }), [reportDraft]);

  return {
    seenEventId: useCallback(() => seen.current, []),
    onSent: useCallback(() => {
      seen.current = undefined;
    }, []),
    accept: useCallback(
      (error: unknown) => {
        const meanwhile = meanwhileOf(error);
        if (meanwhile) seen.current = meanwhile.latestEventId;
        void queryClient.invalidateQueries({ queryKey: caseKeys.events(caseId) });
      },
      [caseId, queryClient],
    ),
  };
}
