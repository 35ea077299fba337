// The built-in texts: valid, complete, and within the limits a customer's phone imposes.
import { describe, expect, it } from 'vitest';
import { composeMessage } from './compose.ts';
import { templateLanguages, templateSlots, templateVariables, type TemplateKey } from './notifications.contract.ts';
import { sampleVariables } from './preview-samples.ts';
import { smsSize } from './sms-text.ts';
import { builtinTemplate } from './templates.builtin.ts';
import { checkTemplate } from './templates.service.ts';

const slots = (Object.keys(templateSlots) as TemplateKey[]).flatMap((key) => templateSlots[key].flatMap((channel) => templateLanguages.map((language) => ({ key, channel, language }))));
const config = { http: { host: '', port: 0, publicUrl: 'https://sav.jardin-maison.fr', trustProxy: false, bodyLimit: 0, cookieSecure: true } };

describe('built-in templates', () => {
  it.each(slots)('$key $channel $language is complete and uses only its variables', ({ key, channel, language }) => {
    const t = builtinTemplate(key, channel, language);
    expect(t).toBeDefined();
    expect(checkTemplate(key, channel, { subject: t!.subject, body: t!.body })).toEqual([]);
    const out = composeMessage(t!, channel, sampleVariables(config, language));
    expect(out.text).not.toMatch(/\{\{|\}\}/);
    expect(out.text.toLowerCase()).not.toContain('meilleurs délais');
  });

  it('offers every variable it may use in the samples', () => {
    const sample = sampleVariables(config, 'fr');
    for (const key of Object.keys(templateVariables) as TemplateKey[]) {
      for (const name of templateVariables[key]) expect(sample[name], `${key}: ${name}`).toBeDefined();
    }
  });

  it.each(['acknowledgment', 'step_update'] as const)('%s SMS stay in GSM-7 and within two segments, link included', (key) => {
    for (const language of templateLanguages) {
      const long: Record<string, string> = { ...sampleVariables(config, language), 'brand.name': 'Jardin & Maison Île-de-France', 'step.label': 'En attente de pièce', 'next.step': 'Réparation' };
      // The longest French date: a Wednesday in September.
      long['promise.text'] = language === 'fr' ? 'Nous vous répondrons au plus tard le mercredi 30 septembre 2026 à 17:30.' : 'We will answer you by Wednesday 30 September 2026 at 17:30.';
      long['next.text'] = language === 'fr' ? 'Prochaine étape : Réparation, prévue au plus tard le mercredi 30 septembre 2026 à 17:30.' : 'Next step: Repair, expected by Wednesday 30 September 2026 at 17:30.';
      const out = composeMessage(builtinTemplate(key, 'sms', language)!, 'sms', long);
      expect(out.text).toContain(long['tracking.url']);
      expect(smsSize(out.text), out.text).toMatchObject({ encoding: 'GSM-7' });
      expect(smsSize(out.text).segments, out.text).toBeLessThanOrEqual(2);
    }
  });

  it('says the exact promised date in the acknowledgment', () => {
    const out = composeMessage(builtinTemplate('acknowledgment', 'email', 'fr')!, 'email', sampleVariables(config, 'fr'));
    expect(out.subject).toBe('[SAV-2026-000123] Nous avons bien reçu votre demande');
    expect(out.text).toContain('Nous vous répondrons au plus tard le mardi 7 avril 2026 à 17:00.');
    expect(out.text).toContain('https://sav.jardin-maison.fr/t/');
  });
});
