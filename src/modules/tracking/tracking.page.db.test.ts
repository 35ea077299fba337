// The tracking page at /t/{token}: server-rendered HTML with no script, everything escaped,
// nothing internal, plain forms that post and come back, refused forms shown again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand, buildTrackedCase } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { photoJpeg } from '../../../test/support/images.ts';
import { multipart, type FilePart } from '../../../test/support/multipart.ts';

let h: Harness;
let agent: Client;
let brandId: string;

beforeAll(async () => {
  h = await startHarness();
  brandId = (await buildBrand(h.ctx, { name: 'Jardin & Maison' })).id;
  agent = await h.userClient('agent', { email: 'lea.moreau@jardin-maison.test', name: 'Léa Moreau' });
});
afterAll(() => h?.close());

const page = (path: string, headers: Record<string, string> = {}) => h.app.inject({ method: 'GET', url: path, headers });

async function postReply(token: string, body: string, files: FilePart[] = [], query = '') {
  const form = await multipart({ body }, files);
  return h.app.inject({ method: 'POST', url: `/t/${token}/messages${query}`, ...form });
}

describe('the tracking page', () => {
  it('shows the case in French, escapes what people wrote and hides what is internal', async () => {
    const { case: c, trackingToken } = await buildTrackedCase(h.ctx, brandId, {
      subject: 'Tondeuse <script>alert("x")</script> en panne',
      message: 'Bonjour,\nma tondeuse <b>ne démarre plus</b>.',
      product: 'Tondeuse & bac',
    });
    await agent.post(`/api/v1/cases/${c.id}/messages`, { kind: 'reply', body: 'Bonjour, nous regardons cela.' });
    await agent.post(`/api/v1/cases/${c.id}/messages`, { kind: 'note', body: 'Note interne : garantie expirée ?' });

    const res = await page(`/t/${trackingToken}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const html = res.body;
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain(`<h1>Votre dossier ${c.number}</h1>`);
    expect(html).toContain('Tondeuse &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; en panne');
    expect(html).toContain('Produit : Tondeuse &amp; bac');
    expect(html).toContain('Bonjour,<br>ma tondeuse &lt;b&gt;ne démarre plus&lt;/b&gt;.');
    expect(html).toContain('Léa, service client');
    expect(html).toContain('En cours de traitement');
    expect(html).toMatch(/Résolution : au plus tard le/);
    expect(html).toContain('aria-current="step"');
    expect(html).not.toMatch(/<script/i);
    for (const secret of ['Note interne', 'garantie expirée', 'Moreau', 'lea.moreau@', agent.userId]) expect(html, secret).not.toContain(secret);
    // Landmarks, a label for every field.
    for (const piece of ['<main id="main"', '<header class="site"', '<footer class="site"', '<label for="body">', '<label for="files">', '<legend>']) expect(html).toContain(piece);
  });

  it('switches to English with ?lang=en, and says a missing link plainly in the visitor’s language', async () => {
    const { trackingToken } = await buildTrackedCase(h.ctx, brandId);
    const english = await page(`/t/${trackingToken}?lang=en`);
    expect(english.body).toContain('<html lang="en">');
    expect(english.body).toContain('Where your request stands');
    expect(english.body).toContain(`href="/t/${trackingToken}?lang=fr"`);

    const missing = await page(`/t/${'E'.repeat(43)}`, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('Tracking link not found');
    const malformed = await page('/t/nope', { accept: 'text/html' });
    expect(malformed.statusCode).toBe(404);
    expect(malformed.body).toContain('Lien de suivi introuvable');
  });

  it('sends a reply with a photo, then comes back to the page with the message shown', async () => {
    const { trackingToken } = await buildTrackedCase(h.ctx, brandId);
    const res = await postReply(trackingToken, 'Voici la photo demandée.', [{ name: 'etiquette.jpg', content: photoJpeg() }], '?lang=fr');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/t/${trackingToken}?lang=fr&sent=1#messages`);
    const after = await page(`/t/${trackingToken}?lang=fr&sent=1`);
    expect(after.body).toContain('Votre message a bien été envoyé.');
    expect(after.body).toContain('Voici la photo demandée.');
    const src = /<img src="(\/api\/v1\/track\/[^"]+)" alt="etiquette.jpg"/.exec(after.body)?.[1];
    expect(src).toBeDefined();
    expect((await page(src!)).rawPayload.equals(photoJpeg())).toBe(true);
  });

  it('shows a refused form again with the reason in words and what was typed', async () => {
    const { trackingToken } = await buildTrackedCase(h.ctx, brandId);
    const fake = await postReply(trackingToken, 'Ma photo <3', [{ name: 'photo.jpg', content: Buffer.from('MZ\x90\x00 not a photo at all, an executable') }]);
    expect(fake.statusCode).toBe(415);
    expect(fake.headers['content-type']).toContain('text/html');
    expect(fake.body).toContain('role="alert"');
    expect(fake.body).toContain('« photo.jpg » n’est ni une photo ni un document PDF.');
    expect(fake.body).toContain('>Ma photo &lt;3</textarea>');
    expect(fake.body).toContain('aria-describedby="files-hint files-error"');

    const empty = await postReply(trackingToken, '   ');
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Écrivez un message ou ajoutez une photo.');
    expect(empty.body).toContain('aria-invalid="true" aria-describedby="body-error"');
  });

  it('records the notification choice from a plain form', async () => {
    const { case: c, trackingToken } = await buildTrackedCase(h.ctx, brandId, { customer: { email: 'ines@exemple.fr', phone: '06 98 76 54 32', firstName: 'Inès' } });
    const form = (notifyVia: string) =>
      h.app.inject({ method: 'POST', url: `/t/${trackingToken}/notify`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `notifyVia=${notifyVia}` });
    const saved = await form('sms');
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/t/${trackingToken}?saved=1#notify`);
    expect((await agent.get(`/api/v1/cases/${c.id}`)).json().notifyVia).toBe('sms');
    const shown = await page(`/t/${trackingToken}?saved=1`);
    expect(shown.body).toContain('C’est noté : nous vous préviendrons par SMS.');
    expect(shown.body).toContain('value="sms" checked');
    expect(shown.body).toContain('•• •• •• 54 32');
    expect(shown.body).not.toContain('ines@exemple.fr');
    const fax = await form('fax');
    expect(fax.statusCode).toBe(422);
    expect(fax.body).toContain('Choisissez comment être prévenu.');
  });
});
