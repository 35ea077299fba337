// Runs one change on the selected cases (POST /api/v1/cases/bulk) and says how it went: how
// many were changed, and for each refused case its number and the server's reason. The
// lists and counts refresh at once; the caller keeps the refused cases selected.
import { List, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { BulkAction, BulkResult } from '../../../src/modules/cases/bulk.contract.ts';
import type { CaseDto } from '../api/contracts.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { bulkChange, useRefreshAfterChange } from './inbox.api.ts';
import { notify } from '../ui/notify.ts';

export interface BulkRequest {
  cases: CaseDto[];
  action: BulkAction;
}

export function useBulkAction(onDone: (result: BulkResult) => void) {
  const { t } = useTranslation();
  const refresh = useRefreshAfterChange();
  return useMutation({
    mutationFn: ({ cases, action }: BulkRequest) => bulkChange(cases.map((c) => c.id), action),
    onSuccess: (result, { cases }) => {
      refresh(result.results.filter((r) => r.ok).map((r) => r.caseId));
      const numberOf = (id: string) => cases.find((c) => c.id === id)?.number ?? id;
      const refused = result.results.flatMap((r) => (r.ok ? [] : [r]));
      notify({
        color: refused.length ? 'orange' : 'teal',
        title: refused.length ? t('inbox.bulk.partly', { count: result.changed, refused: result.refused }) : t('inbox.bulk.done', { count: result.changed }),
        message: refused.length ? (
          <List size="sm">
            {refused.map((r) => (
              <List.Item key={r.caseId}>
                <Text span fw={600} size="sm">
                  {numberOf(r.caseId)}
                </Text>{' '}
                {r.problem.title} — {r.problem.detail}
              </List.Item>
            ))}
          </List>
        ) : undefined,
        autoClose: refused.length ? false : 4000,
      });
      onDone(result);
    },
    onError: (error) => notify({ color: 'red', title: t('inbox.bulk.failed'), message: <ProblemAlert error={error} /> }),
  });
}
