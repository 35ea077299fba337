// PDF's standard fonts (Helvetica, built into every reader, so tickets embed no font file)
// only have the Windows-1252 characters. French text is all there (é, ç, œ, «, », ’, €), but
// Intl and copied text bring spaces and dashes that are not (U+202F before a French "?",
// U+2011…): they are written as their nearest Windows-1252 twin, anything else as "?", never
// as a wrong glyph.
const twins: Record<string, string> = {
  '\u202f': ' ', '\u2009': ' ', '\u2007': ' ', '\u2002': ' ', '\u2003': ' ', '\u200b': '',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2212': '-', '\u2032': "'", '\u2033': '"', '\u2026': '...',
};

// The 27 characters Windows-1252 puts where Latin-1 has control codes (0x80–0x9F).
const extra = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0)!;
    if (ch === '\n' || ch === '\t' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || extra.has(ch)) out += ch;
    else out += twins[ch] ?? '?';
  }
  return out;
}
