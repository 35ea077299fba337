// The web form channel: a case opened from the form with its acknowledgment on screen,
// spam kept out (honeypot, fill time, replayed token, limits), bad input answered clearly
// (problem+json for the API, the form again with its values for the page).
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildBrand } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { photoJpeg } from '../../../test/support/images.ts';
import { multipart, type FilePart } from '../../../test/support/multipart.ts';
import { ManualClock } from '../../platform/clock.ts';
import { caseAttachment, savCase } from '../../modules/cases/cases.schema.ts';

let h: Harness;
let clock: ManualClock;
let admin: Client;
const FRAMERS = "'self' https://www.jardin-maison.example";

beforeAll(async () => {
  clock = new ManualClock('2026-04-07T07:00:00Z');
  h = await startHarness({
    clock,
    env: { COMPTOIR_FORM_MIN_FILL_SECONDS: '3', COMPTOIR_PUBLIC_WRITES_PER_HOUR: '4', COMPTOIR_FORM_FRAME_ANCESTORS: FRAMERS, COMPTOIR_SESSION_TTL_HOURS: '240' },
  });
  await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' });
  await buildBrand(h.ctx, { slug: 'automobiles-verdier', name: 'Automobiles Verdier' });
  admin = await h.userClient('admin');
});
afterAll(() => h?.close());
beforeEach(() => clock.advance(3_600_000));

let ips = 0;
/** Each submission from its own address unless a test says otherwise (the per-IP limit is tested on its own). */
const nextIp = () => `198.51.100.${++ips}`;

async function setup(query = '?brand=jardin-maison', headers: Record<string, string> = {}) {
  const res = await h.app.inject({ method: 'GET', url: `/api/v1/inbound/webform${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const submission = (formToken: string, over: Record<string, unknown> = {}) => ({
  brand: 'jardin-maison',
  firstName: 'Marc',
  lastName: 'Petit',
  email: 'marc.petit@exemple.fr',
  phone: '06 12 34 56 78',
  orderRef: 'CMD-4412',
  product: 'Programmateur Gardena Flex',
  reason: 'breakdown',
  message: 'Mon programmateur a inondé le jardin pour la deuxième fois.',
  formToken,
  website: '',
  ...over,
});

const submit = (body: object, remoteAddress = nextIp()) => h.app.inject({ method: 'POST', url: '/api/v1/inbound/webform', payload: body, remoteAddress });
const webformCases = async () => Number((await h.ctx.db.select({ n: count() }).from(savCase).where(eq(savCase.channel, 'webform')))[0]!.n);

describe('the web form API', () => {
  it('gives a custom form what it needs: the brand, the reasons in its language, a token', async () => {
    const fr = await setup();
    expect(fr).toMatchObject({ brand: { slug: 'jardin-maison', name: 'Jardin & Maison' }, language: 'fr', minFillSeconds: 3, uploads: { maxFiles: 5, maxBytes: 10 * 1024 * 1024 } });
    expect(fr.reasons).toContainEqual({ key: 'breakdown', label: 'Panne' });
    expect(fr.formToken).toMatch(/^v1\./);
    const en = await setup('?brand=jardin-maison', { 'accept-language': 'en-US,en;q=0.8' });
    expect(en.reasons).toContainEqual({ key: 'breakdown', label: 'Breakdown' });
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/inbound/webform?brand=nope' })).statusCode).toBe(404);
    // Two brands: the form must say which.
    expect((await h.app.inject({ method: 'GET', url: '/api/v1/inbound/webform' })).statusCode).toBe(404);
  });

  it('opens the case and acknowledges it with its number, the promise and what happens next', async () => {
    const { formToken } = await setup();
    clock.advance(40_000);
    const res = await submit(submission(formToken));
    expect(res.statusCode, res.body).toBe(201);
    const ack = res.json();
    expect(ack.number).toMatch(/^SAV-2026-\d{6}$/);
    expect(ack).toMatchObject({ brand: 'Jardin & Maison', language: 'fr', promise: { metric: 'first_reply' } });
    expect(ack.promise.text).toMatch(/^au plus tard le \w+ \d+(er)? \w+ 2026 à \d\d:\d\d$/);
    expect(ack.nextSteps).toContain(`Un conseiller lit votre demande et vous répond ${ack.promise.text}.`);
    expect(ack.nextSteps).toContain('par e-mail');
    expect(ack.trackingUrl).toMatch(/\/t\/[A-Za-z0-9_-]{43}$/);

    const found = (await admin.get(`/api/v1/cases?q=${ack.number}`)).json().items[0];
    expect(found).toMatchObject({
      channel: 'webform',
      subject: 'Panne — Programmateur Gardena Flex',
      product: 'Programmateur Gardena Flex',
      orderRef: 'CMD-4412',
      reason: { key: 'breakdown' },
      language: 'fr',
      customer: { displayName: 'Marc Petit' },
    });
    const events = (await admin.get(`/api/v1/cases/${found.id}/events`)).json().items;
    expect(events.find((e: { type: string }) => e.type === 'message_in')).toMatchObject({ channel: 'webform', body: 'Mon programmateur a inondé le jardin pour la deuxième fois.' });
    const customer = (await admin.get(`/api/v1/customers/${found.customer.id}`)).json();
    expect(customer.identities.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`).sort()).toEqual(['email:marc.petit@exemple.fr', 'phone:+33612345678']);
    // The tracking link works at once.
    const tracked = await h.app.inject({ method: 'GET', url: `/api/v1/track/${ack.trackingUrl.split('/t/')[1]}` });
    expect(tracked.json().number).toBe(ack.number);
  });

  it('opens one case when the same form comes twice (double click, replayed token)', async () => {
    const { formToken } = await setup();
    clock.advance(10_000);
    const before = await webformCases();
    const first = await submit(submission(formToken));
    const again = await submit(submission(formToken));
    const robot = await submit(submission(formToken, { message: 'Achetez des montres pas chères', email: 'spam@robot.example' }));
    expect(first.statusCode).toBe(201);
    for (const replay of [again, robot]) {
      expect(replay.statusCode).toBe(200);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.json().number).toBe(first.json().number);
    }
    expect(await webformCases()).toBe(before + 1);
  });

  it('keeps robots out: a filled honeypot, a form sent too fast, a forged or foreign token', async () => {
    const before = await webformCases();
    const { formToken } = await setup();
    clock.advance(1_000);
    const tooFast = await submit(submission(formToken));
    expect(tooFast.statusCode).toBe(422);
    expect(tooFast.json().errors).toEqual([{ field: 'formToken', message: 'too fast' }]);

    clock.advance(10_000);
    const honeypot = await submit(submission(formToken, { website: 'https://cheap-watches.example' }));
    expect(honeypot.statusCode).toBe(422);
    expect(honeypot.json().errors).toEqual([{ field: 'website', message: 'must stay empty' }]);

    const forged = formToken.replace(/\.[^.]+$/, '.AAAA');
    expect((await submit(submission(forged))).json().errors).toEqual([{ field: 'formToken', message: 'invalid' }]);
    const otherBrand = (await setup('?brand=automobiles-verdier')).formToken;
    clock.advance(10_000);
    expect((await submit(submission(otherBrand))).json().errors).toEqual([{ field: 'formToken', message: 'invalid' }]);
    clock.advance(25 * 3_600_000);
    expect((await submit(submission(formToken))).json().errors).toEqual([{ field: 'formToken', message: 'expired' }]);
    expect((await submit(submission('nothing'))).statusCode).toBe(422);
    expect(await webformCases()).toBe(before);
  });

  it('answers bad input with a problem per field', async () => {
    const { formToken } = await setup();
    clock.advance(10_000);
    const missing = await submit(submission(formToken, { firstName: '', lastName: '  ', email: '', phone: '', message: '' }));
    expect(missing.statusCode).toBe(422);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json().errors).toEqual([
      { field: 'firstName', message: 'required' },
      { field: 'lastName', message: 'required' },
      { field: 'message', message: 'required' },
      { field: 'email', message: 'give an e-mail or a phone' },
    ]);
    const wrong = await submit(submission(formToken, { email: 'marc.petit@', phone: '12', reason: 'astrology' }));
    expect(wrong.json().errors).toEqual([
      { field: 'email', message: 'invalid' },
      { field: 'phone', message: 'invalid' },
      { field: 'reason', message: 'invalid' },
    ]);
    expect((await submit(submission(formToken, { brand: 'nope' }))).statusCode).toBe(404);
    expect((await submit({ ...submission(formToken), admin: true })).statusCode).toBe(422);
    expect((await submit(submission(formToken, { message: 'x'.repeat(20_001) }))).json().errors).toEqual([{ field: 'message', message: 'too long' }]);
  });

  it('takes photos with the request (multipart) and refuses what is not one', async () => {
    const { formToken } = await setup();
    clock.advance(10_000);
    const send = async (files: FilePart[], token = formToken) => {
      const fields = Object.fromEntries(Object.entries(submission(token)).map(([k, v]) => [k, String(v)]));
      return h.app.inject({ method: 'POST', url: '/api/v1/inbound/webform', remoteAddress: nextIp(), ...(await multipart(fields, files)) });
    };
    const before = await webformCases();
    const fake = await send([{ name: 'facture.jpg', content: Buffer.from('<html><script>alert(1)</script></html>') }]);
    expect(fake.statusCode).toBe(415);
    expect(await webformCases()).toBe(before);

    const ok = await send([{ name: 'photo.jpg', content: photoJpeg() }]);
    expect(ok.statusCode, ok.body).toBe(201);
    const found = (await admin.get(`/api/v1/cases?q=${ok.json().number}`)).json().items[0];
    const files = await h.ctx.db.select().from(caseAttachment).where(eq(caseAttachment.caseId, found.id));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ filename: 'photo.jpg', contentType: 'image/jpeg', visibility: 'public' });
  });

  it('limits requests per e-mail and per IP, with Retry-After', async () => {
    const sendFrom = async (ip: string, email: string) => {
      const { formToken } = await setup();
      clock.advance(5_000);
      return submit(submission(formToken, { email, phone: '' }), ip);
    };
    for (let i = 0; i < 4; i++) expect((await sendFrom(nextIp(), 'same.person@exemple.fr')).statusCode).toBe(201);
    const perEmail = await sendFrom(nextIp(), 'Same.Person@exemple.fr');
    expect(perEmail.statusCode).toBe(429);
    expect(perEmail.headers['retry-after']).toBeDefined();

    clock.advance(3_600_000);
    for (let i = 0; i < 4; i++) expect((await sendFrom('203.0.113.50', `person${i}@exemple.fr`)).statusCode).toBe(201);
    expect((await sendFrom('203.0.113.50', 'someone.else@exemple.fr')).statusCode).toBe(429);
  });
});

describe('the web form page', () => {
  const formFields = (html: string) => ({
    formToken: /name="formToken" value="([^"]+)"/.exec(html)![1]!,
  });

  async function postForm(fields: Record<string, string>, files: FilePart[] = [], query = '?brand=jardin-maison&lang=fr') {
    return h.app.inject({ method: 'POST', url: `/form${query}`, remoteAddress: nextIp(), ...(await multipart(fields, files)) });
  }

  const decode = (s: string) => s.replace(/&amp;/g, '&');

  it('is an accessible French page that the brand’s site may frame, and nothing else', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/form?brand=jardin-maison' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain(`frame-ancestors ${FRAMERS};`);
    expect(res.headers['x-frame-options']).toBeUndefined();
    const html = res.body;
    expect(html).toContain('<html lang="fr">');
    for (const label of ['<label for="firstName">Prénom', '<label for="lastName">Nom', '<label for="email">Adresse e-mail', '<label for="phone">Téléphone', '<label for="reason">Motif', '<label for="message">Votre message', '<label for="files">Photos ou documents']) {
      expect(html).toContain(label);
    }
    expect(html).toContain('<option value="breakdown">Panne</option>');
    expect(html).toMatch(/<div class="trap" aria-hidden="true">.*name="website" tabindex="-1"/);
    expect(html).not.toMatch(/<script/i);
    const english = await h.app.inject({ method: 'GET', url: '/form?brand=jardin-maison', headers: { 'accept-language': 'en' } });
    expect(english.body).toContain('<option value="breakdown">Breakdown</option>');
    expect((await h.app.inject({ method: 'GET', url: '/form?brand=nope&lang=en' })).body).toContain('Form not found');
    // The tracking page stays unframeable.
    expect((await h.app.inject({ method: 'GET', url: `/t/${'F'.repeat(43)}` })).headers['x-frame-options']).toBe('DENY');
  });

  it('lands on the acknowledgment with the number and the promise, then on the tracking page', async () => {
    const { formToken } = formFields((await h.app.inject({ method: 'GET', url: '/form?brand=jardin-maison&lang=fr' })).body);
    clock.advance(30_000);
    const sent = await postForm(Object.fromEntries(Object.entries(submission(formToken, { lang: 'fr' })).map(([k, v]) => [k, String(v)])), [{ name: 'photo.jpg', content: photoJpeg() }]);
    expect(sent.statusCode, sent.body).toBe(303);
    const location = sent.headers.location as string;
    expect(location).toMatch(/^\/form\/received\/[A-Za-z0-9_-]{43}\?lang=fr$/);

    const ack = await h.app.inject({ method: 'GET', url: location });
    expect(ack.statusCode).toBe(200);
    expect(ack.headers['content-security-policy']).toContain(`frame-ancestors ${FRAMERS};`);
    expect(ack.body).toContain('Votre demande est enregistrée');
    expect(ack.body).toMatch(/Numéro de dossier : <strong>SAV-2026-\d{6}<\/strong>/);
    expect(ack.body).toMatch(/Réponse promise : <strong>au plus tard le [^<]+ à \d\d:\d\d<\/strong>/);
    const tracking = decode(/href="(\/t\/[^"]+)" target="_top"/.exec(ack.body)![1]!);
    const page = await h.app.inject({ method: 'GET', url: tracking });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Panne — Programmateur Gardena Flex');
    expect(page.body).toMatch(/<img src="\/api\/v1\/track\/[^"]+" alt="photo.jpg"/);
  });

  it('shows a refused form again with the problems, each field’s value kept', async () => {
    const { formToken } = formFields((await h.app.inject({ method: 'GET', url: '/form?brand=jardin-maison&lang=fr' })).body);
    clock.advance(30_000);
    const fields = Object.fromEntries(Object.entries(submission(formToken, { email: 'marc.petit@', phone: '', message: 'Ma <b>tondeuse</b> fume' })).map(([k, v]) => [k, String(v)]));
    const refused = await postForm(fields);
    expect(refused.statusCode).toBe(422);
    const html = refused.body;
    expect(html).toContain('role="alert"');
    expect(html).toContain('<a href="#email">Cette adresse e-mail n’est pas valide.</a>');
    expect(html).toContain('value="marc.petit@" aria-describedby="email-error" aria-invalid="true"');
    expect(html).toContain('value="Marc"');
    expect(html).toContain('<option value="breakdown" selected>Panne</option>');
    expect(html).toContain('>Ma &lt;b&gt;tondeuse&lt;/b&gt; fume</textarea>');
    // The token was fine: it is kept, so sending again at once works.
    expect(formFields(html).formToken).toBe(formToken);
    const fixed = await postForm({ ...fields, email: 'marc.petit@exemple.fr' });
    expect(fixed.statusCode).toBe(303);

    const robot = await postForm({ ...fields, formToken: formFields(html).formToken, website: 'spam' });
    expect(robot.statusCode).toBe(422);
    expect(robot.body).toContain('Laissez vide le champ « Ne remplissez pas ce champ ».');
  });
});
