// Telling a file's type from its first bytes, and the name it is shown under.
import { describe, expect, it } from 'vitest';
import { photoJpeg, solidPng } from '../../../test/support/images.ts';
import { acceptAttribute, safeFilename, sniffType } from './attachment-types.ts';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

/** An ISO-BMFF ftyp box: size, "ftyp", major brand, minor version, compatible brands. */
function ftyp(major: string, ...compatible: string[]): Buffer {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible, 'mdat');
}

const typeOf = (head: Buffer) => sniffType(head)?.contentType ?? null;

describe('sniffType', () => {
  it('recognises the photos and documents customers send', () => {
    expect(typeOf(photoJpeg())).toBe('image/jpeg');
    expect(typeOf(solidPng(2, 2))).toBe('image/png');
    expect(typeOf(bytes('GIF89a', [1, 0, 1, 0]))).toBe('image/gif');
    expect(typeOf(bytes('GIF87a', [1, 0, 1, 0]))).toBe('image/gif');
    expect(typeOf(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(typeOf(bytes('%PDF-1.7\n%âãÏÓ'))).toBe('application/pdf');
  });

  it('tells HEIC and HEIF by their brands, and refuses AVIF and videos', () => {
    expect(typeOf(ftyp('heic', 'mif1', 'heic'))).toBe('image/heic');
    expect(typeOf(ftyp('mif1', 'mif1', 'heic'))).toBe('image/heic');
    expect(typeOf(ftyp('mif1', 'mif1', 'miaf'))).toBe('image/heif');
    expect(typeOf(ftyp('avif', 'mif1', 'avif'))).toBeNull();
    expect(typeOf(ftyp('mif1', 'avif', 'mif1'))).toBeNull();
    expect(typeOf(ftyp('isom', 'iso2', 'mp41'))).toBeNull();
    expect(typeOf(ftyp('qt  '))).toBeNull();
  });

  it('refuses what only claims to be a photo', () => {
    expect(typeOf(bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0]))).toBeNull(); // a Windows executable
    expect(typeOf(bytes([0x7f], 'ELF', [2, 1, 1]))).toBeNull();
    expect(typeOf(bytes('<!DOCTYPE html><script>alert(1)</script>'))).toBeNull();
    expect(typeOf(bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeNull();
    expect(typeOf(bytes('PK', [3, 4]))).toBeNull();
    expect(typeOf(bytes([0xff, 0xd8]))).toBeNull(); // too short to be a JPEG
    expect(typeOf(Buffer.alloc(0))).toBeNull();
  });
});

describe('safeFilename', () => {
  const jpeg = sniffType(photoJpeg())!;
  const pdf = sniffType(bytes('%PDF-1.4'))!;

  it('keeps a good name as sent', () => {
    expect(safeFilename('Étiquette produit.JPG', jpeg)).toBe('Étiquette produit.JPG');
    expect(safeFilename('facture 2026-03.pdf', pdf)).toBe('facture 2026-03.pdf');
  });

  it('drops paths and gives the real type its extension', () => {
    expect(safeFilename('C:\\Users\\marc\\..\\photo.jpeg', jpeg)).toBe('photo.jpeg');
    expect(safeFilename('../../etc/passwd', jpeg)).toBe('passwd.jpg');
    expect(safeFilename('facture.html', pdf)).toBe('facture.html.pdf');
    expect(safeFilename(undefined, jpeg)).toBe('piece-jointe.jpg');
    expect(safeFilename('...', pdf)).toBe('piece-jointe.pdf');
  });

  it('removes control characters, quotes and right-to-left tricks', () => {
    expect(safeFilename('photo\u202Egpj.exe', jpeg)).toBe('photogpj.exe.jpg');
    expect(safeFilename('a"b\r\nc.jpg', jpeg)).toBe('abc.jpg');
  });

  it('shortens long names and keeps the extension', () => {
    const name = safeFilename(`${'x'.repeat(300)}.png`, jpeg);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name.endsWith('.png.jpg')).toBe(false);
    expect(name.endsWith('.jpg')).toBe(true);
  });

  it('lists the accepted types for file inputs', () => {
    expect(acceptAttribute).toContain('image/jpeg');
    expect(acceptAttribute).toContain('.heic');
    expect(acceptAttribute).toContain('application/pdf');
  });
});
