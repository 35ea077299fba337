// CSV as RFC 4180 writes it and as tills and Excel actually export it: fields separated by
// `;` (French Excel, whose decimal comma rules out `,`), `,` or a tab; a field in double
// quotes may hold the separator, line breaks and doubled quotes (""); lines end in CRLF, LF or
// a lone CR. Pushed text chunk by chunk (a chunk may end anywhere, even between the CR and LF
// or inside a quoted field), it hands back the complete records; only the record being read
// is held. Lenient where exports stray from the RFC (a quote inside an unquoted field is kept
// as text, text after a closing quote is appended), strict where leniency would hide a broken
// file: a quote never closed fails, so does a record longer than `maxRecordChars` (a stray
// quote would otherwise swallow the rest of the file into one field, and memory with it).
import { ImportFileError } from './import-errors.ts';

export interface CsvRecord {
  /** The physical line (1-based) the record starts on: what a spreadsheet shows the admin. */
  line: number;
  fields: string[];
}

export const csvDelimiters = [';', ',', '\t'] as const;
export type CsvDelimiter = (typeof csvDelimiters)[number];

const QUOTE = 34;
const CR = 13;
const LF = 10;

const State = {
  FieldStart: 0,
  Unquoted: 1,
  Quoted: 2,
  /** A quote seen inside a quoted field: the end of it, or the first of a doubled quote. */
  QuoteInQuoted: 3,
} as const;
type State = (typeof State)[keyof typeof State];

export class CsvParser {
  private readonly delimiter: number;
  private readonly maxRecordChars: number;
  private state: State = State.FieldStart;
  private field = '';
  private fields: string[] = [];
  private recordChars = 0;
  /** The line the next character is on. */
  private line = 1;
  private recordLine = 1;
  /** The last character was a CR: an LF right after it belongs to the same line break. */
  private afterCr = false;

  constructor(options: { delimiter: CsvDelimiter; maxRecordChars?: number }) {
    this.delimiter = options.delimiter.charCodeAt(0);
    this.maxRecordChars = options.maxRecordChars ?? 1_000_000;
  }

  /** The records completed by this chunk; blank lines (and lines of separators only) are skipped. */
  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const d = this.delimiter;
    const n = text.length;
    let i = 0;
    if (this.afterCr && n > 0) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) {
        if (this.state === State.Quoted) this.field += '\n';
        i = 1;
      }
    }
    while (i < n) {
      switch (this.state) {
        case State.FieldStart:
        case State.Unquoted: {
          if (this.state === State.FieldStart && text.charCodeAt(i) === QUOTE) {
            this.state = State.Quoted;
            i++;
            break;
          }
          // Runs of ordinary characters are sliced at once rather than appended one by one.
          let j = i;
          let c = 0;
          while (j < n && (c = text.charCodeAt(j)) !== d && c !== LF && c !== CR) j++;
          if (j > i) this.field += text.slice(i, j);
          this.grow(j - i);
          if (j === n) {
            this.state = State.Unquoted;
            i = n;
            break;
          }
          i = j + 1;
          if (c === d) {
            this.endField();
          } else {
            this.endField();
            this.endRecord(out);
            i = this.lineBreak(text, c, i);
          }
          break;
        }
        case State.Quoted: {
          const j = text.indexOf('"', i);
          const end = j < 0 ? n : j;
          const piece = text.slice(i, end);
          this.countLines(piece);
          this.field += piece;
          this.grow(end - i);
          if (j < 0) {
            // A CR at the end of the chunk: its LF, if next, is the same break (see push's start).
            this.afterCr = piece.charCodeAt(piece.length - 1) === CR;
            i = n;
          } else {
            this.state = State.QuoteInQuoted;
            i = j + 1;
          }
          break;
        }
        case State.QuoteInQuoted: {
          const c = text.charCodeAt(i);
          if (c === QUOTE) {
            this.field += '"';
            this.state = State.Quoted;
            i++;
          } else if (c === d) {
            this.endField();
            i++;
          } else if (c === LF || c === CR) {
            this.endField();
            this.endRecord(out);
            i = this.lineBreak(text, c, i + 1);
          } else {
            // `"abc"def`: not RFC 4180, but the text is the admin's; keep it.
            this.state = State.Unquoted;
          }
          break;
        }
      }
    }
    return out;
  }

  /** The last record (a file need not end with a line break); fails on a quote left open. */
  end(): CsvRecord[] {
    if (this.state === State.Quoted) {
      throw new ImportFileError('unclosed_quote', `Line ${this.recordLine}: a quoted field is never closed`, { line: this.recordLine });
    }
    const out: CsvRecord[] = [];
    if (this.state !== State.FieldStart || this.fields.length > 0) {
      this.endField();
      this.endRecord(out);
    }
    return out;
  }

  /** The line the parser has reached (for errors found outside it, e.g. while decoding). */
  get currentLine(): number {
    return this.line;
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.state = State.FieldStart;
  }

  private endRecord(out: CsvRecord[]): void {
    const fields = this.fields;
    this.fields = [];
    this.recordChars = 0;
    if (fields.some((f) => f !== '')) out.push({ line: this.recordLine, fields });
  }

  /** After a CR or LF ending a record at `next - 1`: the next line starts; CRLF counts once. */
  private lineBreak(text: string, c: number, next: number): number {
    this.line++;
    this.recordLine = this.line;
    if (c === CR) {
      if (next < text.length) return text.charCodeAt(next) === LF ? next + 1 : next;
      this.afterCr = true;
    }
    return next;
  }

  /** Line breaks inside a quoted field still move the physical line on. */
  private countLines(piece: string): void {
    for (let k = 0; k < piece.length; k++) {
      const c = piece.charCodeAt(k);
      if (c === LF) {
        if (!(k > 0 && piece.charCodeAt(k - 1) === CR)) this.line++;
      } else if (c === CR) {
        this.line++;
      }
    }
  }

  private grow(chars: number): void {
    this.recordChars += chars;
    if (this.recordChars > this.maxRecordChars) {
      throw new ImportFileError('record_too_long', `Line ${this.recordLine}: a record longer than ${this.maxRecordChars.toLocaleString('en-US')} characters (a quote left open?)`, {
        line: this.recordLine,
      });
    }
  }
}

/**
 * The separator of a file, from its first record: the candidate that appears most often
 * outside quotes. On a tie (or none at all: a single column) `;`, the French default.
 */
export function sniffDelimiter(sample: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(csvDelimiters.map((c) => [c, 0]));
  let quoted = false;
  for (let i = 0; i < sample.length; i++) {
    const ch = sample[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch as CsvDelimiter)) counts.set(ch as CsvDelimiter, counts.get(ch as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ';';
  for (const [candidate, count] of counts) if (count > counts.get(best)!) best = candidate;
  return best;
}
