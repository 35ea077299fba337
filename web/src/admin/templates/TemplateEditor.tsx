// One template being written: its subject (e-mail only) and text, the {{variables}} it may use
// (a click inserts one where the cursor is), and beside it, live, the message as a customer
// would receive it, rendered by the server with sample data, the SMS cost in segments
// included. Saving keeps the admin's version; resetting goes back to the built-in text.
import { Button, Grid, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { saveTemplateBody } from '../../../../src/modules/notifications/notifications.contract.ts';
import { ProblemAlert } from '../../ui/ProblemAlert.tsx';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { serverErrors } from '../ui/form-errors.ts';
import { ToneBadge } from '../ui/ToneBadge.tsx';
import { useSchemaForm } from '../ui/useSchemaForm.ts';
import { previewQuery, resetTemplate, saveTemplate, templateKeys, type TemplateDto } from './templates.api.ts';
import { notifySaved } from '../ui/notify.ts';

export function TemplateEditor({ template }: { template: TemplateDto }) {
  const { t } = useTranslation();
  const isEmail = template.channel === 'email';
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const lastField = useRef<'subject' | 'body'>('body');
  const [resetting, setResetting] = useState(false);
  const form = useSchemaForm({
    initial: { subject: template.subject ?? '', body: template.body },
    schema: saveTemplateBody,
    toBody: (v) => ({ ...(isEmail ? { subject: v.subject } : {}), body: v.body }),
    send: (body) => saveTemplate(template, body),
    invalidates: [templateKeys.all],
    onSaved: () => notifySaved(t('admin.templates.saved')),
  });
  const { values, set, errors } = form;
  const [shown] = useDebouncedValue(values, 300);
  const preview = useQuery({
    ...previewQuery({ key: template.key, channel: template.channel, language: template.language, body: shown.body.trim() || undefined, ...(isEmail && shown.subject.trim() ? { subject: shown.subject } : {}) }),
    enabled: shown.body.trim().length > 0,
  });
  const previewErrors = serverErrors(preview.error);
  const dirty = values.body !== template.body || (isEmail && values.subject !== (template.subject ?? ''));

  const insert = (variable: string) => {
    const field = isEmail && lastField.current === 'subject' ? 'subject' : 'body';
    const element = field === 'subject' ? subjectRef.current : bodyRef.current;
    const text = values[field];
    const at = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? at;
    const token = `{{${variable}}}`;
    set(field, text.slice(0, at) + token + text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <form onSubmit={form.onSubmit} noValidate ref={form.formRef} aria-label={t('admin.templates.editorLabel')}>
          <Stack gap="sm">
            {form.error ? <ProblemAlert error={form.error} title={t('admin.form.saveFailed')} /> : null}
            {isEmail && (
              <TextInput
                ref={subjectRef}
                label={t('admin.templates.subject')}
                value={values.subject}
                onChange={(e) => set('subject', e.currentTarget.value)}
                onFocus={() => (lastField.current = 'subject')}
                error={errors.subject ?? previewErrors.subject}
                required
              />
            )}
            <Textarea
              ref={bodyRef}
              label={t('admin.templates.body')}
              value={values.body}
              onChange={(e) => set('body', e.currentTarget.value)}
              onFocus={() => (lastField.current = 'body')}
              error={errors.body ?? previewErrors.body}
              autosize
              minRows={10}
              maxRows={24}
              styles={{ input: { fontFamily: 'ui-monospace, monospace', fontSize: 13 } }}
              required
            />
            <Stack gap={4}>
              <Text size="sm" fw={600} id="template-variables">
                {t('admin.templates.variables')}
              </Text>
              <Group gap={6} role="group" aria-labelledby="template-variables">
                {template.variables.map((v) => (
                  <Button key={v} size="compact-xs" variant="light" onClick={() => insert(v)} aria-label={t('admin.templates.insert', { variable: v })}>
                    {`{{${v}}}`}
                  </Button>
                ))}
              </Group>
            </Stack>
            <Group>
              <Button type="submit" loading={form.saving} disabled={!dirty}>
                {t('admin.templates.save')}
              </Button>
              {dirty && (
                <Button variant="subtle" onClick={() => form.setValues({ subject: template.subject ?? '', body: template.body })}>
                  {t('admin.calendars.discard')}
                </Button>
              )}
              {template.customised && (
                <Button variant="subtle" color="red" onClick={() => setResetting(true)}>
                  {t('admin.templates.reset')}
                </Button>
              )}
            </Group>
          </Stack>
        </form>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Paper withBorder p="md" component="section" aria-labelledby="template-preview-title" bg="gray.0">
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={2} size="h4" id="template-preview-title">
                {t('admin.templates.preview')}
              </Title>
              {preview.data?.sms && (
                <ToneBadge tone={preview.data.sms.segments > 2 ? 'warning' : 'neutral'}>{t('admin.templates.segments', { count: preview.data.sms.segments, encoding: preview.data.sms.encoding })}</ToneBadge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t('admin.templates.previewHelp')}
            </Text>
            <div aria-live="polite" data-testid="template-preview">
              {preview.isError && Object.keys(previewErrors).length === 0 ? (
                <ProblemAlert error={preview.error} title={t('admin.templates.previewFailed')} />
              ) : preview.data ? (
                <Stack gap="xs">
                  {preview.data.subject && (
                    <Text fw={600}>
                      {t('admin.templates.subject')} : {preview.data.subject}
                    </Text>
                  )}
                  <Paper withBorder p="sm" bg="white">
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {preview.data.text}
                    </Text>
                  </Paper>
                </Stack>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('admin.calendars.preview.computing')}
                </Text>
              )}
            </div>
          </Stack>
        </Paper>
      </Grid.Col>
      {resetting && (
        <ConfirmDialog
          opened
          title={t('admin.templates.resetTitle')}
          message={t('admin.templates.resetBody')}
          confirmLabel={t('admin.templates.reset')}
          onConfirm={() => resetTemplate(template)}
          invalidates={[templateKeys.all]}
          onDone={() => setResetting(false)}
          onClose={() => setResetting(false)}
        />
      )}
    </Grid>
  );
}
