// Writing one macro: its name, who sees it, its French and English texts with the
// variables it may use, the actions applied when a reply is sent with it, and a live
// preview of both texts (rendered by the server, as agents will get them).
import { Badge, Button, Code, Grid, Group, NativeSelect, Paper, SegmentedControl, Stack, Switch, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { macroVariables } from '../../../src/modules/automation/macros.contract.ts';
import { caseStatuses } from '../../../src/modules/cases/cases.contract.ts';
import type { CaseStatus, MacroActions, MacroDto } from '../api/contracts.ts';
import { workspaceKeys } from '../cases/workspace.api.ts';
import { referenceLabel, useReferenceNames } from '../reference/reference.api.ts';
import { LoadingState } from '../ui/LoadingState.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { createMacro, deleteMacro, previewQuery, updateMacro } from './macros.api.ts';

interface Form {
  name: string;
  bodyFr: string;
  bodyEn: string;
  scope: 'shared' | 'personal';
  active: boolean;
  status: string;
  step: string;
  addTags: string[];
}

const formOf = (m: MacroDto | null): Form => ({
  name: m?.name ?? '',
  bodyFr: m?.bodyFr ?? '',
  bodyEn: m?.bodyEn ?? '',
  scope: m?.scope ?? 'shared',
  active: m?.active ?? true,
  status: m?.actions.status ?? '',
  step: m?.actions.step ?? '',
  addTags: m?.actions.addTags ?? [],
});

const PREVIEW_DELAY_MS = 400;

export function MacroEditor({ macro, onDone }: { macro: MacroDto | null; onDone: (saved: MacroDto | null) => void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const names = useReferenceNames();
  const [form, setForm] = useState<Form>(() => formOf(macro));
  const set = (changes: Partial<Form>) => setForm((f) => ({ ...f, ...changes }));
  const [texts] = useDebouncedValue({ bodyFr: form.bodyFr, bodyEn: form.bodyEn }, PREVIEW_DELAY_MS);
  const preview = useQuery(previewQuery(texts));

  const actions: MacroActions = {
    ...(form.status ? { status: form.status as CaseStatus } : {}),
    ...(form.step ? { step: form.step } : {}),
    ...(form.addTags.length ? { addTags: form.addTags } : {}),
  };
  const saved = () => void queryClient.invalidateQueries({ queryKey: workspaceKeys.macros });
  const save = useMutation({
    mutationFn: () => {
      const common = { name: form.name, bodyFr: form.bodyFr, bodyEn: form.bodyEn, actions, active: form.active };
      return macro ? updateMacro(macro.id, common) : createMacro({ ...common, scope: form.scope });
    },
    onSuccess: (m) => {
      saved();
      onDone(m);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteMacro(macro!.id),
    onSuccess: () => {
      saved();
      onDone(null);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <Paper component="section" withBorder p="md" aria-labelledby="macro-editor-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="macro-editor-title">
            {macro ? t('workspace.macroAdmin.editTitle', { name: macro.name }) : t('workspace.macroAdmin.newTitle')}
          </Title>
          <TextInput label={t('workspace.macroAdmin.name')} value={form.name} onChange={(e) => set({ name: e.currentTarget.value })} required maxLength={120} />
          <Group gap="lg" wrap="wrap">
            {!macro && (
              <SegmentedControl
                aria-label={t('workspace.macroAdmin.scope')}
                value={form.scope}
                onChange={(v) => set({ scope: v === 'personal' ? 'personal' : 'shared' })}
                data={[
                  { value: 'shared', label: t('workspace.macroAdmin.shared') },
                  { value: 'personal', label: t('workspace.macroAdmin.personal') },
                ]}
              />
            )}
            <Switch label={t('workspace.macroAdmin.active')} checked={form.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
          </Group>
          <Text size="xs" c="dimmed">
            {t('workspace.macroAdmin.variables')}{' '}
            {macroVariables.map((v) => (
              <Code key={v} mr={4}>{`{{${v}}}`}</Code>
            ))}
          </Text>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Textarea label={t('workspace.macroAdmin.bodyFr')} value={form.bodyFr} onChange={(e) => set({ bodyFr: e.currentTarget.value })} autosize minRows={5} required lang="fr" />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              <Textarea label={t('workspace.macroAdmin.bodyEn')} value={form.bodyEn} onChange={(e) => set({ bodyEn: e.currentTarget.value })} autosize minRows={5} required lang="en" />
            </Grid.Col>
          </Grid>
          <section aria-labelledby="macro-preview-title">
            <Title order={3} size="h5" id="macro-preview-title" mb={4}>
              {t('workspace.macroAdmin.preview')}
            </Title>
            {preview.isError ? (
              <ProblemAlert error={preview.error} title={t('workspace.macroAdmin.previewFailed')} />
            ) : preview.isFetching && !preview.data ? (
              <LoadingState size="sm" label={t('workspace.macroAdmin.previewLoading')} />
            ) : preview.data ? (
              <Grid>
                {(['fr', 'en'] as const).map((lang) => (
                  <Grid.Col key={lang} span={{ base: 12, lg: 6 }}>
                    <Paper withBorder p="sm" bg="gray.0" data-preview={lang} lang={lang}>
                      <Badge size="xs" variant="light" mb={4}>
                        {t(`workspace.macroAdmin.lang.${lang}`)}
                      </Badge>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {preview.data[lang]}
                      </Text>
                    </Paper>
                  </Grid.Col>
                ))}
              </Grid>
            ) : (
              <Text size="sm" c="dimmed">
                {t('workspace.macroAdmin.previewEmpty')}
              </Text>
            )}
          </section>
          <Title order={3} size="h5">
            {t('workspace.macroAdmin.actions')}
          </Title>
          <Group grow wrap="wrap" align="flex-start">
            <NativeSelect
              label={t('workspace.macroAdmin.setStatus')}
              value={form.status}
              onChange={(e) => set({ status: e.currentTarget.value })}
              data={[{ value: '', label: t('workspace.macroAdmin.unchanged') }, ...caseStatuses.filter((s) => s !== 'new').map((s) => ({ value: s, label: t(`case.status.${s}`) }))]}
            />
            <NativeSelect
              label={t('workspace.macroAdmin.setStep')}
              value={form.step}
              onChange={(e) => set({ step: e.currentTarget.value })}
              data={[{ value: '', label: t('workspace.macroAdmin.unchanged') }, ...names.steps.filter((s) => s.active || s.key === form.step).map((s) => ({ value: s.key, label: referenceLabel(s, i18n.language) }))]}
            />
          </Group>
          <TagsInput label={t('workspace.macroAdmin.addTags')} description={t('workspace.macroAdmin.addTagsHint')} value={form.addTags} onChange={(v) => set({ addTags: v })} maxTags={10} />
          {save.isError && <ProblemAlert error={save.error} title={t('workspace.macroAdmin.saveFailed')} />}
          {remove.isError && <ProblemAlert error={remove.error} title={t('workspace.macroAdmin.deleteFailed')} />}
          <Group justify="space-between">
            <Group gap="xs">
              <Button type="submit" loading={save.isPending}>
                {t('workspace.macroAdmin.save')}
              </Button>
              <Button variant="default" onClick={() => onDone(macro)}>
                {t('workspace.macroAdmin.cancel')}
              </Button>
            </Group>
            {macro && (
              <Button color="red" variant="light" onClick={() => window.confirm(t('workspace.macroAdmin.confirmDelete', { name: macro.name })) && remove.mutate()} loading={remove.isPending}>
                {t('workspace.macroAdmin.delete')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
