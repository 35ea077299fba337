// The demo organisation: a garden-and-home retailer and a car brand with its dealers, their
// points of sale, the SAV teams and the people working there. All names are fictional.
// Store phone numbers are in the ranges ARCEP reserves for fiction (01 99 00…, 02 61 91…,
// 03 53 01…, 04 65 71…, 05 36 49…), so calling one never reaches anybody; the North
// American ones use 555-01xx, reserved for the same purpose.
import type { Role } from '../access/access.schema.ts';
import type { StoreKind } from '../org/org.schema.ts';

export type BrandKey = 'garden' | 'auto';

export const demoBrands: Record<BrandKey, { slug: string; name: string }> = {
  garden: { slug: 'jardin-maison', name: 'Jardin & Maison' },
  auto: { slug: 'automobiles-verdier', name: 'Automobiles Verdier' },
};

export interface DemoStore {
  brand: BrandKey;
  code: string;
  name: string;
  kind: StoreKind;
  /** What customers and agents call it in messages: "le magasin de Lyon". */
  place: string;
  addressLine1?: string;
  postalCode?: string;
  city?: string;
  country: 'FR' | 'BE' | 'CA';
  region?: string;
  timezone: string;
  phone?: string;
  email?: string;
}

export const demoStores: DemoStore[] = [
  { brand: 'garden', code: 'JM-GRIGNY', name: 'Jardin & Maison Grigny', kind: 'store', place: 'Grigny', addressLine1: '2 avenue des Sablons', postalCode: '91350', city: 'Grigny', country: 'FR', timezone: 'Europe/Paris', phone: '01 99 00 41 20', email: 'grigny@jardin-maison.example' },
  { brand: 'garden', code: 'JM-LYON', name: 'Jardin & Maison Lyon Vaise', kind: 'store', place: 'Lyon Vaise', addressLine1: '48 rue de Bourgogne', postalCode: '69009', city: 'Lyon', country: 'FR', timezone: 'Europe/Paris', phone: '04 65 71 30 12', email: 'lyon@jardin-maison.example' },
  { brand: 'garden', code: 'JM-BORDEAUX', name: 'Jardin & Maison Bordeaux Lac', kind: 'store', place: 'Bordeaux Lac', addressLine1: '15 avenue des Quarante-Journaux', postalCode: '33300', city: 'Bordeaux', country: 'FR', timezone: 'Europe/Paris', phone: '05 36 49 18 60', email: 'bordeaux@jardin-maison.example' },
  { brand: 'garden', code: 'JM-LILLE', name: 'Jardin & Maison Lille Lomme', kind: 'store', place: 'Lille Lomme', addressLine1: '221 avenue de Dunkerque', postalCode: '59160', city: 'Lomme', country: 'FR', timezone: 'Europe/Paris', phone: '03 53 01 27 45', email: 'lille@jardin-maison.example' },
  { brand: 'garden', code: 'JM-NANTES', name: 'Jardin & Maison Nantes Atlantis', kind: 'store', place: 'Nantes Atlantis', addressLine1: '6 boulevard Salvador Allende', postalCode: '44800', city: 'Saint-Herblain', country: 'FR', timezone: 'Europe/Paris', phone: '02 61 91 52 08', email: 'nantes@jardin-maison.example' },
  { brand: 'garden', code: 'JM-COLMAR', name: 'Jardin & Maison Colmar', kind: 'store', place: 'Colmar', addressLine1: '12 route de Neuf-Brisach', postalCode: '68000', city: 'Colmar', country: 'FR', region: 'alsace-moselle', timezone: 'Europe/Paris', phone: '03 53 01 64 90', email: 'colmar@jardin-maison.example' },
  { brand: 'garden', code: 'JM-WEB', name: 'Jardin & Maison — boutique en ligne', kind: 'eshop', place: 'la boutique en ligne', country: 'FR', timezone: 'Europe/Paris', email: 'boutique@jardin-maison.example' },
  { brand: 'garden', code: 'JM-MARKET', name: 'Jardin & Maison — boutique place de marché', kind: 'marketplace', place: 'notre boutique sur la place de marché', country: 'FR', timezone: 'Europe/Paris', email: 'marketplace@jardin-maison.example' },
  { brand: 'garden', code: 'JM-ENTREPOT', name: 'Entrepôt Jardin & Maison Saint-Quentin-Fallavier', kind: 'warehouse', place: 'l’entrepôt de Saint-Quentin-Fallavier', addressLine1: '3 rue du Bourg-Chevreau', postalCode: '38070', city: 'Saint-Quentin-Fallavier', country: 'FR', timezone: 'Europe/Paris', phone: '04 65 71 88 00', email: 'entrepot@jardin-maison.example' },
  { brand: 'auto', code: 'AV-LYON', name: 'Verdier Lyon Gerland', kind: 'dealer', place: 'la concession de Lyon Gerland', addressLine1: '310 avenue Jean Jaurès', postalCode: '69007', city: 'Lyon', country: 'FR', timezone: 'Europe/Paris', phone: '04 65 71 52 40', email: 'lyon@automobiles-verdier.example' },
  { brand: 'auto', code: 'AV-TOULOUSE', name: 'Verdier Toulouse Purpan', kind: 'dealer', place: 'la concession de Toulouse', addressLine1: '95 route de Bayonne', postalCode: '31300', city: 'Toulouse', country: 'FR', timezone: 'Europe/Paris', phone: '05 36 49 71 15', email: 'toulouse@automobiles-verdier.example' },
  { brand: 'auto', code: 'AV-RENNES', name: 'Verdier Rennes Saint-Grégoire', kind: 'dealer', place: 'la concession de Rennes', addressLine1: '4 rue du Bas Village', postalCode: '35760', city: 'Saint-Grégoire', country: 'FR', timezone: 'Europe/Paris', phone: '02 61 91 33 70', email: 'rennes@automobiles-verdier.example' },
  { brand: 'auto', code: 'AV-METZ', name: 'Verdier Metz Technopôle', kind: 'dealer', place: 'la concession de Metz', addressLine1: '18 rue Graham Bell', postalCode: '57070', city: 'Metz', country: 'FR', region: 'alsace-moselle', timezone: 'Europe/Paris', phone: '03 53 01 45 62', email: 'metz@automobiles-verdier.example' },
  { brand: 'auto', code: 'AV-VELIZY', name: 'Verdier Vélizy', kind: 'dealer', place: 'la concession de Vélizy', addressLine1: '7 avenue de l’Europe', postalCode: '78140', city: 'Vélizy-Villacoublay', country: 'FR', timezone: 'Europe/Paris', phone: '01 99 00 73 81', email: 'velizy@automobiles-verdier.example' },
  { brand: 'auto', code: 'AV-BRUXELLES', name: 'Verdier Bruxelles Uccle', kind: 'dealer', place: 'la concession d’Uccle', addressLine1: 'Chaussée de Waterloo 1250', postalCode: '1180', city: 'Uccle', country: 'BE', timezone: 'Europe/Brussels', phone: '+32 2 374 12 60', email: 'uccle@automobiles-verdier.example' },
  { brand: 'auto', code: 'AV-MONTREAL', name: 'Verdier Montréal Saint-Laurent', kind: 'dealer', place: 'la concession de Saint-Laurent', addressLine1: '2200 boulevard Marcel-Laurin', postalCode: 'H4R 1K4', city: 'Montréal', country: 'CA', region: 'QC', timezone: 'America/Toronto', phone: '+1 514 555 0142', email: 'montreal@automobiles-verdier.example' },
  { brand: 'auto', code: 'AV-ACCESSOIRES', name: 'Verdier — boutique accessoires en ligne', kind: 'eshop', place: 'la boutique accessoires en ligne', country: 'FR', timezone: 'Europe/Paris', email: 'accessoires@automobiles-verdier.example' },
];

export type TeamKey = 'ecommerce' | 'stores' | 'technical' | 'logistics' | 'disputes' | 'dealers';

export const demoTeams: Record<TeamKey, { slug: string; name: string; brand: BrandKey | null; description: string }> = {
  ecommerce: { slug: 'sav-ecommerce', name: 'SAV e-commerce', brand: 'garden', description: 'Commandes de la boutique en ligne et de la place de marché, chat et réseaux sociaux.' },
  stores: { slug: 'reseau-magasins', name: 'Réseau magasins', brand: 'garden', description: 'Comptoirs SAV des magasins : échanges, réparations, retours.' },
  technical: { slug: 'sav-technique', name: 'SAV technique', brand: null, description: 'Diagnostics, pièces détachées, réparations, relation fabricants.' },
  logistics: { slug: 'logistique', name: 'Logistique', brand: 'garden', description: 'Livraisons, transporteurs, colis endommagés ou perdus, entrepôt.' },
  disputes: { slug: 'litiges', name: 'Litiges', brand: null, description: 'Mises en demeure, oppositions bancaires, menaces juridiques, médiation.' },
  dealers: { slug: 'reseau-concessions', name: 'Réseau concessions', brand: 'auto', description: 'Réclamations sur les concessions Verdier, suivi des ateliers et de la garantie.' },
};

export interface DemoUser {
  /** The local part of the e-mail at demo.comptoir.fr; also how the plan refers to the person. */
  key: string;
  name: string;
  role: Role;
  /** Limited to one brand (dealer network staff); omitted means every brand. */
  brand?: BrandKey;
  /** store_staff: the one store they work at. */
  store?: string;
  teams: TeamKey[];
  leads?: TeamKey[];
}

export const DEMO_EMAIL_DOMAIN = 'demo.comptoir.fr';

export const demoUsers: DemoUser[] = [
  { key: 'admin', name: 'Sophie Marchand', role: 'admin', teams: [] },
  { key: 'manager', name: 'Isabelle Fournier', role: 'manager', teams: ['ecommerce', 'stores', 'disputes'], leads: ['ecommerce', 'disputes'] },
  { key: 'reseau', name: 'Marc Delorme', role: 'manager', brand: 'auto', teams: ['dealers'], leads: ['dealers'] },
  { key: 'logistique', name: 'Antoine Mercier', role: 'manager', teams: ['logistics'], leads: ['logistics'] },
  { key: 'agent', name: 'Julien Moreau', role: 'agent', teams: ['ecommerce', 'stores'] },
  { key: 'camille.roux', name: 'Camille Roux', role: 'agent', teams: ['ecommerce'] },
  { key: 'karim.benali', name: 'Karim Benali', role: 'agent', teams: ['ecommerce', 'logistics'] },
  { key: 'lea.garnier', name: 'Léa Garnier', role: 'agent', teams: ['stores'], leads: ['stores'] },
  { key: 'thomas.lefort', name: 'Thomas Lefort', role: 'agent', teams: ['technical'], leads: ['technical'] },
  { key: 'ines.moulin', name: 'Inès Moulin', role: 'agent', teams: ['technical', 'stores'] },
  { key: 'nadia.haddad', name: 'Nadia Haddad', role: 'agent', teams: ['disputes'] },
  { key: 'pierre.lucas', name: 'Pierre Lucas', role: 'agent', teams: ['logistics'] },
  { key: 'emma.vidal', name: 'Emma Vidal', role: 'agent', brand: 'auto', teams: ['dealers'] },
  { key: 'yannick.le-goff', name: 'Yannick Le Goff', role: 'agent', brand: 'auto', teams: ['dealers', 'technical'] },
  { key: 'cm', name: 'Chloé Lambert', role: 'community_manager', teams: ['ecommerce'] },
  { key: 'hugo.perret', name: 'Hugo Perret', role: 'community_manager', teams: ['dealers'] },
  { key: 'lecture', name: 'Bernard Vasseur', role: 'viewer', teams: [] },
  { key: 'magasin', name: 'Nathalie Perrin', role: 'store_staff', brand: 'garden', store: 'JM-GRIGNY', teams: ['stores'] },
  { key: 'magasin.lyon', name: 'Rachid Bouzid', role: 'store_staff', brand: 'garden', store: 'JM-LYON', teams: ['stores'] },
  { key: 'magasin.bordeaux', name: 'Aurélie Faure', role: 'store_staff', brand: 'garden', store: 'JM-BORDEAUX', teams: ['stores'] },
  { key: 'magasin.lille', name: 'Grégory Leclercq', role: 'store_staff', brand: 'garden', store: 'JM-LILLE', teams: ['stores'] },
  { key: 'magasin.nantes', name: 'Solène Kerbrat', role: 'store_staff', brand: 'garden', store: 'JM-NANTES', teams: ['stores'] },
  { key: 'magasin.colmar', name: 'Christophe Muller', role: 'store_staff', brand: 'garden', store: 'JM-COLMAR', teams: ['stores'] },
  { key: 'concession', name: 'Frédéric Giraud', role: 'store_staff', brand: 'auto', store: 'AV-LYON', teams: ['dealers'] },
  { key: 'concession.toulouse', name: 'Sandrine Fabre', role: 'store_staff', brand: 'auto', store: 'AV-TOULOUSE', teams: ['dealers'] },
  { key: 'concession.rennes', name: 'Loïc Le Gall', role: 'store_staff', brand: 'auto', store: 'AV-RENNES', teams: ['dealers'] },
  { key: 'concession.metz', name: 'Céline Schmitt', role: 'store_staff', brand: 'auto', store: 'AV-METZ', teams: ['dealers'] },
  { key: 'concession.velizy', name: 'Mehdi Haddad', role: 'store_staff', brand: 'auto', store: 'AV-VELIZY', teams: ['dealers'] },
  { key: 'concession.uccle', name: 'Pauline Lambotte', role: 'store_staff', brand: 'auto', store: 'AV-BRUXELLES', teams: ['dealers'] },
  { key: 'concession.montreal', name: 'Geneviève Tremblay', role: 'store_staff', brand: 'auto', store: 'AV-MONTREAL', teams: ['dealers'] },
];

export const demoEmail = (key: string) => `${key}@${DEMO_EMAIL_DOMAIN}`;
