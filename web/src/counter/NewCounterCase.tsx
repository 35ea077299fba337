// Opening a case at the counter: for the customer found (or a new one: a name, and an e-mail
// or a phone for the acknowledgment), what it is about and what they say, the product and
// the order when they have them. The case is the store's (channel counter); the ticket is
// printed from the next screen.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/contracts.ts';
import { referenceLabel, useReferenceNames } from '../reference/reference.api.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { openCounterCase, type CounterMatch, type OpenCounterCaseInput } from './counter.api.ts';

interface Props {
  customer: CounterMatch['customer'] | null;
  storeId: string | undefined;
  onOpened: (c: CaseDto) => void;
  onCancel: () => void;
}

const empty = { firstName: '', lastName: '', email: '', phone: '', subject: '', message: '', product: '', orderRef: '', reason: '' };

export function NewCounterCase({ customer, storeId, onOpened, onCancel }: Props) {
  const { t, i18n } = useTranslation();
  const names = useReferenceNames();
  const heading = useRef<HTMLHeadingElement>(null);
  const [f, setF] = useState(empty);
  useEffect(() => heading.current?.focus(), []);
  const set = (key: keyof typeof empty) => (e: { currentTarget: { value: string } }) => setF((v) => ({ ...v, [key]: e.currentTarget.value }));
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);

  const open = useMutation({
    mutationFn: () => {
      const body: OpenCounterCaseInput = {
        customer: customer
          ? { id: customer.id }
          : { firstName: optional(f.firstName), lastName: optional(f.lastName), email: optional(f.email), phone: optional(f.phone), language: i18n.language === 'en' ? 'en' : 'fr' },
        subject: f.subject.trim(),
        message: f.message.trim(),
        ...(storeId ? { storeId } : {}),
        ...(optional(f.product) ? { product: optional(f.product) } : {}),
        ...(optional(f.orderRef) ? { orderRef: optional(f.orderRef) } : {}),
        ...(f.reason ? { reason: f.reason } : {}),
      };
      return openCounterCase(body);
    },
    onSuccess: onOpened,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    open.mutate();
  };

  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-labelledby="counter-new-title">
      <Stack gap="md">
        <Title order={2} size="h2" id="counter-new-title" ref={heading} tabIndex={-1}>
          {t('counterMode.newCase.title')}
        </Title>
        {customer ? (
          <Text size="lg">{t('counterMode.newCase.for', { name: customer.displayName })}</Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput size="lg" label={t('counterMode.newCase.firstName')} value={f.firstName} onChange={set('firstName')} autoComplete="off" />
            <TextInput size="lg" label={t('counterMode.newCase.lastName')} value={f.lastName} onChange={set('lastName')} autoComplete="off" required />
            <TextInput size="lg" type="email" label={t('counterMode.newCase.email')} value={f.email} onChange={set('email')} autoComplete="off" />
            <TextInput size="lg" type="tel" label={t('counterMode.newCase.phone')} value={f.phone} onChange={set('phone')} autoComplete="off" />
          </SimpleGrid>
        )}
        <TextInput size="lg" label={t('counterMode.newCase.subject')} value={f.subject} onChange={set('subject')} required />
        <Textarea size="lg" label={t('counterMode.newCase.message')} autosize minRows={3} value={f.message} onChange={set('message')} required />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput size="lg" label={t('counterMode.newCase.product')} value={f.product} onChange={set('product')} />
          <TextInput size="lg" label={t('counterMode.newCase.orderRef')} value={f.orderRef} onChange={set('orderRef')} />
        </SimpleGrid>
        <NativeSelect
          size="lg"
          label={t('counterMode.newCase.reason')}
          value={f.reason}
          onChange={set('reason')}
          data={[{ value: '', label: t('counterMode.newCase.noReason') }, ...names.reasons.filter((r) => r.active).map((r) => ({ value: r.key, label: referenceLabel(r, i18n.language) }))]}
        />
        {open.isError && <ProblemAlert error={open.error} title={t('counterMode.newCase.failed')} />}
        <Group grow>
          <Button type="button" size="xl" variant="default" onClick={onCancel} disabled={open.isPending}>
            {t('counterMode.back')}
          </Button>
          <Button type="submit" size="xl" loading={open.isPending}>
            {t('counterMode.newCase.submit')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
