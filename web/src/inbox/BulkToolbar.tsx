// The actions on the selected cases: assign (to me, a colleague, a team, nobody), status,
// priority, tags to add or remove, and merge. It shows only while cases are selected.
import { Button, Group, Menu, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseStatuses, priorities } from '../../../src/modules/cases/cases.contract.ts';
import type { BulkAction } from '../../../src/modules/cases/bulk.contract.ts';
import type { CaseDto } from '../api/contracts.ts';
import { useReferenceNames } from '../reference/reference.api.ts';
import { InboxDialog } from './InboxDialog.tsx';

interface BulkToolbarProps {
  selected: CaseDto[];
  busy: boolean;
  onAction: (action: BulkAction) => void;
  onMerge: () => void;
  onClear: () => void;
}

type Dialog = 'user' | 'team' | 'tags' | null;

const splitTags = (text: string) => text.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);

export function BulkToolbar({ selected, busy, onAction, onMerge, onClear }: BulkToolbarProps) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [choice, setChoice] = useState('');
  const [add, setAdd] = useState('');
  const [remove, setRemove] = useState('');
  const open = (d: Dialog) => {
    setChoice('');
    setAdd('');
    setRemove('');
    setDialog(d);
  };
  const apply = (action: BulkAction) => {
    setDialog(null);
    onAction(action);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dialog === 'user' && choice) apply({ type: 'assign', assigneeId: choice });
    if (dialog === 'team' && choice) apply({ type: 'assign', teamId: choice });
    if (dialog === 'tags' && (add.trim() || remove.trim())) apply({ type: 'tags', add: splitTags(add), remove: splitTags(remove) });
  };
  const menu = (label: string, items: { key: string; label: string; action: () => void }[]) => (
    <Menu withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" disabled={busy}>
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map((i) => (
          <Menu.Item key={i.key} onClick={i.action}>
            {i.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );

  return (
    <Paper withBorder p="xs" bg="indigo.0">
      <Group gap="xs" wrap="wrap" role="toolbar" aria-label={t('inbox.bulk.toolbar')}>
        <Text size="sm" fw={600} mr="xs">
          {t('inbox.bulk.selected', { count: selected.length })}
        </Text>
        {menu(t('inbox.bulk.assign'), [
          { key: 'me', label: t('inbox.bulk.toMe'), action: () => onAction({ type: 'assign', assigneeId: 'me' }) },
          { key: 'user', label: t('inbox.bulk.toUser'), action: () => open('user') },
          { key: 'team', label: t('inbox.bulk.toTeam'), action: () => open('team') },
          { key: 'none', label: t('inbox.bulk.unassign'), action: () => onAction({ type: 'assign', assigneeId: null }) },
        ])}
        {menu(
          t('inbox.bulk.status'),
          caseStatuses.map((s) => ({ key: s, label: t(`case.status.${s}`), action: () => onAction({ type: 'status', status: s }) })),
        )}
        {menu(
          t('inbox.bulk.priority'),
          priorities.map((p) => ({ key: p, label: t(`case.priority.${p}`), action: () => onAction({ type: 'priority', priority: p }) })),
        )}
        <Button variant="default" size="xs" disabled={busy} onClick={() => open('tags')}>
          {t('inbox.bulk.tags')}
        </Button>
        <Button variant="default" size="xs" disabled={busy || selected.length < 2} onClick={onMerge}>
          {t('inbox.bulk.merge')}
        </Button>
        <Button variant="subtle" size="xs" onClick={onClear}>
          {t('inbox.bulk.clear')}
        </Button>
      </Group>
      <InboxDialog opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? t(`inbox.bulk.dialog.${dialog}`, { count: selected.length }) : ''}>
        <form onSubmit={submit}>
          <Stack gap="sm">
            {dialog === 'user' && (
              <NativeSelect
                label={t('case.fields.assignee')}
                value={choice}
                onChange={(e) => setChoice(e.currentTarget.value)}
                data={[{ value: '', label: t('inbox.bulk.choose') }, ...names.users.filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))]}
                data-autofocus
              />
            )}
            {dialog === 'team' && (
              <NativeSelect
                label={t('case.fields.team')}
                value={choice}
                onChange={(e) => setChoice(e.currentTarget.value)}
                data={[{ value: '', label: t('inbox.bulk.choose') }, ...names.teams.map((team) => ({ value: team.id, label: team.name }))]}
                data-autofocus
              />
            )}
            {dialog === 'tags' && (
              <>
                <TextInput label={t('inbox.bulk.addTags')} description={t('inbox.bulk.tagsHint')} value={add} onChange={(e) => setAdd(e.currentTarget.value)} data-autofocus />
                <TextInput label={t('inbox.bulk.removeTags')} description={t('inbox.bulk.tagsHint')} value={remove} onChange={(e) => setRemove(e.currentTarget.value)} />
              </>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDialog(null)}>
                {t('inbox.cancel')}
              </Button>
              <Button type="submit">{t('inbox.bulk.apply')}</Button>
            </Group>
          </Stack>
        </form>
      </InboxDialog>
    </Paper>
  );
}
