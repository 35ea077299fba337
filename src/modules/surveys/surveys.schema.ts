// The customers' answers to the satisfaction survey offered with the closing message: CSAT
// (1–5, how their request was handled) and NPS (0–10, would they recommend the brand), with
// an optional comment. One answer per closing: a case reopened and solved again is asked again.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { instant } from '../../platform/db/columns.ts';
import { caseEvent, savCase } from '../cases/cases.schema.ts';

export const surveyResponse = pgTable(
  'survey_response',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => savCase.id),
    /** When the case was solved: which closing the survey came with (its link says so). */
    solvedAt: instant('solved_at').notNull(),
    csat: smallint('csat'),
    nps: smallint('nps'),
    comment: text('comment'),
    /** The language the customer answered in (the page's). */
    language: text('language', { enum: ['fr', 'en'] }).notNull(),
    /** The survey_answered event on the case's timeline. */
    eventId: uuid('event_id').references(() => caseEvent.id),
    answeredAt: instant('answered_at').notNull(),
  },
  (t) => [
    uniqueIndex('survey_response_case_round_key').on(t.caseId, t.solvedAt),
    index('survey_response_answered_idx').on(t.answeredAt),
    check('survey_response_csat_range', sql`${t.csat} BETWEEN 1 AND 5`),
    check('survey_response_nps_range', sql`${t.nps} BETWEEN 0 AND 10`),
    check('survey_response_answered', sql`${t.csat} IS NOT NULL OR ${t.nps} IS NOT NULL`),
  ],
);
