// The social inbox API against a real database: public messages on two X accounts and a
// Facebook page of two brands, handed to the shared social pipeline as connectors hand them
// (cases opened, triaged); listed angriest first, filtered, sorted and paged; seen within the reader's
// brands and stores; handed over to a store's team with a note; measured per account and hour.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { buildBrand, buildStore, buildTeam } from '../../../test/support/factories.ts';
import { buildSocialAccount, buildSocialMessage } from '../../../test/support/social-fixtures.ts';
import { ManualClock } from '../../platform/clock.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { caseEvent } from '../cases/cases.schema.ts';
import type { DraftCheckDto, LiveResponseDto, ResponseTimesDto, SocialMessageDto } from './social.contract.ts';

// Wednesday 11 March 2026, 12:00 in Paris (11:00 UTC).
const NOW = new Date('2026-03-11T11:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const clock = new ManualClock(NOW);
const ago = (ms: number) => new Date(NOW.getTime() - ms);

let h: Harness;
let cm: Client;
let brandCm: Client;
let storeStaff: Client;
let viewer: Client;
let ids: { brandA: string; brandB: string; store: string; storeB: string; team: string; xA: string; fbA: string; xB: string };
const msg: Record<string, { eventId: string; caseId: string; number: string; urgency: number; signals: string[] }> = {};

type Page = { items: SocialMessageDto[]; nextCursor: string | null };

async function list(client: Client, query = ''): Promise<Page> {
  const res = await client.get(`/api/v1/social/inbox${query ? `?${query}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const names = (page: Page) => page.items.map((i) => Object.entries(msg).find(([, m]) => m.eventId === i.eventId)?.[0]);

beforeAll(async () => {
  h = await startHarness({ clock });
  const brandA = (await buildBrand(h.ctx, { name: 'Jardiland' })).id;
  const brandB = (await buildBrand(h.ctx, { name: 'Autre Marque' })).id;
  const store = (await buildStore(h.ctx, brandA, { name: 'Magasin de Grigny', timezone: 'Europe/Paris' })).id;
  const storeB = (await buildStore(h.ctx, brandB, { name: 'Magasin B' })).id;
  const team = (await buildTeam(h.ctx, { name: 'SAV Grigny' })).id;
  // The Facebook page of brand A is run from a store in Montréal: its grid is in that zone.
  const montreal = (await buildStore(h.ctx, brandA, { name: 'Montréal', timezone: 'America/Montreal', country: 'CA' })).id;
  const xA = await buildSocialAccount(h.ctx, { name: '@Jardiland', channel: 'x', brandId: brandA });
  const fbA = await buildSocialAccount(h.ctx, { name: 'Page Jardiland', channel: 'meta', brandId: brandA, storeId: montreal });
  const xB = await buildSocialAccount(h.ctx, { name: '@AutreMarque', channel: 'x', brandId: brandB });
  ids = { brandA, brandB, store, storeB, team, xA, fbA, xB };
  cm = await h.userClient('community_manager');
  brandCm = await h.userClient('community_manager', { brandIds: [brandB] });
  storeStaff = await h.userClient('store_staff', { brandIds: [brandA], storeIds: [store] });
  viewer = await h.userClient('viewer');

  const put = async (name: string, f: Omit<Parameters<typeof buildSocialMessage>[1], 'accountId'> & { accountId?: string }) => {
    msg[name] = await buildSocialMessage(h.ctx, { accountId: ids.xA, ...f });
  };
  // Seed 000: the tweet with #fail and a video, from an author with 2,400 followers, answered in 40 minutes.
  await put('fail', {
    text: "2nde fois qu'un système d'arrosage @GardenaGlobal acheté chez @Jardiland meurt au bout de quelques mois… innondé #fail http://t.co/auySzsEfSB",
    handle: 'nhoizey',
    name: 'Nicolas Hoizey',
    followers: 2400,
    media: [{ kind: 'video', url: 'https://video.twimg.com/v.mp4', contentType: 'video/mp4' }],
    postedAt: ago(3 * HOUR),
    respondedAt: ago(3 * HOUR - 40 * MIN),
  });
  // A legal threat shouted by a large account, still unanswered: the most urgent.
  await put('lawyer', { text: 'ARNAQUE TOTALE, MON AVOCAT VA VOUS CONTACTER !!!', handle: 'furieux', followers: 50_000, postedAt: ago(2 * HOUR) });
  // Calm questions: urgency 0, the older one first among equals.
  await put('calm1', { text: 'Bonjour, vous ouvrez dimanche ?', followers: 12, postedAt: ago(5 * HOUR), respondedAt: ago(5 * HOUR - 10 * MIN) });
  await put('calm2', { text: 'Bonjour, avez-vous des tondeuses ?', followers: null, postedAt: ago(4 * HOUR), respondedAt: ago(4 * HOUR - 20 * MIN) });
  // A store's case (Grigny), negative, a photo, answered in 30 minutes.
  await put('store', { text: 'Produit défectueux acheté à Grigny', followers: 300, media: [{ kind: 'photo' }], storeId: store, postedAt: ago(6 * HOUR), respondedAt: ago(6 * HOUR - 30 * MIN) });
  // The Facebook page: a negative comment on a Sunday night in Montréal (Monday 03:30 UTC → Sunday 23:30 there).
  await put('facebook', { accountId: fbA, channel: 'facebook', text: 'Toujours pas de réponse, très déçue', name: 'Marie Tremblay', postedAt: new Date('2026-03-09T03:30:00Z') });
  // Brand B's account: only its own community manager sees it.
  await put('otherBrand', { accountId: xB, text: 'Honteux', postedAt: ago(1 * HOUR) });
  // A private message: never in the public stream.
  await put('private', { text: 'Voici mon numéro : 06 12 34 56 78', audience: 'private', postedAt: ago(30 * MIN) });
});

afterAll(async () => {
  await h?.close();
});

describe('the stream of public messages', () => {
  it('lists the public inbound messages, angriest first, then the longest waiting', async () => {
    const page = await list(cm);
    // lawyer 88, fail 52, store 32, otherBrand 25, facebook 15, then calm1 and calm2 at 0, the older first.
    expect(names(page)).toEqual(['lawyer', 'fail', 'store', 'otherBrand', 'facebook', 'calm1', 'calm2']);
    expect(page.items.map((i) => i.urgency)).toEqual([88, 52, 32, 25, 15, 0, 0]);
    expect(names(page)).not.toContain('private');
  });

  it('gives each message its case, author, text, media, triage and first answer', async () => {
    const fail = (await list(cm)).items.find((i) => i.eventId === msg.fail!.eventId)!;
    expect(fail).toMatchObject({
      channel: 'x',
      account: { id: ids.xA, name: '@Jardiland' },
      author: { handle: 'nhoizey', name: 'Nicolas Hoizey', followers: 2400 },
      text: expect.stringContaining('#fail'),
      media: [{ kind: 'video', url: 'https://video.twimg.com/v.mp4', contentType: 'video/mp4' }],
      urgency: 52,
      signals: ['anger', 'media_video'],
      postedAt: ago(3 * HOUR).toISOString(),
      respondedAt: ago(3 * HOUR - 40 * MIN).toISOString(),
      case: { id: msg.fail!.caseId, number: msg.fail!.number, status: 'new', brandId: ids.brandA, teamId: null, storeId: null, assigneeId: null },
    });
    expect(fail.url).toMatch(/^https:\/\/x\.com\/nhoizey\/status\//);
    const lawyer = (await list(cm)).items[0]!;
    expect(lawyer.signals).toEqual(['legal_threat', 'anger', 'shouting', 'exclamations', 'audience_large']);
    // legal 30 + anger 25 + shouting 10 + marks 5 + audience round(5 × (log10 50,000 − 1)) = 18
    expect(lawyer.urgency).toBe(88);
    expect(lawyer.respondedAt).toBeNull();
  });

  it('filters by account, channel, answer, urgency, signal, store, team and date', async () => {
    expect(names(await list(cm, `accountId=${ids.fbA}`))).toEqual(['facebook']);
    expect(names(await list(cm, 'channel=facebook'))).toEqual(['facebook']);
    expect(names(await list(cm, 'answered=false'))).toEqual(['lawyer', 'otherBrand', 'facebook']);
    expect(names(await list(cm, 'answered=true&sort=oldest'))).toEqual(['store', 'calm1', 'calm2', 'fail']);
    expect(names(await list(cm, 'minUrgency=50'))).toEqual(['lawyer', 'fail']);
    expect(names(await list(cm, 'signal=anger'))).toEqual(['lawyer', 'fail', 'otherBrand']);
    expect(names(await list(cm, 'signal=anger,legal_threat'))).toEqual(['lawyer']);
    expect(names(await list(cm, `storeId=${ids.store}`))).toEqual(['store']);
    expect(names(await list(cm, 'teamId=none&channel=facebook'))).toEqual(['facebook']);
    expect(names(await list(cm, `from=${ago(4 * HOUR).toISOString()}&to=${ago(90 * MIN).toISOString()}&sort=oldest`))).toEqual(['calm2', 'fail', 'lawyer']);
  });

  it('sorts by newest, oldest and audience', async () => {
    expect(names(await list(cm, 'sort=newest'))).toEqual(['otherBrand', 'lawyer', 'fail', 'calm2', 'calm1', 'store', 'facebook']);
    expect(names(await list(cm, 'sort=oldest'))).toEqual(['facebook', 'store', 'calm1', 'calm2', 'fail', 'lawyer', 'otherBrand']);
    // The loudest first; unknown audiences last, the longest waiting first among them.
    expect(names(await list(cm, 'sort=audience'))).toEqual(['lawyer', 'fail', 'store', 'calm1', 'facebook', 'calm2', 'otherBrand']);
  });

  it('pages with a cursor in every sort order, without repeating or skipping', async () => {
    for (const sort of ['urgency', 'newest', 'oldest', 'audience']) {
      const all = names(await list(cm, `sort=${sort}`));
      const walked: (string | undefined)[] = [];
      let cursor: string | null = null;
      do {
        const page: Page = await list(cm, `sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        walked.push(...names(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked, sort).toEqual(all);
    }
    expect((await cm.get('/api/v1/social/inbox?cursor=nonsense')).statusCode).toBe(400);
  });

  it('shows each reader the cases of their brands and stores only', async () => {
    expect(names(await list(brandCm))).toEqual(['otherBrand']);
    expect(names(await list(storeStaff))).toEqual(['store']);
  });

  it('is open to community managers and readers, not to anonymous callers', async () => {
    expect((await viewer.get('/api/v1/social/inbox')).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/social/inbox' })).statusCode).toBe(401);
  });
});

describe('handing a message over', () => {
  it("gives the case to a store's team with a note, through the case's own update", async () => {
    const res = await cm.post(`/api/v1/social/messages/${msg.lawyer!.eventId}/hand-over`, { storeId: ids.store, teamId: ids.team, note: 'Client de Grigny, à rappeler avant midi.' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.case).toMatchObject({ id: msg.lawyer!.caseId, storeId: ids.store, teamId: ids.team });

    const events = await h.ctx.db.select().from(caseEvent).where(eq(caseEvent.caseId, msg.lawyer!.caseId));
    const types = events.map((e) => e.type);
    expect(types).toContain('assignment_changed');
    expect(types).toContain('fields_changed');
    const note = events.find((e) => e.id === body.noteEventId)!;
    expect(note).toMatchObject({ type: 'note', visibility: 'internal' });
    expect(note.bodyText).toBe('Transmis depuis la boîte sociale : message public de @furieux sur X (urgence 88).\n\nClient de Grigny, à rappeler avant midi.');
    // The thread stays one case: the message is still its first message.
    expect(events.filter((e) => e.type === 'message_in').map((e) => e.id)).toEqual([msg.lawyer!.eventId]);

    const audit = await h.ctx.db.select().from(auditLog).where(and(eq(auditLog.action, 'social.handed_over'), eq(auditLog.targetId, msg.lawyer!.caseId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ eventId: msg.lawyer!.eventId, storeId: ids.store, teamId: ids.team });

    // The stream shows where it went, and the store's staff now see it.
    expect((await list(cm, `storeId=${ids.store}`)).items.map((i) => i.eventId)).toContain(msg.lawyer!.eventId);
    expect(names(await list(storeStaff))).toEqual(['lawyer', 'store']);
  });

  it('refuses what it cannot do', async () => {
    const over = (client: Client, eventId: string, body: unknown) => client.post(`/api/v1/social/messages/${eventId}/hand-over`, body);
    expect((await over(cm, msg.fail!.eventId, {})).statusCode).toBe(422);
    expect((await over(cm, '0195f000-0000-7000-8000-000000000000', { teamId: ids.team })).statusCode).toBe(404);
    // Another brand's message does not exist for this reader.
    expect((await over(brandCm, msg.fail!.eventId, { teamId: ids.team })).statusCode).toBe(404);
    // A store of another brand.
    expect((await over(cm, msg.fail!.eventId, { storeId: ids.storeB })).statusCode).toBe(422);
    // Readers read.
    expect((await over(viewer, msg.fail!.eventId, { teamId: ids.team })).statusCode).toBe(403);
  });
});

describe('response times', () => {
  it('measures each account over the period: rate, median and 90th percentile of the answered', async () => {
    const res = await cm.get(`/api/v1/social/response-times?from=${ago(7 * 24 * HOUR).toISOString()}`);
    expect(res.statusCode, res.body).toBe(200);
    const body: ResponseTimesDto = res.json();
    expect(body.to).toBe(NOW.toISOString());
    expect(body.accounts.map((a) => a.account.name)).toEqual(['@AutreMarque', '@Jardiland', 'Page Jardiland']);
    const x = body.accounts.find((a) => a.account.id === ids.xA)!;
    // Public messages: fail (40 min), lawyer (unanswered), calm1 (10), calm2 (20), store (30).
    expect(x).toMatchObject({ zone: 'Europe/Paris', received: 5, answered: 4, unanswered: 1, responseRate: 0.8, medianMs: 25 * MIN, p90Ms: 37 * MIN });
    // Posted from 05:00 to 09:00 UTC: 06:00 … 10:00 in Paris (UTC+1 in March), on Wednesday (ISO day 3).
    expect(x.grid).toEqual([
      { day: 3, hour: 6, received: 1, answered: 1, unanswered: 0, responseRate: 1, medianMs: 30 * MIN, p90Ms: 30 * MIN },
      { day: 3, hour: 7, received: 1, answered: 1, unanswered: 0, responseRate: 1, medianMs: 10 * MIN, p90Ms: 10 * MIN },
      { day: 3, hour: 8, received: 1, answered: 1, unanswered: 0, responseRate: 1, medianMs: 20 * MIN, p90Ms: 20 * MIN },
      { day: 3, hour: 9, received: 1, answered: 1, unanswered: 0, responseRate: 1, medianMs: 40 * MIN, p90Ms: 40 * MIN },
      { day: 3, hour: 10, received: 1, answered: 0, unanswered: 1, responseRate: 0, medianMs: null, p90Ms: null },
    ]);
    // The page's grid is in its store's zone: Monday 03:30 UTC is Sunday 23:30 in Montréal (UTC−4 since 8 March).
    const fb = body.accounts.find((a) => a.account.id === ids.fbA)!;
    expect(fb).toMatchObject({ zone: 'America/Montreal', received: 1, answered: 0, responseRate: 0, medianMs: null });
    expect(fb.grid).toEqual([{ day: 7, hour: 23, received: 1, answered: 0, unanswered: 1, responseRate: 0, medianMs: null, p90Ms: null }]);
  });

  it('puts the grid in the zone asked, and counts private messages when asked', async () => {
    const res = await cm.get(`/api/v1/social/response-times?accountId=${ids.fbA}&zone=UTC&from=${ago(7 * 24 * HOUR).toISOString()}`);
    const fb: ResponseTimesDto['accounts'][number] = res.json().accounts[0];
    expect(fb.zone).toBe('UTC');
    expect(fb.grid.map((c) => [c.day, c.hour])).toEqual([[1, 3]]);
    const all: ResponseTimesDto = (await cm.get(`/api/v1/social/response-times?accountId=${ids.xA}&audience=all`)).json();
    expect(all.accounts[0]).toMatchObject({ received: 6, answered: 4 });
    expect((await cm.get('/api/v1/social/response-times?zone=Mars/Olympus')).statusCode).toBe(400);
  });

  it('lists an account asked for even when it received nothing, and keeps to the reader’s brands', async () => {
    const quiet: ResponseTimesDto = (await cm.get(`/api/v1/social/response-times?accountId=${ids.fbA}&from=${ago(HOUR).toISOString()}`)).json();
    expect(quiet.accounts).toEqual([expect.objectContaining({ received: 0, answered: 0, responseRate: null, medianMs: null, grid: [] })]);
    const other: ResponseTimesDto = (await brandCm.get('/api/v1/social/response-times')).json();
    expect(other.accounts.map((a) => a.account.id)).toEqual([ids.xB]);
  });

  it('gives the live figure per account for the inbox header', async () => {
    const res = await cm.get('/api/v1/social/response-times/live');
    expect(res.statusCode, res.body).toBe(200);
    const live: LiveResponseDto = res.json();
    const x = live.accounts.find((a) => a.account.id === ids.xA)!;
    expect(x).toEqual({
      account: { id: ids.xA, name: '@Jardiland', channel: 'x' },
      medianMs24h: 25 * MIN,
      answered24h: 4,
      received24h: 5,
      unanswered: 1,
      oldestUnansweredAt: ago(2 * HOUR).toISOString(),
    });
    const fb = live.accounts.find((a) => a.account.id === ids.fbA)!;
    expect(fb).toMatchObject({ medianMs24h: null, received24h: 0, unanswered: 1, oldestUnansweredAt: '2026-03-09T03:30:00.000Z' });
  });
});

describe('checking a public draft', () => {
  it('finds the personal data and offers the private-move reply for the case', async () => {
    const res = await cm.post('/api/v1/social/draft-check', { text: 'Appelez-nous au 01 42 68 53 00 ou écrivez à sav@jardiland.fr', caseId: msg.fail!.caseId });
    expect(res.statusCode, res.body).toBe(200);
    const body: DraftCheckDto = res.json();
    expect(body.findings.map((f) => [f.kind, f.text])).toEqual([
      ['phone', '01 42 68 53 00'],
      ['email', 'sav@jardiland.fr'],
    ]);
    expect(body.privateMove).toEqual({
      channel: 'x',
      language: 'fr',
      text: expect.stringMatching(/^Bonjour @nhoizey, .* en message privé \(DM\) .* L’équipe Jardiland$/),
    });
  });

  it('speaks to the page’s commenter by name on Facebook, and to nobody without a case', async () => {
    const fb: DraftCheckDto = (await cm.post('/api/v1/social/draft-check', { text: 'Bonjour', caseId: msg.facebook!.caseId })).json();
    expect(fb.findings).toEqual([]);
    expect(fb.privateMove.text).toMatch(/^Bonjour Marie Tremblay, .* en message privé \? /);
    const none: DraftCheckDto = (await cm.post('/api/v1/social/draft-check', { text: '', channel: 'instagram' })).json();
    expect(none.privateMove).toMatchObject({ channel: 'instagram', language: 'fr' });
    expect(none.privateMove.text).toMatch(/^Bonjour, nous sommes désolés/);
    expect((await brandCm.post('/api/v1/social/draft-check', { text: 'x', caseId: msg.fail!.caseId })).statusCode).toBe(404);
  });
});
