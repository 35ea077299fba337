// Reading a PrestaShop shop's orders: PrestaShop has no webhooks, so a recurring job asks the
// webservice for the orders changed since the source's cursor (the last date_upd read, and the
// id read last at that second), a page at a time, oldest change first. Each page is ingested
// and the cursor moved in one transaction: a crash re-reads a page, never skips one. A run reads
// at most a few pages and the next run goes on, so a shop's whole history comes in over a few
// runs without one job holding a worker for long. A key the shop refuses marks the source
// failing (an admin sees why) and reading stops until it is reactivated.
import { eq } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../../context.ts';
import { ProviderError } from '../../../channels/provider-errors.ts';
import { orderSource } from '../commerce.schema.ts';
import { prestashopSecrets, prestashopSettings, sourceTimeZone } from '../order-sources.kinds.ts';
import { loadSource, markSourceFailing, sourceSecrets } from '../order-sources.service.ts';
import { ingestOrders, type IncomingOrder, type OrderSourceRow } from '../orders.ingest.ts';
import { PrestashopWebservice } from './prestashop.client.ts';
import { orderFromPrestashop, prestashopOrder, type PrestashopLookups } from './prestashop.order.ts';

export const PAGE_SIZE = 100;
const MAX_PAGES_PER_RUN = 20;

export interface PrestashopCursor {
  /** The last date_upd read, on the shop's clock ("2026-03-02 10:00:00"). */
  dateUpd?: string;
  /** The id of the last order read at that second. */
  lastId?: number;
}

export interface PollResult {
  pages: number;
  read: number;
  failed: { id: string; reason: string }[];
  cursor: PrestashopCursor;
}

export function clientFor(ctx: Pick<Ctx, 'secrets'>, source: OrderSourceRow): PrestashopWebservice {
  const settings = prestashopSettings.parse(source.settings);
  const secrets = prestashopSecrets.parse(sourceSecrets(ctx, source));
  return new PrestashopWebservice({ shopUrl: settings.shopUrl, key: secrets.webserviceKey });
}

/** The customers, addresses and currencies a page of orders names, read in three requests. */
async function lookupsFor(client: PrestashopWebservice, rows: Record<string, unknown>[], base: Pick<PrestashopLookups, 'currencies' | 'timeZone' | 'deliveredStates'>): Promise<PrestashopLookups> {
  const ids = (field: string) => [...new Set(rows.map((r) => String(r[field] ?? '')).filter((v) => /^\d+$/.test(v) && v !== '0'))];
  const [customers, addresses] = await Promise.all([
    client.byIds('customers', ids('id_customer'), ['id', 'email', 'firstname', 'lastname']),
    client.byIds('addresses', ids('id_address_delivery'), ['id', 'phone', 'phone_mobile']),
  ]);
  return {
    ...base,
    customers: new Map(customers.map((c) => [String(c.id), c as { email?: string; firstname?: string; lastname?: string }])),
    addresses: new Map(addresses.map((a) => [String(a.id), a as { phone?: string; phone_mobile?: string }])),
  };
}

/** One run over a source: the pages changed since its cursor, each ingested with the cursor moved. */
export async function pollPrestashop(ctx: Ctx, sourceId: string, maxPages = MAX_PAGES_PER_RUN): Promise<PollResult | null> {
  const source = await loadSource(ctx, sourceId);
  if (source.kind !== 'prestashop' || source.state !== 'active') return null;
  const settings = prestashopSettings.parse(source.settings);
  const timeZone = sourceTimeZone(source.settings, ctx.config.defaults.timezone);
  const client = clientFor(ctx, source);
  const cursor: PrestashopCursor = { ...(source.cursor as PrestashopCursor) };
  let from = cursor.dateUpd ?? `${settings.since ?? '1970-01-01'} 00:00:00`;
  let lastId = cursor.lastId ?? 0;
  const result: PollResult = { pages: 0, read: 0, failed: [], cursor };
  try {
    const currencies = new Map((await client.currencies()).map((c) => [String(c.id), String(c.iso_code).toUpperCase()]));
    let offset = 0;
    while (result.pages < maxPages) {
      const page = await client.orders(from, offset, PAGE_SIZE);
      result.pages++;
      const fresh = page.filter((r) => {
        const upd = String(r.date_upd ?? '');
        return upd > from || (upd === from && Number(r.id) > lastId);
      });
      if (fresh.length) {
        const lookups = await lookupsFor(client, fresh, { currencies, timeZone, deliveredStates: settings.deliveredStates });
        const orders: IncomingOrder[] = [];
        for (const row of fresh) {
          try {
            orders.push(orderFromPrestashop(row, lookups));
          } catch (error) {
            // One order the shop describes oddly must not stop the others: it is told, and the
            // cursor moves past it (a later change to it is read again).
            result.failed.push({ id: String(row.id), reason: error instanceof Error ? error.message : String(error) });
          }
        }
        const last = prestashopOrder.parse(fresh[fresh.length - 1]);
        from = last.date_upd;
        lastId = Number(last.id);
        await inTransaction(ctx, async (tx) => {
          await ingestOrders(tx, source, orders);
          await tx.db.update(orderSource).set({ cursor: { dateUpd: from, lastId } }).where(eq(orderSource.id, source.id));
        });
        result.read += orders.length;
        result.cursor = { dateUpd: from, lastId };
      }
      if (page.length < PAGE_SIZE) break;
      // A full page all changed in the cursor's second: the rest of that second is further on.
      offset = page.every((r) => String(r.date_upd ?? '') === from) ? offset + PAGE_SIZE : 0;
    }
  } catch (error) {
    if (error instanceof ProviderError && error.code === 'auth') {
      await markSourceFailing(ctx, source.id, `PrestaShop refuses the webservice key: ${error.message}`);
      ctx.log.error({ source: source.id }, 'prestashop: the webservice key is refused; the source is marked failing');
      return result;
    }
    throw error;
  }
  if (result.failed.length) ctx.log.warn({ source: source.id, failed: result.failed }, 'prestashop: orders that could not be read');
  return result;
}
