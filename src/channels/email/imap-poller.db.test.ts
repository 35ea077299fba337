// IMAP mailboxes read against a real server (Dovecot): new mail becomes cases, the cursor moves
// only past what is stored, a second read stores nothing twice, two mailboxes are read side by
// side, and refused credentials mark the account failing with the server's answer.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDovecot, type Dovecot } from '../../../test/support/dovecot.ts';
import { buildBrand } from '../../../test/support/factories.ts';
import { startHarness, type Client, type Harness } from '../../../test/support/harness.ts';
import { queryRows } from '../../platform/db/database.ts';
import { loadAccount } from '../accounts/accounts.service.ts';
import { pollMailbox } from './imap-poller.ts';

let h: Harness;
let admin: Client;
let imap: Dovecot;
let brandId: string;

beforeAll(async () => {
  imap = await startDovecot({ 'sav@jardin.test': 'imap-secret-1', 'pro@jardin.test': 'imap-secret-2' });
  h = await startHarness();
  admin = await h.userClient('admin');
  brandId = (await buildBrand(h.ctx, { slug: 'jardin-imap', name: 'Jardin' })).id;
});
afterAll(async () => {
  await h?.close();
  await imap?.stop();
});

async function mailbox(address: string, user: string, password: string) {
  const res = await admin.post('/api/v1/channel-accounts', {
    channel: 'email',
    name: address,
    address,
    brandId,
    settings: { imap: { host: imap.host, port: imap.port, secure: false, user } },
    secrets: { imapPassword: password },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; secretsSet: string[]; settings: Record<string, unknown> };
}

const mail = (from: string, subject: string, id: string) => `From: ${from}\nTo: sav@jardin.test\nSubject: ${subject}\nMessage-ID: <${id}>\nDate: Mon, 2 Mar 2026 10:00:00 +0100\nContent-Type: text/plain; charset=utf-8\n\nBonjour, ${subject.toLowerCase()}.\n`;
const count = async (accountId: string) => (await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM inbound_message WHERE account_id = ${accountId}`))[0]!.n;

describe('IMAP mailboxes', () => {
  it('keeps the password out of every answer', async () => {
    const a = await mailbox('secret@jardin.test', 'sav@jardin.test', 'imap-secret-1');
    expect(a.secretsSet).toEqual(['imapPassword']);
    const listed = (await admin.get('/api/v1/channel-accounts')).body;
    expect(listed).not.toContain('imap-secret-1');
    await admin.delete(`/api/v1/channel-accounts/${a.id}`);
  });

  it('turns new mail into cases and moves the cursor past what it stored, once', async () => {
    const a = await mailbox('sav@jardin.test', 'sav@jardin.test', 'imap-secret-1');
    await imap.deliver('sav@jardin.test', mail('paul@exemple.fr', 'Tondeuse en panne', 'imap-1@exemple.fr'));
    await imap.deliver('sav@jardin.test', mail('ines@exemple.fr', 'Colis abîmé', 'imap-2@exemple.fr'));
    expect(await pollMailbox(h.ctx, await loadAccount(h.ctx, a.id))).toBe(2);
    await h.worker.drain();
    expect(await pollMailbox(h.ctx, await loadAccount(h.ctx, a.id))).toBe(0);
    expect(await count(a.id)).toBe(2);
    const subjects = (await admin.get('/api/v1/cases?channel=email')).json().items.map((c: { subject: string }) => c.subject);
    expect(subjects).toEqual(expect.arrayContaining(['Tondeuse en panne', 'Colis abîmé']));
    const [account] = await queryRows<{ cursor: { lastUid: number } }>(h.ctx.db, sql`SELECT cursor FROM channel_account WHERE id = ${a.id}`);
    expect(account!.cursor.lastUid).toBe(2);

    // Forgetting the cursor reads everything again, and stores nothing twice.
    await h.ctx.db.execute(sql`UPDATE channel_account SET cursor = '{}' WHERE id = ${a.id}`);
    expect(await pollMailbox(h.ctx, await loadAccount(h.ctx, a.id))).toBe(2);
    expect(await count(a.id)).toBe(2);
  });

  it('reads two mailboxes side by side', async () => {
    const pro = await mailbox('pro@jardin.test', 'pro@jardin.test', 'imap-secret-2');
    const sav = await loadAccount(h.ctx, (await queryRows<{ id: string }>(h.ctx.db, sql`SELECT id FROM channel_account WHERE address = 'sav@jardin.test'`))[0]!.id);
    await imap.deliver('pro@jardin.test', mail('achats@entreprise.fr', 'Facture', 'imap-pro-1@entreprise.fr'));
    await imap.deliver('sav@jardin.test', mail('zoe@exemple.fr', 'Robot tondeur', 'imap-3@exemple.fr'));
    const [a, b] = await Promise.all([pollMailbox(h.ctx, await loadAccount(h.ctx, pro.id)), pollMailbox(h.ctx, sav)]);
    expect([a, b]).toEqual([1, 1]);
  });

  it('marks the account failing when the server refuses the password', async () => {
    const a = await mailbox('wrong@jardin.test', 'sav@jardin.test', 'not-the-password');
    await expect(pollMailbox(h.ctx, await loadAccount(h.ctx, a.id))).rejects.toThrow();
    const after = (await admin.get(`/api/v1/channel-accounts/${a.id}`)).json();
    expect(after).toMatchObject({ state: 'failing', stateDetail: expect.stringMatching(/^IMAP login refused/) });
    // The admins are told, once.
    await expect(pollMailbox(h.ctx, await loadAccount(h.ctx, a.id))).rejects.toThrow();
    const alerts = await queryRows<{ n: number }>(h.ctx.db, sql`SELECT count(*)::int AS n FROM job WHERE name = 'channels.account-failing'`);
    expect(alerts[0]!.n).toBe(1);
    // Fixing the password makes it active again.
    const fixed = await admin.patch(`/api/v1/channel-accounts/${a.id}`, { secrets: { imapPassword: 'imap-secret-1' }, state: 'active' });
    expect(fixed.json()).toMatchObject({ state: 'active', stateDetail: null });
  });
});
