// A warning that stops a send until it is read: it takes the focus when it appears (and when
// what it says changes), and keeps its title dark — Mantine's orange title is below 4.5:1 on
// its light background.
import { Alert, Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

export function SendWarning({ title, refocusOn, testId, children }: { title: string; refocusOn: unknown; testId: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [refocusOn]);
  return (
    <Alert
      ref={box}
      tabIndex={-1}
      color="orange"
      variant="light"
      role="alert"
      title={
        <Text inherit c="dark.9">
          {title}
        </Text>
      }
      data-testid={testId}
    >
      {children}
    </Alert>
  );
}
