// How the service looks after a case beyond answering it: where disputes go, when the
// back-and-forth of a case calls for a warning, and when a solved case is checked on again.
// Parsed by config.ts with the rest of the environment.
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

export const careEnv = {
  /** The slug of the team that takes disputes (formal notices, chargebacks, lawyers). */
  COMPTOIR_DISPUTES_TEAM: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a team slug such as disputes').default('disputes'),
  /** Exchanges (turns of the conversation) from which the agent and the manager are warned. */
  COMPTOIR_EFFORT_THRESHOLD: int(2, 1000).default(6),
  /** Days after the closing message to ask whether all is still well; 0: never. */
  COMPTOIR_SURVEY_FOLLOW_UP_DAYS: int(0, 365).default(7),
};

type CareEnv = z.infer<z.ZodObject<typeof careEnv>>;

export interface CareConfig {
  disputesTeam: string;
  effortThreshold: number;
  followUpDays: number;
}

export function careConfig(e: CareEnv): CareConfig {
  return { disputesTeam: e.COMPTOIR_DISPUTES_TEAM, effortThreshold: e.COMPTOIR_EFFORT_THRESHOLD, followUpDays: e.COMPTOIR_SURVEY_FOLLOW_UP_DAYS };
}
