// A pdfkit document, ended and collected into one buffer: what every PDF Comptoir serves (the
// counter's ticket, a return label, a credit note) is small enough to hold whole.
import type PDFDocument from 'pdfkit';

export function pdfBytes(doc: InstanceType<typeof PDFDocument>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
