// Query keys of customer data, in their own module so the live-update connection (part of the
// first screen) can refresh a customer's panel without loading the customer pages' code.
export const customerKeys = {
  all: ['customers'] as const,
  details: () => ['customers', 'detail'] as const,
  detail: (id: string) => ['customers', 'detail', id] as const,
  search: (q: string) => ['customers', 'search', q] as const,
  allCases: () => ['customers', 'cases'] as const,
  cases: (id: string) => ['customers', 'cases', id] as const,
};
