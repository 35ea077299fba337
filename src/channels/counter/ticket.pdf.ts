// The counter ticket as a PDF (pdfkit): the brand and store, the text of the ticket (the
// `acknowledgment/ticket` template: case number, date, promise, next steps, tracking link),
// a QR code of the tracking link, and when it was printed. Two sizes: an A4 sheet, and an
// 80 mm thermal-receipt roll (72 mm printable) whose page is as long as what it holds.
import PDFDocument from 'pdfkit';
import type { TicketFormat } from './counter.contract.ts';
import { pdfBytes } from '../../platform/pdf/pdf-bytes.ts';
import { toWinAnsi } from '../../platform/pdf/win-ansi.ts';

export interface TicketContent {
  brandName: string;
  storeName: string | null;
  /** The ticket text, line by line as the template wrote it. */
  body: string;
  /** PNG of the QR code. */
  qr: Buffer;
  /** Under the QR code: what it is for. */
  qrCaption: string;
  /** The last line: when it was printed. */
  footer: string;
  title: string;
  language: 'fr' | 'en';
}

const MM = 72 / 25.4;

interface Layout {
  width: number;
  margin: number;
  brand: number;
  store: number;
  body: number;
  small: number;
  qr: number;
}

const layouts: Record<TicketFormat, Layout> = {
  a4: { width: 595.28, margin: 56, brand: 22, store: 13, body: 11, small: 9, qr: 45 * MM },
  receipt: { width: 80 * MM, margin: 4 * MM, brand: 13, store: 9, body: 8.5, small: 7, qr: 38 * MM },
};

export function renderTicketPdf(format: TicketFormat, t: TicketContent): Promise<Buffer> {
  const l = layouts[format];
  const inner = l.width - 2 * l.margin;
  const doc = new PDFDocument({ autoFirstPage: false, info: { Title: toWinAnsi(t.title), Author: toWinAnsi(t.brandName), Producer: 'Comptoir' }, lang: t.language });
  const gap = l.body * 0.8;
  // The body without the brand and store lines the template starts with: they are the heading here.
  const body = toWinAnsi(t.body.split('\n').filter((line, i) => !(i < 3 && (line.trim() === t.brandName || (t.storeName && line.trim() === t.storeName)))).join('\n').trim());
  const blocks = [
    { text: toWinAnsi(t.brandName), font: 'Helvetica-Bold', size: l.brand, align: 'center' as const },
    ...(t.storeName ? [{ text: toWinAnsi(t.storeName), font: 'Helvetica', size: l.store, align: 'center' as const }] : []),
    { text: body, font: 'Helvetica', size: l.body, align: 'left' as const },
  ];
  const heightOf = (b: (typeof blocks)[number]) => doc.font(b.font).fontSize(b.size).heightOfString(b.text, { width: inner });
  const caption = toWinAnsi(t.qrCaption);
  const footer = toWinAnsi(t.footer);
  const tail = gap + l.qr + gap + doc.font('Helvetica').fontSize(l.small).heightOfString(caption, { width: inner }) + gap + doc.fontSize(l.small).heightOfString(footer, { width: inner });
  const height = format === 'a4' ? 841.89 : Math.ceil(2 * l.margin + blocks.reduce((sum, b) => sum + heightOf(b) + gap, 0) + tail + 4);

  doc.addPage({ size: [l.width, height], margin: l.margin });
  for (const b of blocks) {
    doc.font(b.font).fontSize(b.size).text(b.text, l.margin, doc.y, { width: inner, align: b.align });
    doc.moveDown(0.8 * (l.body / b.size));
  }
  const qrTop = doc.y + gap / 2;
  doc.image(t.qr, l.margin + (inner - l.qr) / 2, qrTop, { width: l.qr, height: l.qr });
  doc.font('Helvetica').fontSize(l.small).text(caption, l.margin, qrTop + l.qr + gap / 2, { width: inner, align: 'center' });
  doc.moveDown(0.5);
  doc.text(footer, { width: inner, align: 'center' });

  return pdfBytes(doc);
}
