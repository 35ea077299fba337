// The workflows' printed documents (pdfkit, A4): the prepaid return label — the RMA number in
// large type, the sender and the address the parcel goes to, and a QR code of the RMA number
// that the warehouse scans on arrival — and the credit note (avoir) with its number, date,
// customer, case and amount. Text goes through WinAnsi like the counter ticket (the standard
// fonts have no other glyphs).
import PDFDocument from 'pdfkit';
import { pdfBytes } from '../../platform/pdf/pdf-bytes.ts';
import { toWinAnsi } from '../../platform/pdf/win-ansi.ts';

export interface DocumentBlock {
  /** A small heading above the lines ("Expéditeur", "Montant"). */
  heading?: string;
  lines: string[];
  size?: number;
  bold?: boolean;
}

export interface PrintedDocument {
  title: string;
  author: string;
  language: 'fr' | 'en';
  /** The big line at the top: the RMA or credit note number. */
  headline: string;
  blocks: DocumentBlock[];
  /** PNG of a QR code, with its caption. */
  qr?: { png: Buffer; caption: string };
  footer: string;
}

const MARGIN = 56;
const WIDTH = 595.28;

export function renderDocumentPdf(d: PrintedDocument): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: toWinAnsi(d.title), Author: toWinAnsi(d.author), Producer: 'Comptoir' }, lang: d.language });
  const inner = WIDTH - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(12).text(toWinAnsi(d.author), { width: inner });
  doc.font('Helvetica').fontSize(11).text(toWinAnsi(d.title), { width: inner });
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(28).text(toWinAnsi(d.headline), { width: inner, align: 'center' });
  doc.moveDown(0.8);
  for (const b of d.blocks) {
    if (b.heading) doc.font('Helvetica-Bold').fontSize(9).fillColor('#444444').text(toWinAnsi(b.heading.toUpperCase()), { width: inner });
    doc
      .fillColor('#000000')
      .font(b.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(b.size ?? 12)
      .text(toWinAnsi(b.lines.join('\n')), { width: inner });
    doc.moveDown(0.8);
  }
  if (d.qr) {
    const side = 130;
    const top = doc.y + 6;
    doc.image(d.qr.png, MARGIN + (inner - side) / 2, top, { width: side, height: side });
    doc.font('Helvetica').fontSize(9).text(toWinAnsi(d.qr.caption), MARGIN, top + side + 6, { width: inner, align: 'center' });
    doc.moveDown(1);
  }
  doc.font('Helvetica').fontSize(8).fillColor('#444444').text(toWinAnsi(d.footer), MARGIN, doc.y + 10, { width: inner, align: 'center' });
  return pdfBytes(doc);
}
