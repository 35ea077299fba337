// The keyboard shortcuts, opened with "?": those of the inbox and those of a case's page
// (the case page implements its own; this sheet lists them so they are learnt in one place).
import { Kbd, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { InboxDialog } from './InboxDialog.tsx';

export const inboxShortcuts = [
  ['j', 'next'],
  ['k', 'previous'],
  ['Enter', 'open'],
  ['x', 'select'],
  ['e', 'solve'],
  ['a', 'assignMe'],
  ['r', 'reply'],
  ['/', 'search'],
  ['Esc', 'clear'],
  ['?', 'sheet'],
] as const;

export const caseShortcuts = [
  ['r', 'reply'],
  ['n', 'note'],
  ['e', 'solve'],
  ['a', 'assignMe'],
  ['m', 'macro'],
  ['Esc', 'back'],
] as const;

function Keys({ title, id, keys, group }: { title: string; id: string; keys: readonly (readonly [string, string])[]; group: 'inbox' | 'case' }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h5" id={id} mb="xs">
        {title}
      </Title>
      <Table withRowBorders={false} verticalSpacing={4}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={90}>
              {t('inbox.shortcuts.key')}
            </Table.Th>
            <Table.Th scope="col">{t('inbox.shortcuts.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map(([key, action]) => (
            <Table.Tr key={key}>
              <Table.Td>
                <Kbd>{key === 'Esc' ? t('inbox.shortcuts.esc') : key === 'Enter' ? t('inbox.shortcuts.enter') : key}</Kbd>
              </Table.Td>
              <Table.Td>{t(`inbox.shortcuts.${group}.${action}` as 'inbox.shortcuts.inbox.next')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </section>
  );
}

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <InboxDialog opened onClose={onClose} title={t('inbox.shortcuts.title')} size="lg">
      <Stack gap="lg">
        <Keys title={t('inbox.shortcuts.inboxTitle')} id="shortcuts-inbox" keys={inboxShortcuts} group="inbox" />
        <Keys title={t('inbox.shortcuts.caseTitle')} id="shortcuts-case" keys={caseShortcuts} group="case" />
      </Stack>
    </InboxDialog>
  );
}
