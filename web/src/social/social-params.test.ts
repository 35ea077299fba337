import { describe, expect, it } from 'vitest';
import { dayStart, socialParamsOf } from './social-params.ts';

const team = '0195f000-0000-7000-8000-000000000001';
const store = '0195f000-0000-7000-8000-000000000002';

describe('the social inbox query from the URL', () => {
  it('shows what still needs an answer, angriest first, by default', () => {
    expect(socialParamsOf({})).toEqual({ sort: 'urgency', answered: 'false' });
    expect(socialParamsOf({ answered: 'all' })).toEqual({ sort: 'urgency' });
    expect(socialParamsOf({ answered: 'answered', sort: 'newest' })).toEqual({ sort: 'newest', answered: 'true' });
  });

  it('keeps the values the contract knows and drops the others', () => {
    expect(
      socialParamsOf({ answered: 'all', channel: 'x,fax,facebook', signal: 'anger,joy', minUrgency: '40', team, store: `${store},none,nope`, account: 'nope', sort: 'loudest' }),
    ).toEqual({ sort: 'urgency', channel: 'x,facebook', signal: 'anger', minUrgency: 40, teamId: team, storeId: `${store},none` });
    expect(socialParamsOf({ answered: 'all', minUrgency: '140', team: 'theirs' })).toEqual({ sort: 'urgency' });
  });

  it('turns days into the instants that bound them, the last day included', () => {
    expect(socialParamsOf({ answered: 'all', from: '2026-03-01', to: '2026-03-07' })).toEqual({
      sort: 'urgency',
      from: new Date(2026, 2, 1).toISOString(),
      to: new Date(2026, 2, 8).toISOString(),
    });
    expect(dayStart('1 mars')).toBeUndefined();
  });
});
