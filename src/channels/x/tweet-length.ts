// How long X finds a tweet, by its own rule (twitter-text v3, "weighted length"): the text
// normalised to NFC, each code point of Latin, Greek, Cyrillic, Hebrew, Arabic… and common
// punctuation counts 1, any other (CJK, most symbols) 2, an emoji 2 whatever it is made of,
// and every link 23 whatever its length (X shortens it to t.co). 280 is the most a tweet may
// weigh. Links are found by their scheme only: a bare domain X would link as well is counted
// by its letters, so a tweet at the edge may still be refused by X, in its own words.

export const MAX_TWEET_WEIGHT = 280;
const LINK_WEIGHT = 23;

/** Code point ranges that weigh 1 (twitter-text v3's configuration); anything else weighs 2. */
const LIGHT: [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];

const LINK = /https?:\/\/[^\s<>"]+/giu;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function weightOf(text: string): number {
  let weight = 0;
  for (const { segment } of graphemes.segment(text)) {
    if (EMOJI.test(segment)) {
      weight += 2;
      continue;
    }
    for (const char of segment) {
      const cp = char.codePointAt(0)!;
      weight += LIGHT.some(([from, to]) => cp >= from && cp <= to) ? 1 : 2;
    }
  }
  return weight;
}

export function tweetWeight(text: string): number {
  const normal = text.normalize('NFC');
  const links = normal.match(LINK) ?? [];
  return weightOf(normal.replace(LINK, '')) + links.length * LINK_WEIGHT;
}
