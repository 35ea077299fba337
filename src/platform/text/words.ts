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

/**
 * The text folded as `foldText` does, with, for each folded character, where it came from in
 * the text: so words found on the folded text can be shown as the person wrote them.
 */
function foldWithOffsets(text: string): { folded: string; from: number[]; to: number[] } {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const end = i + ch.length;
    const piece = /\s/.test(ch) ? (folded.endsWith(' ') ? '' : ' ') : foldText(ch);
    // A character folded away (an accent written apart, a second space) belongs to the one before.
    if (piece === '' && to.length) to[to.length - 1] = end;
    for (const c of piece) {
      folded += c;
      from.push(i);
      to.push(end);
    }
    i = end;
  }
  return { folded, from, to };
}

/** Every match of a `wordsPattern` (made with the g flag) in the text, as written there. */
export function findAsWritten(text: string, pattern: RegExp): string[] {
  const { folded, from, to } = foldWithOffsets(text);
  return [...folded.matchAll(pattern)].map((m) => text.slice(from[m.index]!, to[m.index + m[0].length - 1]!));
}
