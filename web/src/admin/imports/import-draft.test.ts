import { describe, expect, it } from 'vitest';
import { canSend, importFormData, missingFields, PREVIEW_BYTES, previewFormData, progressPercent, type ImportSettings } from './import-draft.ts';

const settings: ImportSettings = {
  sourceId: null,
  sourceName: ' Caisses magasins ',
  brandId: 'b1',
  mapping: { orderNumber: 'N° ticket', purchasedAt: 'Date', quantity: 'Qté', unitPrice: 'Prix unitaire TTC', sku: 'Code article', ean: '' },
  currency: 'eur',
  dateOrder: 'dmy',
};

describe('the order import form', () => {
  it('sends the fields before the file, unmapped fields left out', async () => {
    const file = new File(['N° ticket;Date\n1;31/12/2026\n'], 'ventes.csv', { type: 'text/csv' });
    const form = importFormData(file, settings, true);
    expect([...form.keys()]).toEqual(['sourceName', 'brandId', 'mapping', 'options', 'dryRun', 'file']);
    expect(form.get('sourceName')).toBe('Caisses magasins');
    expect(JSON.parse(form.get('mapping') as string)).toEqual({ orderNumber: 'N° ticket', purchasedAt: 'Date', sku: 'Code article', quantity: 'Qté', unitPrice: 'Prix unitaire TTC' });
    expect(JSON.parse(form.get('options') as string)).toEqual({ currency: 'EUR', dateOrder: 'dmy' });
    expect(form.get('dryRun')).toBe('true');
    expect((form.get('file') as File).name).toBe('ventes.csv');
  });

  it('names an existing source by id, without a brand', () => {
    const form = importFormData(new File(['x'], 'a.csv'), { ...settings, sourceId: 's1' }, false);
    expect(form.get('sourceId')).toBe('s1');
    expect(form.has('sourceName')).toBe(false);
    expect(form.has('brandId')).toBe(false);
    expect(form.get('dryRun')).toBe('false');
  });

  it('previews only the beginning of a large CSV, but a whole spreadsheet', () => {
    const big = new File([new Uint8Array(PREVIEW_BYTES * 3)], 'gros.csv');
    expect((previewFormData(big, null).get('file') as File).size).toBe(PREVIEW_BYTES);
    const workbook = new File([new Uint8Array(PREVIEW_BYTES * 3)], 'ventes.XLSX');
    expect((previewFormData(workbook, 's1').get('file') as File).size).toBe(PREVIEW_BYTES * 3);
    expect(previewFormData(workbook, 's1').get('sourceId')).toBe('s1');
  });

  it('says which fields the mapping still needs', () => {
    expect(missingFields(settings.mapping)).toEqual([]);
    expect(missingFields({ orderNumber: 'A' })).toEqual(['purchasedAt', 'quantity', 'unitPrice', 'sku']);
    expect(canSend(new File(['x'], 'a.csv'), settings)).toBe(true);
    expect(canSend(null, settings)).toBe(false);
    expect(canSend(new File(['x'], 'a.csv'), { ...settings, sourceName: '  ' })).toBe(false);
  });

  it('shows the progress from the lines done and the estimated total', () => {
    expect(progressPercent({ state: 'running', linesDone: 250, linesTotal: 1000 })).toBe(25);
    expect(progressPercent({ state: 'running', linesDone: 1200, linesTotal: 1000 })).toBe(100);
    expect(progressPercent({ state: 'queued', linesDone: 0, linesTotal: null })).toBeNull();
    expect(progressPercent({ state: 'done', linesDone: 998, linesTotal: 998 })).toBe(100);
  });
});
