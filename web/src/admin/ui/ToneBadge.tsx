// The administration's badges: a few tones, each a filled colour with text dark or light
// enough for AA contrast (autoContrast), like the case badges; the words always say it.
import { Badge, type BadgeProps, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

const tones = { positive: 'teal.9', neutral: 'gray.2', negative: 'red.9', warning: 'orange.3', info: 'indigo.8' } satisfies Record<string, MantineColor>;
export type Tone = keyof typeof tones;

export function ToneBadge({ tone, children, ...props }: { tone: Tone; children: ReactNode } & Omit<BadgeProps, 'color' | 'variant'>) {
  return (
    // Never shortened to "A…" in a narrow table column: the badge keeps its whole word.
    <Badge color={tones[tone]} autoContrast variant="filled" radius="sm" tt="none" style={{ minWidth: 'max-content' }} {...props}>
      {children}
    </Badge>
  );
}
