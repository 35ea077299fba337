// The case's "goodwill gesture" panel: the scale's suggestion and its reason, the facts it was
// read from (the severity the agent may change), the latitude the reader has left, a form to
// grant a gesture (within the latitude at once, beyond it as a request to a manager), the
// gestures granted with their voucher codes and Shopify push, and the requests waiting — with
// approve and refuse for the managers who may decide them.
import { Button, Group, List, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { gestureKinds, severities, type GestureKind, type Severity } from '../../../../src/modules/gestures/gestures.contract.ts';
import type { CaseDto } from '../../api/contracts.ts';
import { newIdempotencyKey } from '../../api/http.ts';
import { sessionQuery } from '../../auth/session.ts';
import { ToneBadge } from '../../admin/ui/ToneBadge.tsx';
import { formatMoney } from '../../customers/orders.api.ts';
import { notify } from '../../ui/notify.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { ApprovalCard } from './ApprovalCard.tsx';
import { gesturePanelQuery, grantGesture, refreshGestures, setSeverity, type GesturePanelDto, type GrantInput } from './gestures.api.ts';
import { gestureText } from './gesture-words.ts';

const withAmount: readonly GestureKind[] = ['voucher', 'upgrade', 'refund', 'exchange'];
const pushTone = { none: 'neutral', pending: 'warning', pushed: 'positive', failed: 'negative' } as const;

/** The currency's minor units of a decimal amount typed in the form. */
function minorOf(value: number, currency: string): number {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(value * 10 ** digits);
}

export function GesturePanel({ c }: { c: CaseDto }) {
  const { t } = useTranslation();
  const panel = useQuery(gesturePanelQuery(c.id));
  const titleId = `gestures-${c.id}`;
  return (
    <Paper component="section" withBorder p="md" aria-labelledby={titleId} data-testid="gesture-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {t('gestures.title')}
        </Title>
        {panel.isPending && <LoadingState size="sm" label={t('gestures.loading')} />}
        {panel.isError && <ProblemAlert error={panel.error} title={t('gestures.loadFailed')} onRetry={() => void panel.refetch()} />}
        {panel.isSuccess && <PanelBody c={c} p={panel.data} />}
      </Stack>
    </Paper>
  );
}

function PanelBody({ c, p }: { c: CaseDto; p: GesturePanelDto }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useQuery(sessionQuery);
  const language = i18n.language.startsWith('en') ? 'en' : 'fr';
  const currency = p.latitude.currency;
  const writable = c.access === 'full';
  const money = (amount: number | null) => (amount === null ? t('gestures.latitude.unlimited') : formatMoney(amount, currency, i18n.language));
  const severity = useMutation({ mutationFn: (s: Severity) => setSeverity(c.id, s), onSuccess: () => refreshGestures(queryClient, c.id) });
  const suggestion = p.suggestion.recommendation;
  const pending = p.approvals.filter((a) => a.status === 'pending');
  return (
    <Stack gap="sm">
      <Stack gap={4} data-testid="gesture-suggestion">
        <Text size="sm" fw={700}>
          {t('gestures.suggestion', { gesture: gestureText({ ...suggestion, amount: suggestion.amount ?? p.suggestion.cost }, currency, t, i18n.language) })}
        </Text>
        <Text size="sm">{p.suggestion.reason[language]}</Text>
      </Stack>
      <Group gap="xs" align="flex-end">
        <Select
          size="xs"
          label={t('gestures.severity.label')}
          data={severities.map((s) => ({ value: s, label: t(`gestures.severity.${s}`) }))}
          value={p.facts.severity}
          onChange={(v) => v && severity.mutate(v as Severity)}
          allowDeselect={false}
          disabled={!writable || severity.isPending}
          w={150}
        />
        <Text size="xs" c="dimmed">
          {t('gestures.facts', { tier: p.facts.tierLabel[language], incidents: p.facts.otherIncidents, value: formatMoney(p.facts.lifetimeValue, currency, i18n.language) })}
        </Text>
      </Group>
      {severity.isError && <ProblemAlert error={severity.error} title={t('gestures.severity.failed')} />}
      <Text size="sm" data-testid="gesture-latitude">
        {t('gestures.latitude.left', { perCase: money(p.latitude.perCaseLeft), perMonth: money(p.latitude.perMonthLeft) })}
      </Text>
      {writable && <GrantForm c={c} p={p} key={`${suggestion.kind}:${suggestion.amount ?? ''}:${suggestion.points ?? ''}`} />}
      {p.gestures.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            {t('gestures.granted.title')}
          </Text>
          <List listStyleType="none" spacing={6} data-testid="gestures-granted">
            {p.gestures.map((g) => (
              <List.Item key={g.id} data-gesture={g.id}>
                <Text size="sm">
                  {gestureText({ kind: g.kind, amount: g.cost.amount, points: g.points }, g.cost.currency, t, i18n.language)}
                  {g.voucherCode && (
                    <Text span ff="monospace" fw={700} ml={6} data-testid="voucher-code">
                      {g.voucherCode}
                    </Text>
                  )}
                </Text>
                <Text size="xs" c="dimmed">
                  {g.approvedBy ? t('gestures.granted.approvedBy', { name: g.grantedBy.name, approver: g.approvedBy.name }) : t('gestures.granted.by', { name: g.grantedBy.name })}
                  {' · '}
                  {t('gestures.granted.cost', { cost: formatMoney(g.cost.amount, g.cost.currency, i18n.language) })}
                </Text>
                {g.push.state !== 'none' && (
                  <Group gap={6}>
                    <ToneBadge size="xs" tone={pushTone[g.push.state]}>
                      {t(`gestures.push.${g.push.state}`)}
                    </ToneBadge>
                    {g.push.state === 'failed' && g.push.detail && (
                      <Text size="xs" c="red.8">
                        {g.push.detail}
                      </Text>
                    )}
                  </Group>
                )}
              </List.Item>
            ))}
          </List>
        </Stack>
      )}
      {pending.length > 0 && (
        <Stack gap={6}>
          <Text size="sm" fw={700}>
            {t('gestures.pending')}
          </Text>
          {pending.map((a) => (
            <ApprovalCard key={a.id} approval={a} myUserId={me?.id ?? null} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function GrantForm({ c, p }: { c: CaseDto; p: GesturePanelDto }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const suggested = p.suggestion.recommendation;
  const currency = p.latitude.currency;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const [kind, setKind] = useState<GestureKind>(suggested.kind);
  const [amount, setAmount] = useState<number | string>(suggested.amount !== undefined ? suggested.amount / 10 ** digits : '');
  const [points, setPoints] = useState<number | string>(suggested.points ?? '');
  const [note, setNote] = useState('');
  // One key per gesture the agent means to grant: a retried click is the same grant.
  const key = useRef(newIdempotencyKey());
  const latitude = p.latitude.kinds.find((k) => k.kind === kind);
  const grant = useMutation({
    mutationFn: (body: GrantInput) => grantGesture(c.id, body, key.current),
    onSuccess: async (result) => {
      key.current = newIdempotencyKey();
      setNote('');
      notify({ color: result.outcome === 'granted' ? 'teal' : 'yellow', message: result.outcome === 'granted' ? t('gestures.form.granted') : t('gestures.form.requested') });
      await refreshGestures(queryClient, c.id);
    },
  });
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const body: GrantInput = { kind, ...(note.trim() ? { note: note.trim() } : {}) };
    if (withAmount.includes(kind) && typeof amount === 'number') body.amount = minorOf(amount, currency);
    if (kind === 'loyalty_points' && typeof points === 'number') body.points = points;
    grant.mutate(body);
  };
  return (
    <form onSubmit={submit} aria-label={t('gestures.form.label')}>
      <Stack gap={6}>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Select
            size="xs"
            label={t('gestures.form.kind')}
            data={gestureKinds.map((k) => ({ value: k, label: t(`gestures.kind.${k}`) }))}
            value={kind}
            onChange={(v) => {
              if (!v) return;
              key.current = newIdempotencyKey();
              setKind(v as GestureKind);
            }}
            allowDeselect={false}
            w={190}
          />
          {withAmount.includes(kind) && (
            <NumberInput size="xs" label={t('gestures.form.amount', { currency })} value={amount} onChange={setAmount} min={0} decimalScale={digits} w={120} required />
          )}
          {kind === 'loyalty_points' && <NumberInput size="xs" label={t('gestures.form.points')} value={points} onChange={setPoints} min={1} allowDecimal={false} w={120} required />}
        </Group>
        <TextInput size="xs" label={t('gestures.form.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={2000} />
        <Text size="xs" c="dimmed">
          {latitude && !latitude.allowed
            ? t('gestures.form.needsApproval')
            : latitude && latitude.upTo !== null
              ? t('gestures.form.upTo', { amount: formatMoney(latitude.upTo, currency, i18n.language) })
              : t('gestures.form.noLimit')}
        </Text>
        <Group>
          <Button type="submit" size="xs" loading={grant.isPending}>
            {t('gestures.form.submit')}
          </Button>
        </Group>
        {grant.isError && <ProblemAlert error={grant.error} title={t('gestures.form.failed')} />}
      </Stack>
    </form>
  );
}
