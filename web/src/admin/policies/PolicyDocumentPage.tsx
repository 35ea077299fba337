// The rulebook's document (admins): the version in force in a JSON editor, checked against the
// server's own schema before it is sent, every problem listed by its field; saving adds a
// version (refused if someone saved meanwhile); the history, any version reopened in the editor.
import { Alert, Button, Group, JsonInput, List, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/http.ts';
import { formatDateTime } from '../../i18n/relative-time.ts';
import { useAdminAccess } from '../admin-access.ts';
import { AdminPage } from '../ui/AdminPage.tsx';
import { AdminTable } from '../ui/AdminTable.tsx';
import { serverErrors, type FieldErrors } from '../ui/form-errors.ts';
import { notifySaved } from '../ui/notify.ts';
import { EmptyState, QueryState } from '../ui/QueryState.tsx';
import { currentPolicyQuery, policyHistoryQuery, policyKeys, policyVersion, savePolicy, type PolicyVersionDto } from './policies.api.ts';
import { checkDraft, documentErrors, pretty } from './policy-draft.ts';

type Problems = { syntax: string } | { errors: FieldErrors } | { stale: true } | null;

export function PolicyDocumentPage() {
  const { t, i18n } = useTranslation();
  const access = useAdminAccess();
  const queryClient = useQueryClient();
  const current = useQuery(currentPolicyQuery);
  const history = useQuery(policyHistoryQuery);
  const [draft, setDraft] = useState('');
  const [comment, setComment] = useState('');
  const [problems, setProblems] = useState<Problems>(null);
  const [loadedFrom, setLoadedFrom] = useState<number | null>(null);

  const reset = (version: PolicyVersionDto) => {
    setDraft(pretty(version.document));
    setLoadedFrom(version.version);
    setProblems(null);
  };
  useEffect(() => {
    if (current.data && loadedFrom === null) reset(current.data);
  }, [current.data, loadedFrom]);

  const save = useMutation({
    mutationFn: (document: unknown) => savePolicy({ document, comment: comment.trim() || null, basedOnVersion: current.data!.version }),
    onSuccess: async (saved) => {
      notifySaved(t('admin.policies.saved', { version: saved.version }));
      setComment('');
      reset(saved);
      await queryClient.invalidateQueries({ queryKey: policyKeys.all });
    },
    onError: (error) => {
      if (isApiError(error, 412)) setProblems({ stale: true });
      else if (isApiError(error, 422)) setProblems({ errors: documentErrors(serverErrors(error)) });
      else setProblems({ syntax: error instanceof Error ? error.message : String(error) });
    },
  });

  const submit = () => {
    const check = checkDraft(draft, t);
    if (!check.ok) return setProblems('syntax' in check ? { syntax: check.syntax } : { errors: check.errors });
    setProblems(null);
    save.mutate(check.document);
  };

  const describe = (v: { version: number; createdAt: string | null; createdBy: { label: string } | null }) =>
    v.version === 0 || !v.createdAt ? t('admin.policies.builtIn') : t('admin.policies.version', { version: v.version, when: formatDateTime(v.createdAt, i18n.language), who: v.createdBy?.label ?? '' });

  return (
    <AdminPage title={t('admin.policies.title')} intro={t('admin.policies.intro')} readOnly={!access.manage}>
      <QueryState query={current} loading={t('admin.policies.loading')} failed={t('admin.policies.loadFailed')}>
        {(version) => (
          <Stack gap="sm">
            <Text size="sm" data-testid="policy-version">
              {describe(version)}
              {version.comment ? ` — ${version.comment}` : ''}
            </Text>
            {loadedFrom !== null && loadedFrom !== version.version && <Alert color="yellow">{t('admin.policies.editingOld', { version: loadedFrom })}</Alert>}
            <JsonInput
              label={t('admin.policies.document')}
              value={draft}
              onChange={(value) => {
                setDraft(value);
                setProblems(null);
              }}
              autosize
              minRows={18}
              maxRows={40}
              readOnly={!access.manage}
              styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
            />
            {problems && 'syntax' in problems && <Alert color="red" title={t('admin.policies.notJson')}>{problems.syntax}</Alert>}
            {problems && 'errors' in problems && (
              <Alert color="red" title={t('admin.policies.invalid')}>
                <List size="sm">
                  {Object.entries(problems.errors).map(([field, message]) => (
                    <List.Item key={field}>
                      <Text span ff="monospace" size="sm">{field === '_' ? t('admin.policies.wholeDocument') : field}</Text> : {message}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {problems && 'stale' in problems && (
              <Alert color="orange" title={t('admin.policies.stale')}>
                <Button variant="light" size="xs" onClick={() => current.refetch().then((r) => r.data && reset(r.data))}>
                  {t('admin.policies.reload')}
                </Button>
              </Alert>
            )}
            {access.manage && (
              <Group align="flex-end">
                <TextInput label={t('admin.policies.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={500} style={{ flex: 1 }} />
                <Button onClick={submit} loading={save.isPending}>
                  {t('admin.policies.save')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </QueryState>
      <Text fw={700} mt="md">
        {t('admin.policies.history')}
      </Text>
      <QueryState query={history} loading={t('admin.policies.loading')} failed={t('admin.policies.loadFailed')}>
        {(items) =>
          items.length === 0 ? (
            <EmptyState title={t('admin.policies.emptyHistory')} body={t('admin.policies.emptyHistoryBody')} />
          ) : (
            <AdminTable caption={t('admin.policies.history')} columns={[t('admin.policies.columns.version'), t('admin.policies.columns.saved'), t('admin.policies.columns.comment'), '']} minWidth={640}>
              {items.map((v) => (
                <Table.Tr key={v.version}>
                  <Table.Td>{v.version}</Table.Td>
                  <Table.Td>{describe(v)}</Table.Td>
                  <Table.Td>{v.comment ?? ''}</Table.Td>
                  <Table.Td>
                    {/* The name starts with the visible words (what a voice user says); a plain button keeps its contrast when hovered. */}
                    <Button variant="default" size="xs" onClick={() => policyVersion(v.version).then(reset)} aria-label={t('admin.policies.openVersion', { version: v.version })}>
                      {t('admin.policies.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </AdminTable>
          )
        }
      </QueryState>
    </AdminPage>
  );
}
