// What the closing message says of the case: the summary, the product's help, the reopening.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock.ts';
import type { CaseFacts } from '../notifications/case-facts.ts';
import { composeMessage } from '../notifications/compose.ts';
import { sampleVariables } from '../notifications/preview-samples.ts';
import { smsSize } from '../notifications/sms-text.ts';
import { builtinTemplate } from '../notifications/templates.builtin.ts';
import { excerptOf, helpText, reopenText, summaryText, type ClosingFacts } from './closing-facts.ts';

const facts = (step: CaseFacts['step']) => ({ step }) as CaseFacts;
const closing = (over: Partial<ClosingFacts> = {}): ClosingFacts => ({ lastReply: null, products: [], ...over });

describe('the summary of what was done', () => {
  it('names the last step and quotes the start of the last answer', () => {
    const f = facts({ key: 'repaired', labelFr: 'Réparation terminée', labelEn: 'Repair done' });
    const c = closing({ lastReply: 'Bonjour Jérôme,\n\nLa vanne est remplacée.\nCamille' });
    expect(summaryText(f, c, 'fr')).toBe('Dernière étape de votre dossier : Réparation terminée.\nNotre dernière réponse : « Bonjour Jérôme, La vanne est remplacée. Camille »');
    expect(summaryText(f, c, 'en')).toBe('Last step of your case: Repair done.\nOur last answer: "Bonjour Jérôme, La vanne est remplacée. Camille"');
  });

  it('says nothing it does not know', () => {
    expect(summaryText(facts(null), closing(), 'fr')).toBe('');
  });

  it('cuts a long answer after a word', () => {
    const text = `${'mot '.repeat(100)}fin`;
    const cut = excerptOf(text, 30);
    expect(cut).toBe('mot mot mot mot mot mot mot…');
    expect(excerptOf('Court.', 30)).toBe('Court.');
  });
});

describe('the product’s help', () => {
  const products = [
    {
      name: 'Gardena Flex',
      helpLinks: [
        { label: 'Programmer l’arrosage', url: 'https://gardena.example/fr/flex', language: 'fr' as const },
        { label: 'Programming the timer', url: 'https://gardena.example/en/flex', language: 'en' as const },
        { label: 'Vidéo / video', url: 'https://gardena.example/video' },
      ],
    },
    { name: 'Tuyau 20 m', helpLinks: [{ label: 'Vidéo / video', url: 'https://gardena.example/video' }] },
    { name: 'Raccord', helpLinks: [] },
  ];

  it('gives the links in the customer’s language, each once, under their product', () => {
    expect(helpText(closing({ products }), 'fr')).toBe(
      'Pour bien profiter de votre Gardena Flex :\n- Programmer l’arrosage : https://gardena.example/fr/flex\n- Vidéo / video : https://gardena.example/video',
    );
    expect(helpText(closing({ products }), 'en')).toBe('To get the most out of your Gardena Flex:\n- Programming the timer: https://gardena.example/en/flex\n- Vidéo / video: https://gardena.example/video');
  });

  it('is empty without links', () => {
    expect(helpText(closing(), 'fr')).toBe('');
  });
});

describe('the reopening', () => {
  const ctx = (days: number, now: string) => ({ config: { email: { reopenWindowDays: days }, defaults: { timezone: 'Europe/Paris' } }, clock: new ManualClock(now) }) as unknown as Parameters<typeof reopenText>[0];
  const solvedAt = new Date('2026-04-07T15:00:00Z');

  it('says until when an answer reopens the case: the e-mail reopening window', () => {
    expect(reopenText(ctx(30, '2026-04-07T15:00:00Z'), solvedAt, 'fr')).toEqual({
      text: 'Le problème revient ? Répondez simplement à ce message d’ici le jeudi 7 mai 2026 à 17:00 : nous rouvrirons votre dossier.',
      until: 'jeudi 7 mai 2026 à 17:00',
    });
    expect(reopenText(ctx(30, '2026-04-14T15:00:00Z'), solvedAt, 'en').text).toBe('Is the problem back? Simply reply to this message by Thursday 7 May 2026 at 17:00 and we will reopen your case.');
  });

  it('offers a new, linked case once the window is over (or when there is none)', () => {
    expect(reopenText(ctx(30, '2026-05-07T15:00:01Z'), solvedAt, 'fr')).toEqual({ text: 'Un nouveau problème ? Répondez simplement à ce message : nous ouvrirons un nouveau dossier, lié à celui-ci.', until: '' });
    expect(reopenText(ctx(0, '2026-04-07T15:00:00Z'), solvedAt, 'en').until).toBe('');
  });
});

describe('the closing and follow-up SMS', () => {
  const config = { http: { host: '', port: 0, publicUrl: 'https://sav.jardin-maison.fr', trustProxy: false, bodyLimit: 0, cookieSecure: true } };
  it.each(['closing', 'follow_up'] as const)('%s stays in GSM-7 and within two segments, survey link included', (key) => {
    for (const language of ['fr', 'en'] as const) {
      const values: Record<string, string> = { ...sampleVariables(config, language), 'brand.name': 'Jardin & Maison Île-de-France' };
      const out = composeMessage(builtinTemplate(key, 'sms', language)!, 'sms', values);
      expect(out.text).toContain(values['survey.url']!);
      expect(smsSize(out.text), out.text).toMatchObject({ encoding: 'GSM-7' });
      expect(smsSize(out.text).segments, out.text).toBeLessThanOrEqual(2);
    }
  });
});
