import { describe, expect, it } from 'vitest';
import { linePositions } from './orders.ingest.ts';

describe('where an order’s lines go', () => {
  it('numbers a new order’s lines 1, 2, 3', () => {
    expect(linePositions([{ externalId: 'a' }, { externalId: 'b' }, { externalId: null }], [])).toEqual([1, 2, 3]);
  });

  it('keeps the place of a line the source knows by id, whatever order it comes in, and gives new lines the next places', () => {
    const existing = [
      { position: 1, externalId: 'a' },
      { position: 2, externalId: 'b' },
    ];
    expect(linePositions([{ externalId: 'b' }, { externalId: 'c' }, { externalId: 'a' }], existing)).toEqual([2, 3, 1]);
    expect(linePositions([{ externalId: 'c' }], existing)).toEqual([3]);
  });

  it('keys lines without ids (a till receipt) by their order', () => {
    const existing = [
      { position: 1, externalId: null },
      { position: 2, externalId: null },
    ];
    expect(linePositions([{ externalId: null }, { externalId: null }, { externalId: null }], existing)).toEqual([1, 2, 3]);
  });
});
