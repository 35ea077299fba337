// A stored Twilio inbound body → the one SocialEvent the social pipeline takes.
import { describe, expect, it } from 'vitest';
import { ParseError } from '../connector.ts';
import { parseInboundSms } from './sms.parse.ts';

const receivedAt = new Date('2026-04-03T15:00:00Z');
const options = { defaultCountry: 'FR', ownNumber: '+33 7 57 00 11 22' };
const sid = `MM${'a1'.repeat(16)}`;
const form = (fields: Record<string, string>) => Buffer.from(new URLSearchParams(fields).toString());

describe('an inbound SMS, parsed', () => {
  it('is one private message from the sender’s number, with its text and the receiving number', () => {
    const raw = form({ ToCountry: 'FR', SmsMessageSid: `SM${'0'.repeat(32)}`, NumMedia: '0', SmsStatus: 'received', Body: 'Bonjour, mon programmateur fuit encore.', To: '+33757001122', MessageSid: `SM${'0'.repeat(32)}`, AccountSid: `AC${'1'.repeat(32)}`, From: '+33612345678', ApiVersion: '2010-04-01' });
    expect(parseInboundSms(raw, receivedAt, options)).toEqual({
      kind: 'message',
      channel: 'sms',
      providerId: `SM${'0'.repeat(32)}`,
      audience: 'private',
      author: { identity: { kind: 'phone', value: '+33612345678' }, handle: null, displayName: null, followers: null, verified: false },
      own: false,
      text: 'Bonjour, mon programmateur fuit encore.',
      media: [],
      refs: [],
      url: null,
      sentAt: receivedAt,
      data: { messageSid: `SM${'0'.repeat(32)}`, to: '+33757001122' },
    });
  });

  it('lists an MMS’s files with their kinds, in order, and keeps an empty text', () => {
    const raw = form({
      MessageSid: sid,
      From: '+33612345678',
      To: '+33757001122',
      Body: '',
      NumMedia: '3',
      MediaUrl0: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1',
      MediaContentType0: 'image/jpeg',
      MediaUrl1: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2',
      MediaContentType1: 'video/3gpp',
      MediaUrl2: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME3',
      MediaContentType2: 'text/vcard',
    });
    const parsed = parseInboundSms(raw, receivedAt, options);
    expect(parsed.text).toBe('');
    expect(parsed.media).toEqual([
      { kind: 'photo', url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1', contentType: 'image/jpeg' },
      { kind: 'video', url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME2', contentType: 'video/3gpp' },
      { kind: 'file', url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME3', contentType: 'text/vcard' },
    ]);
  });

  it('puts a national number in E.164 and recognises our own number coming back', () => {
    expect(parseInboundSms(form({ MessageSid: sid, From: '0612345678', To: '+33757001122', Body: 'x' }), receivedAt, options).author.identity).toEqual({ kind: 'phone', value: '+33612345678' });
    expect(parseInboundSms(form({ MessageSid: sid, From: '+33757001122', To: '+33757001122', Body: 'x' }), receivedAt, options).own).toBe(true);
  });

  it('refuses what is not a Twilio message, or a sender no SMS can answer', () => {
    expect(() => parseInboundSms(form({ From: '+33612345678', To: '+33757001122', Body: 'x' }), receivedAt, options)).toThrow(ParseError);
    expect(() => parseInboundSms(form({ MessageSid: sid, From: 'JARDINMAIS', To: '+33757001122', Body: 'x' }), receivedAt, options)).toThrow(/not a phone number/);
  });
});
