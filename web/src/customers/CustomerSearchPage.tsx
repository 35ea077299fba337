// Finding a customer (/customers?q=…): by name, e-mail, phone number or handle, fuzzy and
// accent-insensitive (the server's search). Each result leads to the customer's page.
import { Button, Group, Paper, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from '../ui/LoadingState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { RouterAnchor } from '../ui/RouterAnchor.tsx';
import { customerSearchQuery } from './customers.api.ts';

const route = getRouteApi('/signed-in/customers');

export function CustomerSearchPage() {
  const { t } = useTranslation();
  const { q = '' } = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(q);
  const results = useQuery({ ...customerSearchQuery(q), placeholderData: keepPreviousData });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void navigate({ search: text.trim() ? { q: text.trim() } : {}, replace: true });
  };

  return (
    <Stack gap="md">
      <PageHeading>{t('customerPanel.search.title')}</PageHeading>
      <Paper withBorder p="md">
        <form onSubmit={submit} role="search">
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('customerPanel.search.label')}
              description={t('customerPanel.search.hint')}
              type="search"
              name="q"
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              style={{ flex: '1 1 16rem' }}
            />
            <Button type="submit">{t('customerPanel.search.submit')}</Button>
          </Group>
        </form>
      </Paper>
      {!q ? (
        <Text size="sm" c="dimmed">
          {t('customerPanel.search.prompt')}
        </Text>
      ) : results.isPending ? (
        <LoadingState label={t('customerPanel.search.loading')} />
      ) : results.isError ? (
        <ProblemAlert error={results.error} title={t('customerPanel.search.failed')} onRetry={() => void results.refetch()} />
      ) : results.data.length === 0 ? (
        <Paper withBorder p="xl">
          <Text fw={600} ta="center" role="status">
            {t('customerPanel.search.empty', { q })}
          </Text>
        </Paper>
      ) : (
        <Paper withBorder>
          <Text size="sm" c="dimmed" role="status" px="md" pt="sm">
            {t('customerPanel.search.count', { count: results.data.length })}
          </Text>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="sm">
              <caption>
                <VisuallyHidden>{t('customerPanel.search.caption')}</VisuallyHidden>
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('customerPanel.search.name')}</Table.Th>
                  <Table.Th scope="col">{t('customerPanel.identities.title')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {results.data.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <RouterAnchor to="/customers/$customerId" params={{ customerId: c.id }} fw={600}>
                        {c.displayName}
                      </RouterAnchor>
                      {c.company && (
                        <Text size="xs" c="dimmed">
                          {c.company}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {c.identities.map((i) => i.displayValue).join(' · ') || t('customerPanel.identities.none')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
