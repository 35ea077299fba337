// The order import's use cases: look at a file's first rows (headers, a suggested mapping),
// check a whole file without writing anything (the dry run), start an import (the file goes
// to the blob store, a job reads it), and follow it. Administrators only: an import writes
// customers and orders for every store at once.
import { Transform, type Readable } from 'node:stream';
import { desc, eq, getTableColumns } from 'drizzle-orm';
import { inTransaction, type Ctx } from '../../../context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { uuidv7 } from '../../../platform/ids.ts';
import { requirePermission, type Actor } from '../../access/actor.ts';
import { recordAudit } from '../../audit/audit.service.ts';
import { orderSource } from '../commerce.schema.ts';
import { savedMappingFits, suggestMapping } from './column-suggestions.ts';
import { ImportFileError } from './import-errors.ts';
import { importOrdersJob } from './import.jobs.ts';
import { readOrderLines } from './import-pipeline.ts';
import type { RowContext } from './import-rows.ts';
import { fileSourceById, fileSourceFor, listFileSources, presentSource, rememberMapping, storeDirectory, type SourceRow } from './import-sources.ts';
import { mappingProblems, type DryRunReport, type FileImportSourceDto, type FileProblem, type ImportFormFields, type ImportOptions, type ImportPreview, type OrderImportDto } from './import.contract.ts';
import { orderImport } from './import.schema.ts';
import { openRecords } from './open-records.ts';
import type { PendingOrder } from './order-batches.ts';

export interface UploadedFile {
  /** What the sender called it: shown, never a path. */
  filename: string | undefined;
  stream: Readable;
}

/** An import file may be large (a year of tills): 1,000,000 lines of CSV are about 120 MB. */
export const MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
/** Lines per batch: one transaction, four statements. */
export const BATCH_LINES = 2000;
const PREVIEW_ROWS = 5;
const SAMPLE_ORDERS = 3;

export async function previewImportFile(ctx: Ctx, actor: Actor, file: UploadedFile, sourceId?: string): Promise<ImportPreview> {
  requirePermission(actor, 'org.manage');
  const source = sourceId ? await fileSourceById(ctx, sourceId) : null;
  try {
    const records = await openRecords(file.stream);
    const rows: string[][] = [];
    for await (const chunk of records.records) {
      rows.push(...chunk.map((r) => r.fields));
      if (rows.length > PREVIEW_ROWS) break;
    }
    const [header, ...sample] = rows;
    if (!header) throw new ImportFileError('no_header', 'The file is empty: not even a header line', { line: 1 });
    const headers = header.map((h) => h.trim());
    const saved = source ? presentSource(source).mapping ?? undefined : undefined;
    const fits = savedMappingFits(saved, headers);
    return {
      format: records.format,
      encoding: records.encoding(),
      delimiter: records.delimiter,
      headers,
      sample: sample.slice(0, PREVIEW_ROWS),
      suggested: fits ? saved : suggestMapping(headers),
      suggestedFrom: fits ? 'saved' : 'headers',
    };
  } catch (error) {
    throw asRequestError(error);
  } finally {
    // Only the beginning was needed: let the rest of the upload flow by.
    file.stream.resume();
  }
}

export async function dryRunImport(ctx: Ctx, actor: Actor, form: ImportFormFields, file: UploadedFile): Promise<DryRunReport> {
  requirePermission(actor, 'org.manage');
  checkMapping(form);
  // Nothing is written, not even the source: an unknown name only tells which brand's stores to read.
  const source = form.sourceId ? await fileSourceById(ctx, form.sourceId) : null;
  const brandId = source ? source.brandId : (form.brandId ?? null);
  const context = await rowContext(ctx, form.options, brandId, source?.storeId ?? null);
  const sample: DryRunReport['sample'] = [];
  let facts: Pick<DryRunReport, 'format' | 'encoding' | 'delimiter'> = { format: 'csv', encoding: 'utf-8', delimiter: null };
  let headers: string[] = [];
  let problem: FileProblem | null = null;
  let result = { linesRead: 0, goodLines: 0, ordersFound: 0, badRowCount: 0, badRows: [] as DryRunReport['badRows'] };
  try {
    const records = await openRecords(file.stream, form.options);
    facts = { format: records.format, encoding: records.encoding(), delimiter: records.delimiter };
    const read = await readOrderLines(records, {
      mapping: form.mapping,
      context,
      batchLines: BATCH_LINES,
      onHeader: (h) => (headers = h),
      onBatch: async (batch, progress) => {
        for (const order of batch.orders) {
          if (sample.length >= SAMPLE_ORDERS) break;
          sample.push(sampleOrder(order, form.options.currency));
        }
        result = { ...result, linesRead: progress.linesDone, ordersFound: progress.ordersFound, badRowCount: progress.badRowCount };
      },
    });
    facts.encoding = records.encoding();
    result = read;
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    problem = problemOf(error);
  } finally {
    file.stream.resume();
  }
  return { dryRun: true, ...facts, headers, ...result, problem, sample };
}

export async function startImport(ctx: Ctx, actor: Actor, form: ImportFormFields, file: UploadedFile): Promise<OrderImportDto> {
  requirePermission(actor, 'org.manage');
  checkMapping(form);
  minorDigitsOf(form.options.currency);
  const source = await fileSourceFor(ctx, form);
  let lineBreaks = 0;
  let lastByte = 10;
  let head: Buffer | null = null;
  const counting = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      head ??= chunk.subarray(0, 4);
      if (chunk.length) lastByte = chunk[chunk.length - 1]!;
      // An estimate of the lines for the progress bar: quoted fields may hold line breaks too.
      for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) lineBreaks++;
      done(null, chunk);
    },
  });
  let blob;
  try {
    blob = await ctx.blobs.put(file.stream.pipe(counting), { maxBytes: MAX_IMPORT_BYTES });
  } catch (error) {
    file.stream.resume();
    throw error;
  }
  if (blob.size === 0) throw new AppError('validation_failed', 'The file is empty', { errors: [{ field: 'file', message: 'empty file' }] });
  const isZip = head !== null && (head as Buffer).readUInt32LE(0) === 0x04034b50;
  const now = ctx.clock.now();
  const id = uuidv7(now.getTime());
  await inTransaction(ctx, async (tx) => {
    await tx.db.insert(orderImport).values({
      id,
      sourceId: source.id,
      fileName: shownName(file.filename),
      blobKey: blob.key,
      fileBytes: blob.size,
      format: isZip ? 'xlsx' : 'csv',
      encoding: form.options.encoding ?? 'utf-8',
      delimiter: form.options.delimiter ?? null,
      mapping: form.mapping,
      options: form.options,
      // The header ends with one of the line breaks; the last line need not.
      linesTotal: isZip ? null : Math.max(0, lineBreaks - 1 + (lastByte === 10 ? 0 : 1)),
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await rememberMapping(tx, source, form.mapping);
    await tx.jobs.enqueue(tx.db, importOrdersJob, { importId: id });
    await recordAudit(tx, actor, { action: 'order_import.started', targetType: 'order_import', targetId: id, details: { source: source.name, file: shownName(file.filename), bytes: blob.size } });
  });
  return getImport(ctx, actor, id);
}

export async function getImport(ctx: Ctx, actor: Actor, id: string): Promise<OrderImportDto> {
  requirePermission(actor, 'org.manage');
  const [row] = await ctx.db
    .select({ i: orderImport, sourceName: orderSource.name })
    .from(orderImport)
    .innerJoin(orderSource, eq(orderSource.id, orderImport.sourceId))
    .where(eq(orderImport.id, id));
  if (!row) throw notFound('order import', id);
  return presentImport(row.i, row.sourceName);
}

export async function listImports(ctx: Ctx, actor: Actor, limit = 50): Promise<Omit<OrderImportDto, 'badRows'>[]> {
  requirePermission(actor, 'org.manage');
  // Up to 1,000 bad rows each: a list has no use for them.
  const { badRows: _left, ...columns } = getTableColumns(orderImport);
  void _left;
  const rows = await ctx.db
    .select({ i: columns, sourceName: orderSource.name })
    .from(orderImport)
    .innerJoin(orderSource, eq(orderSource.id, orderImport.sourceId))
    .orderBy(desc(orderImport.createdAt))
    .limit(limit);
  return rows.map((r) => {
    const { badRows: _none, ...rest } = presentImport({ ...r.i, badRows: [] }, r.sourceName);
    void _none;
    return rest;
  });
}

export async function fileImportSources(ctx: Ctx, actor: Actor): Promise<FileImportSourceDto[]> {
  requirePermission(actor, 'org.manage');
  return (await listFileSources(ctx)).map(presentSource);
}

/** What rows are read with: the stores the file may name, the currency's digits, the date order. */
export async function rowContext(ctx: Ctx, options: ImportOptions, brandId: string | null, defaultStoreId: string | null): Promise<RowContext> {
  const stores = await storeDirectory(ctx, brandId);
  return {
    stores,
    defaultStore: defaultStoreId ? (stores.byId(defaultStoreId) ?? null) : null,
    minorDigits: minorDigitsOf(options.currency),
    dateOrder: options.dateOrder,
    country: ctx.config.defaults.country,
  };
}

export function problemOf(error: ImportFileError): FileProblem {
  return { code: error.code, line: error.line, message: error.message, details: error.details };
}

function presentImport(row: typeof orderImport.$inferSelect, sourceName: string): OrderImportDto {
  return {
    id: row.id,
    sourceId: row.sourceId,
    sourceName,
    state: row.state,
    fileName: row.fileName,
    fileBytes: row.fileBytes,
    format: row.format,
    encoding: row.encoding as OrderImportDto['encoding'],
    delimiter: row.delimiter as OrderImportDto['delimiter'],
    linesTotal: row.linesTotal,
    linesDone: row.linesDone,
    ordersFound: row.ordersFound,
    ordersCreated: row.ordersCreated,
    ordersUpdated: row.ordersUpdated,
    linesCreated: row.linesCreated,
    linesUpdated: row.linesUpdated,
    customersCreated: row.customersCreated,
    productsCreated: row.productsCreated,
    badRowCount: row.badRowCount,
    badRows: row.badRows,
    problem: row.problem,
    mapping: row.mapping,
    options: row.options,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

function checkMapping(form: ImportFormFields): void {
  const errors = mappingProblems(form.mapping);
  if (errors.length) throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), { errors });
}

/** 2 for EUR, 0 for JPY; an unknown code is refused. */
export function minorDigitsOf(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    throw new AppError('validation_failed', `options.currency: ${currency} is not a currency`, { errors: [{ field: 'options.currency', message: 'not an ISO 4217 currency' }] });
  }
}

/** A file that cannot be read at all, found while the admin waits: a 422 that says why and where. */
function asRequestError(error: unknown): unknown {
  if (!(error instanceof ImportFileError)) return error;
  return new AppError('validation_failed', error.message, { errors: [{ field: 'file', message: error.message }], details: { problem: problemOf(error) } });
}

function shownName(filename: string | undefined): string {
  return ((filename ?? '').split(/[\\/]/).pop() || 'import.csv').slice(0, 200);
}

function sampleOrder(order: PendingOrder, currency: string): DryRunReport['sample'][number] {
  const f = order.first;
  const money = (amount: number) => ({ amount, currency });
  return {
    number: f.number,
    store: f.store?.code ?? null,
    purchasedAt: f.purchased.local + (f.purchased.offset ?? ''),
    customer: f.customerName ?? f.email ?? f.phone,
    total: money(order.lines.reduce((s, l) => s + l.lineTotal, 0)),
    lines: order.lines.map((l) => ({ sku: l.sku, name: l.productName, quantity: l.quantity, unitPrice: money(l.unitPrice), total: money(l.lineTotal) })),
  };
}

export type { SourceRow };
