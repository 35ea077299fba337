import { describe, expect, it } from 'vitest';
import { detachedText } from './detached-text.ts';

describe('detachedText', () => {
  it.each(['', 'a', 'marie.dupont@example.fr', '+33 6 12 34 56 78', 'Crème brûlée — 12,50 €', '😀 surrogate pairs 😀'])('keeps %j as it is', (text) => {
    const chunk = `prefix;${text};suffix`.repeat(3);
    const slice = chunk.slice(7, 7 + text.length);
    expect(detachedText(slice)).toBe(text);
    expect(detachedText(slice).length).toBe(text.length);
  });
});
