// The first worksheet of an .xlsx file, as records, with nothing but node:zlib. An .xlsx is a
// zip of XML files (ECMA-376): the workbook names its sheets, the shared-strings table holds
// the text of text cells, each sheet lists its rows. A zip's table of contents is at its end,
// so the (compressed) file is held — up to MAX_XLSX_BYTES; a till export past that is better
// sent as CSV — but the sheet itself is inflated as a stream and read a row at a time.
// Supported: shared, inline and formula strings, numbers (dates are Excel day numbers, which
// local-values.ts reads), booleans; not: several sheets, encrypted or ZIP64 files.
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { CsvRecord } from './csv-parser.ts';
import type { RecordSource } from './csv-records.ts';
import { ImportFileError } from './import-errors.ts';

export const MAX_XLSX_BYTES = 100 * 1024 * 1024;
/** The workbook's small parts (its sheet list, its shared strings) inflated whole: no zip bomb past this. */
const MAX_PART_BYTES = 256 * 1024 * 1024;
/** One row of the sheet, as XML: a row larger than this is not a till receipt's. */
const MAX_ROW_CHARS = 1024 * 1024;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

export async function openXlsx(bytes: AsyncIterable<Uint8Array>): Promise<RecordSource> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of bytes) {
    size += chunk.length;
    if (size > MAX_XLSX_BYTES) {
      throw new ImportFileError('spreadsheet_too_large', `Spreadsheets are read up to ${MAX_XLSX_BYTES / 1024 / 1024} MB; save this one as CSV`, { details: { maxBytes: MAX_XLSX_BYTES } });
    }
    chunks.push(chunk);
  }
  const zip = Buffer.concat(chunks);
  const entries = readCentralDirectory(zip);
  const text = (name: string) => {
    const entry = entries.get(name);
    return entry ? inflateEntry(zip, entry).toString('utf8') : null;
  };
  const sheetPath = firstSheetPath(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'));
  const sheet = entries.get(sheetPath);
  if (!sheet) throw notSpreadsheet(`no worksheet ${sheetPath}`);
  const strings = sharedStrings(text('xl/sharedStrings.xml'));
  return { format: 'xlsx', encoding: () => 'utf-8', delimiter: null, records: sheetRecords(zip, sheet, strings) };
}

function notSpreadsheet(why: string): ImportFileError {
  return new ImportFileError('not_a_spreadsheet', `The file is a zip but not an Excel workbook (.xlsx): ${why}`);
}

function readCentralDirectory(zip: Buffer): Map<string, ZipEntry> {
  // The end-of-central-directory record: 22 bytes, then a comment of up to 65,535.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65_535); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notSpreadsheet('no zip directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === 0xffffffff) throw notSpreadsheet('ZIP64 is not supported');
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) throw notSpreadsheet('a damaged zip directory');
    const flags = zip.readUInt16LE(at + 8);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    if (flags & 1) throw notSpreadsheet('the workbook is encrypted');
    entries.set(name, { name, method: zip.readUInt16LE(at + 10), compressedSize: zip.readUInt32LE(at + 20), localOffset: zip.readUInt32LE(at + 42) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function entryData(zip: Buffer, entry: ZipEntry): Buffer {
  const at = entry.localOffset;
  if (zip.readUInt32LE(at) !== 0x04034b50) throw notSpreadsheet(`a damaged entry ${entry.name}`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (entry.method !== 0 && entry.method !== 8) throw notSpreadsheet(`compression method ${entry.method}`);
  return zip.subarray(start, start + entry.compressedSize);
}

function inflateEntry(zip: Buffer, entry: ZipEntry): Buffer {
  const data = entryData(zip, entry);
  if (entry.method === 0) return data;
  try {
    return inflateRawSync(data, { maxOutputLength: MAX_PART_BYTES });
  } catch (error) {
    throw new ImportFileError('spreadsheet_too_large', `${entry.name} inflates past ${MAX_PART_BYTES / 1024 / 1024} MB (or is damaged); save the sheet as CSV`, { cause: error });
  }
}

function firstSheetPath(workbook: string | null, rels: string | null): string {
  if (!workbook) throw notSpreadsheet('no xl/workbook.xml');
  const sheet = /<(?:\w+:)?sheet\b[^>]*>/.exec(workbook)?.[0];
  const relId = sheet && /\br:id="([^"]+)"/.exec(sheet)?.[1];
  const target = relId && rels ? new RegExp(`<Relationship\\b[^>]*\\bId="${relId}"[^>]*>`).exec(rels)?.[0] : undefined;
  const path = target && /\bTarget="([^"]+)"/.exec(target)?.[1];
  if (!path) return 'xl/worksheets/sheet1.xml';
  return path.startsWith('/') ? path.slice(1) : `xl/${path}`;
}

/** The text of each <si>: its <t> runs joined, phonetic guides (<rPh>) left out. */
function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const si of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(textRuns((si[1] ?? '').replace(/<rPh\b[\s\S]*?<\/rPh>/g, '')));
  return out;
}

function textRuns(xml: string): string {
  let text = '';
  for (const t of xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += unescapeXml(t[1]!);
  return text;
}

function unescapeXml(s: string): string {
  if (!s.includes('&') && !s.includes('_x')) return s;
  return (
    s
      .replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_m, hex: string, dec: string, named: string) =>
        hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase()]!,
      )
      // Excel's own escape for control characters: _x000D_ is a CR.
      .replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  );
}

async function* sheetRecords(zip: Buffer, sheet: ZipEntry, strings: string[]): AsyncGenerator<CsvRecord[]> {
  const data = entryData(zip, sheet);
  const inflated: AsyncIterable<Buffer> =
    sheet.method === 0
      ? (async function* () {
          yield data;
        })()
      : (() => {
          const inflate = createInflateRaw();
          inflate.end(data);
          return inflate;
        })();
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let rowNumber = 0;
  const rowStart = /<row[\s>/]/g;
  const take = (): CsvRecord[] => {
    const out: CsvRecord[] = [];
    // Complete rows only; the rest waits for the next chunk. A row is small: memory stays flat.
    let from = 0;
    for (;;) {
      rowStart.lastIndex = from;
      const start = rowStart.exec(pending)?.index ?? -1;
      if (start < 0) {
        // Nothing row-like left but a possible "<ro" cut at the end (the sheet's tail, once past its rows).
        from = Math.max(from, pending.length - 4);
        break;
      }
      const headEnd = pending.indexOf('>', start);
      if (headEnd < 0) {
        from = start;
        break;
      }
      const selfClosing = pending[headEnd - 1] === '/';
      const end = selfClosing ? headEnd + 1 : pending.indexOf('</row>', headEnd);
      if (end < 0) {
        from = start;
        break;
      }
      const head = pending.slice(start, headEnd);
      rowNumber = Number(/\br="(\d+)"/.exec(head)?.[1] ?? rowNumber + 1);
      const fields = selfClosing ? [] : rowCells(pending.slice(headEnd + 1, end), strings);
      if (fields.some((f) => f !== '')) out.push({ line: rowNumber, fields });
      from = selfClosing ? end : end + 6;
    }
    pending = pending.slice(from);
    if (pending.length > MAX_ROW_CHARS) throw new ImportFileError('record_too_long', `Row ${rowNumber + 1}: longer than ${MAX_ROW_CHARS.toLocaleString('en-US')} characters of XML`, { line: rowNumber + 1 });
    return out;
  };
  for await (const chunk of inflated) {
    pending += decoder.decode(chunk, { stream: true });
    const out = take();
    if (out.length) yield out;
  }
  pending += decoder.decode();
  const out = take();
  if (out.length) yield out;
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

function rowCells(xml: string, strings: string[]): string[] {
  const fields: string[] = [];
  for (const m of xml.matchAll(CELL)) {
    const attributes = m[1]!;
    const body = m[2] ?? '';
    const ref = /\br="([A-Z]+)\d*"/.exec(attributes)?.[1];
    const column = ref ? columnIndex(ref) : fields.length;
    while (fields.length < column) fields.push('');
    const type = /\bt="(\w+)"/.exec(attributes)?.[1] ?? 'n';
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    let value = '';
    if (type === 's') value = v === undefined ? '' : (strings[Number(v)] ?? '');
    else if (type === 'inlineStr') value = textRuns(body);
    else if (type === 'b') value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
    else if (type === 'n' && v !== undefined && /e/i.test(v)) value = String(Number(v));
    else value = v === undefined ? '' : unescapeXml(v);
    fields[column] = value;
  }
  return fields;
}

/** "A" → 0, "Z" → 25, "AA" → 26. */
function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}
