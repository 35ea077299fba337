// A text the counter adds to a case — the customer's visit, or an internal note — in a form
// of its own: a large field, the reason it failed if it did, a large button. The text stays
// until it is saved, then the field empties.
import { Button, Paper, Stack, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';

export function CounterTextForm({ part, save, primary }: { part: 'visit' | 'note'; save: (text: string) => Promise<unknown>; primary: boolean }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const saving = useMutation({ mutationFn: () => save(text.trim()), onSuccess: () => setText('') });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) saving.mutate();
  };
  const id = `counter-${part}-title`;
  return (
    <Paper withBorder p="md" radius="md" component="form" onSubmit={submit} aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id}>
          {t(`counterMode.${part}.title`)}
        </Title>
        <Textarea
          size="lg"
          label={t(`counterMode.${part}.label`)}
          description={t(`counterMode.${part}.hint`)}
          autosize
          minRows={primary ? 3 : 2}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        {saving.isError && <ProblemAlert error={saving.error} title={t(`counterMode.${part}.failed`)} />}
        <Button type="submit" size={primary ? 'xl' : 'lg'} variant={primary ? 'filled' : 'outline'} loading={saving.isPending} disabled={!text.trim()}>
          {t(`counterMode.${part}.submit`)}
        </Button>
      </Stack>
    </Paper>
  );
}
