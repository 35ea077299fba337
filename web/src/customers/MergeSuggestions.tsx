// The merge suggestions naming this customer: another record owns an identity a message
// brought (the phone given at the counter, the e-mail given in a chat). The agent previews
// the merge and confirms it, or says they are two people (the pair is not suggested again).
import { Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { dismissSuggestion, refreshCustomers, type CustomerDetail, type MergeSuggestion } from './customers.api.ts';
import { MergePreview, swapped, type MergePlan } from './MergePreview.tsx';

function planOf(s: MergeSuggestion): MergePlan {
  // The server's default survivor: the older record (UUIDv7 ids sort by creation).
  const [survivor, source] = [s.customer, s.otherCustomer].sort((a, b) => a.id.localeCompare(b.id)) as [MergeSuggestion['customer'], MergeSuggestion['customer']];
  return { survivor, source, suggestionId: s.id };
}

export function MergeSuggestions({ customer, level, onMerged }: { customer: CustomerDetail; level: 2 | 3; onMerged: (survivorId: string) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const dismiss = useMutation({ mutationFn: (id: string) => dismissSuggestion(id), onSuccess: () => refreshCustomers(queryClient) });
  if (customer.mergeSuggestions.length === 0) return null;

  return (
    <Stack gap="xs" component="section" aria-labelledby={`suggestions-${customer.id}`}>
      <Title order={level} size="h5" id={`suggestions-${customer.id}`}>
        {t('customerPanel.suggestions.title', { count: customer.mergeSuggestions.length })}
      </Title>
      <List listStyleType="none" spacing="sm">
        {customer.mergeSuggestions.map((s) => {
          const other = s.customer.id === customer.id ? s.otherCustomer : s.customer;
          return (
            <List.Item key={s.id} data-suggestion={s.id}>
              <Stack gap={6}>
                <Text size="sm">
                  {t('customerPanel.suggestions.evidence', {
                    other: other.displayName,
                    kind: t(`customerPanel.identities.kind.${s.identity.kind}`),
                    value: s.identity.value,
                    channel: t(`case.channel.${s.source}` as 'case.channel.email', { defaultValue: s.source }),
                  })}
                </Text>
                {plan?.suggestionId === s.id ? (
                  <MergePreview
                    plan={plan}
                    onSwap={() => setPlan(swapped(plan))}
                    onCancel={() => setPlan(null)}
                    onMerged={(result) => {
                      setPlan(null);
                      onMerged(result.survivorId);
                    }}
                  />
                ) : (
                  <Group gap="xs">
                    <Button size="xs" onClick={() => setPlan(planOf(s))}>
                      {t('customerPanel.suggestions.preview')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => dismiss.mutate(s.id)} loading={dismiss.isPending && dismiss.variables === s.id}>
                      {t('customerPanel.suggestions.dismiss')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </List.Item>
          );
        })}
      </List>
      {dismiss.isError && <ProblemAlert error={dismiss.error} title={t('customerPanel.suggestions.dismissFailed')} />}
    </Stack>
  );
}
