import { describe, expect, it } from 'vitest';
import { audiencePoints, foldText, isShouting, triageMessage, type TriageInput } from './triage.ts';

const plain: Omit<TriageInput, 'text'> = { language: 'fr', media: [], followers: null, verified: false, priorComplaints: 0 };
const triage = (text: string, extra: Partial<TriageInput> = {}) => triageMessage({ ...plain, text, ...extra });
const signalsOf = (text: string, extra: Partial<TriageInput> = {}) => triage(text, extra).signals;

describe('triage of the seed messages', () => {
  it("seed 000: the public tweet with #fail and a video scores anger, the video and the author's audience", () => {
    const tweet =
      "2nde fois qu'un système d'arrosage @GardenaGlobal acheté chez @Truffaut meurt au bout de quelques mois… innondé #fail http://t.co/auySzsEfSB";
    const result = triage(tweet, { media: [{ kind: 'video' }], followers: 2400 });
    expect(result.signals).toEqual(['anger', 'media_video']);
    // anger 25 + video 15 + audience round(5 × (log10 2400 − 1)) = 12
    expect(result.urgency).toBe(52);
  });

  it('seed 000: the thank-you tweet that followed raises nothing but the audience', () => {
    const thanks = "Wow, après mon tweet rageur ce WE (https://t.co/evL9he9fw1) @Truffaut a réagit et me le remplace. Chapeau le SAV !";
    expect(triage(thanks, { followers: 2400 })).toEqual({ urgency: 12, signals: [] });
  });

  it('seed 001: the Facebook comment about crooks in the family', () => {
    const comment =
      'La nouvelle voiture est sans doute fort belle, mais la beauté de la mariée ne doit pas aveugler son futur époux sur les escrocs qui sévissent dans la famille.';
    expect(triage(comment)).toEqual({ urgency: 25, signals: ['anger'] });
    expect(signalsOf("Trouvez-vous normal que l'on puisse ainsi entacher la réputation de votre marque en tentant d'arnaquer le client?")).toEqual(['anger']);
    expect(signalsOf('Et je me jure de ne plus jamais remettre les pieds chez ce concessionnaire indélicat.')).toEqual(['anger']);
  });

  it('seed 002: a question asked three times', () => {
    expect(triage("Et la pertinence de la réponse n'est pas un critère ???")).toEqual({ urgency: 5, signals: ['exclamations'] });
    expect(signalsOf("J'ai eu les réponses à mes questions et on ne m'a pas prise pour une imbécile : perfect.")).toEqual([]);
  });

  it('seed 003: negation is not parsed, "pas forcément un client mécontent" is still negative', () => {
    expect(signalsOf("Un client qui contacte le SAV n'est pas forcément un client mécontent.")).toEqual(['negative']);
  });

  it('seed 004: the formal notice and the defective part', () => {
    expect(triage("Je télécharge un document officiel de mise en demeure.")).toEqual({ urgency: 30, signals: ['legal_threat'] });
    expect(signalsOf('« Nous ne sommes pas responsables des composantes défectueuses »')).toEqual(['negative']);
  });
});

describe('anger and negative words', () => {
  it('finds the French markers accent- and case-insensitively, inflected', () => {
    for (const text of [
      "C'est une ARNAQUE",
      "Je me suis fait arnaquer",
      'arnaqué par votre magasin',
      'Quelle bande de voleurs',
      'Scandaleux',
      'HONTEUX',
      "C'est une honte",
      "C'est inadmissible",
      'Jamais plus chez vous',
      'Plus jamais !',
      'Escroquerie',
      'Remboursez-moi',
      'remboursez',
      "C'est du foutage de gueule",
      'Ils se foutent du monde',
    ]) {
      expect(signalsOf(text), text).toContain('anger');
    }
  });

  it('finds the English markers', () => {
    for (const text of ['What a scam', 'I got scammed', 'Worst service ever', 'A disgrace', 'Total ripoff', 'such a rip-off', 'Never again', 'Thieves!', 'fraudulent charge', 'Refund me now']) {
      expect(signalsOf(text, { language: 'en' }), text).toContain('anger');
    }
  });

  it('keeps to word boundaries: no marker found inside another word', () => {
    expect(signalsOf('Les désarnaqueurs du web')).toEqual([]);
    expect(signalsOf('Mon vol pour Nice')).toEqual([]);
    expect(signalsOf('nullement gêné, merci')).toEqual([]);
    expect(signalsOf('The scampi were great', { language: 'en' })).toEqual([]);
    expect(signalsOf('worstead wool', { language: 'en' })).toEqual([]);
    expect(signalsOf('#failsafe', { language: 'en' })).toEqual([]);
  });

  it('finds markers beside punctuation and hashtags', () => {
    expect(signalsOf('#arnaque')).toEqual(['anger']);
    expect(signalsOf('arnaque!')).toEqual(['anger']);
    expect(signalsOf('(voleurs)')).toEqual(['anger']);
  });

  it('"pas une arnaque" is still a signal: the word said in public is what counts', () => {
    expect(signalsOf("Ce n'est pas une arnaque j'espère ?")).toEqual(['anger']);
  });

  it('finds dissatisfaction', () => {
    for (const text of ['Très déçue', 'Service nul', 'Produit défectueux', 'Machine en panne', 'Ça ne marche plus', 'Toujours pas de nouvelles', 'Aucune réponse depuis 3 semaines', "c'est n’importe quoi"]) {
      expect(signalsOf(text), text).toEqual(['negative']);
    }
    for (const text of ['So disappointed', 'Terrible service', 'Still waiting for my parcel', 'no reply to my emails', "It doesn't work"]) {
      expect(signalsOf(text, { language: 'en' }), text).toEqual(['negative']);
    }
  });

  it('anger and negative add up', () => {
    expect(triage('Service nul, une vraie arnaque')).toEqual({ urgency: 40, signals: ['anger', 'negative'] });
  });
});

describe('legal threats', () => {
  it('finds the French ones', () => {
    for (const text of ["J'appelle mon avocat", 'On se verra au tribunal', 'Je vais porter plainte', "J'écris à UFC-Que Choisir", 'UFC Que Choisir sera informé', 'Je contacte 60 Millions de consommateurs', 'Signalé à la DGCCRF', 'Mise en demeure envoyée', 'Je saisis un huissier', 'Je vais vous attaquer en justice', 'signalé sur SignalConso']) {
      expect(signalsOf(text), text).toEqual(['legal_threat']);
    }
  });

  it('finds the English ones', () => {
    for (const text of ['My lawyer will call you', 'I will sue you', 'We are suing', 'See you in court', "I'm taking you to court", 'Legal action is next', 'small claims it is']) {
      expect(signalsOf(text, { language: 'en' }), text).toEqual(['legal_threat']);
    }
  });

  it('"court" alone is French for short and "sué" is not "sue"', () => {
    expect(signalsOf('Le délai est trop court')).toEqual([]);
    expect(signalsOf("J'ai sué pour monter ce meuble", { language: null })).toEqual([]);
    expect(signalsOf('Il faut que je sue', { language: 'fr' })).toEqual([]);
    expect(signalsOf('I will sue', { language: null })).toEqual(['legal_threat']);
  });

  it('weighs 30', () => {
    expect(triage('Mon avocat vous contactera').urgency).toBe(30);
  });
});

describe('shouting, marks and emoji', () => {
  it('takes a sustained share of capitals as shouting, not one acronym', () => {
    expect(isShouting('VOUS NE RÉPONDEZ JAMAIS')).toBe(true);
    expect(isShouting('Je suis client depuis 10 ans et VOUS NE RÉPONDEZ JAMAIS À MES MESSAGES')).toBe(true);
    expect(isShouting('Mon colis SAV EDF arrive demain')).toBe(false);
    expect(isShouting('La SNCF et la RATP et EDF, trois acronymes dans une longue phrase tranquille')).toBe(false);
    expect(isShouting('OK')).toBe(false);
    expect(isShouting('@TRUFFAUT @GARDENA #FAIL merci')).toBe(false);
    expect(triage('WHERE IS MY ORDER', { language: 'en' })).toEqual({ urgency: 10, signals: ['shouting'] });
  });

  it('takes three marks or more as repeated, French spacing included', () => {
    expect(signalsOf('Vraiment !!!')).toEqual(['exclamations']);
    expect(signalsOf('Vraiment ?!?')).toEqual(['exclamations']);
    expect(signalsOf('Vraiment ! ! !')).toEqual(['exclamations']);
    expect(signalsOf('Vraiment !!')).toEqual([]);
    expect(signalsOf('Vraiment ? Et alors !')).toEqual([]);
  });

  it('finds angry emoji', () => {
    expect(triage('Mon colis 😡')).toEqual({ urgency: 10, signals: ['angry_emoji'] });
    expect(signalsOf('🤬🤬')).toEqual(['angry_emoji']);
    expect(signalsOf('Merci 😀')).toEqual([]);
  });
});

describe('media, audience, verified accounts and repeat complaints', () => {
  it('weighs a video 15 and a photo 10; audio and files weigh nothing', () => {
    expect(triage('Regardez', { media: [{ kind: 'photo' }] })).toEqual({ urgency: 10, signals: ['media_photo'] });
    expect(triage('Regardez', { media: [{ kind: 'video' }, { kind: 'photo' }, { kind: 'photo' }] })).toEqual({ urgency: 25, signals: ['media_video', 'media_photo'] });
    expect(triage('Écoutez', { media: [{ kind: 'audio' }, { kind: 'file' }] })).toEqual({ urgency: 0, signals: [] });
  });

  it('counts the audience on a log scale, 5 points per power of ten above 10, 25 at most', () => {
    expect([null, 0, 10, 100, 1000, 3162, 10_000, 100_000, 1_000_000, 50_000_000].map(audiencePoints)).toEqual([0, 0, 0, 5, 10, 12, 15, 20, 25, 25]);
    expect(triage('Bonjour', { followers: 9_999 })).toEqual({ urgency: 15, signals: [] });
    expect(triage('Bonjour', { followers: 10_000 })).toEqual({ urgency: 15, signals: ['audience_large'] });
    expect(triage('Bonjour', { followers: 250_000 })).toEqual({ urgency: 22, signals: ['audience_large', 'audience_huge'] });
  });

  it('weighs a verified or press account 15', () => {
    expect(triage('Bonjour', { verified: true })).toEqual({ urgency: 15, signals: ['verified'] });
  });

  it('weighs 10 per earlier complaint, 20 at most', () => {
    expect(triage('Encore moi', { priorComplaints: 1 })).toEqual({ urgency: 10, signals: ['repeat'] });
    expect(triage('Encore moi', { priorComplaints: 2 }).urgency).toBe(20);
    expect(triage('Encore moi', { priorComplaints: 7 }).urgency).toBe(20);
  });
});

describe('the score', () => {
  it('is capped at 100 and reports the signals in their fixed order', () => {
    const result = triage('ARNAQUE TOTALE, VOUS ÊTES DES VOLEURS, MON AVOCAT ARRIVE !!! 😡', {
      media: [{ kind: 'video' }],
      followers: 1_000_000,
      verified: true,
      priorComplaints: 3,
    });
    expect(result.signals).toEqual(['legal_threat', 'anger', 'shouting', 'exclamations', 'angry_emoji', 'media_video', 'audience_large', 'audience_huge', 'verified', 'repeat']);
    expect(result.urgency).toBe(100);
  });

  it('is 0 for a calm question', () => {
    expect(triage('Bonjour, quels sont vos horaires samedi ?')).toEqual({ urgency: 0, signals: [] });
    expect(triage('Hi, what time do you open on Saturday?', { language: 'en' })).toEqual({ urgency: 0, signals: [] });
  });
});

describe('folding', () => {
  it('drops accents and case and straightens apostrophes', () => {
    expect(foldText('Ça NE marche PLUS, c’est ÉNERVANT')).toBe("ca ne marche plus, c'est enervant");
  });
});
