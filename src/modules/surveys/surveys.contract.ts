// The surveys' shapes: the customer's answer (the survey page's form), a case's closings and
// answers, and the report over a period (CSAT average, NPS), shared with the web app.
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date, YYYY-MM-DD');
/** A form field left empty is not an answer. */
const optionalScore = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().min(min).max(max).optional());

export const surveyAnswerBody = z
  .object({
    csat: optionalScore(1, 5).describe('How satisfied with how the request was handled, 1 (not at all) to 5 (very)'),
    nps: optionalScore(0, 10).describe('How likely to recommend the brand, 0 (not at all) to 10 (certainly)'),
    comment: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(2000).optional()),
  })
  .refine((a) => a.csat !== undefined || a.nps !== undefined, { message: 'choose a score', path: ['csat'] });
export type SurveyAnswerInput = z.infer<typeof surveyAnswerBody>;

export const surveyAnswerSchema = z
  .object({
    csat: z.number().int().nullable(),
    nps: z.number().int().nullable(),
    comment: z.string().nullable(),
    language: z.enum(['fr', 'en']),
    answeredAt: instant,
  })
  .meta({ id: 'SurveyAnswer' });
export type SurveyAnswerDto = z.infer<typeof surveyAnswerSchema>;

export const caseSurveySchema = z
  .object({
    items: z.array(
      z.object({
        solvedAt: instant.describe('The solving the closing message followed'),
        closingSentAt: instant.nullable().describe('When the closing message with the survey was written (null: none, e.g. solved before surveys existed)'),
        followUpSentAt: instant.nullable().describe('When the follow-up check was written, if it was'),
        answer: surveyAnswerSchema.nullable(),
      }),
    ),
  })
  .meta({ id: 'CaseSurvey' });
export type CaseSurveyDto = z.infer<typeof caseSurveySchema>;

export const surveyReportQuery = z.strictObject({
  from: isoDate.optional().describe('First day (in the deployment’s time zone); default: 30 days before `to`'),
  to: isoDate.optional().describe('Last day, included; default: today'),
  brandId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Answers listed (latest first)'),
  cursor: z.string().max(500).optional(),
});
export type SurveyReportQuery = z.infer<typeof surveyReportQuery>;

export const surveyReportSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    answers: z.number().int(),
    csat: z.object({
      answers: z.number().int(),
      average: z.number().nullable().describe('1–5, two decimals; null without answers'),
      satisfied: z.number().nullable().describe('Share of 4 and 5, in percent, one decimal'),
      distribution: z.record(z.string(), z.number().int()).describe('Answers per score, "1" to "5"'),
    }),
    nps: z.object({
      answers: z.number().int(),
      score: z.number().nullable().describe('% promoters (9–10) − % detractors (0–6), −100 to 100, one decimal'),
      promoters: z.number().int(),
      passives: z.number().int(),
      detractors: z.number().int(),
    }),
    items: z.array(
      z.object({
        caseId: z.uuid(),
        caseNumber: z.string(),
        solvedAt: instant,
        csat: z.number().int().nullable(),
        nps: z.number().int().nullable(),
        comment: z.string().nullable(),
        answeredAt: instant,
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'SurveyReport' });
export type SurveyReportDto = z.infer<typeof surveyReportSchema>;
