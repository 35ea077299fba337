// A text filter applied as the user types (after a pause), like the search box.
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';

const TEXT_DEBOUNCE_MS = 350;

export function useTypedFilter(value: string | undefined, apply: (value: string | undefined) => void) {
  const [text, setText] = useState(value ?? '');
  // Back/Forward, a view or "reset" change the URL: the box follows.
  useEffect(() => setText(value ?? ''), [value]);
  const debounced = useDebouncedCallback((v: string) => apply(v.trim() || undefined), TEXT_DEBOUNCE_MS);
  return {
    value: text,
    onChange: (v: string) => {
      setText(v);
      debounced(v);
    },
    flush: () => {
      debounced.cancel();
      apply(text.trim() || undefined);
    },
  };
}
