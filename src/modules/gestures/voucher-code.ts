// Voucher codes a customer can type from a letter or a phone call: SAV-7K3M-Q9XD. Eight
// characters from an alphabet without the look-alikes (0/O, 1/I/L, 5/S, 2/Z, 8/B): 25 symbols,
// so 25^8 ≈ 1.5·10^11 codes, drawn from the system's cryptographic random source — unguessable
// (a shop refuses a code after a few wrong tries long before chance finds one).
import { randomInt } from 'node:crypto';

export const VOUCHER_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';

export const VOUCHER_CODE_PATTERN = new RegExp(`^SAV-[${VOUCHER_ALPHABET}]{4}-[${VOUCHER_ALPHABET}]{4}$`);

/** A fresh code; `pick` draws an index below n (the crypto source by default, a sequence in tests). */
export function newVoucherCode(pick: (n: number) => number = randomInt): string {
  let chars = '';
  for (let i = 0; i < 8; i++) chars += VOUCHER_ALPHABET[pick(VOUCHER_ALPHABET.length)]!;
  return `SAV-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** A code as typed ("sav 7k3m q9xd", "SAV7K3MQ9XD") put back in its written form; null if it is not one. */
export function normalizeVoucherCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  const m = /^SAV(.{4})(.{4})$/.exec(compact);
  if (!m) return null;
  const code = `SAV-${m[1]}-${m[2]}`;
  return VOUCHER_CODE_PATTERN.test(code) ? code : null;
}
