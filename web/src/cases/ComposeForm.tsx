// Writing on a case: a public reply to the customer (sent on the case's channel) or an
// internal note. Ctrl+Enter sends. A retried send never posts twice (idempotency key). On a
// live chat case, the visitor sees the agent typing a reply, and the agent the visitor typing.
import { Button, Group, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto } from '../api/contracts.ts';
import { newIdempotencyKey } from '../api/http.ts';
import { useChatCase } from '../chat/useChatCase.ts';
import { postMessage } from './cases.api.ts';
import { caseKeys } from './cases.keys.ts';
import { SendProblem } from './collab/MeanwhileWarning.tsx';
import { useComposeCollab } from './collab/useComposeCollab.ts';

type Kind = 'reply' | 'note';

export function ComposeForm({ c }: { c: CaseDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('reply');
  const [body, setBody] = useState('');
  const [sent, setSent] = useState<Kind | null>(null);
  // One key per distinct message: a retry of the same text reuses it, an edit makes a new one.
  const idempotency = useRef({ key: newIdempotencyKey(), for: '' });
  const textarea = useRef<HTMLTextAreaElement>(null);
  const chat = useChatCase(c.id, c.channel === 'chat', c.customerMessageCount);
  // Others see this draft being typed; a message by someone else meanwhile is shown before sending.
  const collab = useComposeCollab(c.id, kind, body);

  const send = useMutation({
    mutationFn: (input: { kind: Kind; body: string }) => {
      const fingerprint = `${input.kind}\n${input.body}`;
      if (idempotency.current.for !== fingerprint) idempotency.current = { key: newIdempotencyKey(), for: fingerprint };
      return postMessage(c.id, { ...input, seenEventId: collab.seenEventId() }, idempotency.current.key);
    },
    onSuccess: (_result, input) => {
      idempotency.current = { key: newIdempotencyKey(), for: '' };
      collab.onSent();
      setBody('');
      setSent(input.kind);
      if (input.kind === 'reply') chat.typing(false);
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
      textarea.current?.focus();
    },
  });

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const text = body.trim();
    if (!text || send.isPending) return;
    setSent(null);
    send.mutate({ kind, body: text });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };

  const isNote = kind === 'note';
  return (
    <Paper component="section" withBorder p="md" aria-labelledby="compose-title" bg={isNote ? 'yellow.0' : undefined}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Group justify="space-between" wrap="wrap">
            <Title order={2} size="h4" id="compose-title">
              {t('compose.title')}
            </Title>
            <SegmentedControl
              aria-label={t('compose.kindLabel')}
              value={kind}
              onChange={(value) => setKind(value === 'note' ? 'note' : 'reply')}
              data={[
                { value: 'reply', label: t('compose.reply') },
                { value: 'note', label: t('compose.note') },
              ]}
            />
          </Group>
          <Textarea
            ref={textarea}
            label={isNote ? t('compose.noteLabel') : t('compose.replyLabel', { channel: t(`case.channel.${c.channel}`) })}
            description={isNote ? t('compose.noteHint') : t('compose.replyHint')}
            autosize
            minRows={3}
            maxRows={12}
            value={body}
            onChange={(e) => {
              setBody(e.currentTarget.value);
              // Notes are internal: the visitor never hears of them, not even as typing.
              if (!isNote) chat.typing(e.currentTarget.value.trim() !== '');
            }}
            onKeyDown={onKeyDown}
            required
          />
          {c.channel === 'chat' && (
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {chat.visitorTyping ? t('compose.visitorTyping') : ''}
            </Text>
          )}
          {send.isError && (
            <SendProblem
              error={send.error}
              title={isNote ? t('compose.noteFailed') : t('compose.replyFailed')}
              collab={collab}
              onSendAnyway={submit}
              onBack={() => {
                send.reset();
                textarea.current?.focus();
              }}
            />
          )}
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed" role="status">
              {sent ? (sent === 'note' ? t('compose.noteSaved') : t('compose.replySent')) : t('compose.shortcut')}
            </Text>
            <Button type="submit" loading={send.isPending} disabled={!body.trim()} color={isNote ? 'yellow.4' : undefined} autoContrast>
              {isNote ? t('compose.addNote') : t('compose.sendReply')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
