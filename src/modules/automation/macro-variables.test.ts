// The values of a macro's variables: which promise a case carries, the agent's first name,
// and empty values rather than "undefined" when the case lacks a fact.
import { describe, expect, it } from 'vitest';
import type { ClockDto } from '../sla/sla.contract.ts';
import { casePromise, macroValues } from './macro-variables.ts';

const clock = (metric: ClockDto['metric'], state: ClockDto['state'], deadline: string, fr: string, en: string) =>
  ({ metric, state, deadline, promise: { fr, en } }) as ClockDto;

const firstReply = clock('first_reply', 'active', '2026-04-07T17:00:00+02:00', 'au plus tard le mardi 7 avril 2026 à 17:00', 'by Tuesday 7 April 2026 at 17:00');
const resolution = clock('resolution', 'active', '2026-04-22T15:00:00+02:00', 'au plus tard le mercredi 22 avril 2026 à 15:00', 'by Wednesday 22 April 2026 at 15:00');

describe('casePromise', () => {
  it('is the running resolution first, else the earliest running deadline, else nothing', () => {
    expect(casePromise([firstReply, resolution], 'fr')).toBe('au plus tard le mercredi 22 avril 2026 à 15:00');
    expect(casePromise([firstReply, { ...resolution, state: 'paused' }], 'en')).toBe('by Tuesday 7 April 2026 at 17:00');
    const later = clock('next_reply', 'active', '2026-04-09T10:00:00+02:00', 'au plus tard le jeudi 9 avril 2026 à 10:00', 'x');
    expect(casePromise([later, firstReply], 'fr')).toBe('au plus tard le mardi 7 avril 2026 à 17:00');
    expect(casePromise([{ ...firstReply, state: 'achieved' }], 'fr')).toBe('');
  });
});

describe('macroValues', () => {
  it('fills every variable, with empty strings for missing facts', () => {
    const values = macroValues(
      { caseValues: { 'case.number': 'SAV-2026-000042', 'customer.name': 'Inès Moreau', 'store.name': '' }, customerFirstName: '  Inès ', clocks: [resolution], agentName: 'Camille  Martin' },
      'en',
    );
    expect(values).toEqual({
      'customer.firstName': 'Inès',
      'customer.name': 'Inès Moreau',
      'case.number': 'SAV-2026-000042',
      'case.subject': '',
      'case.product': '',
      'case.promise': 'by Wednesday 22 April 2026 at 15:00',
      'agent.firstName': 'Camille',
      'store.name': '',
      'brand.name': '',
      'tracking.url': '',
    });
    expect(macroValues({ caseValues: {}, customerFirstName: null, clocks: [], agentName: null }, 'fr')['agent.firstName']).toBe('');
  });
});
