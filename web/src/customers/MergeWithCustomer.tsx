// Merging by hand: the agent knows two records are one person (a customer who wrote from a
// new address, called from another phone). Search the other record, preview, confirm.
import { Button, List, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../ui/LoadingState.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { customerQuery, customerSearchQuery, type CustomerDetail } from './customers.api.ts';
import { MergePreview, swapped, type MergePlan } from './MergePreview.tsx';

interface Props {
  customer: CustomerDetail;
  level: 2 | 3;
  /** A record to merge with, chosen elsewhere (the owner of a refused identity). */
  proposedId: string | null;
  onMerged: (survivorId: string) => void;
  onClose: () => void;
}

export function MergeWithCustomer({ customer, level, proposedId, onMerged, onClose }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const [plan, setPlan] = useState<MergePlan | null>(null);
  const results = useQuery({ ...customerSearchQuery(debounced), enabled: open && debounced.length >= 2 });
  const proposed = useQuery({ ...customerQuery(proposedId ?? ''), enabled: !!proposedId && !plan });
  const self = { id: customer.id, displayName: customer.displayName };
  const chosen = plan ?? (proposed.data ? { survivor: self, source: { id: proposed.data.id, displayName: proposed.data.displayName } } : null);

  const close = () => {
    setPlan(null);
    setOpen(false);
    setQ('');
    onClose();
  };

  if (!open && !chosen) {
    return (
      <Button size="xs" variant="subtle" onClick={() => setOpen(true)} style={{ alignSelf: 'flex-start' }}>
        {t('customerPanel.manualMerge.open')}
      </Button>
    );
  }
  const others = (results.data ?? []).filter((c) => c.id !== customer.id && !c.mergedIntoId);
  return (
    <Stack gap="xs" component="section" aria-labelledby={`manual-merge-${customer.id}`}>
      <Title order={level} size="h5" id={`manual-merge-${customer.id}`}>
        {t('customerPanel.manualMerge.title')}
      </Title>
      {chosen ? (
        <MergePreview
          plan={chosen}
          onSwap={() => setPlan(swapped(chosen))}
          onCancel={close}
          onMerged={(result) => {
            close();
            onMerged(result.survivorId);
          }}
        />
      ) : (
        <>
          <TextInput
            label={t('customerPanel.manualMerge.search')}
            description={t('customerPanel.manualMerge.searchHint')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            data-autofocus
            autoFocus
          />
          {results.isFetching && <LoadingState label={t('customerPanel.manualMerge.searching')} size="sm" />}
          {results.isError && <ProblemAlert error={results.error} title={t('customerPanel.manualMerge.searchFailed')} />}
          {results.isSuccess && debounced.length >= 2 && others.length === 0 && (
            <Text size="sm" c="dimmed" role="status">
              {t('customerPanel.manualMerge.noResult')}
            </Text>
          )}
          {others.length > 0 && (
            <List listStyleType="none" spacing={4} aria-label={t('customerPanel.manualMerge.results')}>
              {others.map((c) => (
                <List.Item key={c.id}>
                  <UnstyledButton
                    onClick={() => setPlan({ survivor: self, source: { id: c.id, displayName: c.displayName } })}
                    p={6}
                    style={{ borderRadius: 4, display: 'block', width: '100%' }}
                    className="mantine-focus-auto"
                  >
                    <Text size="sm" fw={600}>
                      {c.displayName}
                    </Text>
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {c.identities.map((i) => i.displayValue).join(' · ') || t('customerPanel.identities.none')}
                    </Text>
                  </UnstyledButton>
                </List.Item>
              ))}
            </List>
          )}
          <Button size="xs" variant="subtle" onClick={close} style={{ alignSelf: 'flex-start' }}>
            {t('customerPanel.merge.cancel')}
          </Button>
        </>
      )}
    </Stack>
  );
}
