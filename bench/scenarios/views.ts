// The inbox's sidebar: the counts of every view (GET /api/v1/views/counts, one statement over
// the open cases of the user's scope) and the list of saved views (GET /api/v1/views), as the
// administrator's screen asks for them: an unrestricted user, the costliest count. The
// administrator keeps a realistic set of saved views first, private and shared, with relative
// periods and one that also lists solved cases (counted up to 1,000 in a subquery of its own).
// Sequential requests after a warm-up, like the inbox's first page.
import type { Organisation } from '../bootstrap.ts';
import { expectStatus, type HttpClient } from '../http.ts';
import { runLoad, type LoadResult } from '../load.ts';

export interface ViewsOptions {
  countRequests: number;
  listRequests: number;
  warmup: number;
  /** Stop the counts after this long if their requests are not all done (they cost a scan each). */
  countBudgetMs?: number;
}

export interface ViewsResult {
  savedViews: number;
  /** GET /api/v1/views/counts; `views`: the counts in each answer. */
  counts: LoadResult & { views: number; wrongAnswers: number };
  /** GET /api/v1/views. */
  list: LoadResult & { wrongAnswers: number };
}

type Filters = Record<string, unknown>;

/** The administrator's saved views: a mix of what agents and managers keep. */
function savedViewPlan(org: Organisation): { name: string; filters: Filters; shared: boolean }[] {
  const open = { status: ['open_all'] };
  return [
    { name: 'Mes dossiers urgents', filters: { ...open, assigneeId: 'me', priority: ['high', 'urgent'] }, shared: false },
    { name: 'Ouverts cette semaine', filters: { ...open, createdPeriod: 'this_week' }, shared: false },
    { name: 'Sans nouvelles depuis 7 jours', filters: { ...open, activityPeriod: 'older_than_7_days' }, shared: true },
    { name: 'En retard', filters: { ...open, sla: ['breached'] }, shared: true },
    { name: `${org.teams[0]!.slug} : non attribués`, filters: { ...open, teamId: org.teams[0]!.id, assigneeId: 'none' }, shared: true },
    { name: 'En attente, par motif', filters: { status: ['waiting_customer', 'waiting_third_party'], reason: org.reasonKeys.slice(0, 2) }, shared: false },
    // Beyond the open cases: its own subquery, stopped at 1,000.
    { name: 'Résolus ces 7 derniers jours', filters: { status: ['solved'], activityPeriod: 'last_7_days' }, shared: false },
  ];
}

/** Saves the plan's views the administrator does not have yet (scales after the first find them). */
export async function ensureSavedViews(client: HttpClient, org: Organisation): Promise<string[]> {
  const have = expectStatus(await client.get<{ items: { id: string; name: string }[] }>('/api/v1/views'), 200, 'list views').items;
  const ids: string[] = [];
  for (const view of savedViewPlan(org)) {
    const found = have.find((v) => v.name === view.name);
    ids.push(found ? found.id : expectStatus(await client.post<{ id: string }>('/api/v1/views', view), 201, `save view ${view.name}`).id);
  }
  return ids;
}

const builtins = ['open', 'mine', 'team', 'unassigned', 'breaching', 'waiting'];

export async function measureViews(client: HttpClient, org: Organisation, options: ViewsOptions): Promise<ViewsResult> {
  const saved = await ensureSavedViews(client, org);
  // As the inbox asks: days of relative periods counted in the browser's zone.
  const countsPath = '/api/v1/views/counts?timeZone=Europe%2FParis';
  let views = 0;
  let countWrong = 0;
  let listWrong = 0;
  const counts = async () => {
    const answer = await client.get<{ counts: Record<string, number> }>(countsPath);
    if (answer.status === 200) {
      const n = answer.body.counts;
      views = Object.keys(n).length;
      if ([...builtins, ...saved].some((id) => typeof n[id] !== 'number') || n.mine! > n.open! || n.unassigned! > n.open!) countWrong++;
    }
    return answer.status;
  };
  const list = async () => {
    const answer = await client.get<{ items: { id: string }[] }>('/api/v1/views');
    if (answer.status === 200 && !saved.every((id) => answer.body.items.some((v) => v.id === id))) listWrong++;
    return answer.status;
  };

  await runLoad({ concurrency: 1, count: options.warmup }, 200, counts);
  countWrong = 0;
  const countsResult = await runLoad({ concurrency: 1, count: options.countRequests, ...(options.countBudgetMs ? { durationMs: options.countBudgetMs } : {}) }, 200, counts);
  await runLoad({ concurrency: 1, count: options.warmup }, 200, list);
  listWrong = 0;
  const listResult = await runLoad({ concurrency: 1, count: options.listRequests }, 200, list);
  return { savedViews: saved.length, counts: { ...countsResult, views, wrongAnswers: countWrong }, list: { ...listResult, wrongAnswers: listWrong } };
}
