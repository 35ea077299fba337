// Audit entries as sentences, in French and English, with the French catalog of the app.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import en from '../../i18n/en.json';
import fr from '../../i18n/fr.json';
import adminEn from '../admin.en.json';
import adminFr from '../admin.fr.json';
import { auditActions, describeAudit, type AuditEntryDto, type NameOf } from './audit-words.ts';

let t: { fr: TFunction; en: TFunction };
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { fr: { translation: { ...fr, admin: { ...fr.admin, ...adminFr.admin } } }, en: { translation: { ...en, admin: { ...en.admin, ...adminEn.admin } } } }, lng: 'fr', initAsync: false, interpolation: { escapeValue: false } });
  t = { fr: i18n.getFixedT('fr'), en: i18n.getFixedT('en') };
});

const entry = (action: string, over: Partial<AuditEntryDto> = {}): AuditEntryDto => ({
  id: '0193e5a0-0000-7000-8000-000000000009',
  at: '2026-06-12T15:00:00.000Z',
  actorUserId: null,
  actorLabel: 'alice.admin@jardins.test',
  action,
  targetType: null,
  targetId: null,
  ip: null,
  details: {},
  ...over,
});
const names: NameOf = (type, id) => (type === 'channel_account' && id === 'acc-1' ? 'SAV jardin' : type === 'user' && id === 'u-1' ? 'Lou Martin' : null);

describe('audit sentences', () => {
  it('names the store created, with the name the entry kept', () => {
    const e = entry('store.created', { targetType: 'store', targetId: 's-1', details: { code: 'GRI', name: 'Grigny' } });
    expect(describeAudit(e, 'Alice Admin', t.fr, names)).toBe('Alice Admin a créé le magasin « Grigny »');
    expect(describeAudit(e, 'Alice Admin', t.en, names)).toBe('Alice Admin created the store “Grigny”');
  });

  it('says which fields an update changed, and the calendar by the name the entry kept or found', () => {
    const e = entry('calendar.updated', { targetType: 'calendar', targetId: 'c-1', details: { hours: {}, holidays: null } });
    expect(describeAudit(e, 'Alice Admin', t.fr, (type) => (type === 'calendar' ? 'Service client' : null))).toBe('Alice Admin a modifié le calendrier « Service client » (horaires, jours fériés et fermetures)');
  });

  it('tells a user’s access change, role and scope', () => {
    const e = entry('user.access_changed', { targetType: 'user', targetId: 'u-1', details: { role: { from: 'agent', to: 'manager' }, storeIds: { from: [], to: ['s-1'] } } });
    expect(describeAudit(e, 'Alice Admin', t.fr, names)).toBe('Alice Admin a changé les accès de l’utilisateur Lou Martin : rôle Agent SAV → Responsable SAV, magasins');
  });

  it('tells a connection test and what failed', () => {
    const ok = entry('channel_account.tested', { targetType: 'channel_account', targetId: 'acc-1', details: { ok: true, failed: [] } });
    expect(describeAudit(ok, 'Alice Admin', t.fr, names)).toBe('Alice Admin a testé le compte de canal « SAV jardin » : tout fonctionne');
    const failed = entry('channel_account.tested', { targetType: 'channel_account', targetId: 'acc-1', details: { ok: false, failed: ['imap'] } });
    expect(describeAudit(failed, 'Alice Admin', t.en, names)).toBe('Alice Admin tested the channel account “SAV jardin”: problem (imap)');
  });

  it('names a template by its key, channel and language', () => {
    const e = entry('template.updated', { targetType: 'template', targetId: 'acknowledgment/email/fr', details: { subject: 'x', body: 'y' } });
    expect(describeAudit(e, 'Alice Admin', t.fr, names)).toBe('Alice Admin a modifié le modèle « Accusé de réception · E-mail · FR »');
  });

  it('tells a refused sign-in with its reason, and an action it does not know by its code', () => {
    expect(describeAudit(entry('auth.login_failed', { targetType: 'user', details: { reason: 'bad_password' } }), 'lou@jardins.test', t.fr, names)).toBe('Connexion refusée pour lou@jardins.test (mot de passe incorrect)');
    expect(describeAudit(entry('widget.polished'), 'Alice Admin', t.en, names)).toBe('Alice Admin: widget.polished');
  });

  it('tells a sales import started, with the file and its source', () => {
    const e = entry('order_import.started', { targetType: 'order_import', targetId: 'i-1', details: { source: 'Caisses magasins', file: 'ventes.csv', bytes: 1200 } });
    expect(describeAudit(e, 'Alice Admin', t.fr, names)).toBe('Alice Admin a lancé l’import des ventes du fichier « ventes.csv » (Caisses magasins)');
    expect(describeAudit(e, 'Alice Admin', t.en, names)).toBe('Alice Admin started the sales import of the file “ventes.csv” (Caisses magasins)');
  });

  it('tells the gestures granted and the approvals decided, with their cost in the reader’s money', () => {
    const granted = entry('gesture.granted', { targetType: 'gesture', targetId: 'g-1', details: { cost: 2_500, currency: 'EUR', kind: 'voucher' } });
    expect(describeAudit(granted, 'Camille Agent', t.fr, names)).toBe('Camille Agent a accordé un geste commercial (25,00\u00a0€)');
    expect(describeAudit(granted, 'Camille Agent', t.en, names)).toBe('Camille Agent granted a goodwill gesture (€25.00)');
    expect(describeAudit(entry('approval.escalated'), 'Dominique Lead', t.en, names)).toBe('Dominique Lead sent a request up to the admins');
    expect(describeAudit(entry('gestures.limits.saved', { targetId: '3' }), 'Alice Admin', t.fr, names)).toBe('Alice Admin a enregistré la version 3 des marges');
  });
});

/** Every `action: 'subject.verb'` the server's code records in the audit log. */
function recordedActions(): string[] {
  const root = new URL('../../../../src/', import.meta.url).pathname;
  const found = new Set<string>();
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    for (const m of readFileSync(join(root, file), 'utf8').matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) found.add(m[1]!);
  }
  return [...found].sort();
}

describe('every action the server records', () => {
  const actions = recordedActions();

  it('is found by the scan (the scan itself works)', () => {
    expect(actions).toContain('policy.saved');
    expect(actions.length).toBeGreaterThan(30);
  });

  it.each(actions)('%s is said in words in both languages and offered by the filter', (action) => {
    const e = entry(action, { targetType: action.split('.')[0]!, targetId: '0193e5a0-0000-7000-8000-00000000000a', details: { name: 'X', number: 'SAV-2026-000001' } });
    for (const lang of ['fr', 'en'] as const) expect(describeAudit(e, 'Alice Admin', t[lang], names)).not.toContain(action);
    expect(auditActions as readonly string[]).toContain(action);
  });
});
