// Templates through the API: every one listed with its text, an admin's own version saved,
// checked, audited, previewed, used for the next message, and reset to the built-in text.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBrand } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';

let h: Harness;
let admin: Client;
let brandId: string;
const clock = new ManualClock('2026-04-03T15:00:00Z'); // Friday 3 April 2026, 17:00 in Paris
const ACK_EMAIL_FR = '/api/v1/templates/acknowledgment/email/fr';

beforeAll(async () => {
  // No SMTP relay and no Twilio: mail lands in the data folder's outbox, SMS have no provider.
  h = await startHarness({ clock, env: { COMPTOIR_PUBLIC_URL: 'https://sav.jardin-maison.fr' } });
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' })).id;
});
afterAll(() => h?.close());

const openCase = async (body: Record<string, unknown>) => {
  const res = await admin.post('/api/v1/cases', { subject: 'Tondeuse qui ne démarre plus', message: 'Elle ne démarre plus.', brandId, ...body });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; number: string };
};

describe('message templates', () => {
  it('lists every template in both languages, built-in until customised', async () => {
    const res = await admin.get('/api/v1/templates');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { key: string; channel: string; language: string; customised: boolean; subject: string | null; variables: string[] }[];
    expect(items.map((t) => `${t.key}/${t.channel}/${t.language}`)).toEqual([
      'acknowledgment/email/fr', 'acknowledgment/email/en', 'acknowledgment/sms/fr', 'acknowledgment/sms/en', 'acknowledgment/ticket/fr', 'acknowledgment/ticket/en',
      'acknowledgment/messaging/fr', 'acknowledgment/messaging/en',
      'step_update/email/fr', 'step_update/email/en', 'step_update/sms/fr', 'step_update/sms/en', 'step_update/chat/fr', 'step_update/chat/en',
      'step_update/messaging/fr', 'step_update/messaging/en',
      'agent_reply/email/fr', 'agent_reply/email/en', 'agent_reply/sms/fr', 'agent_reply/sms/en', 'agent_reply/chat/fr', 'agent_reply/chat/en',
      'agent_reply/messaging/fr', 'agent_reply/messaging/en',
      'sla_warning/email/fr', 'sla_warning/email/en', 'sla_escalation/email/fr', 'sla_escalation/email/en',
      'chat_transcript/email/fr', 'chat_transcript/email/en',
      'closing/email/fr', 'closing/email/en', 'closing/sms/fr', 'closing/sms/en', 'closing/messaging/fr', 'closing/messaging/en',
      'follow_up/email/fr', 'follow_up/email/en', 'follow_up/sms/fr', 'follow_up/sms/en', 'follow_up/messaging/fr', 'follow_up/messaging/en',
    ]);
    expect(items.every((t) => !t.customised)).toBe(true);
    expect(items[0]).toMatchObject({ subject: '[{{case.number}}] Nous avons bien reçu votre demande' });
    expect(items[0]!.variables).toContain('promise.text');
  });

  it('saves an admin’s version, audits it, uses it for the next acknowledgment, and resets it', async () => {
    const body = 'Bonjour {{customer.name}},\n\nDossier {{case.number}} : {{promise.text}}\n\nSuivi : {{tracking.url}}\n\nL’équipe {{brand.name}}';
    const saved = await admin.request({ method: 'PUT', url: ACK_EMAIL_FR, payload: { subject: 'Votre dossier {{case.number}}', body } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ key: 'acknowledgment', channel: 'email', language: 'fr', customised: true, subject: 'Votre dossier {{case.number}}', body, updatedBy: admin.userId });

    const c = await openCase({ customer: { email: 'perso@exemple.fr', firstName: 'Inès' }, channel: 'email' });
    await h.worker.drain();
    const outbox = join(h.services.config.dataDir, 'outbox');
    const files = readdirSync(outbox);
    const mails = await Promise.all(files.map((f) => simpleParser(readFileSync(join(outbox, f)))));
    const mine = mails.find((m) => m.subject === `Votre dossier ${c.number}`)!;
    expect(mine.text).toContain(`Dossier ${c.number} : Nous vous répondrons au plus tard le mardi 7 avril 2026 à 17:00.`);

    const audit = (await admin.get('/api/v1/audit?action=template.')).json().items;
    expect(audit[0]).toMatchObject({ action: 'template.updated', targetType: 'template', targetId: 'acknowledgment/email/fr', actorUserId: admin.userId });

    const reset = await admin.delete(ACK_EMAIL_FR);
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ customised: false, subject: '[{{case.number}}] Nous avons bien reçu votre demande' });
    expect((await admin.get('/api/v1/audit?action=template.reset')).json().items).toHaveLength(1);
    expect((await admin.get('/api/v1/templates')).json().items.every((t: { customised: boolean }) => !t.customised)).toBe(true);
  });

  it('refuses unknown variables, broken braces, a missing or misplaced subject with 422 problem details', async () => {
    const put = (url: string, payload: unknown) => admin.request({ method: 'PUT', url, payload: payload as object });
    const unknown = await put(ACK_EMAIL_FR, { subject: '{{case.number}}', body: 'Bonjour {{client.nom}}, {{message}}' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json().errors.map((e: { field: string; message: string }) => [e.field, e.message.split(';')[0]])).toEqual([
      ['body', 'unknown variable {{client.nom}}'],
      ['body', 'unknown variable {{message}}'],
    ]);
    expect((await put(ACK_EMAIL_FR, { subject: 'Dossier', body: 'Bonjour {{customer.name' })).json().errors).toEqual([{ field: 'body', message: '"{{" at character 9 is never closed with "}}"' }]);
    expect((await put(ACK_EMAIL_FR, { body: 'Bonjour' })).json().errors).toEqual([{ field: 'subject', message: 'an e-mail needs a subject' }]);
    expect((await put('/api/v1/templates/acknowledgment/sms/fr', { subject: 'Non', body: 'Dossier {{case.number}}' })).json().errors).toEqual([{ field: 'subject', message: 'only e-mail has a subject, not sms' }]);
    expect((await put(ACK_EMAIL_FR, { subject: 'x', body: 'y', extra: 1 })).statusCode).toBe(422);
    expect((await put('/api/v1/templates/acknowledgment/fax/fr', { body: 'x' })).statusCode).toBe(400);
    expect((await put('/api/v1/templates/sla_warning/sms/fr', { body: 'x' })).statusCode).toBe(404);
    expect((await admin.get('/api/v1/templates')).json().items.every((t: { customised: boolean }) => !t.customised)).toBe(true);
  });

  it('is for admins only', async () => {
    const agent = await h.userClient('agent');
    expect((await agent.get('/api/v1/templates')).statusCode).toBe(403);
    expect((await agent.request({ method: 'PUT', url: ACK_EMAIL_FR, payload: { subject: 'x', body: 'y' } })).statusCode).toBe(403);
    expect((await agent.post('/api/v1/templates/preview', { key: 'acknowledgment', channel: 'sms', language: 'fr' })).statusCode).toBe(403);
  });
});

describe('template preview', () => {
  it('renders sample data, believable and in the chosen language, with the HTML part and the SMS cost', async () => {
    const res = await admin.post('/api/v1/templates/preview', { key: 'acknowledgment', channel: 'email', language: 'fr' });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.subject).toBe('[SAV-2026-000123] Nous avons bien reçu votre demande');
    expect(p.text).toContain('Bonjour Jérôme Martin,');
    expect(p.text).toContain('Nous vous répondrons au plus tard le mardi 7 avril 2026 à 17:00.');
    expect(p.html).toContain('<a href="https://sav.jardin-maison.fr/t/');
    expect(p.sms).toBeNull();
    const sms = (await admin.post('/api/v1/templates/preview', { key: 'step_update', channel: 'sms', language: 'en' })).json();
    expect(sms.sms).toEqual({ encoding: 'GSM-7', units: sms.text.length, segments: 2 });
  });

  it('renders an unsaved text with a real case, escaping it in the HTML part', async () => {
    const c = await openCase({ customer: { email: 'apercu@exemple.fr', firstName: 'Zoé', lastName: '<Durand>' }, channel: 'email' });
    const res = await admin.post('/api/v1/templates/preview', { key: 'acknowledgment', channel: 'email', language: 'en', subject: 'Case {{case.number}}', body: 'Hi {{customer.name}}: {{promise.text}} {{tracking.url}}', caseId: c.id });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.subject).toBe(`Case ${c.number}`);
    expect(p.text).toMatch(/^Hi Zoé <Durand>: We will answer you by Tuesday 7 April 2026 at 17:00\. https:\/\/sav\.jardin-maison\.fr\/t\/[\w-]{43}$/);
    expect(p.html).toContain('Hi Zoé &lt;Durand&gt;:');
    expect((await admin.get('/api/v1/templates')).json().items[1].customised).toBe(false);
  });

  it('refuses bad input with 422 problem details, and an unknown case with 404', async () => {
    const bad = await admin.post('/api/v1/templates/preview', { key: 'agent_reply', channel: 'email', language: 'fr', body: '{{promise.text}}' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body' });
    expect((await admin.post('/api/v1/templates/preview', { key: 'nope', channel: 'email', language: 'fr' })).statusCode).toBe(422);
    expect((await admin.post('/api/v1/templates/preview', { key: 'acknowledgment', channel: 'email', language: 'de' })).statusCode).toBe(422);
    expect((await admin.post('/api/v1/templates/preview', { key: 'acknowledgment', channel: 'email', language: 'fr', caseId: '0196b2a4-6f1e-7c3a-9d2e-5b8f4a1c7e90' })).statusCode).toBe(404);
  });
});

describe('without an SMS provider', () => {
  it('fails an SMS delivery at once and says why', async () => {
    const c = await openCase({ customer: { phone: '06 12 12 12 12' }, channel: 'sms' });
    await h.worker.drain();
    const events = (await admin.get(`/api/v1/cases/${c.id}/events`)).json().items;
    const ack = events.find((e: { data: { kind?: string } }) => e.data.kind === 'acknowledgment');
    expect(ack.delivery).toMatchObject({ channel: 'sms', recipient: '+33612121212', status: 'failed', attempts: 1, detail: 'not_configured: no SMS provider is configured (COMPTOIR_TWILIO_ACCOUNT_SID)' });
  });
});
