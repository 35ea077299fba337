// The MIME composer: exact encodings, and whole messages read back by mailparser (what the
// inbound side and most mail clients agree with).
import { randomBytes } from 'node:crypto';
import { simpleParser, type ParsedMail } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { addressOf, encodedWords, header, mailbox, mailDate, mimeText, quotedPrintable, type MimeMessage } from './mime.ts';

const base: MimeMessage = {
  from: 'SAV Jardin & Maison <sav@jardin-maison.fr>',
  to: 'jerome.martin@exemple.fr',
  subject: '[SAV-2026-000123] Nous avons bien reçu votre demande',
  text: 'Bonjour Jérôme,\n\nSuivi : https://sav.exemple.fr/t/abc',
  html: '<p>Bonjour Jérôme,</p>',
  messageId: '0196b2a4-6f1e-7c3a-9d2e-5b8f4a1c7e90@jardin-maison.fr',
  date: new Date('2026-12-02T17:10:00Z'),
};

/** The message's bytes, as a file or the relay gets them. */
const buildMime = (message: MimeMessage): Buffer => Buffer.from(mimeText(message), 'latin1');
const parse = (message: MimeMessage): Promise<ParsedMail> => simpleParser(buildMime(message));

function lines(raw: Buffer): string[] {
  return raw.toString('latin1').split('\r\n');
}

describe('quoted-printable', () => {
  it('keeps printable ASCII, escapes "=", non-ASCII bytes and spaces ending a line', () => {
    expect(quotedPrintable('a=b')).toBe('a=3Db');
    expect(quotedPrintable('été')).toBe('=C3=A9t=C3=A9');
    expect(quotedPrintable('fin \nsuite\t')).toBe('fin=20\r\nsuite=09');
    expect(quotedPrintable('un\r\ndeux\rtrois\n')).toBe('un\r\ndeux\r\ntrois\r\n');
    expect(quotedPrintable('')).toBe('');
  });

  it('breaks lines softly at 76 characters, never inside an escape', () => {
    expect(quotedPrintable('x'.repeat(76))).toBe('x'.repeat(76));
    expect(quotedPrintable('x'.repeat(77))).toBe(`${'x'.repeat(75)}=\r\nxx`);
    const encoded = quotedPrintable(`${'x'.repeat(74)}é`);
    expect(encoded).toBe(`${'x'.repeat(74)}=\r\n=C3=A9`);
    for (const line of quotedPrintable('é'.repeat(200)).split('\r\n')) {
      expect(line.length).toBeLessThanOrEqual(76);
      expect(line).toMatch(/^(=[0-9A-F]{2})+=?$/);
    }
  });
});

describe('headers', () => {
  it('writes printable ASCII as it is, folded at spaces past 78 characters', () => {
    expect(header('Subject', 'Votre demande')).toBe('Subject: Votre demande\r\n');
    const long = header('References', Array.from({ length: 8 }, (_, i) => `<message-${i}@exemple.fr>`).join(' '));
    const folded = long.split('\r\n').slice(0, -1);
    expect(folded.length).toBeGreaterThan(1);
    for (const line of folded) expect(line.length).toBeLessThanOrEqual(78);
    expect(folded.slice(1).every((line) => line.startsWith(' '))).toBe(true);
  });

  it('encodes other text as UTF-8 words of at most 39 bytes, whole characters each', () => {
    expect(encodedWords('reçu')).toEqual([`=?UTF-8?B?${Buffer.from('reçu').toString('base64')}?=`]);
    const words = encodedWords('é'.repeat(30) + '😀');
    const decoded = words.map((w) => Buffer.from(w.slice(10, -2), 'base64'));
    expect(decoded.map((d) => d.length)).toEqual([38, 26]);
    expect(header('X-A-Very-Long-Header-Name-Indeed-For-This', 'é'.repeat(30)).split('\r\n')[0]).toBe('X-A-Very-Long-Header-Name-Indeed-For-This:');
    expect(decoded.map((d) => d.toString('utf8')).join('')).toBe('é'.repeat(30) + '😀');
  });

  it('quotes or encodes display names as they need', () => {
    expect(mailbox('SAV Jardin & Maison <sav@jardin-maison.fr>')).toBe('SAV Jardin & Maison <sav@jardin-maison.fr>');
    expect(mailbox('Dupont, Jean <jean@exemple.fr>')).toBe('"Dupont, Jean" <jean@exemple.fr>');
    expect(mailbox('"Le \\"Comptoir\\"" <a@b.fr>')).toBe('"Le \\\\\\"Comptoir\\\\\\"" <a@b.fr>');
    expect(mailbox('jean@exemple.fr')).toBe('jean@exemple.fr');
    expect(mailbox('<jean@exemple.fr>')).toBe('<jean@exemple.fr>');
    expect(mailbox('Élodie Café <elodie@exemple.fr>')).toBe(`=?UTF-8?B?${Buffer.from('Élodie Café').toString('base64')}?= <elodie@exemple.fr>`);
    expect(addressOf('SAV <sav@x.fr>')).toBe('sav@x.fr');
    expect(addressOf(' sav@x.fr ')).toBe('sav@x.fr');
  });

  it('dates in UTC as RFC 5322 writes them', () => {
    expect(mailDate(new Date('2026-03-01T08:05:09Z'))).toBe('Sun, 01 Mar 2026 08:05:09 +0000');
  });
});

describe('a whole message', () => {
  it('reads back with its sender, subject, ids, date and both parts', async () => {
    const parsed = await parse(base);
    expect(parsed.from?.value[0]).toEqual({ address: 'sav@jardin-maison.fr', name: 'SAV Jardin & Maison' });
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.value[0]?.address : undefined).toBe('jerome.martin@exemple.fr');
    expect(parsed.subject).toBe(base.subject);
    expect(parsed.messageId).toBe(`<${base.messageId}>`);
    expect(parsed.date?.toISOString()).toBe('2026-12-02T17:10:00.000Z');
    expect(parsed.text).toBe(base.text);
    expect(parsed.html).toBe(base.html);
    expect(parsed.headers.get('mime-version')).toBe('1.0');
  });

  it('is 7-bit, CRLF only, no line over 78 characters, whatever the text', async () => {
    const message: MimeMessage = {
      ...base,
      from: 'Élodie du Comptoir, SAV <sav@jardin-maison.fr>',
      subject: `Réclamation 😀 ${'très longue '.repeat(12)}`.trim(),
      text: `${'Ligne très longue, avec des accents é à ç et un = signe. '.repeat(8)}\nfin avec espace \n\tindentée\r\n.\nFrom here`,
      html: `<p>${'Paragraphe « cité » — '.repeat(20)}</p>`,
      references: Array.from({ length: 20 }, (_, i) => `019${i}-aaaa-bbbb@exemple.fr`),
      inReplyTo: '0193-aaaa-bbbb@exemple.fr',
    };
    const raw = buildMime(message);
    expect([...raw].every((b) => b < 128)).toBe(true);
    expect(raw.toString('latin1').replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of lines(raw)) expect(line.length).toBeLessThanOrEqual(78);
    const parsed = await simpleParser(raw);
    expect(parsed.from?.value[0]).toEqual({ address: 'sav@jardin-maison.fr', name: 'Élodie du Comptoir, SAV' });
    expect(parsed.subject).toBe(message.subject);
    expect(parsed.text).toBe(message.text.replace(/\r\n/g, '\n'));
    expect(parsed.html).toBe(message.html);
    expect(parsed.inReplyTo).toBe('<0193-aaaa-bbbb@exemple.fr>');
    expect(parsed.references).toEqual(message.references!.map((r) => `<${r}>`));
  });

  it('carries the extra headers, and attachments whole with their names', async () => {
    const photo = randomBytes(10_000);
    const raw = buildMime({
      ...base,
      headers: { 'X-Auto-Response-Suppress': 'All', 'Auto-Submitted': 'auto-replied' },
      attachments: [
        { filename: 'photo "colis".jpg', contentType: 'image/jpeg', content: photo },
        { filename: 'Bon de retour été.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4 test') },
        { filename: 'notes.txt', contentType: 'not a type', content: Buffer.from('texte') },
        { filename: `Procès-verbal de livraison ${'très '.repeat(20)}détaillé.pdf`, contentType: 'application/pdf', content: Buffer.from('pv') },
        { filename: `${'a'.repeat(70)}\\"b".txt`, contentType: 'text/plain', content: Buffer.from('long') },
        { filename: `${'c'.repeat(58)}\\\\${'d'.repeat(70)}.txt`, contentType: 'text/plain', content: Buffer.from('slashes') },
      ],
    });
    expect(raw.toString('latin1')).toContain('Content-Type: application/octet-stream;\r\n name="notes.txt"');
    expect(raw.toString('latin1')).toContain(`filename*=utf-8''Bon%20de%20retour%20%C3%A9t%C3%A9.pdf`);
    expect(raw.toString('latin1')).toContain(`filename*0*=utf-8''Proc%C3%A8s-verbal`);
    for (const line of lines(raw)) expect(line.length).toBeLessThanOrEqual(78);
    const parsed = await simpleParser(raw);
    expect(parsed.headers.get('x-auto-response-suppress')).toBe('All');
    expect(parsed.headers.get('auto-submitted')).toBe('auto-replied');
    expect(parsed.text).toBe(base.text);
    expect(parsed.html).toBe(base.html);
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['photo "colis".jpg', 'image/jpeg'],
      ['Bon de retour été.pdf', 'application/pdf'],
      ['notes.txt', expect.any(String)], // mailparser guesses from the name
      [`Procès-verbal de livraison ${'très '.repeat(20)}détaillé.pdf`, 'application/pdf'],
      [`${'a'.repeat(70)}\\"b".txt`, 'text/plain'],
      [`${'c'.repeat(58)}\\\\${'d'.repeat(70)}.txt`, 'text/plain'],
    ]);
    expect(parsed.attachments[0]!.content.equals(photo)).toBe(true);
    expect(parsed.attachments[1]!.content.toString()).toBe('%PDF-1.4 test');
  });

  it('gives every message its own boundaries', () => {
    const boundaries = (raw: Buffer) => [...raw.toString('latin1').matchAll(/boundary="([^"]+)"/g)].map((m) => m[1]);
    expect(boundaries(buildMime(base))).not.toEqual(boundaries(buildMime(base)));
  });
});
