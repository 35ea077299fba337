// A file's records, whichever kind of file it is: an .xlsx is a zip (it starts with "PK\3\4"),
// anything else is read as CSV. Decided from the bytes, not from the name the file came with.
import { openCsv, type CsvOptions, type RecordSource } from './csv-records.ts';
import { openXlsx } from './xlsx-records.ts';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function openRecords(bytes: AsyncIterable<Uint8Array>, options: CsvOptions = {}): Promise<RecordSource> {
  const iterator = bytes[Symbol.asyncIterator]();
  const first: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < ZIP_MAGIC.length) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    first.push(next.value);
    length += next.value.length;
  }
  const head = Buffer.concat(first);
  async function* replay(): AsyncGenerator<Uint8Array> {
    if (head.length) yield head;
    if (done) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const isZip = ZIP_MAGIC.every((b, i) => head[i] === b);
  return isZip ? openXlsx(replay()) : openCsv(replay(), options);
}
