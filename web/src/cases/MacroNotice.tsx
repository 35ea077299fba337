// Under the reply: which macro the text came from and what sending will also change
// (status, step, tags), with a way to send the text without those changes.
import { Alert, Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, MacroDto } from '../api/contracts.ts';
import { useReferenceNames } from '../reference/reference.api.ts';

export function MacroNotice({ macro, onDrop }: { macro: MacroDto; onDrop: () => void }) {
  const { t } = useTranslation();
  const names = useReferenceNames();
  const a = macro.actions;
  const parts = [
    ...(a.status ? [t('workspace.macros.actionStatus', { status: t(`case.status.${a.status as CaseStatus}`) })] : []),
    ...(a.step ? [t('workspace.macros.actionStep', { step: names.step(a.step) ?? a.step })] : []),
    ...(a.addTags?.length ? [t('workspace.macros.actionTags', { tags: a.addTags.join(', ') })] : []),
  ];
  return (
    <Alert variant="light" color="indigo" title={t('workspace.macros.used', { name: macro.name })} data-macro={macro.id}>
      <Text size="sm">{parts.length ? t('workspace.macros.onSend', { changes: parts.join(' ; ') }) : t('workspace.macros.noActions')}</Text>
      {parts.length > 0 && (
        <Button size="compact-xs" variant="subtle" mt={4} onClick={onDrop}>
          {t('workspace.macros.dropActions')}
        </Button>
      )}
    </Alert>
  );
}
