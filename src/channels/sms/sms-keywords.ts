// The words that unsubscribe a number from our SMS, and those that subscribe it again. The
// carriers' rule, which Twilio applies on its side (error 21610 afterwards), is a message that
// is only the keyword — "STOP", not "stop sending me that" — in any case, so only a whole
// message counts, its spaces and end punctuation aside.
//
// Opt-out: Twilio's default list (STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE,
// OPTOUT), the French words Twilio also honours (ARRET, ARRETE, ARRETT; accents aside, so
// ARRÊT and ARRÊTE too), and the French carriers' "STOP SMS" (the mention "STOP SMS au 36xxx"
// customers copy) with its twin "STOP ALL". Opt-in: Twilio's START, UNSTOP and YES. French
// carriers have no opt-in word of their own: a French customer sends START, as their STOP
// replies say. A Messaging Service with Advanced Opt-Out may add words of any language; Twilio
// then says which list a message matched in the OptOutType field, and that is believed.
// Pure functions.

const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'REVOKE', 'OPTOUT', 'ARRET', 'ARRETE', 'ARRETT', 'STOP SMS', 'STOP ALL']);
const OPT_IN = new Set(['START', 'UNSTOP', 'YES']);
/**
 * Opt-in words that are also an answer ("yes" to an agent's question): they lift an opt-out
 * when there is one, and are an ordinary message from a number that is subscribed.
 */
const ALSO_AN_ANSWER = new Set(['YES']);

export interface SmsKeyword {
  action: 'stop' | 'start';
  /** As the customer wrote it, trimmed (what the opt-out records). */
  keyword: string;
  /** An opt-in word that, from a subscribed number, is just a message (YES, a word only Twilio's list knows). */
  alsoAnAnswer: boolean;
}

/** The message as a keyword compares: accents, case, surrounding spaces and end punctuation aside. */
export function keywordForm(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/^[\s"'«»“”.!?]+|[\s"'«»“”.!?]+$/gu, '')
    .replace(/\s+/g, ' ')
    .toUpperCase();
}

/** What a whole inbound SMS asks of our sending, or null for a message like any other. */
export function smsKeyword(body: string, optOutType: string | null = null): SmsKeyword | null {
  const keyword = body.trim();
  const word = keywordForm(body);
  const flagged = optOutType?.trim().toUpperCase() ?? '';
  if (flagged === 'STOP' || OPT_OUT.has(word)) return { action: 'stop', keyword, alsoAnAnswer: false };
  if (OPT_IN.has(word)) return { action: 'start', keyword, alsoAnAnswer: ALSO_AN_ANSWER.has(word) };
  // A word of the Messaging Service's own list (Advanced Opt-Out: "OUI", "JA"…).
  if (flagged === 'START') return { action: 'start', keyword, alsoAnAnswer: true };
  return null;
}
