// What a merge of two customers would do, before it is done: which record stays, how many
// cases and identities move to it, which empty fields it takes from the other, which values
// differ (the survivor's are kept). The agent may keep the other record instead, then
// confirms. The server's own preview answers (the same call with preview: true).
import { Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../ui/LoadingState.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { acceptSuggestion, customerKeys, mergeCustomers, refreshCustomers, type MergeResult } from './customers.api.ts';

export interface MergePlan {
  survivor: { id: string; displayName: string };
  source: { id: string; displayName: string };
  /** Set when the merge accepts a suggestion (which it then settles). */
  suggestionId?: string;
}

function run(plan: MergePlan, preview: boolean): Promise<MergeResult> {
  return plan.suggestionId
    ? acceptSuggestion(plan.suggestionId, { preview, survivorId: plan.survivor.id })
    : mergeCustomers(plan.survivor.id, plan.source.id, preview);
}

const fieldKeys = ['firstName', 'lastName', 'company', 'notes'] as const;

export function MergePreview({ plan, onSwap, onCancel, onMerged }: { plan: MergePlan; onSwap: () => void; onCancel: () => void; onMerged: (result: MergeResult) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLParagraphElement>(null);
  const preview = useQuery({
    queryKey: [...customerKeys.all, 'merge-preview', plan.survivor.id, plan.source.id, plan.suggestionId ?? null],
    queryFn: () => run(plan, true),
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  const merge = useMutation({
    mutationFn: () => run(plan, false),
    onSuccess: async (result) => {
      await refreshCustomers(queryClient);
      onMerged(result);
    },
  });
  // The preview replaces the button that asked for it: the keyboard follows.
  useEffect(() => heading.current?.focus(), [plan.survivor.id]);

  const field = (f: string) => (fieldKeys.includes(f as (typeof fieldKeys)[number]) ? t(`customerPanel.merge.field.${f as (typeof fieldKeys)[number]}`) : f);
  const r = preview.data;
  return (
    <Paper withBorder bg="indigo.0" p="sm" data-testid="merge-preview">
      <Stack gap="xs">
        <Text size="sm" fw={700} ref={heading} tabIndex={-1}>
          {t('customerPanel.merge.previewTitle', { source: plan.source.displayName, survivor: plan.survivor.displayName })}
        </Text>
        {preview.isPending && <LoadingState label={t('customerPanel.merge.previewLoading')} size="sm" />}
        {preview.isError && <ProblemAlert error={preview.error} title={t('customerPanel.merge.previewFailed')} onRetry={() => void preview.refetch()} />}
        {r && (
          <>
            <Text size="sm">
              {t('customerPanel.merge.moves', { cases: r.moves.caseIds.length, identities: r.moves.identityIds.length, survivor: plan.survivor.displayName })}
            </Text>
            {Object.keys(r.filled).length > 0 && (
              <List size="sm" spacing={2}>
                {Object.entries(r.filled).map(([f, value]) => (
                  <List.Item key={f}>{t('customerPanel.merge.filled', { field: field(f), value })}</List.Item>
                ))}
              </List>
            )}
            {r.conflicts.length > 0 && (
              <List size="sm" spacing={2}>
                {r.conflicts.map((c) => (
                  <List.Item key={c.field}>{t('customerPanel.merge.conflict', { field: field(c.field), kept: c.survivor, dropped: c.source })}</List.Item>
                ))}
              </List>
            )}
          </>
        )}
        {merge.isError && <ProblemAlert error={merge.error} title={t('customerPanel.merge.failed')} />}
        <Group gap="xs">
          <Button size="xs" onClick={() => merge.mutate()} disabled={!r} loading={merge.isPending}>
            {t('customerPanel.merge.confirm')}
          </Button>
          <Button size="xs" variant="default" onClick={onSwap} disabled={merge.isPending}>
            {t('customerPanel.merge.keepOther', { name: plan.source.displayName })}
          </Button>
          <Button size="xs" variant="subtle" onClick={onCancel} disabled={merge.isPending}>
            {t('customerPanel.merge.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export const swapped = (plan: MergePlan): MergePlan => ({ ...plan, survivor: plan.source, source: plan.survivor });
