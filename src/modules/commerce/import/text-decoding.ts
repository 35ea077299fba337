// Bytes of an exported file → text, without knowing its encoding beforehand. Tills and Excel
// on Windows still write Windows-1252 ("ANSI"); newer ones write UTF-8, with or without a BOM;
// Excel's "Unicode text" is UTF-16 with a BOM. A BOM decides at once. Without one, the choice
// waits for the first byte above 0x7F: everything before it is ASCII, the same text in both
// encodings, so a file whose first accented letter comes at line 40,000 is still read right.
// That byte and the ones after it decide: valid UTF-8 or, failing that, Windows-1252 (which
// decodes every byte; it is also what browsers read "ISO-8859-1" as).
import { ImportFileError } from './import-errors.ts';

export const textEncodings = ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be'] as const;
export type TextEncoding = (typeof textEncodings)[number];

/** How many bytes after the first non-ASCII one are checked for UTF-8 (a few lines' worth). */
const DECISION_BYTES = 4096;

export interface DecodedText {
  /** The text, chunk by chunk, BOM removed. */
  chunks: AsyncGenerator<string>;
  /** The encoding chosen so far: 'utf-8' while only ASCII was seen (where the two agree). */
  encoding(): TextEncoding;
}

export function decodeText(bytes: AsyncIterable<Uint8Array>, forced?: TextEncoding): DecodedText {
  let chosen: TextEncoding | null = forced ?? null;
  let decoder: TextDecoder | null = forced ? decoderFor(forced) : null;
  let offset = 0;
  const decode = (chunk: Uint8Array, stream: boolean): string => {
    try {
      return decoder!.decode(chunk, { stream });
    } catch (error) {
      throw new ImportFileError('bad_encoding', `The file is not valid ${chosen} (around byte ${offset.toLocaleString('en-US')}); save it as UTF-8 or choose its encoding`, { cause: error });
    }
  };

  async function* chunks(): AsyncGenerator<string> {
    let head: Uint8Array | null = new Uint8Array(0);
    for await (const raw of bytes) {
      let chunk: Uint8Array = raw;
      if (head) {
        // The BOM may arrive split across the first chunks: wait for 3 bytes.
        chunk = concat(head, chunk);
        if (chunk.length < 3) {
          head = chunk;
          continue;
        }
        head = null;
        const bom = bomOf(chunk);
        if (bom) {
          chosen = bom.encoding;
          decoder = decoderFor(bom.encoding);
          chunk = chunk.subarray(bom.length);
        }
      }
      if (!decoder) {
        const high = chunk.findIndex((b) => b > 0x7f);
        if (high < 0) {
          offset += chunk.length;
          yield asciiText(chunk);
          continue;
        }
        chosen = looksLikeUtf8(chunk.subarray(high, high + DECISION_BYTES)) ? 'utf-8' : 'windows-1252';
        decoder = decoderFor(chosen);
      }
      const text = decode(chunk, true);
      offset += chunk.length;
      if (text) yield text;
    }
    if (head && head.length) {
      const bom = bomOf(head);
      if (bom) {
        chosen = bom.encoding;
        decoder = decoderFor(bom.encoding);
        head = head.subarray(bom.length);
      }
      if (!decoder) {
        chosen = looksLikeUtf8(head) ? 'utf-8' : 'windows-1252';
        decoder = decoderFor(chosen);
      }
      const text = decode(head, true);
      if (text) yield text;
    }
    if (decoder) {
      const rest = decode(new Uint8Array(0), false);
      if (rest) yield rest;
    }
  }

  return { chunks: chunks(), encoding: () => chosen ?? 'utf-8' };
}

function decoderFor(encoding: TextEncoding): TextDecoder {
  // Only UTF-8 can be wrong: Windows-1252 decodes every byte, UTF-16 came with its BOM.
  // The BOM, if any, was already removed.
  return new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
}

function bomOf(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * Whether these bytes (starting at a non-ASCII byte) are UTF-8. A sequence cut by the end of
 * the sample is not held against it. Windows-1252 text almost never forms valid UTF-8: "é" is
 * 0xE9, which UTF-8 reads as the start of a 3-byte sequence that the next letter breaks.
 */
export function looksLikeUtf8(bytes: Uint8Array): boolean {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return false;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return true;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return false;
    }
    i += length;
  }
  return true;
}

function asciiText(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
