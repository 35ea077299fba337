// A year of till receipts from a chain of stores, as its POS exports them for the order
// import benchmark: French Excel's CSV (Windows-1252, `;`, CRLF, quoted product names),
// French dates and amounts ("31/12/2026 14:32", "1 234,56"), one row per ticket line, the
// lines of a ticket together. About 3.3 lines per ticket (1,000,000 lines ≈ 300,000 tickets),
// 50 stores, 20,000 SKUs drawn with Zipf frequencies, 2 % return lines, and a loyalty
// customer (e-mail, phone or both, from a pool that comes back) on 60 % of the tickets.
// Seeded: every run writes the same file. Written to disk as it is generated.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { prng, zipf } from '../corpus.ts';
import { frenchFirstNames, frenchProducts, productBrands, surnames } from '../vocabulary/names.ts';

export interface PosExportPlan {
  lines: number;
  stores: number;
  skus: number;
  /** Distinct loyalty customers the tickets draw from. */
  customers: number;
}

export interface PosExport {
  lines: number;
  tickets: number;
  bytes: number;
  /** Store codes, in the order the benchmark creates them. */
  storeCodes: string[];
}

export const posExportHeader = 'N° ticket;Date;Magasin;Code article;EAN;Libellé;Famille;Qté;Prix unitaire TTC;Montant TTC;Mode de paiement;E-mail client;Téléphone;Nom client';

/** The mapping an admin would confirm for that header (it is also what the suggestion gives). */
export const posExportMapping = {
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
  customerEmail: 'E-mail client',
  customerPhone: 'Téléphone',
  customerName: 'Nom client',
};

const categories = ['Gros électroménager', 'Petit électroménager', 'Image et son', 'Informatique', 'Téléphonie', 'Jardin', 'Outillage', 'Maison', 'Cuisine', 'Mobilité'];
const payments = ['CB', 'CB', 'CB', 'CB sans contact', 'Espèces', 'Chèque', 'Carte cadeau', 'Paiement en 3 fois'];

/** Latin-1 is what Windows-1252 shares with it for French text; the typographic apostrophe is not in it. */
const latin = (s: string) => s.replace(/[’‘]/g, "'");
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
const two = (n: number) => String(n).padStart(2, '0');

/** "1 234,56": a space between thousands, a decimal comma. */
export function frenchAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
  return `${sign}${whole},${two(abs % 100)}`;
}

function ean13(random: () => number): string {
  let digits = '376';
  for (let i = 0; i < 9; i++) digits += Math.floor(random() * 10);
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i % 2 ? 3 : 1);
  return digits + ((10 - (sum % 10)) % 10);
}

export async function writePosExport(path: string, plan: PosExportPlan, seed = 20260101): Promise<PosExport> {
  const random = prng(seed);
  const storeCodes = Array.from({ length: plan.stores }, (_, i) => `M${String(i + 1).padStart(3, '0')}`);
  const catalogue = Array.from({ length: plan.skus }, (_, i) => {
    const name = `${frenchProducts[i % frenchProducts.length]!} ${productBrands[Math.floor(random() * productBrands.length)]!} ${100 + (i % 900)}`;
    return {
      sku: `ART-${String(i + 1).padStart(6, '0')}`,
      ean: ean13(random),
      // Every tenth name carries a quote: "Téléviseur 55"" etc.
      name: latin(i % 10 === 0 ? `${name} ${32 + (i % 40)}"` : name),
      category: categories[i % categories.length]!,
      price: 99 + Math.floor(random() ** 3 * 150_000),
    };
  });
  const drawProduct = zipf(catalogue, 0.9, random);
  const customers = Array.from({ length: plan.customers }, (_, i) => {
    const first = latin(frenchFirstNames[i % frenchFirstNames.length]!);
    const last = latin(surnames[Math.floor(random() * surnames.length)]!);
    const local = `${first}.${last}.${i}`.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[^A-Za-z0-9.]/g, '').toLowerCase();
    const has = random();
    return {
      name: `${first} ${last}`,
      email: has < 0.8 ? `${local}@exemple.fr` : '',
      // Mobiles of metropolitan France: 06 10 to 06 38 (06 39 and 06 9x are overseas numbers).
      phone: has > 0.5 ? `06 ${two(10 + Math.floor(random() * 29))} ${two(Math.floor(random() * 100))} ${two(Math.floor(random() * 100))} ${two(Math.floor(random() * 100))}` : '',
    };
  });
  const drawCustomer = zipf(customers, 0.6, random);

  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(Buffer.from(text, 'latin1'))) await once(out, 'drain');
  };
  await write(`${posExportHeader}\r\n`);
  const start = Date.UTC(2026, 0, 1);
  let lines = 0;
  let tickets = 0;
  let bytes = Buffer.byteLength(`${posExportHeader}\r\n`, 'latin1');
  const perStore = new Array<number>(plan.stores).fill(0);
  let chunk = '';
  while (lines < plan.lines) {
    const store = Math.floor(random() * plan.stores);
    const number = `${storeCodes[store]}-${String(++perStore[store]!).padStart(7, '0')}`;
    tickets++;
    // Spread over the year, store hours (9:00–19:59).
    const day = new Date(start + Math.floor(random() * 365) * 86_400_000);
    const when = `${two(day.getUTCDate())}/${two(day.getUTCMonth() + 1)}/${day.getUTCFullYear()} ${two(9 + Math.floor(random() * 11))}:${two(Math.floor(random() * 60))}`;
    const who = random() < 0.6 ? drawCustomer() : null;
    const payment = payments[Math.floor(random() * payments.length)]!;
    const count = Math.min(plan.lines - lines, 1 + Math.floor(random() ** 1.6 * 8));
    for (let i = 0; i < count; i++) {
      const p = drawProduct();
      const returned = random() < 0.02;
      const quantity = returned ? -1 : random() < 0.85 ? 1 : 2 + Math.floor(random() * 3);
      // One line in ten has a 10 % discount: the printed total is then not price × quantity.
      const total = p.price * quantity - (quantity > 0 && random() < 0.1 ? Math.round(p.price * 0.1) : 0);
      const row = [
        number, when, storeCodes[store]!, p.sku, p.ean, quoted(p.name), p.category, String(quantity),
        frenchAmount(p.price), frenchAmount(total), payment, who?.email ?? '', who?.phone ?? '', who?.name ?? '',
      ].join(';');
      chunk += `${row}\r\n`;
      lines++;
    }
    if (chunk.length > 256 * 1024) {
      bytes += Buffer.byteLength(chunk, 'latin1');
      await write(chunk);
      chunk = '';
    }
  }
  bytes += Buffer.byteLength(chunk, 'latin1');
  await write(chunk);
  out.end();
  await once(out, 'close');
  return { lines, tickets, bytes, storeCodes };
}
