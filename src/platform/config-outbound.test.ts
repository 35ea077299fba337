// The outbound channels' configuration: defaults that let a laptop run, production that must
// say where mail goes, Twilio settings that hold together.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.join('\n');
    throw error;
  }
  return '';
};

const sid = `AC${'a1'.repeat(16)}`;

describe('outbound configuration', () => {
  it('writes mail to COMPTOIR_DATA_DIR/outbox and holds SMS 21:00–08:00 by default', () => {
    const c = loadConfig({ NODE_ENV: 'development', COMPTOIR_DATA_DIR: '/tmp/comptoir-config-test' });
    expect(c.outbound.mail).toEqual({ transport: { kind: 'file', dir: '/tmp/comptoir-config-test/outbox' }, from: 'Comptoir SAV <sav@localhost>' });
    expect(c.outbound.sms).toEqual({ twilio: null, quietHours: { from: 21 * 60, to: 8 * 60 } });
  });

  it('reads an SMTP relay, a file folder, a sender and the quiet hours', () => {
    const c = loadConfig({ NODE_ENV: 'test', COMPTOIR_SMTP_URL: 'smtps://user:secret@smtp.exemple.fr:465', COMPTOIR_MAIL_FROM: 'SAV Jardin & Maison <sav@jardin-maison.fr>', COMPTOIR_QUIET_HOURS: '20:30-09:15' });
    expect(c.outbound.mail).toEqual({ transport: { kind: 'smtp', url: 'smtps://user:secret@smtp.exemple.fr:465' }, from: 'SAV Jardin & Maison <sav@jardin-maison.fr>' });
    expect(c.outbound.sms.quietHours).toEqual({ from: 20 * 60 + 30, to: 9 * 60 + 15 });
    expect(loadConfig({ NODE_ENV: 'test', COMPTOIR_SMTP_URL: 'file:///var/spool/comptoir' }).outbound.mail.transport).toEqual({ kind: 'file', dir: '/var/spool/comptoir' });
    expect(loadConfig({ NODE_ENV: 'test', COMPTOIR_QUIET_HOURS: 'off' }).outbound.sms.quietHours).toBeNull();
  });

  it('reads a Twilio account with a number or a messaging service', () => {
    const c = loadConfig({ NODE_ENV: 'test', COMPTOIR_TWILIO_ACCOUNT_SID: sid, COMPTOIR_TWILIO_AUTH_TOKEN: 'f'.repeat(32), COMPTOIR_TWILIO_FROM: '+33757001122' });
    expect(c.outbound.sms.twilio).toEqual({ accountSid: sid, authToken: 'f'.repeat(32), from: '+33757001122', messagingServiceSid: null, apiUrl: 'https://api.twilio.com' });
    const service = loadConfig({ NODE_ENV: 'test', COMPTOIR_TWILIO_ACCOUNT_SID: sid, COMPTOIR_TWILIO_AUTH_TOKEN: 'f'.repeat(32), COMPTOIR_TWILIO_MESSAGING_SERVICE_SID: `MG${'0'.repeat(32)}`, COMPTOIR_TWILIO_API_URL: 'http://127.0.0.1:4010/' });
    expect(service.outbound.sms.twilio).toMatchObject({ from: null, messagingServiceSid: `MG${'0'.repeat(32)}`, apiUrl: 'http://127.0.0.1:4010' });
  });

  it('names every bad or missing outbound variable', () => {
    const text = problemsOf({ NODE_ENV: 'test', COMPTOIR_SMTP_URL: 'mailto:x', COMPTOIR_MAIL_FROM: 'nobody', COMPTOIR_QUIET_HOURS: '9pm-8am', COMPTOIR_TWILIO_ACCOUNT_SID: 'AC123' });
    expect(text).toMatch(/^COMPTOIR_SMTP_URL: must be smtp:/m);
    expect(text).toMatch(/^COMPTOIR_MAIL_FROM: must be an address/m);
    expect(text).toMatch(/^COMPTOIR_QUIET_HOURS: must be HH:MM-HH:MM/m);
    expect(text).toMatch(/^COMPTOIR_TWILIO_ACCOUNT_SID: must be AC followed by 32/m);
    const incomplete = problemsOf({ NODE_ENV: 'test', COMPTOIR_TWILIO_ACCOUNT_SID: sid });
    expect(incomplete).toMatch(/COMPTOIR_TWILIO_AUTH_TOKEN: required/);
    expect(incomplete).toMatch(/COMPTOIR_TWILIO_FROM: set it or COMPTOIR_TWILIO_MESSAGING_SERVICE_SID/);
  });

  it('refuses to guess in production where mail goes or who sends it', () => {
    const base = { NODE_ENV: 'production', COMPTOIR_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'), COMPTOIR_PUBLIC_URL: 'https://sav.exemple.fr' };
    const text = problemsOf(base);
    expect(text).toMatch(/COMPTOIR_SMTP_URL: required in production/);
    expect(text).toMatch(/COMPTOIR_MAIL_FROM: required in production/);
    expect(problemsOf({ ...base, COMPTOIR_SMTP_URL: 'file:///var/spool/comptoir', COMPTOIR_MAIL_FROM: 'sav@exemple.fr' })).toBe('');
  });
});
