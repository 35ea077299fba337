// Pure rules of working together: what a link is from each side, and one presence per user
// whatever their tabs.
import { describe, expect, it } from 'vitest';
import { relationOf } from './case-links.ts';
import { byUser } from './presence.service.ts';

describe('relationOf', () => {
  it('reads "A <kind> B" from each side', () => {
    const cases = [
      ['related', 'related', 'related'],
      ['duplicate', 'duplicate_of', 'has_duplicate'],
      ['split_from', 'split_from', 'split_into'],
      ['merged_into', 'merged_into', 'merged_from'],
    ] as const;
    for (const [kind, fromA, fromB] of cases) {
      expect(relationOf({ kind, caseAId: 'a' }, 'a')).toBe(fromA);
      expect(relationOf({ kind, caseAId: 'a' }, 'b')).toBe(fromB);
    }
  });
});

describe('byUser', () => {
  const at = (s: number) => new Date(Date.UTC(2030, 2, 4, 9, 0, s));
  // Rows come oldest first, as presenceRows reads them.
  it('counts a user once: typing if a tab types (the latest typing tab’s kind), seen at their latest beat', () => {
    const users = byUser([
      { userId: 'u1', name: 'Camille', state: 'typing', kind: 'note', seenAt: at(1) },
      { userId: 'u2', name: 'Bastien', state: 'viewing', kind: null, seenAt: at(2) },
      { userId: 'u1', name: 'Camille', state: 'typing', kind: 'reply', seenAt: at(3) },
      { userId: 'u1', name: 'Camille', state: 'viewing', kind: null, seenAt: at(5) },
    ]);
    expect([...users]).toEqual([
      ['u1', { name: 'Camille', state: 'typing', kind: 'reply', seenAt: at(5) }],
      ['u2', { name: 'Bastien', state: 'viewing', kind: null, seenAt: at(2) }],
    ]);
  });

  it('is empty without rows, and viewing when no tab types', () => {
    expect(byUser([]).size).toBe(0);
    const users = byUser([
      { userId: 'u1', name: 'Camille', state: 'viewing', kind: null, seenAt: at(0) },
      { userId: 'u1', name: 'Camille', state: 'viewing', kind: null, seenAt: at(1) },
    ]);
    expect(users.get('u1')).toEqual({ name: 'Camille', state: 'viewing', kind: null, seenAt: at(1) });
  });
});
