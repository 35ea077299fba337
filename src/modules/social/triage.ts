// Triage of a social message: how urgently a community manager should look at it, and why.
// The score is a weighted sum of independent signals, capped at 100, so a reader can always
// say where a number comes from (docs/social-inbox.md has the table). Pure: the pipeline
// passes what it knows of the message and its author; nothing here reads the database.
//
// Words are matched accent- and case-insensitively ("arnaqué", "ARNAQUE" and "arnaque" are one
// word) and on word boundaries, so "arnaque" is not found inside another word. Negation is
// deliberately not parsed: "ce n'est pas une arnaque ?" still raises `anger`, because the word
// being said in public is what a community manager must see, whatever the grammar around it.
import { foldText, wordsPattern } from '../../platform/text/words.ts';
import { disputeEnglishOnlyTerms, disputeTerms } from '../disputes/dispute-signals.ts';
import { socialSignals, type SocialSignal } from './social.contract.ts';

export { foldText };

export type TriageSignal = SocialSignal;

/** Every signal, in the order they are reported (the contract holds the list, for the web app too). */
export const TRIAGE_SIGNALS = socialSignals;

/** Points per signal. Audience and repeats are graded, see below. */
export const TRIAGE_WEIGHTS = {
  legal_threat: 30,
  anger: 25,
  negative: 15,
  shouting: 10,
  exclamations: 5,
  angry_emoji: 10,
  media_video: 15,
  media_photo: 10,
  verified: 15,
  /** Per earlier complaint of the same customer, up to `repeatMax`. */
  repeatEach: 10,
  repeatMax: 20,
  /** 5 points per power of ten of followers above 10 (100 → 5, 1,000 → 10 … 1,000,000 → 25), up to `audienceMax`. */
  audiencePerDecade: 5,
  audienceMax: 25,
} as const;

/** Followers from which the author's audience is a signal of its own. */
export const AUDIENCE_LARGE = 10_000;
export const AUDIENCE_HUGE = 100_000;

export interface TriageInput {
  text: string;
  language?: 'fr' | 'en' | null;
  media: { kind: 'photo' | 'video' | 'audio' | 'file' }[];
  followers: number | null;
  verified: boolean;
  /** The same customer's earlier complaints (cases opened before this one). */
  priorComplaints: number;
}

export interface Triage {
  urgency: number;
  signals: TriageSignal[];
}

// Lexicons, written on folded text (lower case, no accents). Each entry is a regular expression
// fragment matched between word boundaries; endings are spelled out so inflections match
// ("arnaqué", "arnaques", "arnaqueurs") and nothing else does.
const ANGER = [
  // French
  'arnaqu(?:e|es|er|ee|ees|eur|eurs|euse|euses)',
  'escro(?:c|cs|querie|queries)',
  'voleu(?:r|rs|se|ses)',
  'scandal(?:e|es|eux|euse|euses)',
  'hont(?:e|eux|euse|euses)',
  'inadmissible(?:s)?',
  'plus jamais',
  'jamais plus',
  'remboursez(?:-moi| moi)?',
  'foutage de gueule',
  'se fout(?:ent)? (?:de|du) (?:la gueule|nous|moi|monde)',
  // English (also used as-is in French posts)
  '#fail',
  'never again',
  'scam(?:s|med|mer|mers)?',
  'worst',
  'disgrace(?:ful)?',
  'rip ?-?off(?:s)?',
  'fraud(?:s|ulent)?',
  'thie(?:f|ves)',
  'shameful',
  'refund me',
  'what a joke',
] as const;

const NEGATIVE = [
  // French
  'decu(?:e|s|es)?',
  'decevant(?:e|s|es)?',
  'nul(?:s|le|les)?',
  'lamentable(?:s)?',
  'pitoyable(?:s)?',
  'minable(?:s)?',
  'deplorable(?:s)?',
  'inacceptable(?:s)?',
  'catastroph(?:e|es|ique|iques)',
  'mecontent(?:e|s|es)?',
  'inutilisable(?:s)?',
  'defectueu(?:x|se|ses)',
  'en panne',
  'ne (?:marche|fonctionne) (?:pas|plus)',
  'toujours (?:pas|rien)',
  '(?:aucune|pas de|sans) reponse',
  "n'importe quoi",
  // English
  'disappoint(?:ed|ing)',
  'terrible',
  'awful',
  'horrible(?:s)?',
  'useless',
  'broken',
  'faulty',
  'defective',
  'unacceptable',
  'pathetic',
  'rubbish',
  'fed up',
  'still waiting',
  'no (?:answer|reply|response)',
  'not working',
  "(?:doesn't|does not|don't|won't) work",
] as const;

// Legal threats: everything that makes a dispute (formal notices, chargebacks, the consumer
// office, lawyers, courts: disputes/dispute-signals.ts), plus what is only said in public —
// a complaint filed, a consumer magazine called in.
const LEGAL = [
  ...disputeTerms,
  'plaintes?',
  'que choisir',
  '60 millions(?: de consommateurs)?',
  'soixante millions de consommateurs',
] as const;

const ANGRY_EMOJI = /[\u{1F620}\u{1F621}\u{1F624}\u{1F92C}\u{1F47F}\u{1F4A2}\u{1F595}]/u;
const REPEATED_MARKS = /[!?](?:\s?[!?]){2,}/;

const ANGER_RE = wordsPattern(ANGER);
const NEGATIVE_RE = wordsPattern(NEGATIVE);
const LEGAL_RE = wordsPattern(LEGAL);
const LEGAL_EN_RE = wordsPattern(disputeEnglishOnlyTerms);

/**
 * Shouting is a sustained share of words in capitals, not one acronym: at least 3 words of two
 * letters or more written in capitals, making at least 40 % of such words. Links, @handles and
 * #hashtags are left out (handles are often in capitals, and are not the customer's voice).
 */
export function isShouting(text: string): boolean {
  const words = text
    .replace(/https?:\/\/\S+/gu, ' ')
    .replace(/[@#][\p{L}\p{N}_]+/gu, ' ')
    .match(/\p{L}{2,}/gu);
  if (!words) return false;
  const shouted = words.filter((w) => w === w.toUpperCase() && w !== w.toLowerCase()).length;
  return shouted >= 3 && shouted / words.length >= 0.4;
}

/** 0 for 10 followers or fewer, 5 per power of ten beyond, 25 at most. */
export function audiencePoints(followers: number | null): number {
  if (followers === null || followers <= 10) return 0;
  const points = Math.round(TRIAGE_WEIGHTS.audiencePerDecade * (Math.log10(followers) - 1));
  return Math.min(TRIAGE_WEIGHTS.audienceMax, Math.max(0, points));
}

export function triageMessage(input: TriageInput): Triage {
  const folded = foldText(input.text);
  const found = new Set<TriageSignal>();

  const legal = LEGAL_RE.test(folded) || (input.language !== 'fr' && LEGAL_EN_RE.test(input.text.toLowerCase()));
  if (legal) found.add('legal_threat');
  if (ANGER_RE.test(folded)) found.add('anger');
  if (NEGATIVE_RE.test(folded)) found.add('negative');
  if (isShouting(input.text)) found.add('shouting');
  if (REPEATED_MARKS.test(input.text)) found.add('exclamations');
  if (ANGRY_EMOJI.test(input.text)) found.add('angry_emoji');
  if (input.media.some((m) => m.kind === 'video')) found.add('media_video');
  if (input.media.some((m) => m.kind === 'photo')) found.add('media_photo');
  if ((input.followers ?? 0) >= AUDIENCE_LARGE) found.add('audience_large');
  if ((input.followers ?? 0) >= AUDIENCE_HUGE) found.add('audience_huge');
  if (input.verified) found.add('verified');
  if (input.priorComplaints > 0) found.add('repeat');

  const w = TRIAGE_WEIGHTS;
  let score = audiencePoints(input.followers);
  for (const signal of found) {
    switch (signal) {
      case 'legal_threat':
      case 'anger':
      case 'negative':
      case 'shouting':
      case 'exclamations':
      case 'angry_emoji':
      case 'media_video':
      case 'media_photo':
      case 'verified':
        score += w[signal];
        break;
      case 'repeat':
        score += Math.min(w.repeatMax, w.repeatEach * input.priorComplaints);
        break;
      // The audience signals only name what audiencePoints already counted.
      case 'audience_large':
      case 'audience_huge':
        break;
    }
  }
  return {
    urgency: Math.min(100, score),
    signals: TRIAGE_SIGNALS.filter((s) => found.has(s)),
  };
}
