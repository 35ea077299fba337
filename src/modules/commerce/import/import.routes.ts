// HTTP routes of order imports (administrators): look at a file, check it (dry run), start
// an import, follow it. The uploads are multipart/form-data read as they stream in: the text
// fields first, then the file, which the dry run reads on the fly and a real run stores.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../platform/errors.ts';
import type { Api } from '../../../platform/http/api.ts';
import { idParams, problems } from '../../../platform/http/api.ts';
import { readMultipart } from '../../../platform/http/multipart.ts';
import { parseFields } from '../../../platform/http/validate.ts';
import { principalOf } from '../../access/access.http.ts';
import {
  dryRunReportSchema,
  fileImportSourceSchema,
  importFormFields,
  importListSchema,
  importPreviewSchema,
  orderImportSchema,
  type ImportFormFields,
} from './import.contract.ts';
import { dryRunImport, fileImportSources, getImport, listImports, MAX_IMPORT_BYTES, previewImportFile, startImport, type UploadedFile } from './import.service.ts';

const tags = ['commerce'];
const consumes = ['multipart/form-data'];

/** Reads the form and hands its one file, with the fields sent before it, to `use`. */
async function withUploadedFile<T>(req: FastifyRequest, use: (fields: Record<string, string>, file: UploadedFile) => Promise<T>): Promise<T> {
  const fields: Record<string, string> = {};
  const handle = async (file: UploadedFile) => {
    try {
      return await use(fields, file);
    } catch (error) {
      // Let the rest of a refused file flow by, so the request can be read to its end.
      file.stream.resume();
      throw error;
    }
  };
  const form = await readMultipart(req, { maxFiles: 1, maxFileBytes: MAX_IMPORT_BYTES, maxFields: 10, maxFieldBytes: 20_000 }, handle, async () => {}, fields);
  const [result] = form.files;
  if (form.files.length === 0) throw new AppError('validation_failed', 'Send the file (field "file")', { errors: [{ field: 'file', message: 'required' }] });
  return result!;
}

/** The text fields, JSON where they hold objects; they must come before the file. */
function formFields(fields: Record<string, string>): ImportFormFields {
  if (fields.mapping === undefined) {
    throw new AppError('validation_failed', 'Send the fields (mapping, options, dryRun…) before the file in the form', { errors: [{ field: 'mapping', message: 'required, before the file' }] });
  }
  const json = (name: string) => {
    const text = fields[name];
    if (text === undefined || text === '') return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AppError('validation_failed', `${name}: not JSON`, { errors: [{ field: name, message: 'not JSON' }] });
    }
  };
  return parseFields(importFormFields, {
    ...(fields.sourceId ? { sourceId: fields.sourceId } : {}),
    ...(fields.sourceName ? { sourceName: fields.sourceName } : {}),
    ...(fields.brandId ? { brandId: fields.brandId } : {}),
    mapping: json('mapping'),
    ...(fields.options ? { options: json('options') } : {}),
    dryRun: fields.dryRun === 'true',
  });
}

/** The routes that take files: registered in a scope that accepts multipart (app.ts). */
export function registerOrderImportUploadRoutes(scope: Api): void {
  scope.post(
    '/api/v1/order-imports/preview',
    {
      schema: {
        tags,
        summary: 'Read the first rows of a file (its beginning is enough for CSV): encoding, separator, headers, and a suggested column mapping',
        consumes,
        response: { 200: importPreviewSchema, ...problems(400, 401, 403, 404, 413, 422) },
      },
    },
    async (req) =>
      withUploadedFile(req, (fields, file) =>
        previewImportFile(req.ctx, principalOf(req), file, fields.sourceId ? parseFields(z.uuid(), fields.sourceId) : undefined),
      ),
  );

  scope.post(
    '/api/v1/order-imports',
    {
      schema: {
        tags,
        summary:
          'Import a file of order lines (CSV or XLSX). Fields before the file: mapping (JSON), options (JSON), sourceId or sourceName, dryRun. dryRun=true: 200 with the report, nothing written; otherwise 202 and a job imports it',
        consumes,
        response: { 200: dryRunReportSchema, 202: orderImportSchema, ...problems(400, 401, 403, 404, 413, 422) },
      },
    },
    async (req, reply) => {
      const result = await withUploadedFile(req, async (fields, file) => {
        const form = formFields(fields);
        return form.dryRun ? dryRunImport(req.ctx, principalOf(req), form, file) : startImport(req.ctx, principalOf(req), form, file);
      });
      return reply.code('dryRun' in result ? 200 : 202).send(result);
    },
  );
}

export function registerOrderImportRoutes(app: Api): void {
  app.get(
    '/api/v1/order-imports',
    { schema: { tags, summary: 'The latest imports, newest first (without their bad rows)', response: { 200: importListSchema, ...problems(401, 403) } } },
    async (req) => ({ items: await listImports(req.ctx, principalOf(req)) }),
  );

  app.get(
    '/api/v1/order-imports/sources',
    { schema: { tags, summary: 'The file import sources, with the mapping last used with each', response: { 200: z.object({ items: z.array(fileImportSourceSchema) }), ...problems(401, 403) } } },
    async (req) => ({ items: await fileImportSources(req.ctx, principalOf(req)) }),
  );

  app.get(
    '/api/v1/order-imports/:id',
    {
      schema: {
        tags,
        summary: 'An import and its progress: state, lines done of the total, orders and customers written, the first 1,000 bad rows',
        params: idParams,
        response: { 200: orderImportSchema, ...problems(401, 403, 404) },
      },
    },
    async (req) => getImport(req.ctx, principalOf(req), req.params.id),
  );
}
