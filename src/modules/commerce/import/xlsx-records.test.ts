import { describe, expect, it } from 'vitest';
import { buildXlsx } from '../../../../test/support/xlsx.ts';
import type { CsvRecord } from './csv-parser.ts';
import { openRecords } from './open-records.ts';

async function* chunked(buffer: Buffer, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buffer.length; i += size) yield buffer.subarray(i, i + size);
}

async function readAll(buffer: Buffer, size = 1000): Promise<{ format: string; records: CsvRecord[] }> {
  const source = await openRecords(chunked(buffer, size));
  const records: CsvRecord[] = [];
  for await (const chunk of source.records) records.push(...chunk);
  return { format: source.format, records };
}

describe('xlsx-records (the first sheet of a workbook, with node:zlib only)', () => {
  it('reads shared strings, numbers and Excel dates, row by row', async () => {
    const file = buildXlsx([
      ['N° ticket', 'Date', 'Libellé', 'Qté', 'Prix unitaire TTC'],
      ['T-1', 46022.5, 'Perceuse <sans fil> & batterie', 2, 89.9],
      ['T-1', 46022.5, 'Forêt "béton"', 1, 4.5],
    ]);
    const { format, records } = await readAll(file, 7);
    expect(format).toBe('xlsx');
    expect(records).toEqual([
      { line: 1, fields: ['N° ticket', 'Date', 'Libellé', 'Qté', 'Prix unitaire TTC'] },
      { line: 2, fields: ['T-1', '46022.5', 'Perceuse <sans fil> & batterie', '2', '89.9'] },
      { line: 3, fields: ['T-1', '46022.5', 'Forêt "béton"', '1', '4.5'] },
    ]);
  });

  it('reads inline strings and fills skipped cells', async () => {
    const file = buildXlsx(
      [
        ['a', 'b', 'c'],
        ['x', null, 'z'],
      ],
      { inlineStrings: true },
    );
    const { records } = await readAll(file);
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b', 'c'],
      ['x', '', 'z'],
    ]);
  });

  it('reads many rows streamed from the inflated sheet', async () => {
    const rows = [['n', 'q'], ...Array.from({ length: 5000 }, (_, i) => [`T${i}`, i])];
    const { records } = await readAll(buildXlsx(rows), 4096);
    expect(records).toHaveLength(5001);
    expect(records.at(-1)).toEqual({ line: 5001, fields: ['T4999', '4999'] });
  });

  it('refuses a row too large to be a receipt line instead of holding it', async () => {
    const file = buildXlsx([['a'], ['x'.repeat(2 * 1024 * 1024)]], { inlineStrings: true });
    await expect(readAll(file)).rejects.toMatchObject({ code: 'record_too_long', line: 2 });
  });

  it('refuses a zip that is not a workbook', async () => {
    const notWorkbook = Buffer.from(buildXlsx([['a']]).toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmX'), 'latin1');
    await expect(readAll(notWorkbook)).rejects.toMatchObject({ code: 'not_a_spreadsheet' });
  });
});
