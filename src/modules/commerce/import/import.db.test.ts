// Importing a till export through the API as an administrator does: the file's first rows and
// a suggested mapping, a dry run that reports bad rows and writes nothing, the import job with
// its progress, customers found or created, the same file again changing nothing, a corrected
// file changing what it corrects, and files that cannot be read.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildStore } from '../../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../../test/support/harness.ts';
import { multipart } from '../../../../test/support/multipart.ts';
import { buildXlsx } from '../../../../test/support/xlsx.ts';
import { queryRows } from '../../../platform/db/database.ts';
import { customer, customerIdentity } from '../../customers/customers.schema.ts';
import { order, orderLine, orderSource, product } from '../commerce.schema.ts';
import type { ColumnMapping, DryRunReport, ImportPreview, OrderImportDto } from './import.contract.ts';

let h: Harness;
let admin: Client;
let brandId: string;
let knownCustomerId: string;

const header = 'N° ticket;Date;Magasin;Code article;EAN;Libellé;Famille;Qté;Prix unitaire TTC;Montant TTC;Mode de paiement;E-mail;Téléphone;Nom client;État';
const mapping: ColumnMapping = {
  orderNumber: 'N° ticket',
  purchasedAt: 'Date',
  store: 'Magasin',
  sku: 'Code article',
  ean: 'EAN',
  productName: 'Libellé',
  category: 'Famille',
  quantity: 'Qté',
  unitPrice: 'Prix unitaire TTC',
  lineTotal: 'Montant TTC',
  paymentMethod: 'Mode de paiement',
  customerEmail: 'E-mail',
  customerPhone: 'Téléphone',
  customerName: 'Nom client',
  condition: 'État',
};

/** Ten data rows: two tickets of two stores, a known customer, two new ones, four bad rows. */
const rows = [
  // line 2-3: ticket 1001 at Grigny, the known customer by e-mail, two lines, a discounted total
  '1001;31/12/2026 14:32;M01;TOND-42;3760123456789;"Tondeuse ""Jardin"" 42 cm";Jardin;1;399,00;379,00;CB;Known@Example.com;;Paule Connue;Neuf',
  '1001;31/12/2026 14:32;M01;HUILE-1;;Huile 4 temps;Jardin;2;9,90;;CB;Known@Example.com;;Paule Connue;Neuf',
  // line 4: ticket 1001 at Lyon: another order (tickets are numbered per store)
  '1001;15/06/2026;Lyon Part-Dieu;PERC-18;;Perceuse 18 V;Outillage;1;1 234,56;;Espèces;;06 12 34 56 78;Jean Neuf;Occasion',
  // line 5-6: a ticket whose customer is new, by e-mail and phone
  '1002;02/01/2027 09:05;M01;TOND-42;;Tondeuse 42 cm;Jardin;-1;399,00;;Avoir;nouveau@example.fr;+33 6 98 76 54 32;Nina Nouvelle;neuf',
  '1002;02/01/2027 09:05;M01;SAC-1;;Sac de ramassage;Jardin;1;19,9;;Avoir;nouveau@example.fr;+33 6 98 76 54 32;Nina Nouvelle;',
  // line 7-10: bad rows
  '1003;31/02/2027;M01;X;;Objet;Divers;1;1,00;;CB;;;;',
  '1004;03/01/2027;M99;X;;Objet;Divers;1;1,00;;CB;;;;',
  '1005;03/01/2027;M01;X;;Objet;Divers;1,5;1,00;;CB;;;;',
  '1006;03/01/2027;M01;X;;Objet;Divers;1;1,00;;CB;pas-une-adresse;;;',
];
/** As Excel saves "CSV (séparateur: point-virgule)" on a French Windows: Windows-1252, CRLF. */
const tillExport = Buffer.from([header, ...rows].join('\r\n') + '\r\n', 'latin1');

async function upload(url: string, fields: Record<string, string>, file: Buffer, name = 'ventes.csv', client: Client = admin) {
  const form = await multipart(fields, [{ name, content: file, field: 'file', type: 'text/csv' }]);
  return client.request({ method: 'POST', url, payload: form.payload, headers: form.headers });
}

const importFields = (extra: Record<string, string> = {}) => ({
  sourceName: 'Caisses magasins',
  brandId,
  mapping: JSON.stringify(mapping),
  options: JSON.stringify({ currency: 'EUR' }),
  ...extra,
});

async function runImport(file: Buffer, name = 'ventes.csv', fields: Record<string, string> = importFields()): Promise<OrderImportDto> {
  const res = await upload('/api/v1/order-imports', fields, file, name);
  expect(res.statusCode, res.body).toBe(202);
  const queued = res.json<OrderImportDto>();
  expect(queued.state).toBe('queued');
  await h.worker.drain();
  const done = await admin.get(`/api/v1/order-imports/${queued.id}`);
  expect(done.statusCode).toBe(200);
  return done.json<OrderImportDto>();
}

async function tableCounts() {
  const n = async (table: typeof order | typeof orderLine | typeof customer | typeof product | typeof orderSource) => (await h.ctx.db.select({ n: count() }).from(table))[0]!.n;
  return { orders: await n(order), lines: await n(orderLine), customers: await n(customer), products: await n(product), sources: await n(orderSource) };
}

function storedBlobs(): string[] {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'tmp' ? [] : walk(join(d, e.name))) : [e.name]));
  try {
    return walk(h.services.config.blobs.dir);
  } catch {
    return [];
  }
}

beforeAll(async () => {
  h = await startHarness();
  brandId = (await buildBrand(h.ctx)).id;
  await buildStore(h.ctx, brandId, { code: 'M01', name: 'Grigny', timezone: 'Europe/Paris' });
  await buildStore(h.ctx, brandId, { code: 'M02', name: 'Lyon Part-Dieu', timezone: 'Europe/Paris' });
  admin = await h.userClient('admin');
  const known = await admin.post('/api/v1/customers', { displayName: 'Paule Connue', identities: [{ kind: 'email', value: 'known@example.com' }] });
  expect(known.statusCode, known.body).toBe(201);
  knownCustomerId = known.json().id;
});
afterAll(() => h?.close());

describe('POST /api/v1/order-imports/preview', () => {
  it('reads the encoding, the separator and the headers, and suggests the mapping', async () => {
    const res = await upload('/api/v1/order-imports/preview', {}, tillExport.subarray(0, 400));
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<ImportPreview>();
    expect(preview).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', suggestedFrom: 'headers' });
    expect(preview.headers[0]).toBe('N° ticket');
    expect(preview.suggested).toEqual(mapping);
    expect(preview.sample[0]![5]).toBe('Tondeuse "Jardin" 42 cm');
  });

  it('reads only the beginning of a large file and lets the rest of the upload go by', async () => {
    const large = Buffer.concat([tillExport, Buffer.from(`${rows[0]}\r\n`.repeat(30_000), 'latin1')]);
    expect(large.length).toBeGreaterThan(3_000_000);
    const res = await upload('/api/v1/order-imports/preview', {}, large);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportPreview>().sample).toHaveLength(5);
  });

  it('is for administrators', async () => {
    const agent = await h.userClient('agent');
    expect((await upload('/api/v1/order-imports/preview', {}, tillExport, 'ventes.csv', agent)).statusCode).toBe(403);
  });
});

describe('dry run', () => {
  it('reports lines, orders and bad rows with their line and reason, and writes nothing', async () => {
    const before = await tableCounts();
    const res = await upload('/api/v1/order-imports', importFields({ dryRun: 'true' }), tillExport);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<DryRunReport>();
    expect(report).toMatchObject({ dryRun: true, format: 'csv', encoding: 'windows-1252', delimiter: ';', linesRead: 9, goodLines: 5, ordersFound: 3, badRowCount: 4, problem: null });
    expect(report.badRows).toEqual([
      { line: 7, code: 'bad_date', field: 'purchasedAt', value: '31/02/2027' },
      { line: 8, code: 'unknown_store', field: 'store', value: 'M99' },
      { line: 9, code: 'bad_quantity', field: 'quantity', value: '1,5' },
      { line: 10, code: 'bad_email', field: 'customerEmail', value: 'pas-une-adresse' },
    ]);
    expect(report.sample[0]).toEqual({
      number: '1001',
      store: 'M01',
      purchasedAt: '2026-12-31 14:32:00',
      customer: 'Paule Connue',
      total: { amount: 37900 + 1980, currency: 'EUR' },
      lines: [
        { sku: 'TOND-42', name: 'Tondeuse "Jardin" 42 cm', quantity: 1, unitPrice: { amount: 39900, currency: 'EUR' }, total: { amount: 37900, currency: 'EUR' } },
        { sku: 'HUILE-1', name: 'Huile 4 temps', quantity: 2, unitPrice: { amount: 990, currency: 'EUR' }, total: { amount: 1980, currency: 'EUR' } },
      ],
    });
    expect(await tableCounts()).toEqual(before);
    expect(storedBlobs()).toEqual([]);
  });

  it('says which mapped columns the file lacks', async () => {
    const res = await upload('/api/v1/order-imports', importFields({ dryRun: 'true', mapping: JSON.stringify({ ...mapping, deliveredAt: 'Livré le' }) }), tillExport);
    expect(res.statusCode).toBe(200);
    expect(res.json<DryRunReport>().problem).toMatchObject({ code: 'missing_columns', line: 1, details: { missing: ['Livré le'] } });
  });

  it('refuses a mapping without the fields an order line needs, and fields sent after the file', async () => {
    const bad = await upload('/api/v1/order-imports', importFields({ dryRun: 'true', mapping: JSON.stringify({ orderNumber: 'N° ticket' }) }), tillExport);
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['mapping.purchasedAt', 'mapping.quantity', 'mapping.unitPrice', 'mapping.sku']);

    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(tillExport)]), 'ventes.csv');
    form.append('mapping', JSON.stringify(mapping));
    const request = new Request('http://comptoir.test/', { method: 'POST', body: form });
    const late = await admin.request({ method: 'POST', url: '/api/v1/order-imports', payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } });
    expect(late.statusCode).toBe(422);
    expect(late.json().detail).toMatch(/before the file/);
  });
});

describe('import', () => {
  let first: OrderImportDto;

  it('writes orders, lines, products and customers, and reports the bad rows', async () => {
    first = await runImport(tillExport);
    expect(first).toMatchObject({
      state: 'done',
      sourceName: 'Caisses magasins',
      fileName: 'ventes.csv',
      encoding: 'windows-1252',
      delimiter: ';',
      linesTotal: 9,
      linesDone: 9,
      ordersFound: 3,
      ordersCreated: 3,
      ordersUpdated: 0,
      linesCreated: 5,
      linesUpdated: 0,
      customersCreated: 2,
      productsCreated: 4,
      badRowCount: 4,
      problem: null,
    });
    expect(first.badRows.map((b) => [b.line, b.code])).toEqual([
      [7, 'bad_date'],
      [8, 'unknown_store'],
      [9, 'bad_quantity'],
      [10, 'bad_email'],
    ]);
    expect(first.finishedAt).not.toBeNull();

    const orders = await queryRows<{ external_id: string; number: string; store: string; customer_id: string | null; purchased_at: Date; total_amount: number; payment_method: string; sales_channel: string; currency: string }>(
      h.ctx.db,
      sql`SELECT o.external_id, o.number, s.code AS store, o.customer_id, o.purchased_at, o.total_amount::int AS total_amount, o.payment_method, o.sales_channel, o.currency
          FROM sales_order o JOIN store s ON s.id = o.store_id ORDER BY o.external_id`,
    );
    expect(orders.map((o) => [o.external_id, o.number, o.store, new Date(o.purchased_at).toISOString(), o.total_amount, o.payment_method, o.sales_channel, o.currency])).toEqual([
      // Paris is UTC+1 in December; a date alone is noon there (UTC+2 in June).
      ['M01/1001', '1001', 'M01', '2026-12-31T13:32:00.000Z', 39880, 'CB', 'store', 'EUR'],
      ['M01/1002', '1002', 'M01', '2027-01-02T08:05:00.000Z', -39900 + 1990, 'Avoir', 'store', 'EUR'],
      ['M02/1001', '1001', 'M02', '2026-06-15T10:00:00.000Z', 123456, 'Espèces', 'store', 'EUR'],
    ]);
    expect(orders[0]!.customer_id).toBe(knownCustomerId);

    // The new customers, found again by their identities, and the phone normalised.
    const identities = await h.ctx.db.select().from(customerIdentity).where(eq(customerIdentity.customerId, orders[1]!.customer_id!));
    expect(identities.map((i) => `${i.kind}:${i.value}`).sort()).toEqual(['email:nouveau@example.fr', 'phone:+33698765432']);
    const [nina] = await h.ctx.db.select().from(customer).where(eq(customer.id, orders[1]!.customer_id!));
    expect(nina!.displayName).toBe('Nina Nouvelle');
    const [jean] = await queryRows<{ value: string; display_name: string }>(
      h.ctx.db,
      sql`SELECT i.value, c.display_name FROM customer_identity i JOIN customer c ON c.id = i.customer_id WHERE c.id = ${orders[2]!.customer_id}`,
    );
    expect(jean).toEqual({ value: '+33612345678', display_name: 'Jean Neuf' });

    const lines = await queryRows<{ external_id: string; position: number; sku: string; name: string; quantity: number; unit: number; total: number; condition: string; product_name: string; ean: string | null; category: string }>(
      h.ctx.db,
      sql`SELECT o.external_id, l.position, l.sku, l.name, l.quantity, l.unit_price_amount::int AS unit, l.total_amount::int AS total, l.condition,
            p.name AS product_name, p.ean, p.category
          FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id JOIN product p ON p.id = l.product_id ORDER BY o.external_id, l.position`,
    );
    expect(lines.map((l) => [l.external_id, l.position, l.sku, l.quantity, l.unit, l.total, l.condition, l.ean, l.category])).toEqual([
      ['M01/1001', 1, 'TOND-42', 1, 39900, 37900, 'new', '3760123456789', 'Jardin'],
      ['M01/1001', 2, 'HUILE-1', 2, 990, 1980, 'new', null, 'Jardin'],
      ['M01/1002', 1, 'TOND-42', -1, 39900, -39900, 'new', '3760123456789', 'Jardin'],
      ['M01/1002', 2, 'SAC-1', 1, 1990, 1990, 'new', null, 'Jardin'],
      ['M02/1001', 1, 'PERC-18', 1, 123456, 123456, 'used', null, 'Outillage'],
    ]);
    // One product per SKU, named by its first line.
    expect(lines[2]!.product_name).toBe('Tondeuse "Jardin" 42 cm');
    // The file is forgotten once imported; the mapping is kept with the source for next time.
    expect(storedBlobs()).toEqual([]);
    const sources = await admin.get('/api/v1/order-imports/sources');
    expect(sources.json().items).toEqual([expect.objectContaining({ name: 'Caisses magasins', brandId, mapping })]);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await queryRows(h.ctx.db, sql`SELECT id, updated_at, total_amount, customer_id FROM sales_order ORDER BY id`);
    const linesBefore = await queryRows(h.ctx.db, sql`SELECT * FROM sales_order_line ORDER BY id`);
    const counts = await tableCounts();
    const again = await runImport(tillExport, 'ventes (1).csv', importFields({ sourceId: first.sourceId }));
    expect(again).toMatchObject({ state: 'done', linesDone: 9, ordersFound: 3, ordersCreated: 0, ordersUpdated: 0, linesCreated: 0, linesUpdated: 0, customersCreated: 0, productsCreated: 0, badRowCount: 4 });
    expect(await queryRows(h.ctx.db, sql`SELECT id, updated_at, total_amount, customer_id FROM sales_order ORDER BY id`)).toEqual(before);
    expect(await queryRows(h.ctx.db, sql`SELECT * FROM sales_order_line ORDER BY id`)).toEqual(linesBefore);
    expect(await tableCounts()).toEqual(counts);
  });

  it('offers the saved mapping for the next file of the source', async () => {
    const res = await upload('/api/v1/order-imports/preview', { sourceId: first.sourceId }, tillExport);
    expect(res.json<ImportPreview>()).toMatchObject({ suggestedFrom: 'saved', suggested: mapping });
  });

  it('updates what a corrected export corrects, and the order total with it', async () => {
    const corrected = Buffer.from([header, rows[0]!.replace('379,00', '369,00'), ...rows.slice(1)].join('\r\n'), 'latin1');
    const result = await runImport(corrected, 'ventes-corrigé.csv');
    expect(result).toMatchObject({ state: 'done', ordersCreated: 0, ordersUpdated: 1, linesCreated: 0, linesUpdated: 1 });
    const [row] = await queryRows<{ total: number }>(h.ctx.db, sql`SELECT total_amount::int AS total FROM sales_order WHERE external_id = 'M01/1001'`);
    expect(row!.total).toBe(36900 + 1980);
  });

  it('records its progress batch by batch, and numbers an order’s scattered lines in file order', async () => {
    // 5,000 tickets of one line, then a ticket whose lines are at both ends of the file.
    const lines = ['Ticket,Date,Article,Qté,Prix'];
    lines.push('P-0,01/03/2027,A-0,1,"1,00"');
    for (let i = 1; i <= 5000; i++) lines.push(`P-${i},01/03/2027 10:00,A-${i % 50},1,"2,50"`);
    lines.push('P-0,01/03/2027,A-1,3,"1,00"');
    const file = Buffer.from(lines.join('\n') + '\n');
    const fields = { sourceName: 'Import progression', mapping: JSON.stringify({ orderNumber: 'Ticket', purchasedAt: 'Date', sku: 'Article', quantity: 'Qté', unitPrice: 'Prix' }) };
    const res = await upload('/api/v1/order-imports', fields, file, 'progression.csv');
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json<OrderImportDto>().id;
    const seen: number[] = [];
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const state = (await admin.get(`/api/v1/order-imports/${id}`)).json<OrderImportDto>();
        if (state.state === 'running') seen.push(state.linesDone);
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    await h.worker.drain();
    polling = false;
    await poll;
    const done = (await admin.get(`/api/v1/order-imports/${id}`)).json<OrderImportDto>();
    expect(done).toMatchObject({ state: 'done', linesTotal: 5002, linesDone: 5002, ordersFound: 5001, ordersCreated: 5001, linesCreated: 5002, badRowCount: 0, delimiter: ',', encoding: 'utf-8' });
    expect(seen.some((n) => n > 0 && n < 5002), `progress seen: ${seen.join(',')}`).toBe(true);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    const scattered = await queryRows<{ position: number; quantity: number; total: number }>(
      h.ctx.db,
      sql`SELECT l.position, l.quantity, o.total_amount::int AS total FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
          JOIN order_source s ON s.id = o.source_id WHERE s.name = 'Import progression' AND o.external_id = 'P-0' ORDER BY l.position`,
    );
    expect(scattered).toEqual([
      { position: 1, quantity: 1, total: 400 },
      { position: 2, quantity: 3, total: 400 },
    ]);

    const again = await runImport(file, 'progression.csv', { ...fields, sourceId: done.sourceId });
    expect(again).toMatchObject({ state: 'done', ordersCreated: 0, ordersUpdated: 0, linesCreated: 0, linesUpdated: 0 });
  });

  it('imports the first sheet of an .xlsx workbook', async () => {
    const file = buildXlsx([
      ['N° ticket', 'Date', 'Magasin', 'Libellé', 'Qté', 'Prix unitaire TTC', 'E-mail'],
      ['X-1', 46022.5, 'M02', 'Ponceuse', 1, 59.9, 'known@example.com'],
      ['X-1', 46022.5, 'M02', 'Disques', 2, 4.95, 'known@example.com'],
    ]);
    const fields = { sourceName: 'Classeurs', brandId, mapping: JSON.stringify({ orderNumber: 'N° ticket', purchasedAt: 'Date', store: 'Magasin', productName: 'Libellé', quantity: 'Qté', unitPrice: 'Prix unitaire TTC', customerEmail: 'E-mail' }) };
    const result = await runImport(file, 'ventes.xlsx', fields);
    expect(result).toMatchObject({ state: 'done', format: 'xlsx', linesDone: 2, ordersCreated: 1, linesCreated: 2, customersCreated: 0, productsCreated: 0 });
    const [row] = await queryRows<{ total: number; customer_id: string; purchased_at: Date }>(
      h.ctx.db,
      sql`SELECT total_amount::int AS total, customer_id, purchased_at FROM sales_order WHERE external_id = 'M02/X-1'`,
    );
    expect(row).toMatchObject({ total: 5990 + 990, customer_id: knownCustomerId });
    // Excel's 46022.5 is noon on 31 December 2025, in Lyon.
    expect(new Date(row!.purchased_at).toISOString()).toBe('2025-12-31T11:00:00.000Z');
  });

  it('fails with the reason and the line when the file cannot be read to the end', async () => {
    const broken = Buffer.from([header, rows[0], `2001;01/01/2027;M01;X;;"Objet jamais fermé;Divers;1;1,00;;CB;;;;`, rows[1]].join('\r\n'), 'utf8');
    const result = await runImport(broken, 'cassé.csv', importFields({ sourceName: 'Fichiers cassés' }));
    expect(result).toMatchObject({ state: 'failed', problem: { code: 'unclosed_quote', line: 3 } });
    expect(storedBlobs()).toEqual([]);
  });

  it('lists the imports, newest first', async () => {
    const res = await admin.get('/api/v1/order-imports');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as OrderImportDto[];
    expect(items[0]!.fileName).toBe('cassé.csv');
    expect(items.every((i) => !('badRows' in i))).toBe(true);
  });
});
