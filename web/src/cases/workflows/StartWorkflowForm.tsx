// Starting a return, an exchange, a repair, a refund or a credit note on the case: the kind,
// then only what that kind needs (the order line from the case's linked purchase, its price as
// the amount, the store of a drop-off or an exchange, who repairs), checked before it is sent
// (workflow-draft.ts) and the API's refusals shown in words. One Idempotency-Key per filled-in
// form: a retry after a lost answer starts nothing twice.
import { Button, Group, NativeSelect, Radio, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../../api/contracts.ts';
import { newIdempotencyKey } from '../../api/http.ts';
import type { CaseOrderLineDto } from '../../customers/orders.api.ts';
import { formatMoney } from '../../customers/orders.api.ts';
import { useStores } from '../../reference/stores.api.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { workflowKinds, type WorkflowKind } from '../../../../src/modules/workflows/workflows.contract.ts';
import { checkDraft, initialDraft, needsOf, withLine, type DraftErrors, type PurchaseLine, type WorkflowDraft } from './workflow-draft.ts';
import { refreshCaseWorkflows, startWorkflow, type StartOutcome } from './workflows.api.ts';

interface StartWorkflowFormProps {
  c: CaseDto;
  lines: readonly CaseOrderLineDto[];
  onStarted: (started: StartOutcome) => void;
  onCancel: () => void;
}

export function StartWorkflowForm({ c, lines, onStarted, onCancel }: StartWorkflowFormProps) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const purchase = useMemo<PurchaseLine[]>(() => lines.map(({ line, order }) => ({ id: line.id, sku: line.sku, totalAmount: line.totalAmount, currency: order.currency })), [lines]);
  const [draft, setDraft] = useState<WorkflowDraft>(() => initialDraft(purchase));
  const [errors, setErrors] = useState<DraftErrors>({});
  const idempotencyKey = useRef(newIdempotencyKey());
  const { stores } = useStores();
  // A drop-off or an exchange happens at a store of the case's brand customers walk into.
  const walkIn = stores.filter((s) => s.active && s.kind === 'store' && s.brandId === c.brandId);
  const needs = needsOf(draft.kind, draft.mode);

  const start = useMutation({
    mutationFn: (body: Parameters<typeof startWorkflow>[1]) => startWorkflow(c.id, body, idempotencyKey.current),
    onSuccess: async (outcome) => {
      await refreshCaseWorkflows(queryClient, c.id);
      onStarted(outcome);
    },
  });

  const change = (next: WorkflowDraft) => {
    setDraft(next);
    // The answer was for the form as it was: a new one gets a new key.
    if (start.isError) start.reset();
    idempotencyKey.current = newIdempotencyKey();
  };
  const set = <K extends keyof WorkflowDraft>(key: K, value: WorkflowDraft[K]) => change({ ...draft, [key]: value });
  const submit = () => {
    const checked = checkDraft(draft, purchase);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) start.mutate(checked.body);
  };
  const error = (field: keyof DraftErrors) => (errors[field] ? t(`workflowPanel.form.error.${errors[field]}`) : undefined);

  return (
    <form
      aria-label={t('workflowPanel.form.title')}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
      <NativeSelect
        label={t('workflowPanel.form.kind')}
        value={draft.kind ?? ''}
        onChange={(e) => set('kind', (e.currentTarget.value || null) as WorkflowKind | null)}
        data={[{ value: '', label: t('workflowPanel.form.chooseKind') }, ...workflowKinds.map((k) => ({ value: k, label: t(`workflows.kind.${k}`) }))]}
        error={error('kind')}
        data-autofocus
      />
      {draft.kind === 'return' && (
        <Radio.Group label={t('workflowPanel.form.mode')} value={draft.mode} onChange={(v) => set('mode', v as WorkflowDraft['mode'])}>
          <Stack gap={4} mt={4}>
            <Radio value="drop_off" label={t('workflowPanel.form.modeDropOff')} />
            <Radio value="label" label={t('workflowPanel.form.modeLabel')} />
          </Stack>
        </Radio.Group>
      )}
      {needs.line && purchase.length > 0 && (
        <NativeSelect
          label={t('workflowPanel.form.line')}
          value={draft.lineId ?? ''}
          onChange={(e) => change(withLine(draft, purchase.find((l) => l.id === e.currentTarget.value) ?? null))}
          data={[
            { value: '', label: t('workflowPanel.form.chooseLine') },
            ...lines.map(({ line, order }) => ({ value: line.id, label: t('workflowPanel.form.lineOption', { name: line.name, number: order.number, price: formatMoney(line.totalAmount, order.currency, i18n.language) }) })),
          ]}
          error={error('lineId')}
        />
      )}
      {needs.store && (
        <NativeSelect
          label={draft.kind === 'exchange_in_store' ? t('workflowPanel.form.exchangeStore') : t('workflowPanel.form.dropOffStore')}
          value={draft.storeId ?? ''}
          onChange={(e) => set('storeId', e.currentTarget.value || null)}
          data={[{ value: '', label: walkIn.length ? t('workflowPanel.form.chooseStore') : t('workflowPanel.form.noStore') }, ...walkIn.map((s) => ({ value: s.id, label: s.city ? `${s.name} — ${s.city}` : s.name }))]}
          error={error('storeId')}
        />
      )}
      {needs.sku && <TextInput label={t('workflowPanel.form.sku')} description={t('workflowPanel.form.skuHelp')} value={draft.sku} onChange={(e) => set('sku', e.currentTarget.value)} error={error('sku')} />}
      {draft.kind === 'return' && (
        <Radio.Group label={t('workflowPanel.form.settlement')} value={draft.settlement} onChange={(v) => set('settlement', v as WorkflowDraft['settlement'])}>
          <Group gap="md" mt={4}>
            <Radio value="refund" label={t('workflows.kind.refund')} />
            <Radio value="credit_note" label={t('workflows.kind.credit_note')} />
          </Group>
        </Radio.Group>
      )}
      {needs.amount && (
        <TextInput
          label={t('workflowPanel.form.amount', { currency: draft.currency })}
          description={draft.lineId ? t('workflowPanel.form.amountFromLine') : undefined}
          inputMode="decimal"
          value={draft.amount}
          onChange={(e) => set('amount', e.currentTarget.value)}
          error={error('amount')}
        />
      )}
      {needs.request && (
        <NativeSelect
          label={t('workflowPanel.form.request')}
          description={t('workflowPanel.form.requestHelp')}
          value={draft.request ?? ''}
          onChange={(e) => set('request', (e.currentTarget.value || null) as WorkflowDraft['request'])}
          data={[
            { value: '', label: t('workflowPanel.form.requestFromReason') },
            { value: 'defect', label: t('workflowPanel.form.requestDefect') },
            { value: 'withdrawal', label: t('workflowPanel.form.requestWithdrawal') },
          ]}
        />
      )}
      {needs.repairer && (
        <Radio.Group label={t('workflowPanel.form.repairer')} value={draft.repairer} onChange={(v) => set('repairer', v as WorkflowDraft['repairer'])}>
          <Stack gap={4} mt={4}>
            <Radio value="technical_sav" label={t('workflowPanel.form.repairerTechnicalSav')} />
            <Radio value="manufacturer" label={t('workflowPanel.form.repairerManufacturer')} />
          </Stack>
        </Radio.Group>
      )}
      {errors._ && <ProblemAlert error={new Error(t(`workflowPanel.form.error.${errors._}`))} title={t('workflowPanel.form.failed')} />}
      {start.isError && <ProblemAlert error={start.error} title={t('workflowPanel.form.failed')} />}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel}>
          {t('workflowPanel.form.close')}
        </Button>
        <Button type="submit" loading={start.isPending}>
          {t('workflowPanel.form.submit')}
        </Button>
      </Group>
      </Stack>
    </form>
  );
}
