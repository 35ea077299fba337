import { describe, expect, it } from 'vitest';
import { requestOfReason } from './case-request.ts';

describe('the question a case asks the rulebook', () => {
  it.each([
    ['return', 'withdrawal'],
    ['delivery', 'late_delivery'],
    ['breakdown', 'defect'],
    ['usage', 'defect'],
    ['billing', 'defect'],
    ['other', 'defect'],
    ['a-reason-an-admin-added', 'defect'],
    [null, 'defect'],
  ])('reason %s asks about %s', (reason, request) => {
    expect(requestOfReason(reason)).toBe(request);
  });
});
