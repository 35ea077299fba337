// The order import screen's pure parts: what is sent (the form fields before the file, as the
// server reads them; only the beginning of a CSV for a preview), what is still missing from a
// mapping, and how far an import has gone.
import { importFields, mappingProblems, type ColumnMapping, type ImportField, type OrderImportDto } from '../../../../src/modules/commerce/import/import.contract.ts';

/** A CSV's first rows are in its first bytes; a spreadsheet is a zip, read whole. */
export const PREVIEW_BYTES = 256 * 1024;

export interface ImportSettings {
  /** An existing file import source, or the name of a new one. */
  sourceId: string | null;
  sourceName: string;
  brandId: string | null;
  mapping: ColumnMapping;
  currency: string;
  dateOrder: 'dmy' | 'mdy';
}

export function isSpreadsheet(file: Pick<File, 'name'>): boolean {
  return /\.xlsx$/i.test(file.name);
}

export function previewFormData(file: File, sourceId: string | null): FormData {
  const form = new FormData();
  if (sourceId) form.append('sourceId', sourceId);
  const part = isSpreadsheet(file) || file.size <= PREVIEW_BYTES ? file : new File([file.slice(0, PREVIEW_BYTES)], file.name, { type: file.type });
  form.append('file', part, file.name);
  return form;
}

/** The fields first: the server reads the file as it arrives and must know the mapping by then. */
export function importFormData(file: File, settings: ImportSettings, dryRun: boolean): FormData {
  const form = new FormData();
  if (settings.sourceId) form.append('sourceId', settings.sourceId);
  else form.append('sourceName', settings.sourceName.trim());
  if (!settings.sourceId && settings.brandId) form.append('brandId', settings.brandId);
  form.append('mapping', JSON.stringify(cleanMapping(settings.mapping)));
  form.append('options', JSON.stringify({ currency: settings.currency.trim().toUpperCase() || 'EUR', dateOrder: settings.dateOrder }));
  form.append('dryRun', String(dryRun));
  form.append('file', file, file.name);
  return form;
}

/** Fields left unmapped are left out. */
export function cleanMapping(mapping: ColumnMapping): ColumnMapping {
  return Object.fromEntries(importFields.flatMap((f) => (mapping[f] ? [[f, mapping[f]]] : [])));
}

/** The fields the mapping still needs, for the form to point at (the server checks the same). */
export function missingFields(mapping: ColumnMapping): ImportField[] {
  return mappingProblems(cleanMapping(mapping)).map((p) => p.field.replace('mapping.', '') as ImportField);
}

/** 0–100, or null while the total is unknown (a spreadsheet, before it is read). */
export function progressPercent(i: Pick<OrderImportDto, 'state' | 'linesDone' | 'linesTotal'>): number | null {
  if (i.state === 'done') return 100;
  if (!i.linesTotal) return null;
  return Math.min(100, Math.floor((i.linesDone / i.linesTotal) * 100));
}

export const isFinished = (i: Pick<OrderImportDto, 'state'>) => i.state === 'done' || i.state === 'failed';

/** Ready to send: a file, a source, and a mapping with what an order line needs. */
export function canSend(file: File | null, settings: ImportSettings): boolean {
  return !!file && (!!settings.sourceId || settings.sourceName.trim().length > 0) && missingFields(settings.mapping).length === 0;
}
