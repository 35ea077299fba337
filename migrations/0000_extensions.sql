-- Extensions and text-search configurations the schema relies on. Both are available on
-- PostgreSQL >= 13 (trusted extensions) and bundled with PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
-- Accent-insensitive French and English full-text configurations: "réparation" and
-- "reparation" give the same lexeme.
CREATE TEXT SEARCH CONFIGURATION comptoir_fr (COPY = pg_catalog.french);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION comptoir_fr ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION comptoir_en (COPY = pg_catalog.english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION comptoir_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
--> statement-breakpoint
-- Case numbers: one sequence per year (case_number_2026, …), created on first use. A sequence
-- never hands out a number twice, even across rollbacks, and never makes concurrent
-- transactions wait on each other the way a counter row would.
CREATE OR REPLACE FUNCTION comptoir_next_case_seq(p_year integer) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  seq_name text := 'case_number_' || p_year;
BEGIN
  IF to_regclass(seq_name) IS NULL THEN
    BEGIN
      EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I', seq_name);
    EXCEPTION WHEN unique_violation OR duplicate_table THEN
      NULL; -- created meanwhile by a concurrent transaction
    END;
  END IF;
  RETURN nextval(seq_name);
END
$$;
