// The customer search page's query string: the search text, kept in the address so that
// back and forward, and a shared link, show the same results.
export interface CustomerSearch {
  q?: string;
}

export function parseCustomerSearch(raw: Record<string, unknown>): CustomerSearch {
  return typeof raw.q === 'string' && raw.q.trim() ? { q: raw.q.slice(0, 200) } : {};
}
