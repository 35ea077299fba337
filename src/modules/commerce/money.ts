// Amounts as shops send them ("199.90", 29.9, "29.900000") turned into the currency's smallest
// unit (cents, yen, fils) without going through floating point: 0.1 + 0.2 must never be
// 0.30000000000000004 cents on a refund. The number of decimals is the currency's own (ISO
// 4217, as Intl knows it: JPY 0, EUR 2, KWD 3).

const digitsCache = new Map<string, number>();

/** How many decimals the currency counts (2 when Intl does not know it). */
export function currencyDigits(currency: string): number {
  const code = currency.toUpperCase();
  let digits = digitsCache.get(code);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    digitsCache.set(code, digits);
  }
  return digits;
}

/** A decimal amount in the currency's smallest unit, rounded half away from zero; null when it is not a number. */
export function toMinorUnits(amount: string | number | null | undefined, currency: string): number | null {
  if (amount === null || amount === undefined) return null;
  const text = (typeof amount === 'number' ? (Number.isFinite(amount) ? String(amount) : '') : amount).trim();
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text.includes('e') || text.includes('E') ? Number(text).toFixed(12) : text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const digits = currencyDigits(currency);
  const fraction = (m[3] ?? '').padEnd(digits + 1, '0');
  const whole = BigInt(`${m[2] || '0'}${fraction.slice(0, digits)}`);
  const roundUp = Number(fraction[digits]) >= 5 ? 1n : 0n;
  const value = Number(whole + roundUp);
  return m[1] === '-' ? -value : value;
}

/** The same, for an amount the order cannot do without: a shop's payload that is not one fails with the field's name. */
export function requireMinorUnits(amount: string | number | null | undefined, currency: string, field: string): number {
  const minor = toMinorUnits(amount ?? '0', currency);
  if (minor === null) throw new Error(`${field} is not an amount: ${String(amount)}`);
  return minor;
}
