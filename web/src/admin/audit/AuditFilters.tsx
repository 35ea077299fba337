// The audit log's filters: an action or a whole category of them, what it concerns (and which
// one, by id), who did it, and the days between which it happened (the browser's days).
import { Button, Group, NativeSelect, Paper, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/contracts.ts';
import { auditActions, auditSubjects } from './audit-words.ts';

export interface AuditFilterValues {
  action: string;
  targetType: string;
  targetId: string;
  actorUserId: string;
  from: string;
  to: string;
}

export const noFilters: AuditFilterValues = { action: '', targetType: '', targetId: '', actorUserId: '', from: '', to: '' };

const categories = ['auth', 'user', 'token', 'brand', 'store', 'team', 'calendar', 'sla_policy', 'template', 'channel_account', 'reasons', 'steps', 'customer', 'case', 'phone'] as const;

interface AuditFiltersProps {
  values: AuditFilterValues;
  onChange: (values: AuditFilterValues) => void;
  users: User[];
}

export function AuditFilters({ values, onChange, users }: AuditFiltersProps) {
  const { t } = useTranslation();
  const set = (changes: Partial<AuditFilterValues>) => onChange({ ...values, ...changes });
  const filtered = Object.values(values).some(Boolean);
  return (
    <Paper withBorder p="md" role="search" aria-label={t('admin.audit.filters')}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('admin.audit.action')}
          value={values.action}
          onChange={(e) => set({ action: e.currentTarget.value })}
          data={[
            { value: '', label: t('admin.audit.anyAction') },
            { group: t('admin.audit.groupCategories'), items: categories.map((c) => ({ value: `${c}.`, label: t(`admin.audit.categories.${c}`) })) },
            { group: t('admin.audit.groupActions'), items: auditActions.map((a) => ({ value: a, label: a })) },
          ]}
        />
        <NativeSelect
          label={t('admin.audit.subject')}
          value={values.targetType}
          onChange={(e) => set({ targetType: e.currentTarget.value })}
          data={[{ value: '', label: t('admin.audit.anySubject') }, ...auditSubjects.map((s) => ({ value: s, label: t(`admin.audit.subjects.${s}`) }))]}
        />
        <TextInput label={t('admin.audit.targetId')} value={values.targetId} onChange={(e) => set({ targetId: e.currentTarget.value.trim() })} w={200} />
        <NativeSelect
          label={t('admin.audit.actor')}
          value={values.actorUserId}
          onChange={(e) => set({ actorUserId: e.currentTarget.value })}
          data={[{ value: '', label: t('admin.audit.anyActor') }, ...users.map((u) => ({ value: u.id, label: u.name }))]}
        />
        <TextInput type="date" label={t('admin.audit.from')} value={values.from} onChange={(e) => set({ from: e.currentTarget.value })} />
        <TextInput type="date" label={t('admin.audit.to')} value={values.to} onChange={(e) => set({ to: e.currentTarget.value })} />
        {filtered && (
          <Button variant="subtle" onClick={() => onChange(noFilters)}>
            {t('admin.audit.reset')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
