// A local PrestaShop webservice for tests: GET /api/{orders|customers|addresses|currencies} with
// the webservice key as the HTTP Basic user name (or ?ws_key=), JSON only when asked with
// output_format=JSON (XML otherwise, like PrestaShop), filters as PrestaShop reads them —
// `filter[f]=[a,b]` an interval (on a date field only with `date=1`), `filter[f]=[1|2|3]` a list,
// `filter[f]=[v]` a value —, `sort=[field_ASC,…]`, `limit=offset,count`, `display=full` or
// `display=[f1,f2]` (ids only by default), numbers written as strings, an empty list answered `[]`.
// It shares no code with the client it tests; anything else is recorded in `unexpected`.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakePsRow {
  id: number;
  name: string;
  reference: string;
  ean13?: string;
  quantity: number;
  /** "29.900000", as PrestaShop writes it. */
  unitPriceTaxIncl: string;
}

export interface FakePsOrder {
  id: number;
  reference: string;
  idCustomer: number;
  idAddressDelivery: number;
  idCurrency: number;
  currentState: number;
  valid: boolean;
  payment: string;
  /** The shop's wall clock: "2026-03-02 10:00:00". */
  dateAdd: string;
  dateUpd: string;
  deliveryDate?: string;
  rows: FakePsRow[];
}

export interface FakePrestashop {
  url: string;
  key: string;
  orders: FakePsOrder[];
  customers: { id: number; email: string; firstname: string; lastname: string }[];
  addresses: { id: number; phone: string; phone_mobile: string }[];
  currencies: { id: number; iso_code: string }[];
  requests: { resource: string; query: Record<string, string> }[];
  unexpected: string[];
  close(): Promise<void>;
}

const DATE_FIELDS = new Set(['date_add', 'date_upd', 'delivery_date', 'invoice_date']);

function orderRow(o: FakePsOrder): Record<string, unknown> {
  const total = o.rows.reduce((s, r) => s + Math.round(Number(r.unitPriceTaxIncl) * 1_000_000) * r.quantity, 0);
  return {
    id: o.id,
    id_address_delivery: String(o.idAddressDelivery),
    id_address_invoice: String(o.idAddressDelivery),
    id_cart: String(o.id + 100),
    id_currency: String(o.idCurrency),
    id_lang: '1',
    id_customer: String(o.idCustomer),
    id_carrier: '2',
    current_state: String(o.currentState),
    module: 'ps_checkpayment',
    invoice_number: '0',
    invoice_date: '0000-00-00 00:00:00',
    delivery_number: '0',
    delivery_date: o.deliveryDate ?? '0000-00-00 00:00:00',
    valid: o.valid ? '1' : '0',
    date_add: o.dateAdd,
    date_upd: o.dateUpd,
    reference: o.reference,
    payment: o.payment,
    total_paid: (total / 1_000_000).toFixed(6),
    total_paid_tax_incl: (total / 1_000_000).toFixed(6),
    associations: {
      order_rows: o.rows.map((r) => ({
        id: String(r.id),
        product_id: String(r.id * 10),
        product_attribute_id: '0',
        product_quantity: String(r.quantity),
        product_name: r.name,
        product_reference: r.reference,
        product_ean13: r.ean13 ?? '',
        product_price: r.unitPriceTaxIncl,
        unit_price_tax_incl: r.unitPriceTaxIncl,
        unit_price_tax_excl: (Number(r.unitPriceTaxIncl) / 1.2).toFixed(6),
      })),
    },
  };
}

type Row = Record<string, unknown>;

/** PrestaShop's filter syntax: [a,b] interval, [a|b] list, [a] value. */
function matches(value: unknown, filter: string, isDate: boolean): boolean {
  const inner = /^\[(.*)\]$/.exec(filter)?.[1];
  if (inner === undefined) return String(value) === filter;
  const text = String(value);
  if (inner.includes(',')) {
    const [a, b] = inner.split(',');
    return isDate ? text >= a! && text <= b! : Number(text) >= Number(a) && Number(text) <= Number(b);
  }
  return inner.split('|').includes(text);
}

function sortRows(rows: Row[], sort: string): Row[] {
  const keys = (/^\[(.*)\]$/.exec(sort)?.[1] ?? '').split(',').filter(Boolean);
  return [...rows].sort((x, y) => {
    for (const k of keys) {
      const [, field, dir] = /^(.*)_(ASC|DESC)$/.exec(k) ?? [];
      if (!field) continue;
      const a = x[field];
      const b = y[field];
      const cmp = typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
      if (cmp) return dir === 'DESC' ? -cmp : cmp;
    }
    return 0;
  });
}

export async function startFakePrestashop(): Promise<FakePrestashop> {
  const key = randomBytes(16).toString('hex').toUpperCase();
  const state: Omit<FakePrestashop, 'url' | 'key' | 'close'> = { orders: [], customers: [], addresses: [], currencies: [{ id: 1, iso_code: 'EUR' }], requests: [], unexpected: [] };

  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(u.searchParams);
    const json = query.output_format === 'JSON';
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': json ? 'application/json' : 'text/xml;charset=utf-8', 'psws-version': '8.2.0' });
      res.end(json ? JSON.stringify(body) : `<?xml version="1.0" encoding="UTF-8"?>\n<prestashop xmlns:xlink="http://www.w3.org/1999/xlink"><!-- ${JSON.stringify(body)} --></prestashop>`);
    };
    const resource = /^\/api\/(orders|customers|addresses|currencies)$/.exec(u.pathname)?.[1];
    if (req.method !== 'GET' || !resource) {
      state.unexpected.push(`${req.method} ${req.url}`);
      return send(404, { errors: [{ code: 20, message: 'Method not allowed or resource not found' }] });
    }
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const user = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':')[0] : query.ws_key;
    if (user !== key) {
      res.setHeader('www-authenticate', 'Basic realm="Welcome to PrestaShop Webservice, please enter the authentication key as the login. No password required."');
      return send(401, { errors: [{ code: 18, message: user ? 'Invalid authentication key' : 'Authentication key is empty' }] });
    }
    state.requests.push({ resource, query });
    let rows: Row[] =
      resource === 'orders' ? state.orders.map(orderRow) : resource === 'customers' ? state.customers : resource === 'addresses' ? state.addresses : state.currencies;
    for (const [name, value] of Object.entries(query)) {
      const field = /^filter\[(\w+)\]$/.exec(name)?.[1];
      if (!field) continue;
      const isDate = DATE_FIELDS.has(field);
      if (isDate && value.includes(',') && query.date !== '1') return send(400, { errors: [{ code: 92, message: 'The \'date\' parameter must be set to 1 to filter on dates' }] });
      rows = rows.filter((r) => matches(r[field], value, isDate));
    }
    if (query.sort) rows = sortRows(rows, query.sort);
    if (query.limit) {
      const [a, b] = query.limit.split(',').map(Number);
      rows = b === undefined ? rows.slice(0, a) : rows.slice(a, a! + b);
    }
    const display = query.display;
    const fields = display === 'full' ? null : (/^\[(.*)\]$/.exec(display ?? '[id]')?.[1] ?? 'id').split(',');
    const shown = fields ? rows.map((r) => Object.fromEntries(fields.map((f) => [f, r[f]]))) : rows;
    if (shown.length === 0) return send(200, []);
    return send(200, { [resource]: shown });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    ...state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    key,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
