// What an attached file really is, told from its first bytes (the name and the type a
// browser sends are the sender's claims), and the name it is shown and downloaded under.
// Customers send photos of a product and documents (invoices, quotes): JPEG, PNG, WebP,
// GIF, HEIC/HEIF (what phones take) and PDF. Anything else is refused. Pure functions.

export interface AttachmentType {
  contentType: string;
  /** Extensions a file of this type may carry; the first is the one added when missing. */
  extensions: readonly string[];
  /** Shown in the page (images browsers display) or only offered as a download. */
  inline: boolean;
}

const jpeg: AttachmentType = { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'], inline: true };
const png: AttachmentType = { contentType: 'image/png', extensions: ['png'], inline: true };
const gif: AttachmentType = { contentType: 'image/gif', extensions: ['gif'], inline: true };
const webp: AttachmentType = { contentType: 'image/webp', extensions: ['webp'], inline: true };
// Browsers other than Safari cannot show HEIC: agents download it.
const heic: AttachmentType = { contentType: 'image/heic', extensions: ['heic', 'heif'], inline: false };
const heif: AttachmentType = { contentType: 'image/heif', extensions: ['heif', 'heic'], inline: false };
// A PDF shown inline would run the browser's viewer under our sandbox; it is downloaded.
const pdf: AttachmentType = { contentType: 'application/pdf', extensions: ['pdf'], inline: false };

export const acceptedTypes = [jpeg, png, webp, gif, heic, heif, pdf] as const;

/** Enough of the start of a file to tell its type (an ISO-BMFF ftyp box lists its brands there). */
export const SNIFF_BYTES = 64;

const ascii = (bytes: Uint8Array, from: number, length: number) => String.fromCharCode(...bytes.subarray(from, from + length));
const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);

const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const HEIF_BRANDS = new Set(['mif1', 'msf1']);

/** The type of a file from its first bytes (at least SNIFF_BYTES when the file is that long), or null. */
export function sniffType(head: Uint8Array): AttachmentType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return jpeg;
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return png;
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return gif;
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return webp;
  if (ascii(head, 0, 5) === '%PDF-') return pdf;
  if (ascii(head, 4, 4) === 'ftyp') return heifFamily(head);
  return null;
}

/** HEIC or HEIF by the ftyp box's major and compatible brands; AVIF and videos are not photos we take. */
function heifFamily(head: Uint8Array): AttachmentType | null {
  const boxSize = ((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0;
  const end = Math.min(boxSize, head.length);
  const brands = [ascii(head, 8, 4)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(head, at, 4));
  if (HEIC_BRANDS.has(brands[0]!)) return heic;
  if (!HEIF_BRANDS.has(brands[0]!)) return null;
  if (brands.some((b) => HEIC_BRANDS.has(b))) return heic;
  if (brands.some((b) => b === 'avif' || b === 'avis')) return null;
  return heif;
}

// Control characters, and the bidirectional overrides that make "gpj.exe" read "exe.jpg".
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"\\/:*?<>|]/g;
const MAX_NAME = 120;

/**
 * The name a file is shown and downloaded under: the last part of what the sender called
 * it, without path, control or look-alike characters, with an extension that matches its
 * real type ("facture.html" that is a PDF becomes "facture.html.pdf").
 */
export function safeFilename(sent: string | undefined, type: AttachmentType): string {
  const base = (sent ?? '').split(/[\\/]/).pop() ?? '';
  let name = base.normalize('NFC').replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^[.\s]+|[.\s]+$/g, '');
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!type.extensions.includes(extension)) name = `${name || 'piece-jointe'}.${type.extensions[0]}`;
  if (name.length > MAX_NAME) {
    const ext = name.slice(name.lastIndexOf('.'));
    name = name.slice(0, MAX_NAME - ext.length).trimEnd() + ext;
  }
  return name;
}

/** The accepted types as a file input's `accept` attribute. */
export const acceptAttribute = [...new Set(acceptedTypes.flatMap((t) => [t.contentType, ...t.extensions.map((e) => `.${e}`)]))].join(',');
