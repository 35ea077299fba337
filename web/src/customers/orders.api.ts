// A customer's orders through the API: their orders from every channel with their lines, what
// they are worth, the lookup of their past orders in the connected shops, and the order lines
// the case on screen is about. Answers are checked against the server's own contracts. The keys
// sit under the customer's and the case's, so refreshing a customer or a case refreshes these.
import { infiniteQueryOptions, queryOptions, type QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { backfillSchema, caseOrderLineSchema, customerValueSchema, orderPageSchema, type BackfillDto, type CaseOrderLineDto, type CustomerValueDto, type OrderDto } from '../../../src/modules/commerce/commerce.contract.ts';
import { api } from '../api/http.ts';
import { caseKeys } from '../cases/cases.keys.ts';

export type { BackfillDto, CaseOrderLineDto, CustomerValueDto, OrderDto };
export type OrderLine = OrderDto['lines'][number];

export const orderKeys = {
  orders: (customerId: string) => ['customers', 'orders', customerId] as const,
  value: (customerId: string) => ['customers', 'value', customerId] as const,
  caseLines: (caseId: string) => ['cases', 'order-lines', caseId] as const,
};

export const ORDER_PAGE = 20;
const customerPath = (id: string) => `/api/v1/customers/${encodeURIComponent(id)}`;
const casePath = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}/order-lines`;
const caseLines = z.object({ items: z.array(caseOrderLineSchema) });

export function customerOrdersQuery(customerId: string) {
  return infiniteQueryOptions({
    queryKey: orderKeys.orders(customerId),
    queryFn: ({ pageParam, signal }) => api(`${customerPath(customerId)}/orders`, { query: { limit: ORDER_PAGE, cursor: pageParam }, signal, parse: (j) => orderPageSchema.parse(j) }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function customerValueQuery(customerId: string) {
  return queryOptions({
    queryKey: orderKeys.value(customerId),
    queryFn: ({ signal }): Promise<CustomerValueDto> => api(`${customerPath(customerId)}/value`, { signal, parse: (j) => customerValueSchema.parse(j) }),
  });
}

export function caseOrderLinesQuery(caseId: string) {
  return queryOptions({
    queryKey: orderKeys.caseLines(caseId),
    queryFn: ({ signal }): Promise<CaseOrderLineDto[]> => api(casePath(caseId), { signal, parse: (j) => caseLines.parse(j).items }),
  });
}

export function lookUpOrders(customerId: string): Promise<BackfillDto> {
  return api(`${customerPath(customerId)}/orders/lookup`, { method: 'POST', parse: (j) => backfillSchema.parse(j) });
}

export function linkOrderLine(caseId: string, orderLineId: string): Promise<CaseOrderLineDto> {
  return api(casePath(caseId), { method: 'POST', body: { orderLineId }, parse: (j) => caseOrderLineSchema.parse(j) });
}

export function unlinkOrderLine(caseId: string, orderLineId: string): Promise<void> {
  return api(`${casePath(caseId)}/${encodeURIComponent(orderLineId)}`, { method: 'DELETE' });
}

/** After a link, an unlink or a lookup: the orders, the value, the case's lines and its timeline. */
export async function refreshOrders(queryClient: QueryClient, customerId: string, caseId?: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: orderKeys.orders(customerId) }),
    queryClient.invalidateQueries({ queryKey: orderKeys.value(customerId) }),
    ...(caseId ? [queryClient.invalidateQueries({ queryKey: orderKeys.caseLines(caseId) }), queryClient.invalidateQueries({ queryKey: caseKeys.events(caseId) })] : []),
  ]);
}

/** An amount in the currency's smallest unit, as the reader writes money: "1 234,50 €", "€1,234.50". */
export function formatMoney(amount: number, currency: string, language: string): string {
  const format = new Intl.NumberFormat(language, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/** A day as the reader writes it: "2 mars 2026". */
export function formatDay(iso: string, language: string): string {
  const at = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', ...(iso.length === 10 ? { timeZone: 'UTC' } : {}) }).format(at);
}
