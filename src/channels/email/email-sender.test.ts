// The e-mail client against a real SMTP exchange (smtp-server as the relay, mailparser to read
// what arrived), and the .eml folder used when no relay is configured.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpRelay, type SmtpRelay } from '../../../test/fakes/smtp-relay.ts';
import { ProviderError } from '../provider-errors.ts';
import { createEmailSender, messageIdDomain, type EmailSender, type OutgoingEmail } from './email-sender.ts';

let relay: SmtpRelay;
const from = 'SAV Jardin & Maison <sav@jardin-maison.fr>';
const mail = (over: Partial<OutgoingEmail> = {}): OutgoingEmail => ({
  to: 'jerome.martin@exemple.fr',
  subject: '[SAV-2026-000123] Nous avons bien reçu votre demande',
  text: 'Bonjour Jérôme,\n\nSuivi : https://sav.exemple.fr/t/abc',
  html: '<p>Bonjour Jérôme,</p>',
  messageId: '0196b2a4-6f1e-7c3a-9d2e-5b8f4a1c7e90@jardin-maison.fr',
  automatic: true,
  ...over,
});

beforeAll(async () => {
  relay = await startSmtpRelay({ user: 'comptoir', pass: 'relay-secret' });
});
const senders: EmailSender[] = [];
/** A sender closed after the tests (its pooled connections would keep the relay open). */
function sender(...args: Parameters<typeof createEmailSender>): EmailSender {
  const s = createEmailSender(...args);
  senders.push(s);
  return s;
}
afterAll(async () => {
  for (const s of senders) s.close();
  await relay?.close();
});

describe('e-mail over SMTP', () => {
  it('sends our Message-ID, both parts and the loop-protection headers, logged in', async () => {
    const mailer = sender({ transport: { kind: 'smtp', url: relay.url }, from });
    const sent = await mailer.send(mail());
    expect(sent.providerId).toBe('0196b2a4-6f1e-7c3a-9d2e-5b8f4a1c7e90@jardin-maison.fr');
    const [got] = await relay.waitFor(1);
    expect(got!.envelope).toEqual({ from: 'sav@jardin-maison.fr', to: ['jerome.martin@exemple.fr'] });
    expect(got!.mail.messageId).toBe('<0196b2a4-6f1e-7c3a-9d2e-5b8f4a1c7e90@jardin-maison.fr>');
    expect(got!.mail.subject).toBe('[SAV-2026-000123] Nous avons bien reçu votre demande');
    expect(got!.mail.from?.value[0]).toEqual({ address: 'sav@jardin-maison.fr', name: 'SAV Jardin & Maison' });
    expect(got!.mail.text?.trim()).toBe('Bonjour Jérôme,\n\nSuivi : https://sav.exemple.fr/t/abc');
    expect(got!.mail.html).toBe('<p>Bonjour Jérôme,</p>');
    expect(got!.mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(got!.mail.headers.get('x-auto-response-suppress')).toBe('All');
  });

  it('marks only automatic messages Auto-Submitted, and threads answers', async () => {
    const mailer = sender({ transport: { kind: 'smtp', url: relay.url }, from });
    await mailer.send(mail({ automatic: false, messageId: 'reply-1@jardin-maison.fr', inReplyTo: 'customer-2@exemple.fr', references: ['customer-1@exemple.fr', 'customer-2@exemple.fr'] }));
    const got = (await relay.waitFor(2))[1]!;
    expect(got.mail.headers.has('auto-submitted')).toBe(false);
    expect(got.mail.headers.get('x-auto-response-suppress')).toBe('All');
    expect(got.mail.inReplyTo).toBe('<customer-2@exemple.fr>');
    expect(got.mail.references).toEqual(['<customer-1@exemple.fr>', '<customer-2@exemple.fr>']);
  });

  it('says temporary for 4xx, rejected for 5xx, auth for a refused login, temporary for no relay', async () => {
    const mailer = sender({ transport: { kind: 'smtp', url: relay.url }, from });
    const failure = (p: Promise<unknown>) => p.then(() => expect.unreachable(), (e: unknown) => e as ProviderError);
    relay.refuseNext({ code: 451, message: 'Greylisted, try again later' }, { code: 550, message: 'No such user here' });
    expect(await failure(mailer.send(mail()))).toMatchObject({ code: 'temporary', providerCode: '451' });
    expect(await failure(mailer.send(mail()))).toMatchObject({ code: 'rejected', providerCode: '550' });
    const wrongLogin = sender({ transport: { kind: 'smtp', url: relay.url.replace('relay-secret', 'wrong') }, from });
    expect(await failure(wrongLogin.send(mail()))).toMatchObject({ code: 'auth' });
    const nobody = sender({ transport: { kind: 'smtp', url: 'smtp://127.0.0.1:1' }, from });
    expect(await failure(nobody.send(mail()))).toMatchObject({ code: 'temporary' });
  });
});

describe('e-mail to a folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'comptoir-outbox-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one .eml per message, readable by any mail client', async () => {
    const mailer = sender({ transport: { kind: 'file', dir: join(dir, 'outbox') }, from });
    await mailer.send(mail());
    const files = readdirSync(join(dir, 'outbox'));
    expect(files).toEqual(['0196b2a4-6f1e-7c3a-9d2e-5b8f4a1c7e90_jardin-maison.fr.eml']);
    const parsed = await simpleParser(readFileSync(join(dir, 'outbox', files[0]!)));
    expect(parsed.subject).toBe('[SAV-2026-000123] Nous avons bien reçu votre demande');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
  });

  it('takes the Message-ID domain from the sender', () => {
    expect(messageIdDomain('SAV <sav@Jardin-Maison.fr>')).toBe('jardin-maison.fr');
    expect(messageIdDomain('sav@exemple.fr')).toBe('exemple.fr');
  });
});
