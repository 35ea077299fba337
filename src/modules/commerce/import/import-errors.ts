// What can stop a whole file from being read (as opposed to one bad row, which is reported and
// skipped): text that is not in the encoding it claims, a quote never closed, a header without
// the mapped columns. Each has a code the web app words in French and English, the English
// message for the API and the logs, and the line it was found at when known.
export const fileProblemCodes = [
  'bad_encoding',
  'unclosed_quote',
  'record_too_long',
  'no_header',
  'missing_columns',
  'not_a_spreadsheet',
  'spreadsheet_too_large',
] as const;
export type FileProblemCode = (typeof fileProblemCodes)[number];

export class ImportFileError extends Error {
  readonly code: FileProblemCode;
  line: number | null;
  readonly details: Record<string, unknown>;

  constructor(code: FileProblemCode, message: string, options: { line?: number; details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ImportFileError';
    this.code = code;
    this.line = options.line ?? null;
    this.details = options.details ?? {};
  }
}
