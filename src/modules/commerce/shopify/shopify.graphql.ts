// The Shopify Admin GraphQL API client: POST {shop}/admin/api/{version}/graphql.json with the
// app's access token. Shopify meters queries by cost in a leaky bucket per app and shop
// (extensions.cost.throttleStatus: maximumAvailable, currentlyAvailable, restoreRate per
// second); a query costing more than what is left is answered `errors: [{message:
// "Throttled"}]`. This client waits the time the bucket needs to refill (and paces the next page
// of a lookup before being told to), up to a budget; beyond it, a temporary ProviderError says
// when to come back. Errors become the few provider codes every integration speaks.
import { ProviderError } from '../../../channels/provider-errors.ts';
import { ORDER_FIELDS, parseExactJson } from './shopify.order.ts';

export interface ShopifyApiOptions {
  /** https://{shop}.myshopify.com, or a fake's address. */
  baseUrl: string;
  apiVersion: string;
  accessToken: string;
  /** How long the client may wait for the bucket in all, over one call (a person is waiting). */
  maxWaitMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => Date;
}

interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface GraphqlAnswer<T> {
  data?: T;
  /** A list for GraphQL errors; a bare string on REST-style refusals (401 "[API] Invalid API key…"). */
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cost?: { requestedQueryCost?: number; actualQueryCost?: number | null; throttleStatus?: ThrottleStatus } };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class ShopifyGraphql {
  private readonly options: Required<Omit<ShopifyApiOptions, 'sleep' | 'now'>> & Pick<ShopifyApiOptions, 'sleep' | 'now'>;
  private bucket: ThrottleStatus | null = null;
  private lastCost = 0;
  /** Every wait the client made for the bucket, in ms: what tests and logs look at. */
  readonly waits: number[] = [];

  constructor(options: ShopifyApiOptions) {
    this.options = { maxWaitMs: 10_000, timeoutMs: 20_000, ...options };
  }

  /** The GraphQL endpoint asked. */
  get endpoint(): string {
    return `${this.options.baseUrl.replace(/\/$/, '')}/admin/api/${this.options.apiVersion}/graphql.json`;
  }

  private async wait(ms: number, waited: number): Promise<number> {
    if (waited + ms > this.options.maxWaitMs) {
      const now = this.options.now?.() ?? new Date();
      throw new ProviderError('temporary', `Throttled: Shopify's query budget refills in ${Math.ceil(ms / 1000)} s`, { providerCode: 'THROTTLED', retryAt: new Date(now.getTime() + ms) });
    }
    this.waits.push(ms);
    await (this.options.sleep ?? defaultSleep)(ms);
    return waited + ms;
  }

  /** The time the bucket needs to hold `cost` again. */
  private refillMs(cost: number, status: ThrottleStatus): number {
    const missing = cost - status.currentlyAvailable;
    return missing <= 0 || status.restoreRate <= 0 ? 0 : Math.ceil((missing / status.restoreRate) * 1000);
  }

  async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    let waited = 0;
    // Paced: the previous answer said how much is left; a query as dear as the last one waits for it.
    if (this.bucket && this.lastCost) {
      const ms = this.refillMs(this.lastCost, this.bucket);
      if (ms > 0) waited = await this.wait(ms, waited);
    }
    for (;;) {
      const { status, body, retryAfter } = await this.post(query, variables);
      if (status === 429) {
        waited = await this.wait(retryAfter ?? 1_000, waited);
        continue;
      }
      if (status === 401 || status === 403) throw new ProviderError('auth', body?.errors?.[0]?.message ?? `HTTP ${status}: the access token is refused`, { providerCode: status });
      if (status === 404) throw new ProviderError('not_found', `HTTP 404: no Admin API at ${this.endpoint}`, { providerCode: status });
      if (status >= 500 || !body) throw new ProviderError('temporary', `HTTP ${status} from Shopify`, { providerCode: status });
      if (status >= 400) throw new ProviderError('rejected', body.errors?.map((e) => e.message).join('; ') ?? `HTTP ${status}`, { providerCode: status });
      const cost = body.extensions?.cost;
      if (cost?.throttleStatus) this.bucket = cost.throttleStatus;
      if (cost?.requestedQueryCost) this.lastCost = cost.requestedQueryCost;
      const throttled = body.errors?.some((e) => e.extensions?.code === 'THROTTLED' || e.message === 'Throttled');
      if (throttled) {
        const ms = cost?.throttleStatus ? this.refillMs(cost.requestedQueryCost ?? this.lastCost, cost.throttleStatus) : 1_000;
        waited = await this.wait(Math.max(ms, 50), waited);
        continue;
      }
      if (body.errors?.length) {
        const denied = body.errors.some((e) => e.extensions?.code === 'ACCESS_DENIED');
        throw new ProviderError(denied ? 'auth' : 'rejected', body.errors.map((e) => e.message).join('; '), { providerCode: body.errors[0]?.extensions?.code ?? null });
      }
      if (!body.data) throw new ProviderError('temporary', 'Shopify answered without data');
      return body.data;
    }
  }

  private async post(query: string, variables: Record<string, unknown>): Promise<{ status: number; body: GraphqlAnswer<never> | null; retryAfter: number | null }> {
    let response: Response;
    try {
      response = await fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-shopify-access-token': this.options.accessToken },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new ProviderError('temporary', `Shopify cannot be reached: ${(error as Error).message}`, { cause: error });
    }
    const text = await response.text();
    let body: GraphqlAnswer<never> | null = null;
    try {
      body = text ? (parseExactJson(text) as GraphqlAnswer<never>) : null;
    } catch {
      body = null;
    }
    if (body && body.errors !== undefined && !Array.isArray(body.errors)) body.errors = [{ message: String(body.errors) }];
    const after = response.headers.get('retry-after');
    return { status: response.status, body, retryAfter: after && /^\d+(\.\d+)?$/.test(after) ? Number(after) * 1000 : null };
  }

  /** The shop the token opens: what a connection test asks. */
  async shop(): Promise<{ name: string; myshopifyDomain: string }> {
    const data = await this.query<{ shop: { name: string; myshopifyDomain: string } }>('query { shop { name myshopifyDomain } }');
    return data.shop;
  }

  /** A customer's orders by e-mail, newest first, up to `max` (raw GraphQL nodes). */
  async ordersByEmail(email: string, max = 100): Promise<unknown[]> {
    const nodes: unknown[] = [];
    let after: string | null = null;
    const search = `email:"${email.replace(/["\\]/g, '')}"`;
    while (nodes.length < max) {
      const data: { orders: { edges: { node: unknown }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await this.query(
        `query OrdersOfCustomer($query: String!, $first: Int!, $after: String) {
          orders(first: $first, after: $after, query: $query, reverse: true, sortKey: PROCESSED_AT) {
            edges { node { ${ORDER_FIELDS} } }
            pageInfo { hasNextPage endCursor }
          }
        }`,
        { query: search, first: Math.min(25, max - nodes.length), after },
      );
      nodes.push(...data.orders.edges.map((e) => e.node));
      if (!data.orders.pageInfo.hasNextPage || !data.orders.pageInfo.endCursor) break;
      after = data.orders.pageInfo.endCursor;
    }
    return nodes;
  }
}
