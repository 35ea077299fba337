// The PrestaShop webservice client: {shopUrl}/api/{resource}, HTTP Basic with the webservice
// key as the user name (no password), JSON asked with output_format=JSON (XML otherwise). Lists
// are filtered (`filter[date_upd]=[from,to]` with `date=1` for dates, `filter[id]=[1|2|3]`),
// sorted, paged with `limit=offset,count` and given whole with `display=full`. PrestaShop answers
// an empty list with `[]` rather than `{"orders": []}`. Errors become the few provider codes.
import { ProviderError } from '../../../channels/provider-errors.ts';

export interface PrestashopOptions {
  shopUrl: string;
  key: string;
  timeoutMs?: number;
}

type Row = Record<string, unknown>;

/** Far enough ahead for "everything changed since": PrestaShop's interval filter needs both ends. */
const END_OF_TIME = '9999-12-31 23:59:59';

export class PrestashopWebservice {
  private readonly options: PrestashopOptions;

  constructor(options: PrestashopOptions) {
    this.options = options;
  }

  private url(resource: string, params: Record<string, string>): string {
    const query = new URLSearchParams({ output_format: 'JSON', ...params });
    return `${this.options.shopUrl.replace(/\/$/, '')}/api/${resource}?${query}`;
  }

  /** A resource list (`orders`, `customers`…): its rows, [] when there are none. */
  async list(resource: string, params: Record<string, string>): Promise<Row[]> {
    let response: Response;
    try {
      response = await fetch(this.url(resource, params), {
        headers: { authorization: `Basic ${Buffer.from(`${this.options.key}:`).toString('base64')}`, accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new ProviderError('temporary', `The shop cannot be reached: ${(error as Error).message}`, { cause: error });
    }
    const text = await response.text();
    let body: unknown = null;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // PrestaShop's PHP errors come as HTML; the status says enough.
    }
    if (!response.ok) throw prestashopError(response.status, body);
    if (Array.isArray(body)) return [];
    const rows = (body as Record<string, unknown> | null)?.[resource];
    if (!Array.isArray(rows)) throw new ProviderError('temporary', `The webservice's answer has no "${resource}" list (is output_format=JSON supported?)`);
    return rows as Row[];
  }

  /** Orders changed since `from` (the shop's wall clock, inclusive), oldest change first. */
  orders(from: string, offset: number, count: number): Promise<Row[]> {
    return this.list('orders', {
      display: 'full',
      'filter[date_upd]': `[${from},${END_OF_TIME}]`,
      date: '1',
      sort: '[date_upd_ASC,id_ASC]',
      limit: `${offset},${count}`,
    });
  }

  /** Rows of a resource by id (customers, addresses), the fields named only. */
  byIds(resource: string, ids: string[], fields: string[]): Promise<Row[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.list(resource, { display: `[${fields.join(',')}]`, 'filter[id]': `[${ids.join('|')}]` });
  }

  currencies(): Promise<Row[]> {
    return this.list('currencies', { display: '[id,iso_code]' });
  }
}

function prestashopError(status: number, body: unknown): ProviderError {
  const first = (body as { errors?: { code?: number; message?: string }[] } | null)?.errors?.[0];
  const message = first?.message ?? `HTTP ${status}`;
  const providerCode = first?.code ?? status;
  if (status === 401 || status === 403) return new ProviderError('auth', message, { providerCode });
  if (status === 404) return new ProviderError('not_found', message, { providerCode });
  if (status === 429 || status >= 500) return new ProviderError('temporary', message, { providerCode });
  return new ProviderError('rejected', message, { providerCode });
}
