// The domain events services emit (see platform/events/domain-events.ts). They carry ids
// and the routing facts a listener needs to filter (brand, store, team, visibility), never
// message bodies: listeners load what they need, with the reader's permissions.
export type DomainEvent =
  | {
      type: 'case.created';
      caseId: string;
      number: string;
      channel: string;
      customerId: string;
      brandId: string;
      storeId: string | null;
      teamId: string | null;
      at: string;
    }
  | {
      /** A timeline event was appended to a case (messages, notes, changes…). */
      type: 'case.timeline';
      caseId: string;
      eventId: string;
      eventType: string;
      visibility: 'public' | 'internal';
      /** Who wrote it: listeners answer people, not themselves (no loops). */
      actorType: 'user' | 'customer' | 'system' | 'integration';
      brandId: string;
      storeId: string | null;
      teamId: string | null;
      assigneeId: string | null;
      at: string;
    }
  | { type: 'customer.merged'; survivorId: string; mergedId: string; at: string }
  /** Cases of one customer merged into a survivor (closed, their messages copied onto it). */
  | { type: 'case.merged'; survivorId: string; mergedIds: string[]; brandId: string; at: string }
  /** Customer messages of a case split off into a new case. */
  | { type: 'case.split'; sourceId: string; caseId: string; eventIds: string[]; brandId: string; at: string }
  /** A message brought an identity another customer owns: an agent decides whether they are one person. */
  | { type: 'customer.merge_suggested'; suggestionId: string; customerIds: [string, string]; at: string }
  | {
      /** An SLA clock is about to pass its deadline (warned) or has passed it (breached). */
      type: 'sla.warned' | 'sla.breached';
      caseId: string;
      metric: 'first_reply' | 'next_reply' | 'resolution';
      deadline: string;
      /** Breaches whose policy says to e-mail the team lead. */
      notifyLead: boolean;
      teamId: string | null;
      assigneeId: string | null;
      at: string;
    };

export type DomainEventType = DomainEvent['type'];
