// The counter's search box: a name, a phone number, an e-mail, an order or case number — or
// a ticket's QR code, read by the camera or typed by a USB scanner (which types the tracking
// link and Enter, like a person would). Big enough to hit with a thumb.
import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { forwardRef, useImperativeHandle, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QrScanner } from './QrScanner.tsx';

export interface CounterSearchHandle {
  focus(): void;
  clear(): void;
}

export const CounterSearch = forwardRef<CounterSearchHandle, { onSearch: (q: string) => void; searching: boolean }>(function CounterSearch({ onSearch, searching }, ref) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const justFocused = useRef(false);
  const [text, setText] = useState('');
  const [scanning, setScanning] = useState(false);
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus(), clear: () => setText('') }), []);
  // "/" goes back to the search box from anywhere on the screen (not while typing elsewhere).
  useHotkeys([['/', () => input.current?.focus()]]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim().length >= 2) onSearch(text.trim());
  };

  return (
    <form onSubmit={submit} role="search" aria-label={t('counterMode.search.label')}>
      <Stack gap="sm">
        <TextInput
          ref={input}
          size="xl"
          type="search"
          name="q"
          label={t('counterMode.search.label')}
          description={t('counterMode.search.hint')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          // Focusing selects what is there, so a scan (or typing) replaces the last search; the
          // click's own mouseup would put the caret back, so that one is not let through.
          onFocus={(e) => {
            e.currentTarget.select();
            justFocused.current = true;
          }}
          onMouseUp={(e) => {
            if (justFocused.current) e.preventDefault();
            justFocused.current = false;
          }}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="search"
          autoFocus
        />
        <Group gap="sm" grow>
          <Button type="submit" size="xl" loading={searching}>
            {t('counterMode.search.submit')}
          </Button>
          <Button type="button" size="xl" variant="outline" onClick={() => setScanning(true)}>
            {t('counterMode.search.scan')}
          </Button>
        </Group>
      </Stack>
      <QrScanner
        opened={scanning}
        onClose={() => setScanning(false)}
        onResult={(code) => {
          setScanning(false);
          setText(code);
          onSearch(code);
        }}
      />
    </form>
  );
});
