import { describe, expect, it } from 'vitest';
import { classifyQuery, IdentityError, normaliseIdentity, normalisePhone, searchable } from './identities.ts';

describe('phone numbers', () => {
  it.each([
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['+33 6 12 34 56 78', 'FR', '+33612345678'],
    ['0033612345678', 'FR', '+33612345678'],
    ['(0)6.12.34.56.78', 'FR', '+33612345678'],
    ['0470 12 34 56', 'BE', '+32470123456'],
    ['514 555', 'CA', null],
    ['(514) 954-3000', 'CA', '+15149543000'],
    ['33612345678', 'FR', '+33612345678'],
    ['12', 'FR', null],
    ['not a phone', 'FR', null],
  ])('%s (%s) → %s', (raw, country, expected) => {
    expect(normalisePhone(raw, country)).toBe(expected);
  });
});

describe('identities', () => {
  it('lower-cases e-mail and keeps what was typed for display', () => {
    expect(normaliseIdentity({ kind: 'email', value: ' Jerome.Martin@Exemple.FR ' }, 'FR')).toEqual({
      kind: 'email',
      system: '',
      value: 'jerome.martin@exemple.fr',
      displayValue: 'Jerome.Martin@Exemple.FR',
    });
  });

  it('strips @ from social handles', () => {
    expect(normaliseIdentity({ kind: 'x', value: '@Jardin_Fou' }, 'FR').value).toBe('jardin_fou');
  });

  it('treats a WhatsApp id as an international number', () => {
    expect(normaliseIdentity({ kind: 'whatsapp', value: '16315551181' }, 'FR').value).toBe('+16315551181');
  });

  it('refuses what is not an identity', () => {
    expect(() => normaliseIdentity({ kind: 'email', value: 'jerome@' }, 'FR')).toThrow(IdentityError);
    expect(() => normaliseIdentity({ kind: 'phone', value: '123' }, 'FR')).toThrow(IdentityError);
    expect(() => normaliseIdentity({ kind: 'x', value: 'has space' }, 'FR')).toThrow(IdentityError);
    expect(() => normaliseIdentity({ kind: 'external', value: '42' }, 'FR')).toThrow(/name the system/);
  });

  it('keys external ids by system', () => {
    expect(normaliseIdentity({ kind: 'external', value: '7365012', system: 'Shopify' }, 'FR')).toMatchObject({ system: 'shopify', value: '7365012' });
  });
});

describe('search text', () => {
  it('drops accents and case', () => {
    expect(searchable('Jérôme', 'LEFÈVRE', null, 'Œuvre  ça')).toBe('jerome lefevre œuvre ca');
  });

  it('recognises e-mail and phone queries', () => {
    expect(classifyQuery('Marie@Exemple.fr', 'FR')).toEqual({ kind: 'email', value: 'marie@exemple.fr' });
    expect(classifyQuery('06 12 34 56 78', 'FR')).toEqual({ kind: 'phone', value: '+33612345678' });
    expect(classifyQuery('Lefèvre', 'FR')).toBeNull();
  });
});
