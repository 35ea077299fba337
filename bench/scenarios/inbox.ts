// The inbox's first page: open cases of a team, newest activity first, as an agent's screen
// asks for it. Sequential requests cycling through the teams, after a warm-up.
import type { Organisation } from '../bootstrap.ts';
import type { HttpClient } from '../http.ts';
import { runLoad, type LoadResult } from '../load.ts';

export interface InboxOptions {
  requests: number;
  warmup: number;
}

export interface InboxResult extends LoadResult {
  /** Mean number of cases on the first page. */
  meanItems: number;
  /** Pages that were not all open cases of the team, newest activity first (should be 0). */
  wrongPages: number;
}

const openStatuses = new Set(['new', 'open', 'waiting_customer', 'waiting_third_party']);
type Page = { items: { status: string; teamId: string | null; lastActivityAt: string }[] };

export async function measureInbox(client: HttpClient, org: Organisation, options: InboxOptions): Promise<InboxResult> {
  let items = 0;
  let pages = 0;
  let wrongPages = 0;
  const task = async (seq: number) => {
    const team = org.teams[seq % org.teams.length]!;
    const answer = await client.get<Page>(`/api/v1/cases?teamId=${team.id}&status=open_all&limit=50`);
    if (answer.status === 200) {
      const list = answer.body.items;
      pages++;
      items += list.length;
      const sorted = list.every((c, i) => i === 0 || list[i - 1]!.lastActivityAt >= c.lastActivityAt);
      if (!sorted || list.some((c) => c.teamId !== team.id || !openStatuses.has(c.status))) wrongPages++;
    }
    return answer.status;
  };
  await runLoad({ concurrency: 1, count: options.warmup }, 200, task);
  items = pages = wrongPages = 0;
  const result = await runLoad({ concurrency: 1, count: options.requests }, 200, task);
  return { ...result, meanItems: pages ? Math.round((items / pages) * 10) / 10 : 0, wrongPages };
}
