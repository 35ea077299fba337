// Dispute signals in French and English: what each kind finds, on whole words, whatever the
// accents and capitals, and the near misses it must leave alone.
import { describe, expect, it } from 'vitest';
import { detectDisputeSignals, type DisputeKind } from './dispute-signals.ts';

const kinds = (text: string, language?: 'fr' | 'en' | null): DisputeKind[] => detectDisputeSignals(text, language).map((s) => s.kind);

describe('formal notices', () => {
  it.each([
    'Je vous mets en demeure de me rembourser sous 10 jours.',
    'Nous vous mettons en demeure de livrer la commande.',
    'Ceci est une MISE EN DEMEURE.',
    'Vous trouverez ci-joint ma mise en demeure.',
    'Sans réponse, je vous mettrai en demeure.',
    'Courrier envoyé en LRAR ce matin.',
    'Je vous adresse une lettre recommandée avec accusé de réception.',
    'Envoyé en recommandé avec AR.',
    'Please treat this e-mail as a formal notice.',
    'This is a letter before action.',
  ])('finds "%s"', (text) => {
    expect(kinds(text)).toEqual(['formal_notice']);
  });

  it('quotes the sentence as written and names the words found, folded', () => {
    expect(detectDisputeSignals('Bonjour. Je vous mets en demeure de reprendre la pièce ! Cordialement')).toEqual([
      { kind: 'formal_notice', term: 'mets en demeure', quote: 'Je vous mets en demeure de reprendre la pièce !' },
    ]);
  });

  it('leaves "demeure" alone', () => {
    expect(kinds('Ma demeure est à Lyon, la livraison peut se faire à la demeure de ma mère.')).toEqual([]);
  });
});

describe('chargebacks and payment disputes', () => {
  it.each([
    'J’ai demandé une rétrofacturation à ma banque.',
    'Je vais faire opposition sur ma carte.',
    'Une opposition bancaire est en cours.',
    'J’ai ouvert un litige PayPal.',
    'Un litige bancaire est ouvert.',
    'Je conteste le paiement auprès de Visa.',
    'J’envoie les courriels à la carte de crédit pour faire renverser le paiement.',
    'I asked my bank for a chargeback.',
    'I filed a charge-back today.',
    'I have disputed the charge with my credit card company.',
    'I opened a dispute with PayPal.',
    'This is now a payment dispute.',
  ])('finds "%s"', (text) => {
    expect(kinds(text)).toEqual(['chargeback']);
  });

  it('leaves an ordinary payment question alone', () => {
    expect(kinds('Le paiement a-t-il bien été reçu ? Je peux payer par carte.')).toEqual([]);
    expect(kinds('I paid by card, is my payment confirmed?')).toEqual([]);
  });
});

describe('the consumer-protection office', () => {
  it.each([
    'Je signale votre société à la DGCCRF.',
    'Signalement déposé sur SignalConso.',
    'J’ai écrit à UFC-Que Choisir.',
    'J’ai contacté l’UFC Que Choisir.',
    'Je saisis le médiateur de la consommation.',
    'L’Office de la protection du consommateur m’a confirmé mes droits.',
    'Grâce au bureau de la protection du consommateur, j’ai un modèle de lettre.',
    'Je porte plainte auprès du SPF Économie.',
    'I reported you to Trading Standards.',
    'The consumer protection office confirmed it.',
  ])('finds "%s"', (text) => {
    expect(kinds(text)).toEqual(['consumer_office']);
  });

  it('does not take "que choisir" alone for the association', () => {
    expect(kinds('Je ne sais pas que choisir entre les deux modèles.')).toEqual([]);
  });
});

describe('lawyers and courts', () => {
  it.each([
    ['Mon avocat vous contactera.', ['lawyer']],
    ['J’ai saisi un huissier.', ['lawyer']],
    ['Ma protection juridique est prévenue.', ['lawyer']],
    ['My lawyer will be in touch.', ['lawyer']],
    ['On se verra au tribunal.', ['court']],
    ['Je saisis le juge de proximité.', ['court']],
    ['Je vais vous poursuivre en justice.', ['court']],
    ['Direction la Cour des petites créances.', ['court']],
    ['I will take you to small claims.', ['court']],
    ["I'm taking you to court.", ['court']],
    ['We will start legal proceedings.', ['court']],
    ['I will sue you.', ['court']],
  ] as const)('"%s" → %j', (text, expected) => {
    expect(kinds(text, text.match(/\b(I|I'm|We|My)\b/) ? 'en' : 'fr')).toEqual(expected);
  });

  it('"court" alone is French for short and "sué" is not "sue"', () => {
    expect(kinds('Le délai est trop court.')).toEqual([]);
    expect(kinds("J'ai sué pour monter ce meuble.", null)).toEqual([]);
    expect(kinds('Il faut que je sue.', 'fr')).toEqual([]);
    expect(kinds('I will sue.', null)).toEqual(['court']);
  });

  it('finds "jugé" nowhere: it is not a judge', () => {
    expect(kinds('Ils ont jugé que nous avions brisé la pièce.')).toEqual([]);
  });

  it('finds words whole only', () => {
    expect(kinds('Les avocatiers du jardin et le tribunalesque débat.')).toEqual([]);
  });
});

describe('a message with several signals', () => {
  it('reports each kind once, in a fixed order, whatever the accents and capitals', () => {
    const text = 'MISE EN DÉMEURE : sans remboursement sous 8 jours, je saisis mon AVOCAT et je demande une RÉTROFACTURATION. Mon avocat est prévenu.';
    expect(detectDisputeSignals(text)).toEqual([
      { kind: 'formal_notice', term: 'mise en demeure', quote: text.split('. ')[0] + '.' },
      { kind: 'chargeback', term: 'retrofacturation', quote: text.split('. ')[0] + '.' },
      { kind: 'lawyer', term: 'avocat', quote: text.split('. ')[0] + '.' },
    ]);
  });

  it('reads seed 004: the formal notice from the consumer office, then the chargeback', () => {
    const text =
      'Alors, grâce au bureau de la protection du consommateur, je télécharge un document officiel de mise en demeure. Ensuite, j’envoie tous les courriels échangés et les explications à la carte de crédit pour faire renverser le paiement.';
    expect(kinds(text)).toEqual(['formal_notice', 'chargeback', 'consumer_office']);
  });

  it('finds nothing in an ordinary complaint', () => {
    expect(detectDisputeSignals('Bonjour, la pièce reçue ne fonctionne pas, pouvez-vous me dire comment la renvoyer ?')).toEqual([]);
    expect(detectDisputeSignals('')).toEqual([]);
  });

  it('cuts a long sentence in its quote', () => {
    const long = `Je vous mets en demeure ${'de faire quelque chose '.repeat(20)}`;
    const [signal] = detectDisputeSignals(long);
    expect(signal!.quote.length).toBe(200);
    expect(signal!.quote.endsWith('…')).toBe(true);
  });
});
