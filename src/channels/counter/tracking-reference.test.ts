// Telling a scanned tracking link from a name, a phone number or a case number.
import { describe, expect, it } from 'vitest';
import { trackingTokenIn } from './tracking-reference.ts';

const token = 'Qm9uam91ci1sZS1jb21wdG9pci1kZXMtdGlja2V0cy0';

describe('trackingTokenIn', () => {
  it('takes the token out of a tracking link, whatever the host, with or without a query, a fragment or a trailing slash', () => {
    expect(token).toHaveLength(43);
    for (const text of [
      `https://sav.exemple.fr/t/${token}`,
      `http://127.0.0.1:3000/t/${token}`,
      `  https://sav.exemple.fr/t/${token}\n`,
      `https://sav.exemple.fr/t/${token}/`,
      `https://sav.exemple.fr/t/${token}?lang=en`,
      `https://sav.exemple.fr/t/${token}#messages`,
      `HTTPS://SAV.EXEMPLE.FR/t/${token}`,
      `https://boutique.exemple.fr/sav/t/${token}`,
      `/t/${token}`,
      token,
    ]) {
      expect(trackingTokenIn(text), text).toBe(token);
    }
  });

  it('finds nothing in names, numbers, e-mails, other pages or broken tokens', () => {
    for (const text of [
      'Hélène Martin',
      '06 12 34 56 78',
      'helene.martin@exemple.fr',
      'SAV-2026-000123',
      'CMD-88812',
      `https://sav.exemple.fr/form/received/${token}`,
      `https://sav.exemple.fr/t/${token.slice(1)}`,
      `https://sav.exemple.fr/t/${token}x`,
      `https://sav.exemple.fr/t/${token.slice(0, 42)}!`,
      `https://sav.exemple.fr/t/${token}/messages`,
      `mailto:/t/${token}`,
      `${token} ${token}`,
    ]) {
      expect(trackingTokenIn(text), text).toBeNull();
    }
  });
});
