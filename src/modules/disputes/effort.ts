// Customer effort: how much back-and-forth a case has cost the customer. Seed 004 took 37
// e-mails and two calls to reach a refusal; the agent and their manager must hear about it
// long before, at a threshold (6 exchanges by default, COMPTOIR_EFFORT_THRESHOLD), and again
// each time the case goes as far again (12, 18…), once per crossing.
//
// An exchange is a turn of the conversation: the customer's consecutive messages are one turn
// (three e-mails in a row before an answer are one wait, not three), an agent's consecutive
// replies another, and a phone call is a turn of its own. Messages Comptoir writes itself
// (acknowledgments, step news, the closing) cost the customer nothing and are not counted; nor
// are internal notes. So the count is at most customerMessageCount + agentMessageCount + calls,
// and equals it when every message is answered by the other side. Pure.

export type TurnSide = 'customer' | 'agent' | 'call';

/** The turns of a conversation, from its messages and calls in time order. */
export function countExchanges(sides: readonly TurnSide[]): number {
  let turns = 0;
  let previous: TurnSide | null = null;
  for (const side of sides) {
    if (side === 'call' || side !== previous) turns++;
    previous = side;
  }
  return turns;
}

/** How many times the case has gone `threshold` exchanges far: 0 below it, 1 from it, 2 from twice it… */
export function effortLevel(exchanges: number, threshold: number): number {
  return threshold > 0 ? Math.floor(exchanges / threshold) : 0;
}

/** The level to warn about now, or null when it was warned about already (or none is reached). */
export function effortWarningDue(exchanges: number, threshold: number, warnedLevel: number): number | null {
  const level = effortLevel(exchanges, threshold);
  return level > warnedLevel ? level : null;
}
