// The one reading of a file that the dry run and the real import share: header, then each row
// mapped to an order line or reported, lines gathered into batches of whole orders, each batch
// handed to `onBatch` (which writes it, or only looks at it) before the next is read. Reading
// waits while a batch is written, so the file is pulled no faster than the database takes it.
import type { RecordSource } from './csv-records.ts';
import { ImportFileError } from './import-errors.ts';
import { MAX_BAD_ROWS, type BadRow, type ColumnMapping } from './import.contract.ts';
import { isBadRow, RowReader, type RowContext } from './import-rows.ts';
import { OrderBatcher, type OrderBatch } from './order-batches.ts';

export interface Progress {
  /** Data rows handled so far (written, or reported bad), the header not counted. */
  linesDone: number;
  ordersFound: number;
  badRowCount: number;
  /** The bad rows found since the previous batch, while fewer than MAX_BAD_ROWS were kept. */
  newBadRows: BadRow[];
}

export interface PipelineResult {
  headers: string[];
  linesRead: number;
  goodLines: number;
  ordersFound: number;
  badRowCount: number;
  /** The first MAX_BAD_ROWS. */
  badRows: BadRow[];
}

export interface PipelineOptions {
  mapping: ColumnMapping;
  context: RowContext;
  batchLines: number;
  onHeader?: (headers: string[]) => void;
  onBatch: (batch: OrderBatch, progress: Progress) => Promise<void>;
}

export async function readOrderLines(source: RecordSource, options: PipelineOptions): Promise<PipelineResult> {
  const batcher = new OrderBatcher(options.batchLines);
  let reader: RowReader | null = null;
  let headers: string[] = [];
  let linesRead = 0;
  let goodLines = 0;
  let badRowCount = 0;
  const badRows: BadRow[] = [];
  let newBadRows: BadRow[] = [];
  // Rows read since the last batch went out: counted as done only once their batch is written.
  let pendingLines = 0;
  let linesDone = 0;

  const flush = async (batch: OrderBatch | null, carried: number) => {
    if (!batch) return;
    linesDone += pendingLines - carried;
    pendingLines = carried;
    const progress: Progress = { linesDone, ordersFound: batcher.ordersFound, badRowCount, newBadRows };
    newBadRows = [];
    await options.onBatch(batch, progress);
  };

  for await (const records of source.records) {
    for (const record of records) {
      if (!reader) {
        headers = record.fields.map((h) => h.trim());
        reader = new RowReader(headers, options.mapping, options.context);
        options.onHeader?.(headers);
        continue;
      }
      linesRead++;
      pendingLines++;
      const row = reader.read(record);
      if (isBadRow(row)) {
        badRowCount++;
        if (badRows.length < MAX_BAD_ROWS) {
          badRows.push(row);
          newBadRows.push(row);
        }
        continue;
      }
      goodLines++;
      // The line that completes a batch starts the next one: it is not done with this one.
      await flush(batcher.add(row), 1);
    }
  }
  if (!reader) throw new ImportFileError('no_header', 'The file is empty: not even a header line', { line: 1 });
  const last = batcher.finish();
  if (last) await flush(last, 0);
  else if (pendingLines || newBadRows.length) {
    // Only bad rows since the last batch: an empty batch still records them and the progress.
    await flush({ orders: [], lineCount: 0 }, 0);
  }
  return { headers, linesRead, goodLines, ordersFound: batcher.ordersFound, badRowCount, badRows };
}
