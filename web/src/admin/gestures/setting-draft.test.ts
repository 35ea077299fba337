import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { builtInLimits, builtInScale } from '../../../../src/modules/gestures/default-settings.ts';
import { authorityLimitsSchema, gestureScaleSchema } from '../../../../src/modules/gestures/gestures.contract.ts';
import { checkSettingDraft } from './setting-draft.ts';

const t = i18next.t.bind(i18next);

describe('checkSettingDraft', () => {
  it('accepts the built-in documents', () => {
    expect(checkSettingDraft(JSON.stringify(builtInLimits), authorityLimitsSchema, t)).toEqual({ ok: true, document: builtInLimits });
    expect(checkSettingDraft(JSON.stringify(builtInScale), gestureScaleSchema, t).ok).toBe(true);
  });
  it('says when the text is not JSON', () => {
    expect(checkSettingDraft('{ "currency": ', authorityLimitsSchema, t)).toMatchObject({ ok: false, syntax: expect.any(String) });
  });
  it('names the field in error', () => {
    const check = checkSettingDraft(JSON.stringify({ ...builtInScale, repeatWithinMonths: 0 }), gestureScaleSchema, t);
    expect(check.ok).toBe(false);
    expect(Object.keys((check as { errors: Record<string, string> }).errors)).toEqual(['repeatWithinMonths']);
  });
});
