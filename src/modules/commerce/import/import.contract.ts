// The order import API's shapes, shared with the web app: the fields a file's columns map to,
// the options of a run, the dry-run report and the import as it progresses.
import { z } from 'zod';

/** The fields of an order line a column can hold (docs/commerce-import.md describes each). */
export const importFields = [
  'orderNumber',
  'purchasedAt',
  'store',
  'customerEmail',
  'customerPhone',
  'customerName',
  'sku',
  'ean',
  'productName',
  'category',
  'quantity',
  'unitPrice',
  'lineTotal',
  'paymentMethod',
  'deliveredAt',
  'condition',
] as const;
export type ImportField = (typeof importFields)[number];

/** Without these a line is not an order line (and at least a price and a product, see mappingProblems). */
export const requiredFields: readonly ImportField[] = ['orderNumber', 'purchasedAt', 'quantity'];

/** What a mapping lacks before any file is read (empty: nothing); the web app shows the same. */
export function mappingProblems(mapping: Partial<Record<ImportField, string>>): { field: string; message: string }[] {
  const problems = requiredFields.filter((f) => !mapping[f]).map((f) => ({ field: `mapping.${f}`, message: 'map a column to it' }));
  if (!mapping.unitPrice && !mapping.lineTotal) problems.push({ field: 'mapping.unitPrice', message: 'map the unit price or the line total' });
  if (!mapping.sku && !mapping.ean && !mapping.productName) problems.push({ field: 'mapping.sku', message: 'map the SKU, the EAN or the product name' });
  return problems;
}

/** Field → the header of the column that holds it (as the file writes it). */
export const columnMapping = z.partialRecord(z.enum(importFields), z.string().trim().min(1).max(200)).meta({ id: 'ImportColumnMapping' });
export type ColumnMapping = Partial<Record<ImportField, string>>;

export const textEncodingNames = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export const delimiterChars = [';', ',', '\t'] as const;

export const importOptions = z
  .strictObject({
    currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as EUR').default('EUR'),
    dateOrder: z.enum(['dmy', 'mdy']).default('dmy').describe('31/12/2026 (dmy, French) or 12/31/2026 (mdy)'),
    encoding: z.enum(textEncodingNames).optional().describe('Found from the bytes when not given'),
    delimiter: z.enum(delimiterChars).optional().describe('Found from the header line when not given'),
  })
  .meta({ id: 'ImportOptions' });
export type ImportOptions = z.output<typeof importOptions>;

/** Why a row was skipped. */
export const badRowCodes = [
  'missing_value',
  'bad_number',
  'bad_quantity',
  'bad_date',
  'bad_email',
  'bad_phone',
  'bad_condition',
  'unknown_store',
  'too_long',
  'no_product',
  'no_price',
] as const;
export type BadRowCode = (typeof badRowCodes)[number];

export const badRowSchema = z
  .object({
    line: z.number().int().describe('The line in the file (1 is the header)'),
    code: z.enum(badRowCodes),
    field: z.enum(importFields).nullable(),
    value: z.string().nullable().describe('What the cell held (cut to 200 characters)'),
  })
  .meta({ id: 'ImportBadRow' });
export type BadRow = z.infer<typeof badRowSchema>;

/** At most this many bad rows are kept and shown; all are counted. */
export const MAX_BAD_ROWS = 1000;

export const fileProblemSchema = z
  .object({
    code: z.enum(['bad_encoding', 'unclosed_quote', 'record_too_long', 'no_header', 'missing_columns', 'not_a_spreadsheet', 'spreadsheet_too_large', 'internal']),
    line: z.number().int().nullable(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'ImportFileProblem' });
export type FileProblem = z.infer<typeof fileProblemSchema>;

const fileFacts = {
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(textEncodingNames),
  delimiter: z.enum(delimiterChars).nullable(),
};

export const importPreviewSchema = z
  .object({
    ...fileFacts,
    headers: z.array(z.string()),
    /** The first rows after the header, as read. */
    sample: z.array(z.array(z.string())),
    suggested: columnMapping,
    suggestedFrom: z.enum(['saved', 'headers']).describe('The mapping saved with the source fitted these headers, or the headers were read'),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof importPreviewSchema>;

const money = z.object({ amount: z.number().int(), currency: z.string() });

export const sampleOrderSchema = z.object({
  number: z.string(),
  store: z.string().nullable(),
  purchasedAt: z.string().describe('As read: YYYY-MM-DD HH:MM:SS, in the store’s time zone unless an offset follows'),
  customer: z.string().nullable(),
  total: money,
  lines: z.array(z.object({ sku: z.string().nullable(), name: z.string(), quantity: z.number().int(), unitPrice: money, total: money })),
});

export const dryRunReportSchema = z
  .object({
    dryRun: z.literal(true),
    ...fileFacts,
    headers: z.array(z.string()),
    linesRead: z.number().int().describe('Data rows read (the header not counted)'),
    goodLines: z.number().int(),
    ordersFound: z.number().int(),
    badRowCount: z.number().int(),
    badRows: z.array(badRowSchema).describe(`The first ${MAX_BAD_ROWS}`),
    problem: fileProblemSchema.nullable().describe('Why reading stopped, when the file could not be read to the end'),
    sample: z.array(sampleOrderSchema).describe('The first orders as they would be written'),
  })
  .meta({ id: 'ImportDryRun' });
export type DryRunReport = z.infer<typeof dryRunReportSchema>;

export const importStates = ['queued', 'running', 'done', 'failed'] as const;
export type ImportState = (typeof importStates)[number];

const instant = z.iso.datetime({ offset: true });

export const importCounts = z.object({
  linesDone: z.number().int().describe('Data rows read so far, bad ones included'),
  ordersFound: z.number().int(),
  ordersCreated: z.number().int(),
  ordersUpdated: z.number().int().describe('Orders already there that the file changed; the others were left as they were'),
  linesCreated: z.number().int(),
  linesUpdated: z.number().int(),
  customersCreated: z.number().int(),
  productsCreated: z.number().int(),
  badRowCount: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const orderImportSchema = z
  .object({
    id: z.uuid(),
    sourceId: z.uuid(),
    sourceName: z.string(),
    state: z.enum(importStates),
    fileName: z.string(),
    fileBytes: z.number().int(),
    ...fileFacts,
    linesTotal: z.number().int().nullable().describe('An estimate (the file’s line breaks) until the import is done, then exact'),
    ...importCounts.shape,
    badRows: z.array(badRowSchema),
    problem: fileProblemSchema.nullable(),
    mapping: columnMapping,
    options: importOptions,
    createdBy: z.uuid().nullable(),
    createdAt: instant,
    startedAt: instant.nullable(),
    finishedAt: instant.nullable(),
  })
  .meta({ id: 'OrderImport' });
export type OrderImportDto = z.infer<typeof orderImportSchema>;

export const importListSchema = z.object({ items: z.array(orderImportSchema.omit({ badRows: true })) });

export const fileImportSourceSchema = z
  .object({ id: z.uuid(), name: z.string(), brandId: z.uuid().nullable(), storeId: z.uuid().nullable(), mapping: columnMapping.nullable() })
  .meta({ id: 'FileImportSource' });
export type FileImportSourceDto = z.infer<typeof fileImportSourceSchema>;

/** The text fields of the multipart upload (sent before the file). */
export const importFormFields = z.strictObject({
  sourceId: z.uuid().optional(),
  sourceName: z.string().trim().min(1).max(200).optional().describe('A file import source to use, created if none has this name'),
  brandId: z.uuid().optional().describe('For a source created now: the brand its orders belong to'),
  mapping: columnMapping,
  options: importOptions.default({ currency: 'EUR', dateOrder: 'dmy' }),
  dryRun: z.boolean().default(false),
});
export type ImportFormFields = z.output<typeof importFormFields>;
