-- Hand-written (drizzle cannot say INCLUDE). The inbox counts every view of a user's sidebar
-- in one scan of their open cases (src/modules/views/views.counts.ts): this partial index
-- holds every open case with every column a view filters on, so the scan reads the index
-- alone (an index-only scan) instead of the wide case rows. Keyed by brand and store, the
-- scope of most users. The manager views' workload (src/modules/workload/) reads the same
-- index: one index of open cases for both, not two to write on every new case.
CREATE INDEX "sav_case_open_counts_idx" ON "sav_case" USING btree ("brand_id", "store_id")
  INCLUDE ("id", "status", "channel", "team_id", "assignee_id", "sla_due_at", "sla_breached_at", "priority", "reason_id", "step_id", "language", "tags", "created_at", "last_activity_at")
  WHERE status IN ('new', 'open', 'waiting_customer', 'waiting_third_party') AND merged_into_id IS NULL;
--> statement-breakpoint
-- Cases whose clocks were breached before sav_case.sla_breached_at existed.
UPDATE "sav_case" c SET "sla_breached_at" = b.at
  FROM (SELECT case_id, min(breached_at) AS at FROM sla_clock WHERE state = 'breached' AND achieved_at IS NULL GROUP BY case_id) b
  WHERE b.case_id = c.id;
