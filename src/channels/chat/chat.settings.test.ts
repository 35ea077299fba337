import { describe, expect, it } from 'vitest';
import { isAllowedOrigin } from './chat.origin.ts';
import { chatSettings, settingsOf } from './chat.settings.ts';
import { transcriptText } from './chat.transcript.ts';

describe('chat account settings', () => {
  it('take exact origins only', () => {
    const ok = chatSettings.safeParse({ allowedOrigins: ['https://www.jardin-maison.fr', 'http://localhost:8080'] });
    expect(ok.success).toBe(true);
    for (const bad of ['https://www.jardin-maison.fr/', 'https://www.jardin-maison.fr/shop', 'www.jardin-maison.fr', 'ftp://files.example', 'https://user@shop.example', '*']) {
      expect(chatSettings.safeParse({ allowedOrigins: [bad] }).success, bad).toBe(false);
    }
    expect(chatSettings.safeParse({ allowedOrigins: [] }).success).toBe(false);
    expect(chatSettings.safeParse({ allowedOrigins: ['https://a.example'], colour: 'red' }).success).toBe(false);
  });

  it('let only the named sites in, exactly', () => {
    const account = { settings: { allowedOrigins: ['https://www.jardin-maison.fr'] } };
    expect(isAllowedOrigin(account, 'https://www.jardin-maison.fr')).toBe(true);
    expect(isAllowedOrigin(account, 'http://www.jardin-maison.fr')).toBe(false);
    expect(isAllowedOrigin(account, 'https://jardin-maison.fr')).toBe(false);
    expect(isAllowedOrigin(account, 'https://www.jardin-maison.fr.evil.example')).toBe(false);
    expect(isAllowedOrigin(account, undefined)).toBe(false);
    // Settings edited by hand into something unreadable let nobody in.
    expect(settingsOf({ allowedOrigins: 'https://www.jardin-maison.fr' }).allowedOrigins).toEqual([]);
  });
});

describe('the transcript text', () => {
  const lines = [
    { id: '1', author: 'visitor' as const, name: null, text: 'Bonjour, ma commande ?', at: '2026-04-07T08:02:00Z', clientId: 'a' },
    { id: '2', author: 'agent' as const, name: 'Camille', text: 'Bonjour !\nElle part demain.', at: '2026-04-07T08:03:30Z', clientId: null },
    { id: '3', author: 'agent' as const, name: null, text: 'Bonne journée.', at: '2026-04-07T08:04:00Z', clientId: null },
  ];

  it('says who wrote what and when, in the case’s language and time zone', () => {
    expect(transcriptText(lines, 'fr', 'Europe/Paris')).toBe('[10:02] Vous : Bonjour, ma commande ?\n[10:03] Camille : Bonjour !\n    Elle part demain.\n[10:04] Conseiller : Bonne journée.');
    expect(transcriptText(lines, 'en', 'America/Montreal')).toBe('[04:02] You: Bonjour, ma commande ?\n[04:03] Camille: Bonjour !\n    Elle part demain.\n[04:04] Adviser: Bonne journée.');
  });
});
