// From the URL's choices to the API's query: unknown values dropped, days turned into the
// instants that bound them in the browser's zone (a "to" day is included, so the query ends
// at the next midnight).
import { socialChannels, socialSignals, socialSortOrders, type SocialInboxParams } from './social.api.ts';
import type { SocialSearch } from './social-search.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const listOf = <T extends string>(value: string | undefined, allowed: readonly T[]): T[] =>
  (value ?? '').split(',').filter((v): v is T => (allowed as readonly string[]).includes(v));

/** Midnight starting `day` (YYYY-MM-DD) in the browser's zone, `plusDays` later, as an ISO instant. */
export function dayStart(day: string, plusDays = 0): string | undefined {
  if (!DAY.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d + plusDays);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

export function socialParamsOf(search: SocialSearch): SocialInboxParams {
  const params: SocialInboxParams = { sort: (socialSortOrders as readonly string[]).includes(search.sort ?? '') ? (search.sort as SocialInboxParams['sort']) : 'urgency' };
  const accounts = (search.account ?? '').split(',').filter((id) => UUID.test(id));
  if (accounts.length) params.accountId = accounts.join(',');
  const channels = listOf(search.channel, socialChannels);
  if (channels.length) params.channel = channels.join(',');
  const answered = search.answered ?? 'unanswered';
  if (answered === 'unanswered') params.answered = 'false';
  else if (answered === 'answered') params.answered = 'true';
  const min = Number(search.minUrgency);
  if (search.minUrgency && Number.isInteger(min) && min >= 0 && min <= 100) params.minUrgency = min;
  const signals = listOf(search.signal, socialSignals);
  if (signals.length) params.signal = signals.join(',');
  if (search.team && (search.team === 'mine' || search.team === 'none' || UUID.test(search.team))) params.teamId = search.team;
  const stores = (search.store ?? '').split(',').filter((id) => id === 'none' || UUID.test(id));
  if (stores.length) params.storeId = stores.join(',');
  const from = search.from ? dayStart(search.from) : undefined;
  const to = search.to ? dayStart(search.to, 1) : undefined;
  if (from) params.from = from;
  if (to) params.to = to;
  return params;
}
