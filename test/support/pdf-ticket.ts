// Reading a printed ticket back as a person would: its text (pdftotext, layout kept), its page
// size (pdfinfo), and its QR code decoded from the first page rendered at 150 dpi (pdftoppm).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS: its module.exports is the function, which its types call an ES default export.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

export function readTicket(dir: string, name: string, pdf: Buffer): { text: string; pageSize: string; qr: string | null } {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const pageSize = /Page size:\s+(.+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]!;
  execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', file, join(dir, name)]);
  const png = PNG.sync.read(readFileSync(join(dir, `${name}.png`)));
  const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  return { text, pageSize, qr: qr?.data ?? null };
}
