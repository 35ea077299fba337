// Refunding a Shopify order on its original payment: the Admin GraphQL `refundCreate`
// mutation (RefundInput: orderId, note, notify, transactions [{orderId, gateway, kind: REFUND,
// amount}]), answered with the refund or `userErrors`. Refunds must not be doubled when a job
// retries after Shopify made the refund but the answer was lost: every refund carries our own
// reference in its note, and a retry first looks for a refund of the order with that note.
import { ProviderError } from '../../../channels/provider-errors.ts';
import type { ShopifyGraphql } from './shopify.graphql.ts';

export interface ShopifyRefundRequest {
  /** gid://shopify/Order/… */
  orderGid: string;
  /** The payment gateway the order was paid with (paymentGatewayNames[0]). */
  gateway: string;
  /** In the currency's smallest unit. */
  amount: number;
  currency: string;
  /** Our refund's id: written in the note, found again on a retry. */
  reference: string;
  note: string;
}

export interface ShopifyRefundResult {
  /** gid://shopify/Refund/… */
  refundId: string;
  /** true when the refund existed already (an earlier attempt made it). */
  found: boolean;
}

const marker = (reference: string) => `[comptoir:${reference}]`;

/** "39900" cents → "399.00": Shopify's Money is a decimal string. */
export function shopifyMoney(amount: number): string {
  return (amount / 100).toFixed(2);
}

export async function existingRefund(client: ShopifyGraphql, orderGid: string, reference: string): Promise<string | null> {
  const data = await client.query<{ order: { refunds: { id: string; note: string | null }[] } | null }>(
    `query RefundsOfOrder($id: ID!) { order(id: $id) { refunds(first: 50) { id note } } }`,
    { id: orderGid },
  );
  if (!data.order) throw new ProviderError('not_found', `Shopify has no order ${orderGid}`);
  return data.order.refunds.find((r) => r.note?.includes(marker(reference)))?.id ?? null;
}

export async function createShopifyRefund(client: ShopifyGraphql, r: ShopifyRefundRequest): Promise<ShopifyRefundResult> {
  const found = await existingRefund(client, r.orderGid, r.reference);
  if (found) return { refundId: found, found: true };
  const data = await client.query<{
    refundCreate: { refund: { id: string } | null; userErrors: { field: string[] | null; message: string }[] };
  }>(
    `mutation RefundOrder($input: RefundInput!) {
      refundCreate(input: $input) { refund { id } userErrors { field message } }
    }`,
    {
      input: {
        orderId: r.orderGid,
        note: `${r.note} ${marker(r.reference)}`,
        notify: true,
        currency: r.currency,
        transactions: [{ orderId: r.orderGid, gateway: r.gateway, kind: 'REFUND', amount: shopifyMoney(r.amount) }],
      },
    },
  );
  const errors = data.refundCreate.userErrors;
  if (errors.length) throw new ProviderError('rejected', errors.map((e) => (e.field?.length ? `${e.field.join('.')}: ${e.message}` : e.message)).join('; '), { providerCode: 'USER_ERRORS' });
  if (!data.refundCreate.refund) throw new ProviderError('rejected', 'Shopify made no refund and gave no reason');
  return { refundId: data.refundCreate.refund.id, found: false };
}
