import { describe, expect, it } from 'vitest';
import type { ImportLine } from './import-rows.ts';
import { OrderBatcher, OrderKeyTally, type OrderBatch } from './order-batches.ts';

let lineNo = 1;
function line(orderKey: string): ImportLine {
  return {
    line: ++lineNo,
    orderKey,
    number: orderKey,
    store: null,
    purchased: { local: '2026-01-02 10:00:00', offset: null, dateOnly: false },
    delivered: null,
    email: null,
    phone: null,
    customerName: null,
    sku: 'SKU',
    ean: null,
    productName: 'Produit',
    category: null,
    quantity: 1,
    unitPrice: 100,
    lineTotal: 100,
    paymentMethod: null,
    condition: 'new',
  };
}

function feed(batcher: OrderBatcher, keys: string[]): OrderBatch[] {
  const batches: OrderBatch[] = [];
  for (const key of keys) {
    const done = batcher.add(line(key));
    if (done) batches.push(done);
  }
  const last = batcher.finish();
  if (last) batches.push(last);
  return batches;
}

const shape = (batches: OrderBatch[]) => batches.map((b) => b.orders.map((o) => `${o.key}:${o.lines.map((l) => l.position).join(',')}${o.continued ? '+' : ''}`));

describe('OrderBatcher', () => {
  it('cuts batches only where an order ends, once past the limit', () => {
    const batches = feed(new OrderBatcher(3), ['A', 'A', 'B', 'B', 'B', 'C', 'D', 'D', 'D', 'D', 'E']);
    expect(shape(batches)).toEqual([['A:1,2', 'B:1,2,3'], ['C:1', 'D:1,2,3,4'], ['E:1']]);
    expect(batches.map((b) => b.lineCount)).toEqual([5, 5, 1]);
  });

  it('gathers an order’s scattered lines within a batch, and continues its numbering in a later one', () => {
    const batcher = new OrderBatcher(3);
    const batches = feed(batcher, ['A', 'B', 'A', 'C', 'D', 'A', 'E']);
    expect(shape(batches)).toEqual([['A:1,2', 'B:1'], ['C:1', 'D:1', 'A:3+'], ['E:1']]);
    expect(batcher.ordersFound).toBe(5);
  });

  it('cuts one huge order at four times the limit so memory stays bounded', () => {
    const batches = feed(new OrderBatcher(2), Array.from({ length: 10 }, () => 'A'));
    expect(batches.map((b) => b.lineCount)).toEqual([8, 2]);
    expect(shape(batches)[1]).toEqual(['A:9,10+']);
  });
});

describe('OrderKeyTally', () => {
  it('counts lines per key across growth, for many keys', () => {
    const tally = new OrderKeyTally();
    let wrong = 0;
    for (let i = 0; i < 50_000; i++) if (tally.add(`M${i % 50}/${i}`) !== 0) wrong++;
    for (let i = 0; i < 50_000; i += 7) if (tally.add(`M${i % 50}/${i}`) !== 1) wrong++;
    expect(wrong).toBe(0);
    expect(tally.add('M0/0')).toBe(2);
    expect(tally.size).toBe(50_000);
  });
});
