// Thanks and praise after a case is settled ("Chapeau le SAV !", "merci à vous"): a message
// that joins its case without reopening it, because nothing is left to do — it is the happy
// end the business wants to see (seed 002), not a new complaint. Pure; French and English,
// accent- and case-insensitive, whole words. A message with any complaint in it is not praise.
import { foldText, triageMessage } from './triage.ts';

const PRAISE_RE =
  /\b(merci|mercii+|bravo|chapeau|felicitations|genial|geniale|top|excellent|excellente|parfait|parfaite|impeccable|super|nickel|au top|ravi|ravie|thanks|thank you|thx|kudos|well done|great job|awesome|amazing|brilliant)\b/;
const COMPLAINT_SIGNALS = new Set(['legal_threat', 'anger', 'negative', 'angry_emoji']);

/** `signals`: the message's triage when the caller has it already (the pipeline does), else computed here. */
export function isPraise(text: string, signals?: readonly string[]): boolean {
  if (!PRAISE_RE.test(foldText(text))) return false;
  const found = signals ?? triageMessage({ text, media: [], followers: null, verified: false, priorComplaints: 0 }).signals;
  return !found.some((s) => COMPLAINT_SIGNALS.has(s));
}
