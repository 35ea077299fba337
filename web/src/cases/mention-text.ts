// The text side of @mentions in a note: the "@que" being typed at the caret, the text once
// a colleague is chosen ("@Bruno Petit "), and which chosen colleagues the text still names.

/** The mention being typed just before the caret: where its "@" is and what follows it. */
export function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|\s)@([\p{L}\p{N}._'-]{0,40})$/u.exec(before);
  if (!m) return null;
  return { start: caret - m[2]!.length - 1, query: m[2]! };
}

/** Replaces the typed "@que" with "@Full Name " and gives the caret after it. */
export function insertMention(text: string, start: number, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@${name} `;
  return { text: text.slice(0, start) + inserted + text.slice(caret), caret: start + inserted.length };
}

/** The chosen colleagues whose "@Name" is still in the text (deleting it un-mentions them). */
export function mentionedIn(text: string, chosen: ReadonlyMap<string, string>): string[] {
  return [...chosen].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id);
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Colleagues whose name or e-mail contains what was typed, best matches (name start) first. */
export function matchColleagues<T extends { name: string; email: string }>(users: readonly T[], query: string, max = 8): T[] {
  const q = fold(query);
  const starts = users.filter((u) => fold(u.name).split(/\s+/).some((w) => w.startsWith(q)));
  const contains = users.filter((u) => !starts.includes(u) && (fold(u.name).includes(q) || fold(u.email).includes(q)));
  return [...starts, ...contains].slice(0, max);
}
