// Which timeline events the customer hears about: people's public replies and step changes,
// never the system's own messages (an acknowledgment must not announce itself: no loops).
import { describe, expect, it } from 'vitest';
import { isCustomerNews } from './timeline-notices.ts';

const event = (over: Partial<Parameters<typeof isCustomerNews>[0]>) =>
  isCustomerNews({ type: 'case.timeline', caseId: 'c', eventId: 'e', eventType: 'message_out', visibility: 'public', actorType: 'user', brandId: 'b', storeId: null, teamId: null, assigneeId: null, at: '', ...over });

describe('customer news', () => {
  it('are an agent’s public reply and a step change', () => {
    expect(event({})).toBe(true);
    expect(event({ eventType: 'step_changed', actorType: 'system' })).toBe(true);
  });

  it('are never a note, an internal change, a customer’s own message or a system message', () => {
    expect(event({ visibility: 'internal' })).toBe(false);
    expect(event({ eventType: 'note', visibility: 'internal' })).toBe(false);
    expect(event({ eventType: 'message_in', actorType: 'customer' })).toBe(false);
    expect(event({ actorType: 'system' })).toBe(false);
    expect(event({ eventType: 'status_changed' })).toBe(false);
  });
});
