// Writing on a case: a public reply to the customer (on the case's channel or another one
// they can be reached on) or an internal note (@mentions tell colleagues). Files go with
// either. A macro (";;" in the text, or "m" on the page) inserts a rendered answer; its
// actions are applied when the reply is sent. Ctrl+Enter sends. A retried send never posts
// twice (idempotency key). On a live chat case, the visitor sees the agent typing a reply,
// and the agent the visitor typing.
import { Box, Button, Group, NativeSelect, Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useImperativeHandle, useRef, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDto, Channel, MacroDto, PostMessageInput } from '../api/contracts.ts';
import { newIdempotencyKey } from '../api/http.ts';
import { useChatCase } from '../chat/useChatCase.ts';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { postMessage } from './cases.api.ts';
import { caseKeys } from './cases.keys.ts';
import { MacroNotice } from './MacroNotice.tsx';
import { MacroPicker } from './MacroPicker.tsx';
import { MentionSuggestions } from './MentionSuggestions.tsx';
import { ReplyAttachments } from './ReplyAttachments.tsx';
import { useMentionInput } from './useMentionInput.ts';
import { checkDraft, renderMacro, replyChannelsQuery, type AttachmentDto } from './workspace.api.ts';
import { SendProblem } from './collab/MeanwhileWarning.tsx';
import { AudiencePicker, PersonalDataWarning, personalDataOf, type Audience } from './social/PublicReply.tsx';
import { useComposeCollab } from './collab/useComposeCollab.ts';
import { RefusalHint } from './alerts/RefusalHint.tsx';

type Kind = 'reply' | 'note';

/** What the case page's keyboard asks of the composer. */
export interface ComposerHandle {
  focus(kind: Kind): void;
  openMacros(): void;
}

export function ComposeForm({ c, handle }: { c: CaseDto; handle?: Ref<ComposerHandle> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('reply');
  const [body, setBody] = useState('');
  const [channel, setChannel] = useState<Channel>(c.channel);
  const [files, setFiles] = useState<AttachmentDto[]>([]);
  const [macro, setMacro] = useState<MacroDto | null>(null);
  const [picker, setPicker] = useState<{ at: number } | null>(null);
  const [sent, setSent] = useState<Kind | null>(null);
  // One key per distinct message: a retry of the same text reuses it, an edit makes a new one.
  const idempotency = useRef({ key: newIdempotencyKey(), for: '' });
  const textarea = useRef<HTMLTextAreaElement>(null);
  const chat = useChatCase(c.id, c.channel === 'chat', c.customerMessageCount);
  const isNote = kind === 'note';
  const mention = useMentionInput(c.id, isNote, textarea, setBody);
  const replyChannels = useQuery(replyChannelsQuery(c.id));
  // On X and Facebook: public or private; null until the agent chooses (the channel's default).
  const [chosenAudience, setAudience] = useState<Audience | null>(null);
  const audiences = replyChannels.data?.find((o) => o.channel === channel)?.audiences ?? ['private'];
  const audience: Audience = chosenAudience && audiences.includes(chosenAudience) ? chosenAudience : (audiences[0] ?? 'private');

  const focusText = () => requestAnimationFrame(() => textarea.current?.focus());
  const openMacros = () => setPicker({ at: textarea.current?.selectionStart ?? body.length });
  useImperativeHandle(handle, () => ({
    focus: (k) => {
      setKind(k);
      focusText();
    },
    openMacros,
  }));

  const insertMacro = useMutation({
    mutationFn: (m: MacroDto) => renderMacro(c.id, m.id),
    onSuccess: (rendered, m) => {
      // Where the caret was when the picker opened (the text may have changed since: clamp).
      setBody((text) => {
        const at = Math.min(picker?.at ?? text.length, text.length);
        return text.slice(0, at) + rendered.text + text.slice(at);
      });
      setMacro(m);
      setKind('reply');
      setPicker(null);
      focusText();
    },
  });
  // Others see this draft being typed; a message by someone else meanwhile is shown before sending.
  const collab = useComposeCollab(c.id, kind, body);

  const send = useMutation({
    mutationFn: (input: PostMessageInput) => {
      const fingerprint = JSON.stringify(input);
      if (idempotency.current.for !== fingerprint) idempotency.current = { key: newIdempotencyKey(), for: fingerprint };
      return postMessage(c.id, { ...input, seenEventId: collab.seenEventId() }, idempotency.current.key);
    },
    onSuccess: (_result, input) => {
      idempotency.current = { key: newIdempotencyKey(), for: '' };
      collab.onSent();
      setBody('');
      setFiles([]);
      setMacro(null);
      setAudience(null);
      mention.reset();
      setSent(input.kind);
      if (input.kind === 'reply') chat.typing(false);
      void queryClient.invalidateQueries({ queryKey: caseKeys.events(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.detail(c.id) });
      void queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
      textarea.current?.focus();
    },
  });

  /** The message as the API takes it: only what applies to its kind. */
  const message = (text: string, allowPersonalData = false): PostMessageInput => {
    const mentions = isNote ? mention.mentionedIn(text) : [];
    return {
      kind,
      body: text,
      ...(!isNote && channel !== c.channel ? { channel } : {}),
      ...(!isNote && audiences.length > 1 ? { audience } : {}),
      ...(allowPersonalData ? { allowPersonalData } : {}),
      ...(files.length ? { attachmentIds: files.map((f) => f.id) } : {}),
      ...(mentions.length ? { mentions } : {}),
      ...(!isNote && macro ? { macroId: macro.id } : {}),
    };
  };
  const submit = (event?: FormEvent, allowPersonalData = false) => {
    event?.preventDefault();
    const text = body.trim();
    if (!text || send.isPending) return;
    setSent(null);
    send.mutate(message(text, allowPersonalData));
  };
  const personalData = send.isError ? personalDataOf(send.error) : null;
  // The server's ready reply: it greets the customer by name or handle, on this network's words, signed by the brand.
  const askPrivate = useMutation({
    mutationFn: () => checkDraft(c.id, ''),
    onSuccess: (check) => {
      setBody(check.privateMove.text);
      setAudience('public');
      backToDraft();
    },
  });
  const backToDraft = () => {
    send.reset();
    textarea.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (mention.onKeyDown(event)) return;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit();
  };
  const onText = (el: HTMLTextAreaElement) => {
    let value = el.value;
    let caret = el.selectionStart;
    // ";;" opens the macro picker; the two characters are not part of the message.
    if (value.slice(caret - 2, caret) === ';;') {
      value = value.slice(0, caret - 2) + value.slice(caret);
      caret -= 2;
      setPicker({ at: caret });
    }
    setBody(value);
    mention.track(value, caret);
    // Notes are internal: the visitor never hears of them, not even as typing.
    if (!isNote) chat.typing(value.trim() !== '');
  };

  const channelOptions = (replyChannels.data ?? [{ channel: c.channel, recipient: null, caseChannel: true, audiences: ['private' as const] }]).map((o) => ({
    value: o.channel,
    label: [t(`case.channel.${o.channel}`), o.recipient, o.caseChannel ? t('workspace.compose.caseChannel') : null].filter(Boolean).join(' · '),
  }));

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
          {!isNote && channelOptions.length > 1 && (
            <NativeSelect label={t('workspace.compose.channel')} value={channel} onChange={(e) => setChannel(e.currentTarget.value as Channel)} data={channelOptions} />
          )}
          {!isNote && <AudiencePicker audiences={audiences} value={audience} onChange={setAudience} />}
          <Box pos="relative">
            <Textarea
              ref={textarea}
              label={isNote ? t('compose.noteLabel') : t('compose.replyLabel', { channel: t(`case.channel.${channel}`) })}
              description={isNote ? t('workspace.compose.noteHint') : t('workspace.compose.replyHint')}
              autosize
              minRows={3}
              maxRows={12}
              value={body}
              onChange={(e) => onText(e.currentTarget)}
              onSelect={(e) => mention.track(e.currentTarget.value, e.currentTarget.selectionStart)}
              onKeyDown={onKeyDown}
              required
              {...(isNote ? mention.inputProps : {})}
            />
            {mention.open && <MentionSuggestions id={mention.listId} users={mention.offered} active={mention.active} onPick={mention.pick} />}
          </Box>
          {macro && !isNote && <MacroNotice macro={macro} onDrop={() => setMacro(null)} />}
          {!isNote && <RefusalHint caseId={c.id} text={body} />}
          <ReplyAttachments caseId={c.id} files={files} onChange={setFiles} />
          {c.channel === 'chat' && (
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {chat.visitorTyping ? t('compose.visitorTyping') : ''}
            </Text>
          )}
          {insertMacro.isError && <ProblemAlert error={insertMacro.error} title={t('workspace.macros.insertFailed')} />}
          {askPrivate.isError && <ProblemAlert error={askPrivate.error} title={t('compose.public.askPrivateFailed')} />}
          {personalData && (
            <PersonalDataWarning
              findings={personalData}
              onSendPrivately={() => {
                setAudience('private');
                backToDraft();
              }}
              onAskPrivate={() => askPrivate.mutate()}
              onPostAnyway={() => submit(undefined, true)}
            />
          )}
          {send.isError && !personalData && (
            <SendProblem error={send.error} title={isNote ? t('compose.noteFailed') : t('compose.replyFailed')} collab={collab} onSendAnyway={submit} onBack={backToDraft} />
          )}
          <Group justify="space-between" wrap="wrap">
            <Text size="sm" c="dimmed" role="status">
              {sent ? (sent === 'note' ? t('compose.noteSaved') : t('compose.replySent')) : t('workspace.compose.shortcuts')}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={openMacros}>
                {t('workspace.macros.open')}
              </Button>
              <Button type="submit" loading={send.isPending} disabled={!body.trim()} color={isNote ? 'yellow.4' : undefined} autoContrast>
                {isNote ? t('compose.addNote') : t('compose.sendReply')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      <MacroPicker
        opened={picker !== null}
        language={c.language}
        onClose={() => {
          setPicker(null);
          focusText();
        }}
        onPick={(m) => insertMacro.mutate(m)}
      />
    </Paper>
  );
}
