// Who handles a demo case: the channel it arrives on, the store it concerns, the team and
// the person who works it. Plain choices from the demo organisation, no I/O.
import type { Channel } from '../cases/cases.contract.ts';
import type { CustomerProfile } from './demo.customers.ts';
import { demoStores, demoUsers, type BrandKey, type DemoStore, type TeamKey } from './demo.org-data.ts';
import type { Rng } from './demo.random.ts';
import type { PathKey, Story } from './demo.story.ts';

/** Channel mix per brand: the car brand has no marketplace and more phone and dealer-desk contacts. */
const channelWeights: Record<BrandKey, Partial<Record<Channel, number>>> = {
  garden: { email: 22, webform: 14, chat: 8, phone: 10, counter: 14, sms: 3, whatsapp: 4, x: 4, facebook: 3, messenger: 2, instagram: 4, marketplace: 9 },
  auto: { email: 26, webform: 15, chat: 4, phone: 18, counter: 18, sms: 3, whatsapp: 3, x: 2, facebook: 6, messenger: 3, instagram: 2 },
};

/** Where customers post in public and the community manager answers first. */
export const socialChannels: readonly Channel[] = ['x', 'facebook', 'instagram'];
export const shortChannels: readonly Channel[] = ['chat', 'sms', 'whatsapp', 'x', 'facebook', 'instagram', 'messenger'];

export const storeByCode = new Map(demoStores.map((s) => [s.code, s]));

/** A channel the customer can actually use (an X case needs an X handle) and that is open that day. */
export function pickChannel(rng: Rng, brand: BrandKey, story: Story, customer: CustomerProfile, storesOpen: boolean): Channel {
  const weights: Partial<Record<Channel, number>> = {};
  const home = storeByCode.get(customer.homeStore)!;
  // The counter is the after-sales desk of the customer's own store or dealer.
  const hasDesk = home.brand === brand && (home.kind === 'store' || home.kind === 'dealer');
  for (const [channel, base] of Object.entries(channelWeights[brand]) as [Channel, number][]) {
    let w = base;
    if ((channel === 'email' || channel === 'webform') && !customer.email) w = 0;
    if ((channel === 'phone' || channel === 'sms') && !customer.phone) w = 0;
    if (channel === 'whatsapp') w = customer.whatsapp ? w * 4 : 0;
    if (channel === 'x') w = customer.x ? w * 12 : 0;
    if (channel === 'instagram') w = customer.instagram ? w * 10 : 0;
    if (channel === 'facebook' || channel === 'messenger') w = customer.facebook ? w * 8 : 0;
    if (channel === 'counter') w = !hasDesk ? 0 : story.bought === 'online' ? w * 0.2 : w;
    if ((channel === 'counter' || channel === 'phone') && !storesOpen) w = 0;
    if (channel === 'marketplace' && story.bought === 'store') w = 0;
    weights[channel] = w;
  }
  return rng.weighted(weights);
}

/** The point of sale a case is about. */
export function pickStore(rng: Rng, story: Story, channel: Channel, customer: CustomerProfile, brand: BrandKey): DemoStore {
  const home = storeByCode.get(customer.homeStore)!;
  const physicalHome = home.brand === brand && home.kind !== 'eshop' ? home : null;
  const code = (c: string) => storeByCode.get(c)!;
  if (brand === 'garden') {
    if (channel === 'marketplace') return code('JM-MARKET');
    if (channel === 'counter' && physicalHome) return physicalHome;
    if (story.reason === 'delivery' && rng.chance(0.25)) return code('JM-ENTREPOT');
    if (story.bought === 'online' || !physicalHome) return code('JM-WEB');
    if (story.bought === 'store') return physicalHome;
    return rng.chance(0.55) ? physicalHome : code('JM-WEB');
  }
  if (story.bought === 'online') return code('AV-ACCESSOIRES');
  if (physicalHome) return physicalHome;
  return code(rng.pick(['AV-LYON', 'AV-TOULOUSE', 'AV-RENNES', 'AV-METZ', 'AV-VELIZY']));
}

export function pickTeam(story: Story, path: PathKey, channel: Channel, store: DemoStore, rng: Rng): TeamKey {
  if (path === 'dispute') return 'disputes';
  if (story.brand === 'auto') return story.reason === 'breakdown' && rng.chance(0.3) ? 'technical' : 'dealers';
  if (channel === 'counter') return 'stores';
  if (story.reason === 'delivery' || store.kind === 'warehouse') return 'logistics';
  if (path === 'repair' && rng.chance(0.6)) return 'technical';
  if (store.kind === 'store') return 'stores';
  return 'ecommerce';
}

const usersByKey = new Map(demoUsers.map((u) => [u.key, u]));

export function userName(key: string): string {
  return usersByKey.get(key)!.name;
}

/** Agents and managers of a team who may work a case of that brand and store. */
export function teamWorkers(team: TeamKey, brand: BrandKey, store: DemoStore | null): string[] {
  return demoUsers
    .filter((u) => u.teams.includes(team) && (!u.brand || u.brand === brand))
    .filter((u) => (u.role === 'store_staff' ? u.store === store?.code : u.role === 'agent' || u.role === 'manager'))
    .map((u) => u.key);
}

export function isManager(key: string): boolean {
  return usersByKey.get(key)?.role === 'manager';
}

export function staffOf(store: DemoStore): string | null {
  return demoUsers.find((u) => u.role === 'store_staff' && u.store === store.code)?.key ?? null;
}

export function communityManagerOf(brand: BrandKey): string {
  return brand === 'garden' ? 'cm' : 'hugo.perret';
}

/** Who validates above an agent's authority: the brand's network or SAV manager, or the logistics lead. */
export function managerOf(brand: BrandKey, team: TeamKey): string {
  if (brand === 'auto') return 'reseau';
  return team === 'logistics' ? 'logistique' : 'manager';
}
