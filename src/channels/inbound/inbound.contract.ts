// The inbound queue's shapes.

/**
 * received: stored, waiting for its job; processed: on a case; ignored: kept but deliberately
 * not turned into a message (our own mail coming back, a duplicate…), with the reason;
 * failed: the job gave up, with the reason (an admin can retry it).
 */
export const inboundStates = ['received', 'processed', 'ignored', 'failed'] as const;
export type InboundState = (typeof inboundStates)[number];
