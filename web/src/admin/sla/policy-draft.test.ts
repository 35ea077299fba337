// The SLA policy form's conversions and the order of policies.
import { describe, expect, it } from 'vitest';
import type { SlaPolicy } from '../admin.api.ts';
import { policyBody, policyValues, reordered } from './policy-draft.ts';

const standard: SlaPolicy = {
  id: 'p2',
  name: 'Standard',
  position: 20,
  active: true,
  conditions: { priorities: ['low', 'normal'] },
  targets: { firstReply: { businessDays: 2 }, resolution: { businessHours: 120 } },
  calendarId: null,
  pausingStatuses: ['waiting_customer'],
  warnBeforeMinutes: 30,
  escalation: { notifyLead: true, raisePriority: false, moveToTeamId: null },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('policy form values', () => {
  it('reads targets as a unit and an amount, and writes back only the metrics that have one', () => {
    const values = policyValues(standard);
    expect(values.targets).toEqual({ firstReply: { unit: 'businessDays', amount: 2 }, nextReply: { unit: '', amount: '' }, resolution: { unit: 'businessHours', amount: 120 } });
    expect(policyBody(values)).toEqual({
      name: 'Standard',
      active: true,
      conditions: { priorities: ['low', 'normal'] },
      targets: { firstReply: { businessDays: 2 }, resolution: { businessHours: 120 } },
      calendarId: null,
      pausingStatuses: ['waiting_customer'],
      warnBeforeMinutes: 30,
      escalation: { notifyLead: true, raisePriority: false, moveToTeamId: null },
    });
  });

  it('leaves an empty amount out, so the contract says it is required', () => {
    const values = policyValues(null);
    values.targets.firstReply = { unit: 'businessHours', amount: '' };
    expect(policyBody(values).targets).toEqual({ firstReply: { businessHours: undefined } });
    expect(policyBody(values).conditions).toEqual({});
  });
});

describe('moving a policy', () => {
  const list = [
    { id: 'a', position: 10 },
    { id: 'b', position: 20 },
    { id: 'c', position: 20 },
  ];
  it('renumbers from 10 and sends only what changed', () => {
    expect(reordered(list, 2, 0)).toEqual([
      ['c', 10],
      ['a', 20],
      ['b', 30],
    ]);
    expect(reordered(list, 0, 1)).toEqual([
      ['b', 10],
      ['a', 20],
      ['c', 30],
    ]);
  });
  it('changes nothing for a move out of the list', () => {
    expect(reordered(list, 5, 0)).toEqual([]);
  });
});
