import { describe, expect, it } from 'vitest';
import { savedMappingFits, suggestMapping } from './column-suggestions.ts';

describe('suggestMapping', () => {
  it('maps a French till export', () => {
    const headers = ['N° ticket', 'Date', 'Magasin', 'Code article', 'EAN', 'Libellé', 'Famille', 'Qté', 'Prix unitaire TTC', 'Montant TTC', 'Mode de paiement', 'E-mail client', 'Téléphone', 'Nom client', 'Date de livraison', 'État'];
    expect(suggestMapping(headers)).toEqual({
      orderNumber: 'N° ticket',
      purchasedAt: 'Date',
      store: 'Magasin',
      sku: 'Code article',
      ean: 'EAN',
      productName: 'Libellé',
      category: 'Famille',
      quantity: 'Qté',
      unitPrice: 'Prix unitaire TTC',
      lineTotal: 'Montant TTC',
      paymentMethod: 'Mode de paiement',
      customerEmail: 'E-mail client',
      customerPhone: 'Téléphone',
      customerName: 'Nom client',
      deliveredAt: 'Date de livraison',
      condition: 'État',
    });
  });

  it('maps an English export', () => {
    const headers = ['Order number', 'Order date', 'Store code', 'SKU', 'Barcode', 'Product name', 'Category', 'Qty', 'Unit price', 'Line total', 'Payment method', 'Email', 'Phone', 'Customer name', 'Delivery date', 'Condition'];
    expect(suggestMapping(headers)).toEqual({
      orderNumber: 'Order number',
      purchasedAt: 'Order date',
      store: 'Store code',
      sku: 'SKU',
      ean: 'Barcode',
      productName: 'Product name',
      category: 'Category',
      quantity: 'Qty',
      unitPrice: 'Unit price',
      lineTotal: 'Line total',
      paymentMethod: 'Payment method',
      customerEmail: 'Email',
      customerPhone: 'Phone',
      customerName: 'Customer name',
      deliveredAt: 'Delivery date',
      condition: 'Condition',
    });
  });

  it('prefers a header that is a known name over one that merely contains it', () => {
    // "Date livraison" contains "date" but is the delivery date; "Date" alone is the purchase.
    expect(suggestMapping(['Date livraison', 'Date'])).toEqual({ deliveredAt: 'Date livraison', purchasedAt: 'Date' });
    // A header containing a name, when nothing matches exactly.
    expect(suggestMapping(['Ticket n°', 'Quantité vendue (unités)', 'Prix unitaire TTC en euros'])).toEqual({
      orderNumber: 'Ticket n°',
      quantity: 'Quantité vendue (unités)',
      unitPrice: 'Prix unitaire TTC en euros',
    });
  });

  it('gives each column one field and leaves unknown columns out', () => {
    const mapping = suggestMapping(['Ref', 'Référence', 'Vendeur', 'Remarque']);
    expect(Object.values(mapping)).toHaveLength(new Set(Object.values(mapping)).size);
    expect(['Ref', 'Référence']).toContain(mapping.sku);
    expect(Object.values(mapping)).not.toContain('Vendeur');
    expect(Object.values(mapping)).not.toContain('Remarque');
  });

  it('matches whole words only', () => {
    expect(suggestMapping(['Préférence'])).toEqual({});
  });
});

describe('savedMappingFits', () => {
  it('offers the mapping saved with the source while its columns are all there', () => {
    const saved = { orderNumber: 'Ticket', purchasedAt: 'Jour' };
    expect(savedMappingFits(saved, ['Ticket', 'Jour', 'Autre'])).toBe(true);
    expect(savedMappingFits(saved, ['Ticket', 'Date'])).toBe(false);
    expect(savedMappingFits({}, ['Ticket'])).toBe(false);
    expect(savedMappingFits(undefined, ['Ticket'])).toBe(false);
  });
});
