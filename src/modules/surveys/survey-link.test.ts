import { describe, expect, it } from 'vitest';
import { readSurveyToken, surveyToken, surveyUrl } from './survey-link.ts';

const config = (key: number) => ({ secretKey: Buffer.alloc(32, key), http: { host: '', port: 0, publicUrl: 'https://sav.jardin-maison.fr/', trustProxy: false, bodyLimit: 0, cookieSecure: true } });
const ctx = { config: config(7) } as Parameters<typeof surveyToken>[0];
const round = { caseId: '0196b2a4-6f1e-7c3a-9d2e-5b8f4a1c7e90', solvedAt: new Date('2026-04-07T15:00:00.123Z') };

describe('the survey link', () => {
  it('names the case and the solving it came with, and only the server can make it', () => {
    const token = surveyToken(ctx, round);
    expect(token).toMatch(/^[\w-]{22}[0-9a-z]+\.[\w-]{43}$/);
    expect(readSurveyToken(ctx, token)).toEqual(round);
    expect(surveyUrl(ctx, round)).toBe(`https://sav.jardin-maison.fr/s/${token}`);
    expect(surveyUrl(ctx, round).length).toBeLessThanOrEqual(110);
  });

  it('refuses a token changed by one character, another key’s, or anything else', () => {
    const token = surveyToken(ctx, round);
    const other = { ...round, solvedAt: new Date(round.solvedAt.getTime() + 1) };
    const forged = surveyToken(ctx, other).split('.')[0] + '.' + token.split('.')[1];
    expect(readSurveyToken(ctx, forged)).toBeNull();
    expect(readSurveyToken({ config: config(8) } as typeof ctx, token)).toBeNull();
    expect(readSurveyToken(ctx, 'q7Rk2mZp9TfWcX4bN8eLdA1sYhJ6uV0oGiK3nM5rB2w')).toBeNull();
    expect(readSurveyToken(ctx, '')).toBeNull();
  });
});
