// The cases related to this one — linked by agents, merged into it, split from it — with
// their number, subject and status; agents link another by its number or words (the inbox's
// search) and remove the links they made (merge and split links stay).
import { Button, CloseButton, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { manualLinkKinds } from '../../../../src/modules/collab/collab.contract.ts';
import type { CaseDto } from '../../api/contracts.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { RouterAnchor } from '../../ui/RouterAnchor.tsx';
import { StatusBadge } from '../CaseBadges.tsx';
import { caseKeys } from '../cases.keys.ts';
import { addLink, linksQuery, removeLink, searchCases, type LinkDto } from './collab.api.ts';

type ManualKind = (typeof manualLinkKinds)[number];

function useLinkChanged(caseId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: caseKeys.detail(caseId) });
    void queryClient.invalidateQueries({ queryKey: caseKeys.events(caseId) });
  };
}

function LinkItem({ caseId, link, canWrite }: { caseId: string; link: LinkDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const changed = useLinkChanged(caseId);
  const remove = useMutation({ mutationFn: () => removeLink(caseId, link.id), onSuccess: changed });
  return (
    <Stack component="li" gap={4} data-link-relation={link.relation}>
      <Group gap="xs" justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="wrap">
          <Text span size="xs" fw={700} c="dimmed">
            {t(`collab.links.relation.${link.relation}`)}
          </Text>
          <RouterAnchor to="/cases/$caseId" params={{ caseId: link.case.id }} size="sm" fw={700} ff="monospace">
            {link.case.number}
          </RouterAnchor>
          <StatusBadge status={link.case.status} />
        </Group>
        {canWrite && link.removable && (
          <CloseButton size="sm" aria-label={t('collab.links.remove', { number: link.case.number })} onClick={() => remove.mutate()} disabled={remove.isPending} />
        )}
      </Group>
      <Text size="sm" lineClamp={2}>
        {link.case.subject}
      </Text>
      {remove.isError && <ProblemAlert error={remove.error} title={t('collab.links.removeFailed')} />}
    </Stack>
  );
}

function LinkCaseForm({ c, linked }: { c: CaseDto; linked: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const changed = useLinkChanged(c.id);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<ManualKind>('related');
  const [asked, setAsked] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const found = useQuery({ queryKey: ['collab', 'link-search', asked], queryFn: ({ signal }) => searchCases(asked!, signal), enabled: !!asked });
  const link = useMutation({
    mutationFn: (target: CaseDto) => addLink(c.id, { caseId: target.id, kind }),
    onSuccess: (created) => {
      setDone(t('collab.links.linked', { number: created.case.number }));
      setAsked(null);
      setText('');
      changed();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    if (text.trim()) setAsked(text.trim());
  };
  const results = (found.data?.items ?? []).filter((x) => x.id !== c.id && !linked.has(x.id));
  return (
    <Stack gap="xs" component="form" onSubmit={submit} aria-labelledby="link-case-title">
      <Title order={3} size="h6" id="link-case-title">
        {t('collab.links.add')}
      </Title>
      <TextInput label={t('collab.links.searchLabel')} value={text} onChange={(e) => setText(e.currentTarget.value)} />
      <NativeSelect label={t('collab.links.kindLabel')} value={kind} onChange={(e) => setKind(e.currentTarget.value as ManualKind)} data={manualLinkKinds.map((k) => ({ value: k, label: t(`collab.links.kind.${k}`) }))} />
      <Button type="submit" variant="default" disabled={!text.trim()} loading={found.isFetching}>
        {t('collab.links.search')}
      </Button>
      <Text size="sm" c="teal.9" role="status">
        {done ?? ''}
      </Text>
      {found.isError && <ProblemAlert error={found.error} title={t('collab.links.searchFailed')} onRetry={() => void found.refetch()} />}
      {link.isError && <ProblemAlert error={link.error} title={t('collab.links.linkFailed')} />}
      {asked && found.isSuccess && (
        <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('collab.links.results')}>
          {results.length === 0 && (
            <Text component="li" size="sm" c="dimmed">
              {t('collab.links.noResult')}
            </Text>
          )}
          {results.map((r) => (
            <Group component="li" key={r.id} gap="xs" justify="space-between" wrap="nowrap">
              <Text size="sm" truncate>
                <Text span ff="monospace" fw={700} size="sm">
                  {r.number}
                </Text>{' '}
                {r.subject}
              </Text>
              <Button size="compact-sm" onClick={() => link.mutate(r)} loading={link.isPending && link.variables?.id === r.id} aria-label={t('collab.links.link', { number: r.number })}>
                {t('collab.links.linkShort')}
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

export function LinkedCases({ c, canWrite }: { c: CaseDto; canWrite: boolean }) {
  const { t } = useTranslation();
  const links = useQuery(linksQuery(c.id));
  const items = links.data ?? [];
  return (
    <Stack gap="sm">
      <Title order={3} size="h5" id="linked-cases-title">
        {t('collab.links.title')}
      </Title>
      {links.isPending ? (
        <LoadingState size="sm" label={t('collab.links.loading')} />
      ) : links.isError ? (
        <ProblemAlert error={links.error} title={t('collab.links.loadFailed')} onRetry={() => void links.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('collab.links.empty')}
        </Text>
      ) : (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="linked-cases-title">
          {items.map((link) => (
            <LinkItem key={link.id} caseId={c.id} link={link} canWrite={canWrite} />
          ))}
        </Stack>
      )}
      {canWrite && <LinkCaseForm c={c} linked={new Set(items.map((l) => l.case.id))} />}
    </Stack>
  );
}
