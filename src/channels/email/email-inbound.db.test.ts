// E-mail in, end to end over real SMTP: a customer writes to the SAV address (our SMTP server,
// as a relay forwards to it), gets the acknowledgment with the promise (at the outgoing relay),
// answers it and lands in the same case; the same message twice is one message; robots,
// lists, our own address and bounces are kept, never answered; a closed case is not reopened.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOutboundHarness, type EventItem, type OutboundHarness } from '../../../test/support/outbound.ts';
import { buildBrand } from '../../../test/support/factories.ts';
import type { Client, Harness } from '../../../test/support/harness.ts';
import { ManualClock } from '../../platform/clock.ts';
import { queryRows } from '../../platform/db/database.ts';
import { processInbound } from '../inbound/inbound.process.ts';
import { startSmtpInbound, type RunningSmtpServer } from './smtp-inbound.ts';

const clock = new ManualClock('2026-03-02T09:00:00+01:00');
const SAV = 'sav@jardin-maison.fr';
let out: OutboundHarness;
let h: Harness;
let admin: Client;
let smtp: RunningSmtpServer;
let brandId: string;

beforeAll(async () => {
  // Sessions outlive the 31 days the last test moves the clock by.
  out = await startOutboundHarness(clock, { COMPTOIR_SESSION_TTL_HOURS: '2160' });
  h = out.h;
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx, { slug: 'jardin-maison', name: 'Jardin & Maison' })).id;
  const account = await admin.post('/api/v1/channel-accounts', { channel: 'email', name: 'SAV', address: SAV, brandId });
  expect(account.statusCode).toBe(201);
  smtp = (await startSmtpInbound(h.services, { port: 0, host: '127.0.0.1' }))!;
});
afterAll(async () => {
  await smtp?.stop();
  await out?.close();
});

const transport = () => nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, ignoreTLS: true });

type Mail = Parameters<ReturnType<typeof nodemailer.createTransport>['sendMail']>[0];

async function deliver(mail: Mail & { envelopeFrom?: string }) {
  const t = transport();
  try {
    return await t.sendMail({ to: SAV, ...mail, ...(mail.envelopeFrom !== undefined ? { envelope: { from: mail.envelopeFrom, to: SAV } } : {}) });
  } finally {
    t.close();
  }
}

const inbound = () => queryRows<{ id: string; state: string; detail: string | null; case_id: string | null }>(h.ctx.db, sql`SELECT id, state, detail, case_id FROM inbound_message ORDER BY received_at, id`);
const eventsOf = async (caseId: string): Promise<EventItem[]> => (await admin.get(`/api/v1/cases/${caseId}/events`)).json().items;
const casesOf = async (email: string) => (await admin.get(`/api/v1/cases?q=${encodeURIComponent(email)}`)).json().items as { id: string; number: string; status: string }[];

describe('e-mail to the SAV address', () => {
  it('opens a case, acknowledges it with the promise, and threads the answer back', async () => {
    await deliver({ from: 'Jérôme Martin <jerome.martin@exemple.fr>', subject: 'Programmateur qui fuit', text: 'Bonjour,\nmon programmateur a inondé la pelouse.', messageId: '<first-1@exemple.fr>' });
    await h.worker.drain();
    const [c] = await casesOf('jerome.martin@exemple.fr');
    expect(c).toBeDefined();
    const events = await eventsOf(c!.id);
    const message = events.find((e) => e.type === 'message_in')!;
    expect(message).toMatchObject({ channel: 'email', body: 'Bonjour,\nmon programmateur a inondé la pelouse.', data: { messageId: 'first-1@exemple.fr', subject: 'Programmateur qui fuit' } });
    const ack = events.find((e) => e.data.kind === 'acknowledgment')!;
    expect(ack.delivery).toMatchObject({ status: 'sent', recipient: 'jerome.martin@exemple.fr' });
    const [mail] = out.mailsTo('jerome.martin@exemple.fr');
    expect(mail!.mail.subject).toBe(`[${c!.number}] Nous avons bien reçu votre demande`);
    expect(mail!.mail.headers.get('auto-submitted')).toBe('auto-replied');
    expect(mail!.mail.inReplyTo).toBe('<first-1@exemple.fr>');
    expect(mail!.mail.text).toContain('au plus tard le mercredi 4 mars 2026 à 09:00');

    // The customer answers the acknowledgment, without the number in the subject.
    await deliver({ from: 'jerome.martin@exemple.fr', subject: 'Re: Votre demande', text: 'Voici la photo.\n\nLe lun. 2 mars 2026, SAV a écrit :\n> Bonjour', inReplyTo: mail!.mail.messageId!, references: [mail!.mail.messageId!] });
    await h.worker.drain();
    // And writes again a minute later, quoting the case number.
    clock.advance(60_000);
    await deliver({ from: 'jerome.martin@exemple.fr', subject: `Complément [${c!.number}]`, text: 'J’oubliais : il date de 2025.' });
    await h.worker.drain();
    expect(await casesOf('jerome.martin@exemple.fr')).toHaveLength(1);
    const messages = (await eventsOf(c!.id)).filter((e) => e.type === 'message_in').map((e) => e.body);
    expect(messages).toEqual(['Bonjour,\nmon programmateur a inondé la pelouse.', 'Voici la photo.', 'J’oubliais : il date de 2025.']);
    expect(out.mailsTo('jerome.martin@exemple.fr')).toHaveLength(1); // no second acknowledgment
    expect((await inbound()).map((m) => m.detail)).toEqual(['a new case', 'joined its case (by references)', 'joined its case (by number)']);
  });

  it('keeps one message when the same mail arrives twice, and one when two workers take it', async () => {
    const mail = { from: 'anne.roux@exemple.fr', subject: 'Livraison incomplète', text: 'Il manque le pied du parasol.', messageId: '<dup-7@exemple.fr>' };
    await deliver(mail);
    await deliver(mail);
    const rows = (await inbound()).filter((r) => r.state === 'received');
    expect(rows).toHaveLength(1);
    await Promise.all([processInbound(h.ctx, rows[0]!.id), processInbound(h.ctx, rows[0]!.id)]);
    await h.worker.drain();
    const [c] = await casesOf('anne.roux@exemple.fr');
    expect((await eventsOf(c!.id)).filter((e) => e.type === 'message_in')).toHaveLength(1);
  });

  // A worker process killed while its transaction is open (PostgreSQL: PGlite has no second
  // process). The test holds a lock that stops the worker after it wrote the customer and before
  // the case, kills it there, and runs the job again: one customer, one case, one message.
  it.skipIf(process.env.COMPTOIR_TEST_ENGINE !== 'postgres')('keeps one message on one case when a worker is killed half-way', async () => {
    await deliver({ from: 'mort.subite@exemple.fr', subject: 'Store bloqué', text: 'Le store reste bloqué.', messageId: '<killed-1@exemple.fr>' });
    const row = (await inbound()).find((r) => r.state === 'received')!;
    const url = h.database.url!;
    const blocker = new pg.Client({ connectionString: url });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE sav_case IN SHARE ROW EXCLUSIVE MODE'); // reads pass, inserts wait
      const child = spawn(process.execPath, ['test/support/inbound-child.ts', row.id], {
        env: { ...process.env, DATABASE_URL: url, COMPTOIR_DATA_DIR: mkdtempSync(join(tmpdir(), 'comptoir-child-')), COMPTOIR_LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let said = '';
      child.stdout.on('data', (chunk: Buffer) => (said += chunk.toString()));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Inside a transaction the activity view is a snapshot: cleared before each look.
      const waiting = async () =>
        (await blocker.query('SELECT pg_stat_clear_snapshot()'), await blocker.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`)).rows as { pid: number }[];
      for (let i = 0; i < 300 && (await waiting()).length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      const [stuck] = await waiting();
      expect(stuck, 'the worker reached the case insert and waits there').toBeDefined();
      child.kill('SIGKILL');
      await exited;
      await blocker.query('COMMIT');
      // Freed, its backend finds its client gone and rolls the transaction back.
      for (let i = 0; i < 200; i++) {
        const alive = await blocker.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [stuck!.pid]);
        if (alive.rowCount === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(said).not.toContain('committed');
    } finally {
      await blocker.end();
    }
    expect(await casesOf('mort.subite@exemple.fr')).toEqual([]);
    expect((await admin.get('/api/v1/customers?q=mort.subite@exemple.fr')).json().items, 'the customer it wrote went with it').toEqual([]);
    expect((await inbound()).find((r) => r.id === row.id)).toMatchObject({ state: 'received', case_id: null });

    await processInbound(h.ctx, row.id); // the job, run again once its lease has expired
    await processInbound(h.ctx, row.id);
    await h.worker.drain();
    const cases = await casesOf('mort.subite@exemple.fr');
    expect(cases).toHaveLength(1);
    expect((await eventsOf(cases[0]!.id)).filter((e) => e.type === 'message_in')).toHaveLength(1);
    const customers = (await admin.get('/api/v1/customers?q=mort.subite@exemple.fr')).json().items;
    expect(customers).toHaveLength(1);
  }, 60_000);

  it('answers no robot: auto-replies, lists and null senders open their case without an acknowledgment', async () => {
    await deliver({ from: 'vacances@exemple.fr', subject: 'Absent du bureau', text: 'Je suis absent.', headers: { 'Auto-Submitted': 'auto-replied' } });
    await deliver({ from: 'news@boutique.exemple.fr', subject: 'Nos promotions', text: 'Promo !', headers: { 'List-Id': '<news.boutique.exemple.fr>' } });
    await deliver({ from: 'robot@exemple.fr', subject: 'Notification', text: 'Ping', envelopeFrom: '' });
    await h.worker.drain();
    for (const [address, reason] of [
      ['vacances@exemple.fr', 'Auto-Submitted: auto-replied'],
      ['news@boutique.exemple.fr', 'mailing list (List-*)'],
      ['robot@exemple.fr', 'null return path'],
    ] as const) {
      const [c] = await casesOf(address);
      const ack = (await eventsOf(c!.id)).find((e) => e.data.kind === 'acknowledgment')!;
      expect(ack.delivery).toMatchObject({ status: 'suppressed', detail: `no automatic answer: ${reason}` });
      expect(out.mailsTo(address)).toEqual([]);
    }
  });

  it('keeps mail claiming our own address, without a case, and attaches a bounce to the message it bounces', async () => {
    await deliver({ from: SAV, subject: 'Boucle', text: 'moi-même' });
    await h.worker.drain();
    expect((await inbound()).at(-1)).toMatchObject({ state: 'ignored', detail: expect.stringMatching(/^sent from our own address sav@jardin-maison\.fr/) });

    await deliver({ from: 'Karim B <karim@exemple.fr>', subject: 'Écran cassé', text: 'Arrivé cassé.' });
    await h.worker.drain();
    const [c] = await casesOf('karim@exemple.fr');
    const ack = (await eventsOf(c!.id)).find((e) => e.data.kind === 'acknowledgment')!;
    const ours = out.mailsTo('karim@exemple.fr')[0]!.mail.messageId!;
    await deliver({
      from: 'MAILER-DAEMON@mx.exemple.fr',
      envelopeFrom: '',
      subject: 'Undelivered Mail Returned to Sender',
      text: 'Your message could not be delivered.',
      attachments: [
        { contentType: 'message/delivery-status', content: 'Reporting-MTA: dns; mx.exemple.fr\r\n\r\nFinal-Recipient: rfc822; karim@exemple.fr\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n' },
        { contentType: 'text/rfc822-headers', content: `From: ${SAV}\r\nTo: karim@exemple.fr\r\nMessage-ID: ${ours}\r\nSubject: x\r\n` },
      ],
    });
    await h.worker.drain();
    const bounced = (await eventsOf(c!.id)).find((e) => e.id === ack.id)!;
    expect(bounced.delivery).toMatchObject({ status: 'failed', detail: 'bounced: 550 5.1.1 User unknown' });
    expect(await casesOf('mailer-daemon@mx.exemple.fr')).toEqual([]);
  });

  it('acknowledges one address a few times an hour at most (a robot we did not recognise)', async () => {
    for (let i = 0; i < 7; i++) await deliver({ from: 'robot-inconnu@exemple.fr', subject: `Alerte ${i}`, text: `Alerte numéro ${i}` });
    await h.worker.drain();
    expect(out.mailsTo('robot-inconnu@exemple.fr')).toHaveLength(5);
    const cases = await casesOf('robot-inconnu@exemple.fr');
    const suppressed = [];
    for (const c of cases) suppressed.push(...(await eventsOf(c.id)).filter((e) => e.data.kind === 'acknowledgment' && e.delivery?.status === 'suppressed'));
    expect(suppressed.map((e) => e.delivery!.detail)).toEqual(Array(2).fill('more than 5 acknowledgments to robot-inconnu@exemple.fr within an hour'));
  });

  it('refuses unknown mailboxes and oversized mail at the SMTP level, before anything is kept', async () => {
    const before = (await inbound()).length;
    const t = transport();
    try {
      await expect(t.sendMail({ from: 'a@exemple.fr', to: 'personne@jardin-maison.fr', subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
      // 31 MB of attachment is 42 MB once encoded: over the 40 MB limit, refused with 552.
      const huge = { filename: 'scan.pdf', content: Buffer.alloc(31 * 1024 * 1024, 0x41), contentType: 'application/pdf' };
      await expect(t.sendMail({ from: 'a@exemple.fr', to: SAV, subject: 'Trop gros', text: 'x', attachments: [huge] })).rejects.toMatchObject({ responseCode: 552 });
    } finally {
      t.close();
    }
    expect((await inbound()).length).toBe(before);
  });

  it('keeps the message of a 25 MB attachment and a zip bomb, refusing the files with their reason', async () => {
    // A 25 MB PDF: within an e-mail's limit, over a case file's (10 MB by default).
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(25 * 1024 * 1024, 0x20)]);
    // A zip that claims 4 GB once unpacked: refused by its type, never opened.
    const bomb = Buffer.alloc(512);
    bomb.write('PK\x03\x04', 0, 'latin1');
    bomb.writeUInt32LE(0xffffffff, 22); // uncompressed size in the local file header
    await deliver({
      from: 'noe@exemple.fr',
      subject: 'Facture et photos',
      text: 'Voici la facture et les photos.',
      attachments: [
        { filename: 'facture.pdf', content: big, contentType: 'application/pdf' },
        { filename: 'photos.zip', content: bomb, contentType: 'application/zip' },
      ],
    });
    await h.worker.drain();
    const [c] = await casesOf('noe@exemple.fr');
    const message = (await eventsOf(c!.id)).find((e) => e.type === 'message_in')!;
    expect(message.body).toContain('Voici la facture');
    const flags = (message.data as { flags: string[] }).flags;
    expect(flags).toEqual(
      expect.arrayContaining([expect.stringMatching(/^attachment_refused: facture\.pdf: .*(large|limit|bytes)/i), expect.stringMatching(/^attachment_refused: photos\.zip: /)]),
    );
    expect((await inbound()).at(-1)).toMatchObject({ state: 'processed' });
  }, 120_000);

  it('opens a new case, linked, when the customer writes on a case closed long ago', async () => {
    await deliver({ from: 'lucie@exemple.fr', subject: 'Tondeuse', text: 'Elle ne démarre plus.', messageId: '<tondeuse-1@exemple.fr>' });
    await h.worker.drain();
    const [first] = await casesOf('lucie@exemple.fr');
    await admin.patch(`/api/v1/cases/${first!.id}`, { status: 'solved' });
    clock.advance(31 * 86_400_000); // past the 30-day reopening window
    await deliver({ from: 'lucie@exemple.fr', subject: 'Re: Tondeuse', text: 'Elle recommence.', inReplyTo: '<tondeuse-1@exemple.fr>' });
    await h.worker.drain();
    const cases = await casesOf('lucie@exemple.fr');
    expect(cases).toHaveLength(2);
    const newer = cases.find((c) => c.id !== first!.id)!;
    const message = (await eventsOf(newer.id)).find((e) => e.type === 'message_in')!;
    expect(message.data.followsCaseId).toBe(first!.id);
  });
});
