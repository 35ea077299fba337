// One record of the file → one order line, or the reason it is skipped. The mapping is
// compiled against the header once (field → column index); each row then costs a few slices
// and parses. Contact details are normalised as everywhere else (customers/identities.ts),
// through a small cache: a till export repeats a ticket's e-mail on each of its lines, and
// loyal customers come back, while a phone number costs libphonenumber tens of microseconds.
import { z } from 'zod';
import { normalisePhone } from '../../customers/identities.ts';
import type { CsvRecord } from './csv-parser.ts';
import { detachedText } from './detached-text.ts';
import { ImportFileError } from './import-errors.ts';
import type { BadRow, BadRowCode, ColumnMapping, ImportField } from './import.contract.ts';
import { parseCondition, parseMinorUnits, parseMoment, parseQuantity, type DateOrder, type LocalMoment } from './local-values.ts';

export interface StoreRef {
  id: string;
  code: string;
  brandId: string;
  timezone: string;
}

export interface StoreDirectory {
  /** By code, else by name, ignoring case and surrounding spaces. */
  find(text: string): StoreRef | undefined;
}

export interface ImportLine {
  line: number;
  /** The order's key within its source: the number, prefixed by the store's code when the file names stores. */
  orderKey: string;
  number: string;
  store: StoreRef | null;
  purchased: LocalMoment;
  delivered: LocalMoment | null;
  email: string | null;
  phone: string | null;
  customerName: string | null;
  sku: string | null;
  ean: string | null;
  productName: string;
  category: string | null;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
  paymentMethod: string | null;
  condition: 'new' | 'used';
}

export interface RowContext {
  stores: StoreDirectory;
  /** The source's store, for files that do not name one. */
  defaultStore: StoreRef | null;
  /** Digits of the currency's smallest unit (2 for EUR). */
  minorDigits: number;
  dateOrder: DateOrder;
  /** For phone numbers written nationally ("06 12 34 56 78"). */
  country: string;
}

const MAX_KEY = 100;
const MAX_TEXT = 500;
/** The check customers/identities.ts makes, so an imported e-mail is one everywhere else. */
const email = z.email();

export class RowReader {
  private readonly columns: Partial<Record<ImportField, number>> = {};
  private readonly emails = new BoundedCache<string | null>(20_000);
  private readonly phones = new BoundedCache<string | null>(20_000);
  private readonly context: RowContext;

  constructor(headers: readonly string[], mapping: ColumnMapping, context: RowContext) {
    this.context = context;
    const index = new Map<string, number>();
    headers.forEach((h, i) => {
      if (!index.has(h.trim())) index.set(h.trim(), i);
    });
    const missing: string[] = [];
    for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
      const at = index.get(header.trim());
      if (at === undefined) missing.push(header);
      else this.columns[field] = at;
    }
    if (missing.length) {
      throw new ImportFileError('missing_columns', `The file has no column ${missing.map((m) => `"${m}"`).join(', ')}`, { line: 1, details: { missing } });
    }
  }

  read(record: CsvRecord): ImportLine | BadRow {
    const line = record.line;
    const cell = (field: ImportField): string => {
      const at = this.columns[field];
      return at === undefined ? '' : (record.fields[at] ?? '').trim();
    };
    const bad = (code: BadRowCode, field: ImportField | null): BadRow => ({ line, code, field, value: field ? cell(field).slice(0, 200) : null });

    const number = cell('orderNumber');
    if (!number) return bad('missing_value', 'orderNumber');
    if (number.length > MAX_KEY) return bad('too_long', 'orderNumber');

    let store = this.context.defaultStore;
    if (this.columns.store !== undefined) {
      const text = cell('store');
      if (!text) return bad('missing_value', 'store');
      const found = this.context.stores.find(text);
      if (!found) return bad('unknown_store', 'store');
      store = found;
    }

    const purchasedText = cell('purchasedAt');
    if (!purchasedText) return bad('missing_value', 'purchasedAt');
    const purchased = parseMoment(purchasedText, this.context.dateOrder);
    if (!purchased) return bad('bad_date', 'purchasedAt');
    const deliveredText = cell('deliveredAt');
    const delivered = deliveredText ? parseMoment(deliveredText, this.context.dateOrder) : null;
    if (deliveredText && !delivered) return bad('bad_date', 'deliveredAt');

    const quantityText = cell('quantity');
    if (!quantityText) return bad('missing_value', 'quantity');
    const quantity = parseQuantity(quantityText);
    if (quantity === null || quantity === 0) return bad('bad_quantity', 'quantity');

    const digits = this.context.minorDigits;
    const unitText = cell('unitPrice');
    const totalText = cell('lineTotal');
    let unitPrice = unitText ? parseMinorUnits(unitText, digits) : null;
    if (unitText && unitPrice === null) return bad('bad_number', 'unitPrice');
    let lineTotal = totalText ? parseMinorUnits(totalText, digits) : null;
    if (totalText && lineTotal === null) return bad('bad_number', 'lineTotal');
    if (unitPrice === null && lineTotal === null) return bad('no_price', this.columns.unitPrice !== undefined ? 'unitPrice' : 'lineTotal');
    // The total the till printed wins (discounts): the unit price is derived only when absent.
    lineTotal ??= unitPrice! * quantity;
    unitPrice ??= Math.round(lineTotal / quantity);

    const sku = cell('sku') || null;
    const ean = cell('ean') || null;
    if (sku && sku.length > MAX_KEY) return bad('too_long', 'sku');
    if (ean && ean.length > MAX_KEY) return bad('too_long', 'ean');
    const productName = (cell('productName') || sku || ean || '').slice(0, MAX_TEXT);
    if (!productName) return bad('no_product', this.columns.sku !== undefined ? 'sku' : this.columns.productName !== undefined ? 'productName' : 'ean');

    const emailText = cell('customerEmail');
    const customerEmail = emailText ? this.emails.get(emailText, normaliseEmail) : null;
    if (emailText && !customerEmail) return bad('bad_email', 'customerEmail');
    const phoneText = cell('customerPhone');
    const phone = phoneText ? this.phones.get(phoneText, (p) => normalisePhone(p, this.context.country)) : null;
    if (phoneText && !phone) return bad('bad_phone', 'customerPhone');

    const conditionText = cell('condition');
    const condition = conditionText ? parseCondition(conditionText) : 'new';
    if (!condition) return bad('bad_condition', 'condition');

    return {
      line,
      orderKey: this.columns.store !== undefined && store ? `${store.code}/${number}` : number,
      number,
      store,
      purchased,
      delivered,
      email: customerEmail,
      phone,
      customerName: cell('customerName').slice(0, 200) || null,
      sku,
      ean,
      productName,
      category: cell('category').slice(0, 200) || null,
      quantity,
      unitPrice,
      lineTotal,
      paymentMethod: cell('paymentMethod').slice(0, 100) || null,
      condition,
    };
  }
}

export function isBadRow(row: ImportLine | BadRow): row is BadRow {
  return 'code' in row;
}

function normaliseEmail(text: string): string | null {
  const value = text.toLowerCase();
  return value.length <= 320 && email.safeParse(value).success ? value : null;
}

/**
 * A map that forgets everything when full: enough for values that repeat close together. Keys
 * are copied (detachedText): a slice of the file's text kept as a key would keep its chunk.
 */
class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  private readonly max: number;
  constructor(max: number) {
    this.max = max;
  }
  get(key: string, compute: (key: string) => V): V {
    const known = this.map.get(key);
    if (known !== undefined || this.map.has(key)) return known as V;
    if (this.map.size >= this.max) this.map.clear();
    const own = detachedText(key);
    const value = compute(own);
    this.map.set(own, value);
    return value;
  }
}
