// Query keys of the inbox's views and counts, in their own module so the live-update
// connection (part of the first screen) can refresh the counts without loading the inbox.
export const viewKeys = {
  all: ['views'] as const,
  list: () => ['views', 'list'] as const,
  counts: () => ['views', 'counts'] as const,
};
