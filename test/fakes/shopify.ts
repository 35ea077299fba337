// A local Shopify for tests, both sides of it. As the sender: webhooks as Shopify posts them —
// the order (or customer) JSON with numeric ids beyond 2^53 written as bare integers, signed
// X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the exact bytes with the app's client secret),
// with X-Shopify-Topic, -Shop-Domain, -API-Version, -Webhook-Id (the same on a retry),
// -Triggered-At and -Event-Id. As the API: the Admin GraphQL endpoint
// (POST /admin/api/{version}/graphql.json, X-Shopify-Access-Token) answering `shop` and
// `orders(first, after, query: "email:…", reverse)` from the orders it holds, metered by a leaky
// bucket as Shopify does (extensions.cost.throttleStatus; a query dearer than what is left is
// answered errors [{message: "Throttled", extensions: {code: "THROTTLED"}}]), a wrong token
// answered 401 with Shopify's bare-string error; `customers(first, query: "email:…")` from the
// orders' customers; and the discountCodeBasicCreate mutation (DiscountCodeBasicInput: title,
// code, startsAt, context or the deprecated customerSelection, customerGets; a code the shop
// already has answered with a userError coded TAKEN). It shares no code with the client it tests;
// anything else it is sent is recorded in `unexpected`.
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeShopifyLine {
  /** Digits: Shopify's ids are integers beyond 2^53. */
  id: string;
  title: string;
  sku: string | null;
  quantity: number;
  /** Unit price, as Shopify writes it: "199.00". */
  price: string;
  vendor?: string;
  /** Discount on the whole line. */
  discount?: string;
}

export interface FakeShopifyFulfillment {
  createdAt: string;
  updatedAt: string;
  /** The carrier's news: "delivered" once it reached the customer. */
  shipmentStatus: string | null;
  lineIds: string[];
}

export interface FakeShopifyOrder {
  id: string;
  orderNumber: number;
  email: string | null;
  phone?: string | null;
  customer?: { id: string; email: string | null; firstName: string; lastName: string; phone?: string | null } | null;
  createdAt: string;
  updatedAt: string;
  currency: string;
  financialStatus: string;
  fulfillmentStatus: string | null;
  gateway: string;
  locale?: string;
  lines: FakeShopifyLine[];
  fulfillments: FakeShopifyFulfillment[];
}

export interface SignedWebhook {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** DiscountCodeBasicInput as the fake reads it: whatever the client sent, none of it trusted. */
interface DiscountCodeBasicInput {
  title?: unknown;
  code?: unknown;
  startsAt?: unknown;
  endsAt?: string | null;
  context?: { all?: unknown; customers?: { add?: unknown } };
  customerSelection?: { all?: unknown; customers?: { add?: unknown } };
  customerGets?: { value?: { discountAmount?: { amount?: unknown; appliesOnEachItem?: unknown } }; items?: { all?: unknown } };
  usageLimit?: number | null;
  appliesOncePerCustomer?: unknown;
}

/** A discount code the fake's shop holds, as it was created. */
export interface FakeShopifyDiscount {
  id: string;
  code: string;
  title: string;
  amount: string;
  appliesOnEachItem: boolean;
  startsAt: string;
  endsAt: string | null;
  /** Customer gids it is limited to; null: all buyers. */
  customers: string[] | null;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
}

export interface FakeShopify {
  url: string;
  shopDomain: string;
  apiVersion: string;
  clientSecret: string;
  accessToken: string;
  orders: FakeShopifyOrder[];
  unexpected: string[];
  /** Queries answered "Throttled". */
  throttled: number;
  graphqlRequests: { query: string; variables: Record<string, unknown> }[];
  /** Discount codes created through the API. */
  discounts: FakeShopifyDiscount[];
  /** Codes the shop already has (made in its admin, say): creating one again is TAKEN. */
  takenCodes: Set<string>;
  /** Spends the bucket down to `left` points (another app of the shop used it). */
  spend(left: number): void;
  /** The merchant uninstalls the app: the access token is refused from now on. */
  revokeToken(): void;
  /** A webhook as Shopify posts it to `url`; `webhookId` is the one a retry repeats. */
  webhook(url: string, topic: string, body: string, options?: { webhookId?: string; secret?: string }): SignedWebhook;
  orderBody(order: FakeShopifyOrder): string;
  customerBody(customer: { id: string; email: string | null; firstName: string; lastName: string; phone?: string | null; locale?: string }): string;
  close(): Promise<void>;
  /** Refunds made through refundCreate (see the refunds block below). */
  refunds: FakeShopifyRefund[];
  /** userErrors messages the next refundCreate calls answer, one per call. */
  refundRejections: string[];
}

/** A webhook as Fastify's inject takes it (the path of the URL it was sent to). */
export function asInjection(signed: SignedWebhook, headers: Record<string, string> = {}) {
  const u = new URL(signed.url);
  return { method: 'POST' as const, url: u.pathname + u.search, headers: { ...signed.headers, ...headers }, payload: signed.body };
}

/** JSON where values `{__int: "digits"}` are written as bare integers, as Shopify's are. */
function jsonWithIntegers(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v && typeof v === 'object' && '__int' in v ? `__int:${(v as { __int: string }).__int}` : v)).replace(/"__int:(\d+)"/g, '$1');
}
const int = (digits: string) => ({ __int: digits });

const cents = (price: string) => Math.round(Number(price) * 100);
const amount = (c: number) => (c / 100).toFixed(2);
const lineTotal = (l: FakeShopifyLine) => cents(l.price) * l.quantity - cents(l.discount ?? '0');
const orderTotal = (o: FakeShopifyOrder) => amount(o.lines.reduce((sum, l) => sum + lineTotal(l), 0));

function webhookOrder(o: FakeShopifyOrder) {
  return {
    id: int(o.id),
    admin_graphql_api_id: `gid://shopify/Order/${o.id}`,
    name: `#${o.orderNumber}`,
    order_number: o.orderNumber,
    email: o.email,
    contact_email: o.email,
    phone: o.phone ?? null,
    created_at: o.createdAt,
    processed_at: o.createdAt,
    updated_at: o.updatedAt,
    currency: o.currency,
    total_price: orderTotal(o),
    subtotal_price: orderTotal(o),
    financial_status: o.financialStatus,
    fulfillment_status: o.fulfillmentStatus,
    payment_gateway_names: [o.gateway],
    customer_locale: o.locale ?? 'fr',
    customer: o.customer
      ? { id: int(o.customer.id), admin_graphql_api_id: `gid://shopify/Customer/${o.customer.id}`, email: o.customer.email, first_name: o.customer.firstName, last_name: o.customer.lastName, phone: o.customer.phone ?? null }
      : null,
    line_items: o.lines.map((l) => ({
      id: int(l.id),
      admin_graphql_api_id: `gid://shopify/LineItem/${l.id}`,
      title: l.title,
      name: l.title,
      quantity: l.quantity,
      price: l.price,
      sku: l.sku,
      vendor: l.vendor ?? null,
      product_id: int(`${l.id}1`),
      variant_id: int(`${l.id}2`),
      total_discount: l.discount ?? '0.00',
      discount_allocations: l.discount ? [{ amount: l.discount, discount_application_index: 0 }] : [],
    })),
    fulfillments: o.fulfillments.map((f, i) => ({
      id: int(`${o.id}${i}`),
      admin_graphql_api_id: `gid://shopify/Fulfillment/${o.id}${i}`,
      created_at: f.createdAt,
      updated_at: f.updatedAt,
      status: 'success',
      shipment_status: f.shipmentStatus,
      line_items: o.lines.filter((l) => f.lineIds.includes(l.id)).map((l) => ({ id: int(l.id), admin_graphql_api_id: `gid://shopify/LineItem/${l.id}`, quantity: l.quantity })),
    })),
  };
}

/** The body of an orders/* webhook for this order, exactly as Shopify writes it. */
export const shopifyOrderBody = (order: FakeShopifyOrder) => jsonWithIntegers(webhookOrder(order));

/** The body of a customers/* webhook. */
export const shopifyCustomerBody = (c: { id: string; email: string | null; firstName: string; lastName: string; phone?: string | null; locale?: string }) =>
  jsonWithIntegers({ id: int(c.id), admin_graphql_api_id: `gid://shopify/Customer/${c.id}`, email: c.email, first_name: c.firstName, last_name: c.lastName, phone: c.phone ?? null, locale: c.locale ?? 'fr' });

const utc = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
const money = (value: string, currency: string) => ({ shopMoney: { amount: value, currencyCode: currency } });

/** The order as the Admin GraphQL API gives it (every field the lookup asks for). */
export function shopifyGraphqlNode(o: FakeShopifyOrder) {
  return {
    id: `gid://shopify/Order/${o.id}`,
    name: `#${o.orderNumber}`,
    email: o.email,
    phone: o.phone ?? null,
    createdAt: utc(o.createdAt),
    processedAt: utc(o.createdAt),
    updatedAt: utc(o.updatedAt),
    currencyCode: o.currency,
    customerLocale: o.locale ?? 'fr',
    displayFinancialStatus: o.financialStatus.toUpperCase(),
    displayFulfillmentStatus: o.fulfillmentStatus === 'partial' ? 'PARTIALLY_FULFILLED' : (o.fulfillmentStatus ?? 'unfulfilled').toUpperCase(),
    paymentGatewayNames: [o.gateway],
    totalPriceSet: money(orderTotal(o), o.currency),
    customer: o.customer ? { email: o.customer.email, phone: o.customer.phone ?? null, firstName: o.customer.firstName, lastName: o.customer.lastName } : null,
    lineItems: {
      edges: o.lines.map((l) => ({
        node: {
          id: `gid://shopify/LineItem/${l.id}`,
          name: l.title,
          sku: l.sku,
          quantity: l.quantity,
          vendor: l.vendor ?? null,
          originalUnitPriceSet: money(l.price, o.currency),
          discountedTotalSet: money(amount(lineTotal(l)), o.currency),
        },
      })),
    },
    fulfillments: o.fulfillments.map((f) => ({
      createdAt: utc(f.createdAt),
      deliveredAt: f.shipmentStatus === 'delivered' ? utc(f.updatedAt) : null,
      status: 'SUCCESS',
      fulfillmentLineItems: { edges: f.lineIds.map((id) => ({ node: { lineItem: { id: `gid://shopify/LineItem/${id}` } } })) },
    })),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeShopify(options: { shopDomain?: string; bucket?: { maximumAvailable: number; restoreRate: number } } = {}): Promise<FakeShopify> {
  const shopDomain = options.shopDomain ?? 'garden-world.myshopify.com';
  const apiVersion = '2025-07';
  const clientSecret = `shpss_${randomUUID().replace(/-/g, '')}`;
  const accessToken = `shpat_${randomUUID().replace(/-/g, '')}`;
  const bucket = { maximumAvailable: 1000, restoreRate: 50, ...options.bucket };
  let available = bucket.maximumAvailable;
  let leakedAt = Date.now();
  const refill = () => {
    const now = Date.now();
    available = Math.min(bucket.maximumAvailable, available + ((now - leakedAt) / 1000) * bucket.restoreRate);
    leakedAt = now;
  };
  const orders: FakeShopifyOrder[] = [];
  const unexpected: string[] = [];
  const graphqlRequests: FakeShopify['graphqlRequests'] = [];
  const refundState: RefundState = { refunds: [], rejections: [] };
  const fake = { throttled: 0, tokenRevoked: false };
  const discounts: FakeShopifyDiscount[] = [];
  const takenCodes = new Set<string>();

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || req.url !== `/admin/api/${apiVersion}/graphql.json`) {
        unexpected.push(`${req.method} ${req.url}`);
        return send(404, { errors: 'Not Found' });
      }
      if (fake.tokenRevoked || req.headers['x-shopify-access-token'] !== accessToken) return send(401, { errors: '[API] Invalid API key or access token (unrecognized login or wrong password)' });
      let parsed: { query?: string; variables?: Record<string, unknown> };
      try {
        parsed = JSON.parse(body) as typeof parsed;
      } catch {
        return send(400, { errors: [{ message: 'Parse error' }] });
      }
      const query = parsed.query ?? '';
      const variables = parsed.variables ?? {};
      graphqlRequests.push({ query, variables });
      const first = Math.min(250, Number(variables.first ?? 10));
      // Roughly Shopify's: a connection costs 2 plus one per node asked, nested connections included.
      const cost = query.includes('orders(') ? 2 + first * 3 : /^\s*mutation\b/.test(query) ? 10 : 1;
      refill();
      const status = () => ({ maximumAvailable: bucket.maximumAvailable, currentlyAvailable: Math.floor(available), restoreRate: bucket.restoreRate });
      if (cost > available) {
        fake.throttled++;
        return send(200, {
          errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' } }],
          extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: status() } },
        });
      }
      available -= cost;
      const extensions = { cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus: status() } };
      if (/\bshop\s*\{/.test(query)) return send(200, { data: { shop: { name: 'Garden World', myshopifyDomain: shopDomain } }, extensions });
      if (query.includes('orders(')) {
        const email = /email:"?([^"\s]+)"?/.exec(String(variables.query ?? ''))?.[1]?.toLowerCase();
        const matching = orders
          .filter((o) => !email || (o.email ?? o.customer?.email ?? '').toLowerCase() === email)
          .sort((a, b) => (variables.reverse === false ? 1 : -1) * (Date.parse(a.createdAt) - Date.parse(b.createdAt)));
        const start = variables.after ? Number(Buffer.from(String(variables.after), 'base64url').toString('utf8')) : 0;
        const page = matching.slice(start, start + first);
        const end = start + page.length;
        return send(200, {
          data: {
            orders: {
              edges: page.map((o, i) => ({ cursor: Buffer.from(String(start + i + 1)).toString('base64url'), node: shopifyGraphqlNode(o) })),
              pageInfo: { hasNextPage: end < matching.length, endCursor: page.length ? Buffer.from(String(end)).toString('base64url') : null },
            },
          },
          extensions,
        });
      }
      const refundAnswer = answerRefunds(query, variables, orders, refundState);
      if (refundAnswer) return send(200, { ...refundAnswer, extensions });
      if (query.includes('customers(')) {
        const email = /email:"?([^"\s]+)"?/.exec(String(variables.query ?? ''))?.[1]?.toLowerCase();
        const found = orders.map((o) => o.customer).find((c) => c && email && (c.email ?? '').toLowerCase() === email);
        return send(200, { data: { customers: { edges: found ? [{ node: { id: `gid://shopify/Customer/${found.id}` } }] : [] } }, extensions });
      }
      if (query.includes('discountCodeBasicCreate(')) {
        const input = (variables.basicCodeDiscount ?? {}) as DiscountCodeBasicInput;
        const userErrors: { field: string[]; code: string; message: string }[] = [];
        const need = (field: string, ok: boolean) => ok || userErrors.push({ field: ['basicCodeDiscount', field], code: 'BLANK', message: `${field} can't be blank` });
        need('title', typeof input.title === 'string' && input.title !== '');
        need('code', typeof input.code === 'string' && input.code !== '');
        need('startsAt', typeof input.startsAt === 'string' && !Number.isNaN(Date.parse(input.startsAt)));
        const buyers = input.context ?? input.customerSelection;
        need('context', !!buyers && (buyers.all === 'ALL' || buyers.all === true || Array.isArray(buyers.customers?.add)));
        const amountOff = input.customerGets?.value?.discountAmount;
        need('customerGets', !!amountOff && /^\d+(\.\d+)?$/.test(String(amountOff.amount)) && input.customerGets?.items?.all === true);
        const code = String(input.code ?? '');
        const exists = takenCodes.has(code.toUpperCase()) || discounts.some((d) => d.code.toUpperCase() === code.toUpperCase());
        if (userErrors.length === 0 && exists) userErrors.push({ field: ['basicCodeDiscount', 'code'], code: 'TAKEN', message: 'Code must be unique. Please try a different code.' });
        if (userErrors.length > 0) return send(200, { data: { discountCodeBasicCreate: { codeDiscountNode: null, userErrors } }, extensions });
        const discount: FakeShopifyDiscount = {
          id: `gid://shopify/DiscountCodeNode/${1_000_000 + discounts.length + 1}`,
          code,
          title: String(input.title),
          amount: String(amountOff!.amount),
          appliesOnEachItem: amountOff!.appliesOnEachItem === true,
          startsAt: String(input.startsAt),
          endsAt: input.endsAt ?? null,
          customers: Array.isArray(buyers!.customers?.add) ? (buyers!.customers.add as string[]) : null,
          usageLimit: input.usageLimit ?? null,
          appliesOncePerCustomer: input.appliesOncePerCustomer === true,
        };
        discounts.push(discount);
        return send(200, { data: { discountCodeBasicCreate: { codeDiscountNode: { id: discount.id }, userErrors: [] } }, extensions });
      }
      unexpected.push(`graphql ${query.slice(0, 80)}`);
      return send(200, { errors: [{ message: 'Field does not exist', extensions: { code: 'undefinedField' } }] });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    shopDomain,
    apiVersion,
    clientSecret,
    accessToken,
    orders,
    unexpected,
    graphqlRequests,
    discounts,
    takenCodes,
    revokeToken() {
      fake.tokenRevoked = true;
    },
    get throttled() {
      return fake.throttled;
    },
    spend(left) {
      refill();
      available = left;
    },
    webhook(target, topic, body, o = {}) {
      const hmac = createHmac('sha256', o.secret ?? clientSecret).update(Buffer.from(body, 'utf8')).digest('base64');
      return {
        url: target,
        body,
        headers: {
          'content-type': 'application/json',
          'x-shopify-topic': topic,
          'x-shopify-hmac-sha256': hmac,
          'x-shopify-shop-domain': shopDomain,
          'x-shopify-api-version': apiVersion,
          'x-shopify-webhook-id': o.webhookId ?? randomUUID(),
          'x-shopify-triggered-at': new Date().toISOString(),
          'x-shopify-event-id': randomUUID(),
        },
      };
    },
    orderBody: shopifyOrderBody,
    customerBody: shopifyCustomerBody,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    refunds: refundState.refunds,
    refundRejections: refundState.rejections,
  };
}

// ---- Refunds: refundCreate(input: RefundInput!) and order(id:) { refunds { id note } } ----
// As Shopify answers them: a refund of an order it holds, its amount at most what is left to
// refund (else userErrors), the transactions' amounts decimal strings; `rejections` lets a test
// make the next refundCreate answer a userError (a card the gateway refuses…).

export interface FakeShopifyRefund {
  id: string;
  orderId: string;
  note: string | null;
  /** Cents, summed over the transactions. */
  amount: number;
  gateway: string;
  notify: boolean;
}

interface RefundState {
  refunds: FakeShopifyRefund[];
  rejections: string[];
}

interface RefundTransactionInput {
  orderId?: string;
  gateway?: string;
  kind?: string;
  amount?: string;
}

function answerRefunds(query: string, variables: Record<string, unknown>, orders: FakeShopifyOrder[], state: RefundState): Record<string, unknown> | null {
  const orderOf = (gidOrId: unknown) => orders.find((o) => `gid://shopify/Order/${o.id}` === gidOrId);
  if (query.includes('refundCreate(')) {
    const input = (variables.input ?? {}) as { orderId?: string; note?: string; notify?: boolean; transactions?: RefundTransactionInput[] };
    const userErrors = (message: string, field: string[]) => ({ data: { refundCreate: { refund: null, userErrors: [{ field, message }] } } });
    const o = orderOf(input.orderId);
    if (!o) return userErrors('Order does not exist', ['orderId']);
    const rejection = state.rejections.shift();
    if (rejection) return userErrors(rejection, ['transactions']);
    const transactions = input.transactions ?? [];
    if (transactions.some((t) => t.kind !== 'REFUND' || !t.gateway || !/^\d+(\.\d{1,2})?$/.test(t.amount ?? ''))) return userErrors('Transactions are invalid', ['transactions']);
    const amount = transactions.reduce((sum, t) => sum + cents(t.amount!), 0);
    const refunded = state.refunds.filter((r) => r.orderId === o.id).reduce((sum, r) => sum + r.amount, 0);
    if (refunded + amount > cents(orderTotal(o))) return userErrors(`Refund amount ${amount / 100} is greater than the amount available to refund`, ['transactions', '0', 'amount']);
    const refund: FakeShopifyRefund = { id: `gid://shopify/Refund/${9000 + state.refunds.length + 1}`, orderId: o.id, note: input.note ?? null, amount, gateway: transactions[0]?.gateway ?? '', notify: input.notify ?? false };
    state.refunds.push(refund);
    return { data: { refundCreate: { refund: { id: refund.id }, userErrors: [] } } };
  }
  if (/\border\(id:/.test(query) && query.includes('refunds')) {
    const o = orderOf(variables.id);
    if (!o) return { data: { order: null } };
    return { data: { order: { refunds: state.refunds.filter((r) => r.orderId === o.id).map((r) => ({ id: r.id, note: r.note })) } } };
  }
  return null;
}

/**
 * Connects the fake shop as an order source through the admin API, the way an admin does
 * (its token and webhook secret): the source's id and the webhook address Shopify posts to.
 */
export async function connectFakeShop(
  admin: { post(url: string, body?: unknown): Promise<{ statusCode: number; body: string; json(): { id: string; webhookUrl: string } }> },
  shop: FakeShopify,
  over: { name?: string; brandId?: string | null; storeId?: string | null; timeZone?: string } = {},
): Promise<{ sourceId: string; webhookUrl: string }> {
  const res = await admin.post('/api/v1/order-sources', {
    kind: 'shopify',
    name: over.name ?? 'Boutique en ligne',
    salesChannel: 'online',
    ...(over.brandId ? { brandId: over.brandId } : {}),
    ...(over.storeId ? { storeId: over.storeId } : {}),
    settings: { shopDomain: shop.shopDomain, apiVersion: shop.apiVersion, apiBaseUrl: shop.url, timeZone: over.timeZone ?? 'Europe/Paris' },
    secrets: { webhookSecret: shop.clientSecret, accessToken: shop.accessToken },
  });
  if (res.statusCode !== 201) throw new Error(`connecting the fake shop: ${res.statusCode} ${res.body}`);
  return { sourceId: res.json().id, webhookUrl: res.json().webhookUrl };
}
