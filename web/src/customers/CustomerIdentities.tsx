// The customer's identities on every channel (e-mail, phone, social handles, external ids),
// with the means to add one or take one away. An identity another customer already owns is
// refused by the server (409, naming that customer): the panel then offers to merge the two.
import { ActionIcon, Button, Group, List, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { identityKinds, type IdentityKind } from '../../../src/modules/customers/customers.contract.ts';
import { isApiError } from '../api/http.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { addIdentity, refreshCustomers, removeIdentity, type CustomerDetail, type Identity } from './customers.api.ts';

interface Props {
  customer: CustomerDetail;
  canEdit: boolean;
  level: 2 | 3;
  /** The identity is another customer's: the panel offers to merge with them. */
  onOwnedByOther: (customerId: string) => void;
}

/** The id of the customer a refused identity belongs to (the 409's existingCustomerId). */
function ownerOf(error: unknown): string | null {
  if (!isApiError(error, 409)) return null;
  const owner = (error.problem as unknown as Record<string, unknown>).existingCustomerId;
  return typeof owner === 'string' ? owner : null;
}

export function CustomerIdentities({ customer, canEdit, level, onOwnedByOther }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<IdentityKind>('email');
  const [value, setValue] = useState('');
  const [system, setSystem] = useState('');

  const add = useMutation({
    mutationFn: () => addIdentity(customer.id, { kind, value, ...(kind === 'external' ? { system } : {}) }),
    onSuccess: async () => {
      setValue('');
      setSystem('');
      await refreshCustomers(queryClient);
    },
  });
  const remove = useMutation({
    mutationFn: (identity: Identity) => removeIdentity(customer.id, identity.id),
    onSuccess: () => refreshCustomers(queryClient),
  });
  const owner = ownerOf(add.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value.trim()) add.mutate();
  };
  const label = (i: Identity) => (i.kind === 'external' && i.system ? t('customerPanel.identities.externalIn', { system: i.system }) : t(`customerPanel.identities.kind.${i.kind}`));

  return (
    <Stack gap="xs" component="section" aria-labelledby={`identities-${customer.id}`}>
      <Title order={level} size="h5" id={`identities-${customer.id}`}>
        {t('customerPanel.identities.title')}
      </Title>
      {customer.identities.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customerPanel.identities.none')}
        </Text>
      ) : (
        <List listStyleType="none" spacing={4} data-testid="customer-identities">
          {customer.identities.map((i) => (
            <List.Item key={i.id}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  <Text span size="xs" fw={700} c="dimmed" tt="uppercase" mr={6}>
                    {label(i)}
                  </Text>
                  {i.displayValue}
                </Text>
                {canEdit && (
                  <ActionIcon
                    variant="subtle"
                    color="red.8"
                    size="lg"
                    onClick={() => remove.mutate(i)}
                    loading={remove.isPending && remove.variables?.id === i.id}
                    aria-label={t('customerPanel.identities.remove', { identity: i.displayValue })}
                  >
                    <span aria-hidden>×</span>
                  </ActionIcon>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      )}
      {remove.isError && <ProblemAlert error={remove.error} title={t('customerPanel.identities.removeFailed')} />}
      {canEdit && (
        <form onSubmit={submit} aria-label={t('customerPanel.identities.addTitle')}>
          <Stack gap="xs">
            <Group gap="xs" align="flex-end" wrap="wrap">
              <NativeSelect
                label={t('customerPanel.identities.kindLabel')}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value as IdentityKind)}
                data={identityKinds.map((k) => ({ value: k, label: t(`customerPanel.identities.kind.${k}`) }))}
                w={150}
              />
              {kind === 'external' && (
                <TextInput label={t('customerPanel.identities.system')} value={system} onChange={(e) => setSystem(e.currentTarget.value)} w={120} required />
              )}
              <TextInput
                label={t('customerPanel.identities.value')}
                value={value}
                onChange={(e) => setValue(e.currentTarget.value)}
                style={{ flex: '1 1 10rem' }}
              />
              <Button type="submit" variant="outline" loading={add.isPending}>
                {t('customerPanel.identities.add')}
              </Button>
            </Group>
            {add.isError && (
              <ProblemAlert error={add.error} title={t('customerPanel.identities.addFailed')}>
                {owner && (
                  <Button size="xs" mt="xs" variant="outline" onClick={() => onOwnedByOther(owner)}>
                    {t('customerPanel.identities.mergeWithOwner')}
                  </Button>
                )}
              </ProblemAlert>
            )}
          </Stack>
        </form>
      )}
    </Stack>
  );
}
