import { describe, expect, it } from 'vitest';
import { CsvParser, sniffDelimiter, type CsvDelimiter, type CsvRecord } from './csv-parser.ts';
import { openCsv } from './csv-records.ts';
import { ImportFileError } from './import-errors.ts';

/** Parses `text` pushed in pieces of `size` characters (1: every boundary there is). */
function parse(text: string, delimiter: CsvDelimiter = ';', size = text.length || 1): CsvRecord[] {
  const parser = new CsvParser({ delimiter });
  const out: CsvRecord[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  out.push(...parser.end());
  return out;
}

const fields = (records: CsvRecord[]) => records.map((r) => r.fields);

async function* bytes(...chunks: (string | number[])[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield typeof c === 'string' ? new TextEncoder().encode(c) : Uint8Array.from(c);
}

async function readAll(source: Awaited<ReturnType<typeof openCsv>>): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const chunk of source.records) out.push(...chunk);
  return out;
}

describe('CsvParser (RFC 4180 and what tills export)', () => {
  it('splits fields and records, with or without a final line break', () => {
    expect(fields(parse('a;b;c\n1;2;3\n'))).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(fields(parse('a;b;c\n1;2;3'))).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(fields(parse('a;;c;\n'))).toEqual([['a', '', 'c', '']]);
  });

  it('reads quoted fields holding separators, line breaks and doubled quotes', () => {
    const text = 'n;libellé\n1;"Tondeuse; 42 cm"\n2;"Écran ""27 pouces"""\n3;"deux\r\nlignes"\n4;""\n';
    expect(fields(parse(text))).toEqual([
      ['n', 'libellé'],
      ['1', 'Tondeuse; 42 cm'],
      ['2', 'Écran "27 pouces"'],
      ['3', 'deux\r\nlignes'],
      ['4', ''],
    ]);
  });

  it('gives the same records whatever the chunk boundaries (even between CR and LF, or inside "")', () => {
    const text = 'a;b\r\n"x""y";"1\r\n2"\r\nz;"w"\r\n\r\n"end";q';
    const whole = parse(text);
    for (const size of [1, 2, 3, 5, 7]) expect(parse(text, ';', size)).toEqual(whole);
    expect(fields(whole)).toEqual([['a', 'b'], ['x"y', '1\r\n2'], ['z', 'w'], ['end', 'q']]);
  });

  it('accepts CRLF, LF and lone CR line ends, and numbers records by their first physical line', () => {
    const records = parse('h1,h2\r\nr1,"two\nlines"\rr2,x\n\nr3,y', ',');
    expect(records.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'h1'],
      [2, 'r1'],
      [4, 'r2'],
      [6, 'r3'],
    ]);
  });

  it('skips blank lines and lines of separators only (Excel leaves them at the end)', () => {
    expect(fields(parse('a;b\n\n;;\n1;2\n;\n'))).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('keeps stray quotes as text where exports break the RFC', () => {
    expect(fields(parse('a;b\n12" écran;"ok"x\n'))).toEqual([['a', 'b'], ['12" écran', 'okx']]);
  });

  it('fails on a quote never closed, naming the line it opened on', () => {
    expect(() => parse('a;b\n1;"open\n2;3\n')).toThrow(ImportFileError);
    try {
      parse('a;b\n1;"open\n2;3\n');
    } catch (error) {
      expect((error as ImportFileError).code).toBe('unclosed_quote');
      expect((error as ImportFileError).line).toBe(2);
    }
  });

  it('refuses a record longer than the limit instead of swallowing the file', () => {
    const parser = new CsvParser({ delimiter: ';', maxRecordChars: 100 });
    expect(() => parser.push(`"${'x'.repeat(200)}`)).toThrow(/longer than 100 characters/);
  });

  it('tabs and commas as separators', () => {
    expect(fields(parse('a\tb\n"1\t2"\t3\n', '\t'))).toEqual([['a', 'b'], ['1\t2', '3']]);
    expect(fields(parse('a,b\n"1,5",3\n', ','))).toEqual([['a', 'b'], ['1,5', '3']]);
  });
});

describe('sniffDelimiter', () => {
  it('picks the separator of the header line, outside quotes', () => {
    expect(sniffDelimiter('N° ticket;Date;Magasin;Prix unitaire TTC\n1;2')).toBe(';');
    expect(sniffDelimiter('order,date,"price, incl. tax"\n')).toBe(',');
    expect(sniffDelimiter('"a;b";"c;d",e,f,g\n')).toBe(',');
    expect(sniffDelimiter('a\tb\tc\n')).toBe('\t');
  });

  it('falls back to ";" (French Excel) on a tie or a single column', () => {
    expect(sniffDelimiter('ticket\n')).toBe(';');
    expect(sniffDelimiter('a;b,c\n')).toBe(';');
  });
});

describe('openCsv (bytes → records)', () => {
  it('removes a UTF-8 BOM, even split across chunks, and sniffs the separator', async () => {
    const source = await openCsv(bytes([0xef], [0xbb, 0xbf, 0x4e], '° ticket;Qté\r\n', '1;2\r\n'));
    expect(source.delimiter).toBe(';');
    expect(fields(await readAll(source))).toEqual([['N° ticket', 'Qté'], ['1', '2']]);
    expect(source.encoding()).toBe('utf-8');
  });

  it('reads Windows-1252 (Excel "CSV (séparateur: point-virgule)")', async () => {
    // As Windows-1252: é is 0xE9, the euro sign 0x80.
    const euro = Buffer.concat([Buffer.from('Libell\xe9;Prix\r\nT\xe9l\xe9viseur;', 'latin1'), Buffer.from([0x80]), Buffer.from(' 399\r\n', 'latin1')]);
    const source = await openCsv(bytes([...euro]));
    expect(fields(await readAll(source))).toEqual([['Libellé', 'Prix'], ['Téléviseur', '€ 399']]);
    expect(source.encoding()).toBe('windows-1252');
  });

  it('decides the encoding at the first non-ASCII byte, however far into the file', async () => {
    const ascii = 'a;b\n' + '1;plain\n'.repeat(20_000);
    const source = await openCsv(bytes(ascii, [...Buffer.from('2;caf\xe9\n', 'latin1')]));
    const records = await readAll(source);
    expect(records.at(-1)!.fields).toEqual(['2', 'café']);
    expect(source.encoding()).toBe('windows-1252');

    const utf8 = await openCsv(bytes(ascii, '2;café\n'));
    expect((await readAll(utf8)).at(-1)!.fields).toEqual(['2', 'café']);
    expect(utf8.encoding()).toBe('utf-8');
  });

  it('reads UTF-16 with its BOM (Excel "Unicode text", tab-separated)', async () => {
    const text = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Qté\tPrix\r\n2\t1 234,56\r\n', 'utf16le')]);
    const source = await openCsv(bytes([...text.subarray(0, 5)], [...text.subarray(5)]));
    expect(source.delimiter).toBe('\t');
    expect(fields(await readAll(source))).toEqual([['Qté', 'Prix'], ['2', '1 234,56']]);
    expect(source.encoding()).toBe('utf-16le');
  });

  it('says where UTF-8 turns invalid when the encoding was forced', async () => {
    const source = await openCsv(bytes('a;b\n1;ok\n', [...Buffer.from('2;caf\xe9\n', 'latin1')]), { encoding: 'utf-8' });
    await expect(readAll(source)).rejects.toMatchObject({ code: 'bad_encoding', line: 3 });
  });
});
