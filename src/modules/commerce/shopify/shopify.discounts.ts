// Discount codes on a Shopify shop, through the Admin GraphQL API (discountCodeBasicCreate,
// write_discounts): a fixed amount off the whole order, once, for one customer when the shop
// knows them (else for whoever holds the code, which is unguessable). Shopify refuses a code the
// shop already has with a userError coded TAKEN: that comes back as `taken` for the caller to
// draw another; any other userError is a rejection. Transport, throttling and credentials are
// the ShopifyGraphql client's.
import { ProviderError } from '../../../channels/provider-errors.ts';
import type { ShopifyGraphql } from './shopify.graphql.ts';

export interface DiscountCodeRequest {
  title: string;
  code: string;
  /** In the shop's currency, minor units. */
  amount: number;
  currencyDigits: number;
  startsAt: Date;
  endsAt: Date | null;
  /** The customer's gid on the shop; null: anyone holding the code. */
  customerGid: string | null;
}

export type DiscountCodeOutcome = { state: 'created'; discountId: string } | { state: 'taken' };

interface UserError {
  field: string[] | null;
  code: string | null;
  message: string;
}

const CREATE = `mutation CreateVoucher($basicCodeDiscount: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
    codeDiscountNode { id }
    userErrors { field code message }
  }
}`;

/** The amount as Shopify's Decimal scalar: "25.00". */
export function decimalOf(minor: number, digits: number): string {
  if (digits === 0) return String(minor);
  const sign = minor < 0 ? '-' : '';
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

export async function createDiscountCode(client: ShopifyGraphql, r: DiscountCodeRequest): Promise<DiscountCodeOutcome> {
  const data = await client.query<{ discountCodeBasicCreate: { codeDiscountNode: { id: string } | null; userErrors: UserError[] } }>(CREATE, {
    basicCodeDiscount: {
      title: r.title,
      code: r.code,
      startsAt: r.startsAt.toISOString(),
      endsAt: r.endsAt?.toISOString() ?? null,
      // `context` replaced `customerSelection` (deprecated) in the Admin API.
      context: r.customerGid ? { customers: { add: [r.customerGid] } } : { all: 'ALL' },
      customerGets: { value: { discountAmount: { amount: decimalOf(r.amount, r.currencyDigits), appliesOnEachItem: false } }, items: { all: true } },
      appliesOncePerCustomer: true,
      usageLimit: 1,
    },
  });
  const result = data.discountCodeBasicCreate;
  if (result.userErrors.some((e) => e.code === 'TAKEN')) return { state: 'taken' };
  if (result.userErrors.length > 0 || !result.codeDiscountNode) {
    const first = result.userErrors[0];
    throw new ProviderError('rejected', result.userErrors.map((e) => `${e.field?.join('.') ?? ''}: ${e.message}`).join('; ') || 'Shopify created no discount', { providerCode: first?.code ?? null });
  }
  return { state: 'created', discountId: result.codeDiscountNode.id };
}

/** The shop's customer with this e-mail (its gid), if it has one. */
export async function shopCustomerByEmail(client: ShopifyGraphql, email: string): Promise<string | null> {
  const data = await client.query<{ customers: { edges: { node: { id: string } }[] } }>(
    `query CustomerByEmail($query: String!) { customers(first: 1, query: $query) { edges { node { id } } } }`,
    { query: `email:"${email.replace(/["\\]/g, '')}"` },
  );
  return data.customers.edges[0]?.node.id ?? null;
}
