// A file of orders being imported (a store's till export, CSV or XLSX): where its bytes are,
// how its columns map, and how far the job has read it. The job updates the counts in the
// same transaction as each batch it writes, so what this row says is done is done.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { instant, timestamps } from '../../../platform/db/columns.ts';
import { appUser } from '../../access/access.schema.ts';
import { orderSource } from '../commerce.schema.ts';
import type { BadRow, ColumnMapping, FileProblem, ImportOptions } from './import.contract.ts';

export const orderImportStates = ['queued', 'running', 'done', 'failed'] as const;

export const orderImport = pgTable(
  'order_import',
  {
    id: uuid('id').primaryKey(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => orderSource.id),
    state: text('state', { enum: orderImportStates }).notNull().default('queued'),
    /** As the admin's computer named it: shown, never used as a path. */
    fileName: text('file_name').notNull(),
    /** The bytes in the blob store, kept until the import ends. */
    blobKey: text('blob_key'),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    format: text('format', { enum: ['csv', 'xlsx'] }).notNull(),
    /** Found when the file is read (until then: what the upload saw). */
    encoding: text('encoding').notNull().default('utf-8'),
    delimiter: text('delimiter'),
    mapping: jsonb('mapping').$type<ColumnMapping>().notNull(),
    options: jsonb('options').$type<ImportOptions>().notNull(),
    /** Line breaks counted while the file was uploaded (an estimate: quoted fields may hold some); exact once done. */
    linesTotal: integer('lines_total'),
    linesDone: integer('lines_done').notNull().default(0),
    ordersFound: integer('orders_found').notNull().default(0),
    ordersCreated: integer('orders_created').notNull().default(0),
    ordersUpdated: integer('orders_updated').notNull().default(0),
    linesCreated: integer('lines_created').notNull().default(0),
    linesUpdated: integer('lines_updated').notNull().default(0),
    customersCreated: integer('customers_created').notNull().default(0),
    productsCreated: integer('products_created').notNull().default(0),
    badRowCount: integer('bad_row_count').notNull().default(0),
    /** The first 1,000 bad rows. */
    badRows: jsonb('bad_rows').$type<BadRow[]>().notNull().default([]),
    /** Why the import failed, when it did. */
    problem: jsonb('problem').$type<FileProblem>(),
    /**
     * The job run that owns the import: each batch checks it, so a run presumed dead (its
     * lease expired) that is still going stops at its next batch instead of racing the retry.
     */
    runAttempt: integer('run_attempt').notNull().default(0),
    createdBy: uuid('created_by').references(() => appUser.id),
    startedAt: instant('started_at'),
    finishedAt: instant('finished_at'),
    ...timestamps(),
  },
  (t) => [
    index('order_import_created_idx').on(t.createdAt.desc()),
    index('order_import_blob_idx').on(t.blobKey).where(sql`blob_key IS NOT NULL`),
  ],
);
