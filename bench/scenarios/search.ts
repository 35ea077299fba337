// Full-text search from the inbox: GET /api/v1/cases?q=…&limit=25 with a fixed mix of terms
// (rare word, common word, two words, a customer surname), asked in turn, one at a time.
// A request with no answer after `timeoutMs` is abandoned and counts as that long (at least).
import { searchTerms, type SearchTermId } from '../corpus.ts';
import { TimeoutError, type HttpClient } from '../http.ts';
import { summarise, type LatencySummary } from '../stats.ts';

export interface SearchOptions {
  /** Rounds of the whole mix (after one warm-up round), unless the time budget ends first. */
  rounds: number;
  /** Stop starting new rounds after this long (at least `minRounds` are always run). */
  budgetMs: number;
  minRounds: number;
  timeoutMs: number;
  /**
   * Called after an abandoned request, before the next one: the query may still be running
   * (PostgreSQL) or blocking the server (PGlite), and would slow every later request.
   */
  onTimeout?: () => Promise<void>;
}

export interface SearchTermResult {
  id: SearchTermId;
  label: string;
  q: string;
  /** Latencies of answered requests and, as Infinity, of abandoned ones. */
  latency: LatencySummary;
  timeouts: number;
  /** Cases on the first page (25 at most). */
  items: number;
}

export interface SearchResult {
  rounds: number;
  timeoutMs: number;
  timeouts: number;
  errors: Record<string, number>;
  overall: LatencySummary;
  terms: SearchTermResult[];
}

export async function measureSearch(client: HttpClient, options: SearchOptions): Promise<SearchResult> {
  const latencies = new Map<SearchTermId, number[]>(searchTerms.map((t) => [t.id, []]));
  const timeouts = new Map<SearchTermId, number>(searchTerms.map((t) => [t.id, 0]));
  const items = new Map<SearchTermId, number>();
  const errors: Record<string, number> = {};
  const ask = async (term: (typeof searchTerms)[number], record: boolean) => {
    try {
      const answer = await client.get<{ items: unknown[] }>(`/api/v1/cases?q=${encodeURIComponent(term.q)}&limit=25`, { timeoutMs: options.timeoutMs });
      if (!record) return;
      if (answer.status !== 200) errors[String(answer.status)] = (errors[String(answer.status)] ?? 0) + 1;
      else {
        latencies.get(term.id)!.push(answer.ms);
        items.set(term.id, answer.body.items.length);
      }
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
      if (!record) return;
      await options.onTimeout?.();
      latencies.get(term.id)!.push(Infinity);
      timeouts.set(term.id, timeouts.get(term.id)! + 1);
    }
  };
  // Warm-up: one request per term, not recorded.
  for (const term of searchTerms) await ask(term, false);
  const started = performance.now();
  let rounds = 0;
  while (rounds < options.rounds && (rounds < options.minRounds || performance.now() - started < options.budgetMs)) {
    for (const term of searchTerms) await ask(term, true);
    rounds++;
  }
  return {
    rounds,
    timeoutMs: options.timeoutMs,
    timeouts: [...timeouts.values()].reduce((a, b) => a + b, 0),
    errors,
    overall: summarise([...latencies.values()].flat()),
    terms: searchTerms.map((t) => ({ id: t.id, label: t.label, q: t.q, latency: summarise(latencies.get(t.id)!), timeouts: timeouts.get(t.id)!, items: items.get(t.id) ?? 0 })),
  };
}
