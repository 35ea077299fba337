-- Messages Comptoir writes itself (acknowledgments, notices) leave the full-text index: their
-- boilerplate matched every search and indexing it doubled the database's cost of a new case.
-- Dropping the generated column drops its index and its statistics target: both come back.
ALTER TABLE "case_event" drop column "search";--> statement-breakpoint
ALTER TABLE "case_event" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (CASE WHEN body_text IS NOT NULL AND actor_type <> 'system' THEN to_tsvector('comptoir_fr'::regconfig, coalesce(data ->> 'subject', '') || ' ' || body_text) || to_tsvector('comptoir_en'::regconfig, coalesce(data ->> 'subject', '') || ' ' || body_text) END) STORED;--> statement-breakpoint
CREATE INDEX "case_event_search_idx" ON "case_event" USING gin ("search");--> statement-breakpoint
ALTER TABLE "case_event" ALTER COLUMN "search" SET STATISTICS 1000;
