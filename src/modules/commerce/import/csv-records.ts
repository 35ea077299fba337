// A CSV file's bytes → its records, in groups as they come: the encoding found as the bytes
// arrive (text-decoding.ts), the separator sniffed from the header line, then the parser. What
// a spreadsheet reader (xlsx-records.ts) gives too, so the import does not care which it reads.
import { CsvParser, sniffDelimiter, type CsvDelimiter, type CsvRecord } from './csv-parser.ts';
import { ImportFileError } from './import-errors.ts';
import { decodeText, type TextEncoding } from './text-decoding.ts';

export interface RecordSource {
  format: 'csv' | 'xlsx';
  /** The text encoding (for a spreadsheet: 'utf-8', which XML files are here). */
  encoding(): TextEncoding;
  /** The separator; null for a spreadsheet. */
  delimiter: CsvDelimiter | null;
  /** Records in the order of the file, a chunk's worth at a time. */
  records: AsyncGenerator<CsvRecord[]>;
}

export interface CsvOptions {
  encoding?: TextEncoding | undefined;
  delimiter?: CsvDelimiter | undefined;
}

/** How much text is read ahead to find the end of the header line (and the separator in it). */
const SNIFF_CHARS = 64 * 1024;

export async function openCsv(bytes: AsyncIterable<Uint8Array>, options: CsvOptions = {}): Promise<RecordSource> {
  const text = decodeText(bytes, options.encoding);
  const iterator = text.chunks[Symbol.asyncIterator]();
  let head = '';
  let done = false;
  while (!done && head.length < SNIFF_CHARS && !/[\r\n]/.test(head)) {
    const next = await iterator.next();
    if (next.done) done = true;
    else head += next.value;
  }
  const delimiter = options.delimiter ?? sniffDelimiter(head);
  const parser = new CsvParser({ delimiter });

  async function* records(): AsyncGenerator<CsvRecord[]> {
    try {
      if (head) {
        const first = parser.push(head);
        head = '';
        if (first.length) yield first;
      }
      while (!done) {
        const next = await iterator.next();
        if (next.done) break;
        const out = parser.push(next.value);
        if (out.length) yield out;
      }
      const last = parser.end();
      if (last.length) yield last;
    } catch (error) {
      // A decoding error knows the byte, not the line: the parser knows the line.
      if (error instanceof ImportFileError && error.line === null) error.line = parser.currentLine;
      throw error;
    } finally {
      await iterator.return?.(undefined);
    }
  }

  return { format: 'csv', encoding: text.encoding, delimiter, records: records() };
}
