// The demo's cases, planned before anything is written: who writes, when, on which channel,
// about what, and every move the SAV makes afterwards until today. Pure: the same seed,
// counts and "now" give the same plan.
import type { Channel, Priority } from '../cases/cases.contract.ts';
import { atLocal, DAY, HOUR, isFrenchHoliday, localParts, socialHours } from './demo.calendar.ts';
import type { CustomerProfile } from './demo.customers.ts';
import { demoBrands, type BrandKey, type DemoStore, type TeamKey } from './demo.org-data.ts';
import { runPath } from './demo.paths.ts';
import type { Rng } from './demo.random.ts';
import { notes, replies } from './demo.replies.ts';
import {
  communityManagerOf,
  isManager,
  managerOf,
  pickChannel,
  pickStore,
  pickTeam,
  shortChannels,
  socialChannels,
  staffOf,
  storeByCode,
  teamWorkers,
  userName,
} from './demo.routing.ts';
import { autoStories } from './demo.stories.auto.ts';
import { gardenBreakdownStories } from './demo.stories.garden.ts';
import { questionStories } from './demo.stories.questions.ts';
import { gardenShopStories } from './demo.stories.shop.ts';
import { fill, productVars, seasonWeights, type PathKey, type ReasonKey, type Story, type StoryText, type Telling } from './demo.story.ts';
import { system, TimelineBuilder, user, type ActorRef, type PlannedAction } from './demo.timeline.ts';

export interface CasePlan {
  at: Date;
  customer: CustomerProfile;
  creator: ActorRef;
  story: string;
  path: PathKey;
  subject: string;
  message: string;
  channel: Channel;
  brand: BrandKey;
  store: string;
  reason: ReasonKey;
  priority: Priority;
  team: TeamKey | null;
  assignee: string | null;
  tags: string[];
  language: 'fr' | 'en';
  orderRef: string | null;
  actions: PlannedAction[];
}

const storiesOf: Record<BrandKey, Story[]> = {
  garden: [...gardenBreakdownStories, ...gardenShopStories, ...questionStories.filter((s) => s.brand === 'garden')],
  auto: [...autoStories, ...questionStories.filter((s) => s.brand === 'auto')],
};

/** More contacts on Mondays, fewer on Sundays; a spring-summer peak for the garden season and one before Christmas. */
const weekdayWeight = [0.45, 1.3, 1.1, 1.0, 1.0, 0.95, 0.75];
const monthWeight = [0.8, 0.75, 0.9, 1.1, 1.3, 1.35, 1.3, 1.05, 0.95, 0.9, 0.95, 1.1];

const whenFr = ['l’été dernier', 'il y a trois semaines', 'le mois dernier', 'au printemps', 'il y a deux mois', 'en début d’année', 'il y a dix jours', 'pour les soldes'];
const whenEn = ['last summer', 'three weeks ago', 'last month', 'in the spring', 'two months ago', 'earlier this year', 'ten days ago'];

function pickDays(rng: Rng, start: Date, end: Date, count: number): Date[] {
  const days: { day: Date; weight: number }[] = [];
  // Whole days only, from the day after `start` to today; each is probed at noon, which
  // daylight-saving shifts never move to another date.
  const first = atLocal(localParts(start, 'Europe/Paris'), 36, 'Europe/Paris').getTime();
  for (let t = first; t < end.getTime(); t += DAY) {
    const p = localParts(new Date(t), 'Europe/Paris');
    const holiday = isFrenchHoliday(p) ? 0.5 : 1;
    days.push({ day: new Date(t), weight: weekdayWeight[p.weekday]! * monthWeight[p.month - 1]! * holiday });
  }
  const total = days.reduce((s, d) => s + d.weight, 0);
  return Array.from({ length: count }, () => {
    let r = rng.next() * total;
    for (const d of days) if ((r -= d.weight) < 0) return d.day;
    return days[days.length - 1]!.day;
  });
}

/** Every customer appears at least once (when there are enough cases), a few come back often. */
function customerSequence(rng: Rng, customers: CustomerProfile[], count: number): CustomerProfile[] {
  const firstContacts = rng.shuffle(customers).slice(0, count);
  const frequent = customers.filter(() => rng.chance(0.2));
  const extra = Array.from({ length: Math.max(0, count - firstContacts.length) }, () =>
    rng.chance(0.5) && frequent.length ? rng.pick(frequent) : rng.pick(customers),
  );
  return rng.shuffle([...firstContacts, ...extra]);
}

function pickStory(rng: Rng, brand: BrandKey, language: 'fr' | 'en', month: number): Story {
  const candidates = storiesOf[brand].filter((s) => language === 'fr' || s.en);
  const weights: Record<string, number> = {};
  for (const s of candidates) weights[s.key] = s.weight * seasonWeights[s.season ?? 'none'][month - 1]!;
  const key = rng.weighted(weights);
  return candidates.find((s) => s.key === key)!;
}

/** The moment of day people write on each channel, in the store's time zone for counter and phone. */
function timeOfDay(rng: Rng, channel: Channel): number {
  if (channel === 'counter') return rng.int(19, 37) / 2 + rng.next() / 2;
  if (channel === 'phone') return 9 + rng.next() * 9;
  if (channel === 'chat') return 9 + rng.next() * 11;
  const slot = rng.weighted({ night: 2, morning: 6, lunch: 4, afternoon: 8, evening: 9 });
  const ranges = { night: [0, 7], morning: [7, 12], lunch: [12, 14], afternoon: [14, 18], evening: [18, 24] } as const;
  const [from, to] = ranges[slot];
  return from + rng.next() * (to - from);
}

function orderRefFor(rng: Rng, store: DemoStore, at: Date): string | null {
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  if (store.code === 'JM-WEB' || store.code === 'JM-ENTREPOT') return `JM${String(at.getUTCFullYear()).slice(2)}-${digits(6)}`;
  if (store.code === 'JM-MARKET') return `MP-${Array.from({ length: 10 }, () => rng.pick([...'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'])).join('')}`;
  if (store.code === 'AV-ACCESSOIRES') return `VA-${digits(6)}`;
  return null;
}

/** Who the SAV checks with: the dealer, the store, or its own teams. */
function partnerOf(store: DemoStore, language: 'fr' | 'en'): string {
  if (language === 'en') return store.kind === 'dealer' ? 'the dealership' : store.kind === 'store' ? 'the store' : 'our teams';
  return store.kind === 'dealer' ? 'la concession' : store.kind === 'store' ? 'le magasin' : 'nos équipes';
}

function money(amount: number, language: 'fr' | 'en', country: string): string {
  const currency = country === 'CA' ? 'CAD' : 'EUR';
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : country === 'CA' ? 'fr-CA' : 'fr-FR', { style: 'currency', currency }).format(amount);
}

function placeVars(store: DemoStore, customer: CustomerProfile, language: 'fr' | 'en') {
  const home = storeByCode.get(customer.homeStore)!;
  const pickup = store.kind === 'store' || store.kind === 'dealer' ? store : home.kind === 'store' || home.kind === 'dealer' ? home : null;
  if (language === 'en') {
    const chez = store.kind === 'store' ? `at your ${store.place} store` : store.kind === 'dealer' ? `at ${store.name}` : store.kind === 'marketplace' ? 'through your marketplace shop' : 'on your website';
    return { chez, atelier: pickup ? (pickup.kind === 'store' ? `at the after-sales desk of your ${pickup.place} store` : `at ${pickup.name}`) : 'at your home' };
  }
  const chez = store.kind === 'store' ? `au magasin de ${store.place}` : store.kind === 'dealer' ? `à ${store.place}` : store.kind === 'marketplace' ? 'sur votre boutique de la place de marché' : store.code === 'AV-ACCESSOIRES' ? 'sur la boutique accessoires' : 'sur votre site';
  return { chez, atelier: pickup ? (pickup.kind === 'store' ? `au comptoir SAV de votre magasin de ${pickup.place}` : `à ${pickup.place}`) : 'à votre domicile' };
}

/** Public posts on X, Facebook and Instagram; short direct messages on chat, SMS and WhatsApp; full messages elsewhere. */
function tellingsFor(text: StoryText, channel: Channel): readonly Telling[] {
  const isPublic = socialChannels.includes(channel);
  const publicPosts = (text.short ?? []).filter((t) => t.public);
  const direct = (text.short ?? []).filter((t) => !t.public);
  if (isPublic && publicPosts.length) return publicPosts;
  if (shortChannels.includes(channel) && direct.length) return direct;
  return text.messages;
}

export function planCases(rng: Rng, customers: CustomerProfile[], count: number, start: Date, end: Date): CasePlan[] {
  const days = pickDays(rng, start, end, count);
  const sequence = customerSequence(rng, customers, count);
  const seenStories = new Set<string>();
  const plans = sequence.map((customer, i) => planCase(rng, customer, days[i]!, end, seenStories));
  return plans.sort((x, y) => x.at.getTime() - y.at.getTime());
}

/** One case: who writes, on which channel, about what, and the SAV's moves until `end`. */
function planCase(rng: Rng, customer: CustomerProfile, date: Date, end: Date, seenStories: Set<string>): CasePlan {
  const day = localParts(date, 'Europe/Paris');
  const brand: BrandKey = customer.country === 'CA' ? 'auto' : rng.chance(0.9) ? customer.brand : customer.brand === 'garden' ? 'auto' : 'garden';
  const story = pickStory(rng, brand, customer.language, day.month);
  const storesOpen = day.weekday !== 0 && !isFrenchHoliday(day);
  const channel = pickChannel(rng, brand, story, customer, storesOpen);
  const store = pickStore(rng, story, channel, customer, brand);
  const timeZone = channel === 'counter' || channel === 'phone' ? store.timezone : 'Europe/Paris';
  let at = atLocal(day, timeOfDay(rng, channel), timeZone);
  // Today's cases cannot come from later today: the same hour on an earlier day.
  while (at.getTime() >= end.getTime()) at = new Date(at.getTime() - DAY);

  const path = rng.weighted(story.paths);
  const team = pickTeam(story, path, channel, store, rng);
  const workers = teamWorkers(team, brand, store);
  const manager = managerOf(brand, team);
  // Agents do the daily work; managers step in for disputes and validations.
  const agents = workers.filter((w) => !isManager(w));
  const agent = (channel === 'counter' ? staffOf(store) : null) ?? rng.pick(agents.length ? agents : workers);
  const social = socialChannels.includes(channel);
  const cm = communityManagerOf(brand);
  // On social networks the community manager settles simple requests in private messages
  // and hands repairs, deliveries and disputes to the team that can solve them.
  const handOff = social && (path === 'repair' || path === 'carrier' || path === 'dispute' || rng.chance(path === 'answer' ? 0.2 : 0.6));
  const worker = social && !handOff ? cm : agent;
  const language = customer.language;
  const text = language === 'en' ? story.en! : story.fr;

  // Routing on arrival: social posts land in the community manager's inbox; a few e-mails
  // match no rule and wait for a manager's triage; the rest reach a team, often a person.
  const triage = !social && channel !== 'counter' && channel !== 'phone' && channel !== 'chat' && rng.chance(0.05);
  const assignedNow = channel === 'counter' || channel === 'phone' || channel === 'chat' || (!triage && !social && rng.chance(0.97));
  const misfiled = triage && rng.chance(0.35) && story.reason !== 'other';
  // The same customer with the same problem again: flagged at once, and handled first.
  const repeat = seenStories.has(`${customer.index}|${story.key}`);
  seenStories.add(`${customer.index}|${story.key}`);

  // The customer's words, and a product those words fit.
  const telling = rng.pick(tellingsFor(text, channel));
  const product = rng.pick(telling.products ?? (language === 'en' && story.productsEn ? story.productsEn : story.products));
  const orderRef = orderRefFor(rng, store, at);
  const amount = story.amount ? rng.int(story.amount[0], story.amount[1]) + rng.pick([0, 0.5, 0.9, 0.99]) : 0;
  const vars: Record<string, string> = {
    ...productVars(product, language),
    ...placeVars(store, customer, language),
    prenom: customer.firstName,
    quand: rng.pick(language === 'en' ? whenEn : whenFr),
    commande: orderRef ?? `${language === 'en' ? 'receipt no.' : 'ticket n°'} ${rng.int(1000, 9999)}-${rng.int(100, 999)}-${rng.int(1000, 9999)}`,
    montant: money(amount, language, store.country),
    marque: demoBrands[brand].name,
    partenaire: partnerOf(store, language),
    agent: userName(worker).split(' ')[0]!,
  };
  const baseTags = [...story.tags, ...(social ? ['réseaux-sociaux'] : [])];
  const extraTags = repeat ? ['récidive'] : [];
  let priority: Priority = story.priority ?? (story.reason === 'usage' || story.reason === 'other' ? (rng.chance(0.3) ? 'low' : 'normal') : 'normal');
  if (repeat) priority = 'high';
  if (path === 'dispute' && rng.chance(0.3)) priority = 'urgent';

  const tl = new TimelineBuilder(rng, at, end, store.country === 'CA' ? store.timezone : 'Europe/Paris');
  tl.firstResponse(channel);
  if (social) {
    // Answer in public within the hour and move the personal details to private messages;
    // the community manager either settles it there or hands the case to the right team
    // without losing the thread.
    const publicReply = fill(rng.pick(replies.socialPublic[language]), { ...vars, agent: userName(cm).split(' ')[0]! });
    tl.add(user(cm), { kind: 'reply', body: publicReply, status: 'open' }, socialHours);
    tl.wait(5 * HOUR, 2.5, socialHours);
    if (handOff) {
      tl.add(user(cm), { kind: 'update', change: { team, assignee: agent, ...(priority === 'normal' && rng.chance(0.3) ? { priority: 'high' } : {}) } }, socialHours);
      if (rng.chance(0.25)) tl.add(user(cm), { kind: 'note', body: rng.pick(notes.social) }, socialHours);
      tl.wait(3 * HOUR, 2);
    }
  } else if (triage) {
    tl.add(user(manager), { kind: 'update', change: { team, assignee: agent, ...(misfiled ? { reason: story.reason } : {}) } });
    tl.wait(2 * HOUR, 2);
  } else if (!assignedNow) {
    tl.add(user(agent), { kind: 'update', change: { assignee: agent } });
  }
  // One case in twenty is forgotten midway: the backlog every SAV has.
  if (rng.chance(1 / 20)) tl.stopAfter(tl.actions.length + rng.int(0, 2));
  const replyChannel: Channel | undefined =
    channel === 'counter' || channel === 'phone' ? (customer.email ? 'email' : 'sms') : channel === 'facebook' ? 'messenger' : undefined;
  runPath(path, {
    rng,
    tl,
    brand,
    channel,
    reason: story.reason,
    language,
    agent: worker,
    manager,
    managerFirstName: userName(manager).split(' ')[0]!,
    vars,
    replyChannel,
    firstNote: telling.note,
    refundable: !!story.amount,
    answer: telling.answer,
    hasProof: !!orderRef,
    extraTags,
    baseTags,
  });

  return {
    at,
    customer,
    creator: channel === 'counter' || channel === 'phone' ? user(agent) : system,
    story: story.key,
    path,
    subject: rng.pick(telling.subjects),
    message: fill(telling.text, vars),
    channel,
    brand,
    store: store.code,
    reason: misfiled ? 'other' : story.reason,
    priority,
    team: social || triage ? null : team,
    assignee: social ? cm : assignedNow ? agent : null,
    tags: [...new Set([...baseTags, ...extraTags])],
    language,
    orderRef,
    actions: tl.actions,
  };
}
