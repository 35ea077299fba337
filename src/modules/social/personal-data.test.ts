import { describe, expect, it } from 'vitest';
import { detectPersonalData, extractContactDetails, isValidIban, passesLuhn } from './personal-data.ts';

const kinds = (text: string) => detectPersonalData(text).map((f) => [f.kind, f.text]);

describe('personal data in a public draft', () => {
  it('gives each finding its place in the text', () => {
    const text = 'Bonjour, écrivez à marie.dupont@exemple.fr ou au 06 12 34 56 78.';
    const findings = detectPersonalData(text);
    expect(findings).toEqual([
      { kind: 'email', text: 'marie.dupont@exemple.fr', start: 19, end: 42 },
      { kind: 'phone', text: '06 12 34 56 78', start: 49, end: 63 },
    ]);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('finds e-mail addresses, not @handles', () => {
    expect(kinds('Contact : Jean-Luc.O+sav@mail.example.co.uk')).toEqual([['email', 'Jean-Luc.O+sav@mail.example.co.uk']]);
    expect(kinds('@Truffaut merci, et @nhoizey aussi')).toEqual([]);
    expect(kinds('éloïse@exemple.fr')).toEqual([['email', 'éloïse@exemple.fr']]);
  });

  it('finds French phone numbers with spaces, dots, dashes or none, and international ones', () => {
    expect(kinds('au 06.12.34.56.78')).toEqual([['phone', '06.12.34.56.78']]);
    expect(kinds('au 06-12-34-56-78')).toEqual([['phone', '06-12-34-56-78']]);
    expect(kinds('au 0612345678')).toEqual([['phone', '0612345678']]);
    expect(kinds('au 01 42 68 53 00')).toEqual([['phone', '01 42 68 53 00']]);
    expect(kinds('au +33 6 12 34 56 78')).toEqual([['phone', '+33 6 12 34 56 78']]);
    expect(kinds('au 0033 6 12 34 56 78')).toEqual([['phone', '0033 6 12 34 56 78']]);
    expect(kinds('call +44 20 7946 0958')).toEqual([['phone', '+44 20 7946 0958']]);
    expect(kinds('call +1 (415) 555-2671')).toEqual([['phone', '+1 (415) 555-2671']]);
  });

  it('reads national numbers in the default country', () => {
    expect(detectPersonalData('call (415) 555-2671', { defaultCountry: 'US' }).map((f) => f.kind)).toEqual(['phone']);
    expect(kinds('call (415) 555-2671')).toEqual([]);
  });

  it('finds French street addresses with their postcode and town', () => {
    expect(kinds('Livré au 12 rue de la Paix, 75002 Paris hier')).toEqual([['address', '12 rue de la Paix, 75002 Paris']]);
    expect(kinds('au 3 bis avenue Victor Hugo')).toEqual([['address', '3 bis avenue Victor Hugo']]);
    expect(kinds('au 8 bd Haussmann')).toEqual([['address', '8 bd Haussmann']]);
    expect(kinds("au 5 allée des Érables")).toEqual([['address', '5 allée des Érables']]);
    expect(kinds('au 3 place bellecour 69002 lyon')).toEqual([['address', '3 place bellecour 69002 lyon']]);
    expect(kinds('au 14, quai de Saône')).toEqual([['address', '14, quai de Saône']]);
    expect(kinds('au 2 impasse du Moulin et rien ne marche')).toEqual([['address', '2 impasse du Moulin']]);
    expect(kinds('7 chemin des Vignes')).toEqual([['address', '7 chemin des Vignes']]);
    expect(kinds('12 route de Lyon')).toEqual([['address', '12 route de Lyon']]);
    expect(kinds("4 rue de l'Église")).toEqual([['address', "4 rue de l'Église"]]);
    expect(kinds('1 RUE DU CHÂTEAU')).toEqual([['address', '1 RUE DU CHÂTEAU']]);
  });

  it('does not take counted things for streets', () => {
    expect(kinds('il reste 3 places et 2 routes possibles')).toEqual([]);
    expect(kinds('en 2 chemins de traverse')).toEqual([]);
  });

  it('finds a postcode and town alone, capitalised, not an amount', () => {
    expect(kinds('je suis à 69002 Lyon')).toEqual([['address', '69002 Lyon']]);
    expect(kinds('envoyé à 13100 Aix-en-Provence')).toEqual([['address', '13100 Aix-en-Provence']]);
    expect(kinds('Service 75008 PARIS CEDEX 08')).toEqual([['address', '75008 PARIS CEDEX 08']]);
    expect(kinds('une facture de 12000 euros')).toEqual([]);
    expect(kinds('la rue est longue')).toEqual([]);
  });

  it('finds English street addresses', () => {
    expect(kinds('at 221B Baker Street')).toEqual([['address', '221B Baker Street']]);
    expect(kinds('at 10 Downing St')).toEqual([['address', '10 Downing St']]);
  });

  it('finds order numbers, and keeps only the number of "commande n° …"', () => {
    expect(kinds('Votre commande #1001 est partie')).toEqual([['order', '#1001']]);
    expect(kinds('commande 123456')).toEqual([['order', '123456']]);
    expect(kinds('Commande n° 123456')).toEqual([['order', '123456']]);
    expect(kinds('order number: A1234567')).toEqual([['order', 'A1234567']]);
    expect(kinds('réf. CMD-2024-889')).toEqual([['order', 'CMD-2024-889']]);
    expect(kinds('la commande arrive demain')).toEqual([]);
    expect(kinds('#fail #1')).toEqual([]);
  });

  it('does not take our case numbers for personal data, nor their digits for a phone', () => {
    expect(kinds('Votre dossier SAV-2026-000123 est ouvert')).toEqual([]);
    expect(kinds('dossier sav-2026-1234567')).toEqual([]);
    expect(detectPersonalData('dossier REP-2026-000123', { casePrefix: 'REP' })).toEqual([]);
  });

  it('finds IBANs that pass their check, grouped or not', () => {
    expect(kinds('IBAN FR76 3000 6000 0112 3456 7890 189')).toEqual([['iban', 'FR76 3000 6000 0112 3456 7890 189']]);
    expect(kinds('GB82WEST12345698765432')).toEqual([['iban', 'GB82WEST12345698765432']]);
    expect(kinds('FR76 3000 6000 0112 3456 7890 188').map(([k]) => k)).not.toContain('iban');
  });

  it('finds card numbers that pass Luhn', () => {
    expect(kinds('carte 4111 1111 1111 1111')).toEqual([['card', '4111 1111 1111 1111']]);
    expect(kinds('carte 4242-4242-4242-4242')).toEqual([['card', '4242-4242-4242-4242']]);
    expect(kinds('amex 3782 822463 10005')).toEqual([['card', '3782 822463 10005']]);
    expect(kinds('carte 4111111111111111')).toEqual([['card', '4111111111111111']]);
    expect(kinds('carte 4111 1111 1111 1112')).toEqual([]);
  });

  it('reports several findings in reading order', () => {
    const text = 'Mme Martin, 12 rue de la Paix 75002 Paris, 06 12 34 56 78, commande #1001, carte 4111 1111 1111 1111, marie@exemple.fr';
    expect(kinds(text)).toEqual([
      ['address', '12 rue de la Paix 75002 Paris'],
      ['phone', '06 12 34 56 78'],
      ['order', '#1001'],
      ['card', '4111 1111 1111 1111'],
      ['email', 'marie@exemple.fr'],
    ]);
  });

  it('finds nothing in a plain public answer', () => {
    expect(kinds("Bonjour, nous sommes désolés. Pourriez-vous nous écrire en message privé ? L'équipe Truffaut")).toEqual([]);
    expect(kinds('Nous revenons vers vous sous 48 h, votre dossier SAV-2026-000042 est suivi.')).toEqual([]);
  });
});

describe('checks', () => {
  it('checks IBANs', () => {
    expect(isValidIban('FR7630006000011234567890189')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(isValidIban('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(isValidIban('FR76')).toBe(false);
  });

  it('checks Luhn', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('378282246310005')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('0612345678')).toBe(false);
  });
});

describe('contact details in a private message', () => {
  it('gives the e-mails lower-cased and the phones in E.164, each once', () => {
    const dm = 'Bonjour, Marie.Dupont@Exemple.fr ou marie.dupont@exemple.fr, tél 06 12 34 56 78 (ou +33 6 12 34 56 78), fixe 01.42.68.53.00';
    expect(extractContactDetails(dm)).toEqual({ emails: ['marie.dupont@exemple.fr'], phones: ['+33612345678', '+33142685300'] });
  });

  it('reads national numbers in the given country', () => {
    expect(extractContactDetails('call me on (415) 555-2671', 'US')).toEqual({ emails: [], phones: ['+14155552671'] });
  });

  it('gives nothing when there is nothing', () => {
    expect(extractContactDetails('Je l’ai acheté au magasin de Grigny l’été dernier.')).toEqual({ emails: [], phones: [] });
  });
});
