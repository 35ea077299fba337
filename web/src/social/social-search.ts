// The social inbox's state lives in the URL (shareable, kept on reload and Back): filters and
// sort order. Parsed leniently here (the router, part of the first screen, needs it); the page
// turns it into the API's query and drops what the contract does not know.

export interface SocialSearch {
  account?: string;
  channel?: string;
  /** `unanswered` (the default: what still needs an answer), `answered` or `all`. */
  answered?: string;
  minUrgency?: string;
  signal?: string;
  /** `mine`, `none` or a team id. */
  team?: string;
  store?: string;
  /** Days, YYYY-MM-DD, in the browser's zone. */
  from?: string;
  to?: string;
  sort?: string;
}

const keys = ['account', 'channel', 'answered', 'minUrgency', 'signal', 'team', 'store', 'from', 'to', 'sort'] as const;

export function parseSocialSearch(raw: Record<string, unknown>): SocialSearch {
  const search: SocialSearch = {};
  for (const key of keys) {
    const value = typeof raw[key] === 'number' ? String(raw[key]) : raw[key];
    if (typeof value === 'string' && value.trim() !== '') search[key] = value.trim().slice(0, 200);
  }
  return search;
}

/** The response-time page's choices: an account, a period (days), a zone and public or private messages. */
export interface ResponseTimesSearch {
  account?: string;
  audience?: string;
  from?: string;
  to?: string;
  zone?: string;
}

export function parseResponseTimesSearch(raw: Record<string, unknown>): ResponseTimesSearch {
  const search: ResponseTimesSearch = {};
  for (const key of ['account', 'audience', 'from', 'to', 'zone'] as const) {
    const value = raw[key];
    if (typeof value === 'string' && value.trim() !== '') search[key] = value.trim().slice(0, 100);
  }
  return search;
}
