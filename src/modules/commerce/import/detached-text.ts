// A cell's text as a string of its own. The CSV parser hands out fields sliced from the decoded
// chunk they came in (64 KB of text, twice that once a "€" makes it two-byte), and V8 keeps a
// slice's whole parent alive: a cache keyed by a few thousand e-mail addresses held hundreds of
// chunks — 20 to 40 MB of the file — for the length of an import. What outlives its batch
// (cache keys and values) is copied with this; everything else stays a cheap slice.

/**
 * Equal to `text`, without a reference to the string it was sliced from: prepending a character
 * makes a concatenation, slicing that flattens it into a new string only as long as `text`.
 */
export function detachedText(text: string): string {
  return ` ${text}`.slice(1);
}
