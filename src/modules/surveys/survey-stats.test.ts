import { describe, expect, it } from 'vitest';
import { netPromoterScore, summariseCsat } from './survey-stats.ts';

describe('CSAT', () => {
  it('averages the scores and gives the share of 4 and 5', () => {
    expect(summariseCsat([5, 4, 3, 5, 1])).toEqual({ answers: 5, average: 3.6, satisfied: 60, distribution: { '1': 1, '2': 0, '3': 1, '4': 1, '5': 2 } });
    expect(summariseCsat([5, 4, 4])).toMatchObject({ average: 4.33, satisfied: 100 });
    expect(summariseCsat([2, 3, 4])).toMatchObject({ average: 3, satisfied: 33.3 });
  });

  it('has no average without answers', () => {
    expect(summariseCsat([])).toEqual({ answers: 0, average: null, satisfied: null, distribution: { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 } });
  });
});

describe('NPS', () => {
  it('is the percentage of promoters (9–10) minus that of detractors (0–6)', () => {
    expect(netPromoterScore([10, 9, 8, 7, 6, 0])).toEqual({ answers: 6, score: 0, promoters: 2, passives: 2, detractors: 2 });
    expect(netPromoterScore([10, 10, 9, 7])).toMatchObject({ score: 75 });
    expect(netPromoterScore([0, 3, 6])).toMatchObject({ score: -100 });
    expect(netPromoterScore([9, 8, 5])).toMatchObject({ score: 0, passives: 1 });
    expect(netPromoterScore([10, 8, 8])).toMatchObject({ score: 33.3 });
  });

  it('has no score without answers', () => {
    expect(netPromoterScore([])).toEqual({ answers: 0, score: null, promoters: 0, passives: 0, detractors: 0 });
  });
});
