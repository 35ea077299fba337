// The mapping an admin starts from: each field of an order line matched to the column whose
// header names it, in French or English ("N° ticket", "Date", "Magasin", "Code article",
// "Libellé", "Qté", "Prix unitaire TTC"… or "Order number", "SKU", "Qty", "Unit price").
// A header equal to a known name wins over one that merely contains it ("Date livraison" is
// the delivery date, not the purchase date); each column serves one field at most.
import type { ImportField, ColumnMapping } from './import.contract.ts';
import { comparable } from './local-values.ts';

const names: Record<ImportField, string[]> = {
  orderNumber: [
    'n ticket', 'no ticket', 'num ticket', 'numero ticket', 'numero de ticket', 'ticket', 'n commande', 'no commande', 'numero commande',
    'numero de commande', 'commande', 'id commande', 'reference commande', 'n facture', 'numero facture', 'facture', 'n transaction',
    'order number', 'order no', 'order', 'order id', 'receipt', 'receipt number', 'receipt no', 'ticket number', 'transaction', 'transaction id', 'invoice', 'invoice number',
  ],
  purchasedAt: [
    'date', 'date achat', 'date d achat', 'date de vente', 'date vente', 'date ticket', 'date commande', 'date de commande', 'date heure', 'date et heure', 'date transaction',
    'purchase date', 'purchased at', 'order date', 'sale date', 'date time', 'created at', 'transaction date',
  ],
  store: [
    'magasin', 'code magasin', 'n magasin', 'nom magasin', 'boutique', 'point de vente', 'pdv', 'code pdv', 'etablissement', 'site',
    'store', 'store code', 'store id', 'store name', 'shop', 'location',
  ],
  customerEmail: ['email', 'e mail', 'mail', 'courriel', 'adresse email', 'adresse e mail', 'email client', 'mail client', 'customer email', 'email address'],
  customerPhone: ['telephone', 'tel', 'portable', 'mobile', 'gsm', 'telephone client', 'tel client', 'numero de telephone', 'phone', 'phone number', 'customer phone'],
  customerName: ['client', 'nom client', 'nom du client', 'nom prenom', 'nom', 'customer', 'customer name', 'name', 'full name'],
  sku: [
    'code article', 'article', 'ref', 'ref article', 'reference', 'reference article', 'code produit', 'ref produit', 'code',
    'sku', 'item code', 'product code', 'item number', 'article number',
  ],
  ean: ['ean', 'ean13', 'ean 13', 'code barre', 'code barres', 'code ean', 'gencod', 'gencode', 'gtin', 'upc', 'barcode'],
  productName: [
    'libelle', 'libelle article', 'libelle produit', 'designation', 'designation article', 'description', 'produit', 'nom produit', 'nom article',
    'product', 'product name', 'item', 'item name', 'item description', 'title',
  ],
  category: ['categorie', 'famille', 'sous famille', 'rayon', 'univers', 'category', 'department', 'product type'],
  quantity: ['qte', 'quantite', 'qte vendue', 'quantite vendue', 'nb', 'nombre', 'qty', 'quantity', 'units'],
  unitPrice: [
    'prix unitaire', 'prix unitaire ttc', 'pu', 'pu ttc', 'prix', 'prix ttc', 'prix de vente', 'prix de vente ttc', 'pv ttc', 'prix unit ttc',
    'unit price', 'price', 'unit price incl tax', 'selling price',
  ],
  lineTotal: [
    'montant', 'montant ttc', 'total', 'total ttc', 'total ligne', 'total ligne ttc', 'montant ligne', 'montant ligne ttc', 'ca ttc', 'net ttc',
    'line total', 'amount', 'total price', 'line amount', 'total incl tax',
  ],
  paymentMethod: ['mode de paiement', 'moyen de paiement', 'paiement', 'mode paiement', 'reglement', 'mode de reglement', 'payment', 'payment method', 'tender', 'payment type'],
  deliveredAt: [
    'date livraison', 'date de livraison', 'livraison', 'livre le', 'date retrait', 'date de retrait',
    'delivery date', 'delivered', 'delivered at', 'delivered on', 'pickup date',
  ],
  condition: ['etat', 'etat produit', 'etat article', 'neuf occasion', 'condition', 'item condition', 'state'],
};

const known = new Map<string, ImportField>();
for (const [field, list] of Object.entries(names) as [ImportField, string[]][]) for (const name of list) if (!known.has(name)) known.set(name, field);

/** A field → header mapping from the headers alone. */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const candidates: { field: ImportField; header: string; score: number }[] = [];
  headers.forEach((header, index) => {
    const h = comparable(header);
    if (!h) return;
    const exact = known.get(h);
    if (exact) candidates.push({ field: exact, header, score: 1000 + h.length - index / 1000 });
    for (const [name, field] of known) {
      // Whole words only: "ref" is in "ref article", not in "preference".
      if (name !== h && ` ${h} `.includes(` ${name} `)) candidates.push({ field, header, score: name.length - index / 1000 });
    }
  });
  candidates.sort((a, b) => b.score - a.score);
  const mapping: ColumnMapping = {};
  const used = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || used.has(c.header)) continue;
    mapping[c.field] = c.header;
    used.add(c.header);
  }
  return mapping;
}

/** A mapping saved with the source, if every column it names is still in the file. */
export function savedMappingFits(saved: ColumnMapping | undefined, headers: readonly string[]): saved is ColumnMapping {
  if (!saved || Object.keys(saved).length === 0) return false;
  const present = new Set(headers.map((h) => h.trim()));
  return Object.values(saved).every((h) => h === undefined || present.has(h));
}
