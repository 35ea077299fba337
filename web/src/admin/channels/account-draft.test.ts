// Channel account forms: the body per connector, write-only secrets, and the browser's check
// refusing what the server's connector schemas would.
import { describe, expect, it } from 'vitest';
import type { ChannelAccount } from '../admin.api.ts';
import { accountBody, accountSchema, accountValues, newWebhookSecret } from './account-draft.ts';

const mailbox: ChannelAccount = {
  id: '0193e5a0-0000-7000-8000-000000000002',
  channel: 'email',
  name: 'SAV',
  address: 'sav@jardin.test',
  brandId: null,
  storeId: null,
  teamId: null,
  settings: { imap: { host: 'imap.jardin.test', port: 993, secure: true, user: 'sav', folder: 'INBOX' } },
  secretsSet: ['imapPassword'],
  state: 'active',
  stateDetail: null,
  stateChangedAt: null,
  lastInboundAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('channel account forms', () => {
  it('keeps the saved password when the field is left empty, and replaces it when typed', () => {
    const values = accountValues(mailbox);
    expect(accountBody(values, mailbox)).toEqual({ name: 'SAV', address: 'sav@jardin.test', brandId: null, storeId: null, teamId: null, settings: { imap: { host: 'imap.jardin.test', port: 993, secure: true, user: 'sav', folder: 'INBOX' } } });
    expect(accountBody({ ...values, imapPassword: 'nouveau' }, mailbox)).toMatchObject({ secrets: { imapPassword: 'nouveau' } });
  });

  it('writes a chat widget’s sites one per line and its greetings', () => {
    const values = { ...accountValues(null, 'chat'), name: 'Chat', address: 'boutique', allowedOrigins: 'https://www.jardin.test\n  https://jardin.test ', greetingFr: 'Bonjour !' };
    const body = accountBody(values, null);
    expect(body).toMatchObject({ channel: 'chat', settings: { allowedOrigins: ['https://www.jardin.test', 'https://jardin.test'], greeting: { fr: 'Bonjour !' } }, secrets: {} });
    expect(accountSchema('chat', true).safeParse(body).success).toBe(true);
    const bad = accountSchema('chat', true).safeParse(accountBody({ ...values, allowedOrigins: 'https://www.jardin.test/contact' }, null));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['settings', 'allowedOrigins', 0]);
  });

  it('needs a phone line’s secret when it is created, not when it is changed', () => {
    const line = { ...accountValues(null, 'phone'), name: 'Standard', address: '+33170000000' };
    expect(accountSchema('phone', true).safeParse(accountBody(line, null)).error?.issues[0]?.path).toEqual(['secrets', 'webhookSecret']);
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(accountSchema('phone', true).safeParse(accountBody({ ...line, webhookSecret: secret }, null)).success).toBe(true);
    const existing = { ...mailbox, channel: 'phone', settings: {}, secretsSet: ['webhookSecret'] };
    expect(accountSchema('phone', false).safeParse(accountBody(accountValues(existing), existing)).success).toBe(true);
  });

  it('writes a Meta account’s ids and template catalogue, keeps its API address, and sends only the secrets typed', () => {
    const template = { name: 'suivi_dossier', language: 'fr', category: 'UTILITY' as const, body: 'Bonjour {{1}}', variables: 1 };
    const existing = {
      ...mailbox,
      channel: 'meta',
      address: '104592315782640',
      settings: { pageId: '104592315782640', whatsappPhoneNumberId: '109876543210987', apiBaseUrl: 'http://127.0.0.1:4000', graphVersion: 'v23.0', templates: [template] },
      secretsSet: ['appSecret', 'pageAccessToken', 'verifyToken', 'whatsappToken'],
    };
    const values = accountValues(existing);
    const body = accountBody({ ...values, instagramId: ' 17841405822304914 ', metaSecrets: { ...values.metaSecrets, pageAccessToken: 'EAAGnew-page-token-of-the-page' } }, existing);
    expect(body).toEqual({
      name: 'SAV',
      address: '104592315782640',
      brandId: null,
      storeId: null,
      teamId: null,
      settings: { pageId: '104592315782640', instagramId: '17841405822304914', whatsappPhoneNumberId: '109876543210987', apiBaseUrl: 'http://127.0.0.1:4000', graphVersion: 'v23.0', templates: [template] },
      secrets: { pageAccessToken: 'EAAGnew-page-token-of-the-page' },
    });
    expect(accountSchema('meta', false).safeParse(body).success).toBe(true);
    // Created, it needs the app's secrets and the Page token; the WhatsApp token only with a number.
    const fresh = { ...accountValues(null, 'meta'), name: 'Meta', address: '104592315782640', pageId: '104592315782640' };
    expect(accountSchema('meta', true).safeParse(accountBody(fresh, null)).error?.issues.map((i) => i.path.join('.'))).toEqual(['secrets.appSecret', 'secrets.verifyToken', 'secrets.pageAccessToken']);
    const bad = accountSchema('meta', false).safeParse(accountBody({ ...values, templates: [{ ...template, variables: 0 }] }, existing));
    expect(bad.error?.issues[0]?.path).toEqual(['settings', 'templates', 0, 'variables']);
  });
});
