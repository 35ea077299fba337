// Finding words in what people write, the way a reader would: accents and case do not matter
// ("arnaqué", "ARNAQUE" and "arnaque" are one word), and a word is only found whole, so
// "avocat" is not found inside "avocatier". Used by the social triage, the dispute signals and
// the refusal detector, which each keep their own lexicon, written on folded text.

/** Lower case, accents removed, typographic apostrophes straightened, spaces collapsed. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ');
}

/**
 * One expression for a lexicon: each term is a regular expression fragment; a boundary is
 * anything but a letter or a digit ("#fail" and "arnaque!" match, "désarnaquer" does not).
 */
export function wordsPattern(terms: readonly string[], flags = 'u'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.join('|')})(?![\\p{L}\\p{N}])`, flags);
}
