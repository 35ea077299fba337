// Query keys of case data, in their own module so the live-update connection (part of the
// first screen) can invalidate them without loading the case pages' code.
export const caseKeys = {
  all: ['cases'] as const,
  lists: () => ['cases', 'list'] as const,
  list: (params: Record<string, unknown>) => ['cases', 'list', params] as const,
  detail: (id: string) => ['cases', 'detail', id] as const,
  events: (id: string) => ['cases', 'events', id] as const,
};
