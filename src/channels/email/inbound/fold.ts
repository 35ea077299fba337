// Folding an e-mail's text: what the customer wrote this time stays visible; the history they
// quoted (every client quotes differently) and their signature are folded away, kept for agents.

/** Lines that start the quoted history, as French and English mail clients write them. */
const historyStarts: RegExp[] = [
  /^\s*Le .{4,200}(a|à) écrit\s*:\s*$/i, // Le lun. 2 mars 2026 à 10:00, SAV <sav@…> a écrit :
  /^\s*On .{4,200}wrote\s*:\s*$/i, // On Mon, 2 Mar 2026 at 10:00, SAV <sav@…> wrote:
  /^\s*-{2,}\s*(Original Message|Message d'origine|Message original|Forwarded message|Message transféré)\s*-{2,}\s*$/i,
  /^\s*_{10,}\s*$/, // Outlook's rule before "De : …"
  /^\s*(De|From)\s*:\s.+$/i, // Outlook header block: De : … / Envoyé : … / À : … / Objet : …
];

/** Lines that start a signature. */
const signatureStarts: RegExp[] = [
  /^-- ?$/, // RFC 3676 delimiter
  /^\s*(Envoyé de mon|Sent from my|Envoyé depuis|Obtenir Outlook pour)\b.*$/i,
];

const isQuoted = (line: string) => /^\s*>/.test(line);

/** The message split into what is new and what is folded (null when nothing is). */
export function foldReply(text: string): { visible: string; folded: string | null } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const outlookHeader = /^\s*(De|From)\s*:/i.test(line) && /^\s*(Envoyé|Sent|Date|À|To|Objet|Subject)\s*:/i.test(lines[i + 1] ?? '');
    const startsHistory = historyStarts.some((re) => re.test(line)) && (!/^\s*(De|From)\s*:/i.test(line) || outlookHeader);
    const quotedToEnd = isQuoted(line) && lines.slice(i).every((l) => isQuoted(l) || l.trim() === '');
    if (startsHistory || quotedToEnd || signatureStarts.some((re) => re.test(line))) {
      cut = i;
      break;
    }
  }
  const visible = lines.slice(0, cut).join('\n').trim();
  const folded = lines.slice(cut).join('\n').trim();
  // A message that is nothing but a quote (a forward without a word) keeps its text visible.
  if (!visible) return { visible: folded, folded: null };
  return { visible, folded: folded || null };
}
