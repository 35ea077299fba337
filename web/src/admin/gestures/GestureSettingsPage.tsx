// The goodwill gestures' settings (admins; managers read them): the authority limits — per role,
// and per store where an override says so, the most a user grants alone per case and per month,
// and the kinds granted without asking — and the gesture scale (tiers of customer value,
// severity × first or repeat incident → gesture). Each shown as a table, edited as JSON checked
// against the server's own schema; saving adds a version (refused if someone saved meanwhile).
import { Alert, Button, Group, JsonInput, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { authorityLimitsSchema, gestureScaleSchema, grantingRoles, severities, type AuthorityLimits, type GestureScale } from '../../../../src/modules/gestures/gestures.contract.ts';
import { isApiError } from '../../api/http.ts';
import { gestureText } from '../../cases/gestures/gesture-words.ts';
import { formatMoney } from '../../customers/orders.api.ts';
import { formatDateTime } from '../../i18n/relative-time.ts';
import { useAdminAccess } from '../admin-access.ts';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { serverErrors, type FieldErrors } from '../ui/form-errors.ts';
import { notifySaved } from '../ui/notify.ts';
import { QueryState } from '../ui/QueryState.tsx';
import { gestureSettingKeys, saveSetting, settingQuery, type SettingDocument, type SettingName } from './gestures-settings.api.ts';
import { checkSettingDraft } from './setting-draft.ts';

type Problems = { syntax: string } | { errors: FieldErrors } | { stale: true } | null;

export function GestureSettingsPage() {
  const { t } = useTranslation();
  return (
    <AdminPage title={t('admin.gestures.title')} intro={t('admin.gestures.intro')} readOnly={!useAdminAccess().manage}>
      <SettingEditor name="limits" schema={authorityLimitsSchema} summary={(d) => <LimitsTable limits={d} />} />
      <SettingEditor name="scale" schema={gestureScaleSchema} summary={(d) => <ScaleTable scale={d} />} />
    </AdminPage>
  );
}

function SettingEditor<N extends SettingName>({ name, schema, summary }: { name: N; schema: z.ZodType; summary: (document: SettingDocument[N]) => ReactNode }) {
  const { t, i18n } = useTranslation();
  const access = useAdminAccess();
  const queryClient = useQueryClient();
  const current = useQuery(settingQuery(name));
  const [draft, setDraft] = useState('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Problems>(null);
  const [loaded, setLoaded] = useState(false);
  const reset = (document: unknown) => {
    setDraft(JSON.stringify(document, null, 2));
    setProblems(null);
    setLoaded(true);
  };
  useEffect(() => {
    if (current.data && !loaded) reset(current.data.document);
  }, [current.data, loaded]);
  const save = useMutation({
    mutationFn: (document: unknown) => saveSetting(name, { document, comment: comment.trim() || null, basedOnVersion: current.data!.version }),
    onSuccess: async (saved) => {
      notifySaved(t('admin.gestures.saved', { version: saved.version }));
      setComment('');
      reset(saved.document);
      await queryClient.invalidateQueries({ queryKey: gestureSettingKeys.one(name) });
    },
    onError: (error) => {
      if (isApiError(error, 412)) setProblems({ stale: true });
      else if (isApiError(error, 422)) setProblems({ errors: Object.fromEntries(Object.entries(serverErrors(error)).map(([f, m]) => [f.replace(/^body\.document\.?|^document\.?/, '') || '_', m])) });
      else setProblems({ syntax: error instanceof Error ? error.message : String(error) });
    },
  });
  const submit = () => {
    const check = checkSettingDraft(draft, schema, t);
    if (!check.ok) return setProblems('syntax' in check ? { syntax: check.syntax } : { errors: check.errors });
    setProblems(null);
    save.mutate(check.document);
  };
  const titleId = `gesture-setting-${name}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId} data-testid={`gesture-setting-${name}`}>
      <Title order={3} size="h4" id={titleId}>
        {t(`admin.gestures.${name}.title`)}
      </Title>
      <Text size="sm" c="dimmed">
        {t(`admin.gestures.${name}.intro`)}
      </Text>
      <QueryState query={current} loading={t('admin.gestures.loading')} failed={t('admin.gestures.loadFailed')}>
        {(version) => (
          <Stack gap="sm">
            <Text size="sm">
              {version.version === 0 || !version.createdAt
                ? t('admin.gestures.builtIn')
                : t('admin.gestures.version', { version: version.version, when: formatDateTime(version.createdAt, i18n.language), who: version.createdBy?.label ?? '' })}
              {version.comment ? ` — ${version.comment}` : ''}
            </Text>
            {summary(version.document as SettingDocument[N])}
            <JsonInput
              label={t('admin.gestures.document')}
              value={draft}
              onChange={(value) => {
                setDraft(value);
                setProblems(null);
              }}
              autosize
              minRows={10}
              maxRows={30}
              readOnly={!access.manage}
              styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
            />
            {problems && 'syntax' in problems && <Alert color="red" title={t('admin.gestures.notJson')}>{problems.syntax}</Alert>}
            {problems && 'errors' in problems && (
              <Alert color="red" title={t('admin.gestures.invalid')}>
                <List size="sm">
                  {Object.entries(problems.errors).map(([field, message]) => (
                    <List.Item key={field}>
                      <Text span ff="monospace" size="sm">
                        {field === '_' ? t('admin.gestures.wholeDocument') : field}
                      </Text>{' '}
                      : {message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {problems && 'stale' in problems && (
              <Alert color="orange" title={t('admin.gestures.stale')}>
                <Button variant="light" size="xs" onClick={() => current.refetch().then((r) => r.data && reset(r.data.document))}>
                  {t('admin.gestures.reload')}
                </Button>
              </Alert>
            )}
            {access.manage && (
              <Group align="flex-end">
                <TextInput label={t('admin.gestures.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={500} style={{ flex: 1 }} />
                <Button onClick={submit} loading={save.isPending}>
                  {t(`admin.gestures.${name}.save`)}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function LimitsTable({ limits }: { limits: AuthorityLimits }) {
  const { t, i18n } = useTranslation();
  const money = (v: number | null) => (v === null ? t('admin.gestures.limits.unlimited') : formatMoney(v, limits.currency, i18n.language));
  return (
    <AdminTable caption={t('admin.gestures.limits.caption')} columns={[t('admin.gestures.limits.role'), t('admin.gestures.limits.perCase'), t('admin.gestures.limits.perMonth'), t('admin.gestures.limits.kinds')]} minWidth={640}>
      {grantingRoles.map((role) => {
        const r = limits.roles[role];
        return (
          <Table.Tr key={role}>
            <Table.Td>{t(`admin.users.roles.${role}`)}</Table.Td>
            <Table.Td>{money(r.perCase)}</Table.Td>
            <Table.Td>{money(r.perMonth)}</Table.Td>
            <Table.Td>
              {Object.entries(r.kinds)
                .map(([kind, rule]) => (rule?.max === null || rule === undefined ? t(`gestures.kind.${kind as 'voucher'}`) : `${t(`gestures.kind.${kind as 'voucher'}`)} ≤ ${money(rule.max)}`))
                .join(', ')}
            </Table.Td>
          </Table.Tr>
        );
      })}
    </AdminTable>
  );
}

function ScaleTable({ scale }: { scale: GestureScale }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  // An express delivery's price is the scale's own, not the cell's.
  const cellText = (cell: GestureScale['grid'][string]['minor']['first']) =>
    gestureText({ ...cell, amount: cell.kind === 'express_delivery' ? scale.expressDeliveryCost : cell.amount }, scale.currency, t, i18n.language);
  return (
    <AdminTable
      caption={t('admin.gestures.scale.caption', { months: scale.repeatWithinMonths })}
      columns={[t('admin.gestures.scale.tier'), ...severities.flatMap((s) => [t('admin.gestures.scale.first', { severity: t(`gestures.severity.${s}`) }), t('admin.gestures.scale.repeat', { severity: t(`gestures.severity.${s}`) })])]}
      minWidth={900}
    >
      {scale.tiers.map((tier) => (
        <Table.Tr key={tier.key}>
          <Table.Td>
            {tier.label[language]} ({t('admin.gestures.scale.from', { value: formatMoney(tier.minLifetimeValue, scale.currency, i18n.language) })})
          </Table.Td>
          {severities.flatMap((s) =>
            (['first', 'repeat'] as const).map((r) => <Table.Td key={`${s}-${r}`}>{cellText(scale.grid[tier.key]![s][r])}</Table.Td>),
          )}
        </Table.Tr>
      ))}
    </AdminTable>
  );
}
