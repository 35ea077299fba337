// What the rulebook says about the case's purchase: entitled or not, until when, which remedies,
// and the plain words the agent can send as they are. The agent's console and the store counter
// show this same panel; the tracking page shows the customer the same verdict's words.
import { Badge, Button, CopyButton, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/http.ts';
import { formatDay } from '../customers/orders.api.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { caseVerdictQuery, policyRequestKinds, type CaseVerdictDto, type PolicyRequestKind } from './policy-verdict.api.ts';

/** `framed`: in a card of its own (the counter), rather than inside the purchase's (the console). */
export function PolicyVerdictPanel({ caseId, size = 'sm', framed = false }: { caseId: string; size?: 'sm' | 'md'; framed?: boolean }) {
  const { t } = useTranslation();
  const [asked, setAsked] = useState<PolicyRequestKind | null>(null);
  const verdict = useQuery(caseVerdictQuery(caseId, asked));
  // No purchase linked (409): the purchase panel already says to link it.
  if (verdict.isError && isApiError(verdict.error, 409)) return null;
  const request = asked ?? verdict.data?.request.request ?? 'defect';
  const titleId = `verdict-${caseId}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={titleId} data-testid="policy-verdict" {...(framed ? { p: 'md', style: { border: '1px solid var(--mantine-color-default-border)', borderRadius: 'var(--mantine-radius-md)' } } : {})}>
      <Title order={framed ? 2 : 3} size={framed ? 'h4' : 'h5'} id={titleId}>
        {t('policyVerdict.title')}
      </Title>
      <SegmentedControl
        size="xs"
        value={request}
        onChange={(v) => setAsked(v as PolicyRequestKind)}
        data={policyRequestKinds.map((k) => ({ value: k, label: t(`policyVerdict.request.${k}`) }))}
        aria-label={t('policyVerdict.requestLabel')}
      />
      {verdict.isError &&
        (isApiError(verdict.error, 422) ? (
          <Text size={size} c="dimmed">
            {t('policyVerdict.noLaw')}
          </Text>
        ) : (
          <ProblemAlert error={verdict.error} title={t('policyVerdict.loadFailed')} onRetry={() => void verdict.refetch()} />
        ))}
      {verdict.isPending && (
        <Text size={size} c="dimmed">
          {t('policyVerdict.loading')}
        </Text>
      )}
      {verdict.isSuccess && framed && <Text size={size}>{t('policyVerdict.product', { product: verdict.data.product })}</Text>}
      {verdict.isSuccess && <VerdictBody v={verdict.data} size={size} />}
    </Stack>
  );
}

function VerdictBody({ v, size }: { v: CaseVerdictDto; size: 'sm' | 'md' }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'fr';
  const day = (d: string) => formatDay(d, i18n.language);
  const dates = [
    v.verdict.legalGuaranteeUntil && t('policyVerdict.dates.guarantee', { date: day(v.verdict.legalGuaranteeUntil) }),
    v.verdict.presumptionUntil && t(v.verdict.burdenOfProof === 'seller' ? 'policyVerdict.dates.presumptionSeller' : 'policyVerdict.dates.presumption', { date: day(v.verdict.presumptionUntil) }),
    v.verdict.withdrawalUntil && t('policyVerdict.dates.withdrawal', { date: day(v.verdict.withdrawalUntil) }),
    v.verdict.refundDueBy && t('policyVerdict.dates.refund', { date: day(v.verdict.refundDueBy) }),
  ].filter((d): d is string => !!d);
  return (
    <Stack gap={6} data-eligible={v.verdict.eligible}>
      <Group gap={6}>
        <Badge color={v.verdict.eligible ? 'teal.9' : 'gray.7'} variant="filled" radius="sm" tt="none">
          {v.verdict.eligible ? t('policyVerdict.eligible') : t('policyVerdict.notEligible')}
        </Badge>
        {v.verdict.remedies.map((r) => (
          <Badge key={r} variant="outline" color="gray.7" radius="sm" tt="none">
            {t(`policyVerdict.remedy.${r}`)}
          </Badge>
        ))}
      </Group>
      {dates.map((d) => (
        <Text key={d} size={size}>
          {d}
        </Text>
      ))}
      <Text size={size} data-testid="verdict-explanation">
        {v.verdict.explanation[lang]}
      </Text>
      <Group gap="xs" justify="space-between">
        <Text size="xs" c="dimmed">
          {t('policyVerdict.version', { version: v.verdict.policyVersion })}
        </Text>
        <CopyButton value={v.verdict.explanation[lang]}>
          {({ copied, copy }) => (
            <Button size="compact-xs" variant={copied ? 'filled' : 'subtle'} onClick={copy}>
              {copied ? t('policyVerdict.copied') : t('policyVerdict.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
