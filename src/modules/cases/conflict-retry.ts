// Writes that no person is there to redo (a customer's message, a customer's choice) are
// tried again when an agent changed the case at the same moment (commitChange's
// compare-and-set refused them): each try reads the case afresh.
import { AppError, type ErrorCode } from '../../platform/errors.ts';

/** `codes`: what counts as "changed meanwhile" (add precondition_failed for writes sent with the version read). */
export async function retryOnConflict<T>(attempt: () => Promise<T>, tries = 3, codes: readonly ErrorCode[] = ['conflict']): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n < tries && error instanceof AppError && codes.includes(error.code)) continue;
      throw error;
    }
  }
}
