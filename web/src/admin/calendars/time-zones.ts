// The IANA time zones the browser knows, Europe/Paris and its neighbours first: what a store
// or a calendar may be set to (the server checks the same names).
const FIRST = ['Europe/Paris', 'Europe/Brussels', 'America/Montreal', 'America/Toronto', 'Europe/Luxembourg', 'Europe/Zurich'];

let cached: string[] | undefined;

export function timeZones(): string[] {
  if (!cached) {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    cached = [...new Set([...FIRST, ...all])];
  }
  return cached;
}
