// The inbox views' shapes, shared with the web app: the filters a view holds, the built-in
// views (what each one lists), saved views and the counts per view. Only zod and plain data.
import { z } from 'zod';
import { caseFilterItems, caseSortOrders, channels, type CaseSortOrder, type Channel } from '../cases/cases.contract.ts';
import { periodTimeZone } from '../cases/relative-periods.contract.ts';

const id = z.uuid();
const instant = z.iso.datetime({ offset: true });
const list = <T extends z.ZodType>(item: T, max = 50) => z.array(item).min(1).max(max).optional();

/** The filters of a view, as JSON: the same items as GET /api/v1/cases, lists as arrays. */
export const viewFilters = z
  .strictObject({
    status: list(caseFilterItems.status, 10),
    teamId: caseFilterItems.teamId.optional(),
    assigneeId: caseFilterItems.assigneeId.optional(),
    storeId: list(caseFilterItems.storeId),
    brandId: list(caseFilterItems.brandId),
    channel: list(caseFilterItems.channel),
    priority: list(caseFilterItems.priority),
    reason: list(caseFilterItems.reason),
    step: list(caseFilterItems.step),
    tag: list(caseFilterItems.tag, 30),
    sla: list(caseFilterItems.sla, 4),
    language: caseFilterItems.language.optional(),
    createdFrom: instant.optional(),
    createdTo: instant.optional(),
    activityFrom: instant.optional(),
    activityTo: instant.optional(),
    // Kept as words, resolved when the view is listed or counted: "the last 7 days" stays true tomorrow.
    createdPeriod: caseFilterItems.period.optional(),
    activityPeriod: caseFilterItems.period.optional(),
  })
  .meta({ id: 'ViewFilters', description: 'What a view lists: the filters of GET /api/v1/cases, lists as arrays; no status means every status; periods (createdPeriod, activityPeriod) are kept relative and resolved at each listing and count' });
export type ViewFilters = z.infer<typeof viewFilters>;

export interface ViewDefinition {
  filters: ViewFilters;
  sort: CaseSortOrder;
}

/**
 * The views every user has. `team` is the open cases of the teams the user belongs to;
 * `breaching` the open cases whose SLA is breached or due within two hours, most urgent first.
 * Besides these, `channel:<channel>` and `store:<store id or none>` list the open cases of one
 * channel or one store (none: the web, no store).
 */
export const builtinViewIds = ['open', 'mine', 'team', 'unassigned', 'breaching', 'waiting'] as const;
export type BuiltinViewId = (typeof builtinViewIds)[number];

const openCases = { status: ['open_all'] } satisfies ViewFilters;
const byActivity = '-lastActivityAt' satisfies CaseSortOrder;

export const builtinViews: Record<BuiltinViewId, ViewDefinition> = {
  open: { filters: openCases, sort: byActivity },
  mine: { filters: { ...openCases, assigneeId: 'me' }, sort: byActivity },
  team: { filters: { ...openCases, teamId: 'mine' }, sort: byActivity },
  unassigned: { filters: { ...openCases, assigneeId: 'none' }, sort: byActivity },
  breaching: { filters: { ...openCases, sla: ['breached', 'due_soon'] }, sort: 'slaDueAt' },
  waiting: { filters: { status: ['waiting_customer'] }, sort: byActivity },
};

export const channelViewId = (channel: Channel) => `channel:${channel}`;
export const storeViewId = (storeId: string | null) => `store:${storeId ?? 'none'}`;

const uuidText = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The definition of a built-in view id (`mine`, `channel:email`, `store:…`), or null. */
export function builtinView(viewId: string): ViewDefinition | null {
  if ((builtinViewIds as readonly string[]).includes(viewId)) return builtinViews[viewId as BuiltinViewId];
  const [kind, value] = viewId.split(':');
  if (kind === 'channel' && (channels as readonly string[]).includes(value ?? '')) {
    return { filters: { ...openCases, channel: [value as Channel] }, sort: byActivity };
  }
  if (kind === 'store' && value && (value === 'none' || uuidText.test(value))) {
    return { filters: { ...openCases, storeId: [value] }, sort: byActivity };
  }
  return null;
}

export const viewSchema = z
  .object({
    id,
    name: z.string(),
    filters: viewFilters,
    sort: z.enum(caseSortOrders),
    shared: z.boolean().describe('Shown to everyone (only managers and admins share views)'),
    owner: z.object({ id, name: z.string() }),
    position: z.number().int().describe('Order in its group (the user’s own views, or the shared views), from 0'),
    editable: z.boolean().describe('Whether you may rename, reorder or delete it'),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'SavedView' });
export type ViewDto = z.infer<typeof viewSchema>;

const name = z.string().trim().min(1).max(80);

export const createViewBody = z.strictObject({
  name,
  filters: viewFilters,
  sort: z.enum(caseSortOrders).default('-lastActivityAt'),
  shared: z.boolean().default(false).describe('Managers and admins only'),
});
export type CreateViewInput = z.infer<typeof createViewBody>;

export const updateViewBody = z
  .strictObject({
    name: name.optional(),
    filters: viewFilters.optional(),
    sort: z.enum(caseSortOrders).optional(),
    shared: z.boolean().optional().describe('Managers and admins only'),
    position: z.number().int().min(0).max(1000).optional().describe('Move it to this place in its group (0: first)'),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });
export type UpdateViewInput = z.infer<typeof updateViewBody>;

/** Counts of views beyond the open cases stop at this many (they would read every closed case). */
export const VIEW_COUNT_CAP = 1_000;

export const viewCountsQuery = z.strictObject({ timeZone: periodTimeZone.optional() });

export const viewCountsSchema = z
  .object({
    at: instant.describe('The instant the SLA states were judged at'),
    counts: z
      .record(z.string(), z.number().int())
      .describe('Cases per view: built-in ids (open, mine, team, unassigned, breaching, waiting), channel:<channel> and store:<id|none> with at least one open case, and saved view ids'),
    capped: z.array(z.string()).describe(`Views whose count stopped at ${VIEW_COUNT_CAP} (there are more)`),
  })
  .meta({ id: 'ViewCounts' });
export type ViewCounts = z.infer<typeof viewCountsSchema>;
