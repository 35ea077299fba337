-- Hand-written: the indexes of the manager views (src/modules/workload/), which count every
-- open case in one statement. Checked with EXPLAIN ANALYZE on PostgreSQL at 1,000,000 cases
-- (docs/console/counter-and-manager.md): without them, three sequential scans of sav_case and
-- sla_clock; with them, index-only scans.
--
-- The open cases, with every column the workload reads (brand and store first: a manager
-- limited to some reads only theirs). Covering, so the count never visits the table.
CREATE INDEX "sav_case_workload_idx" ON "sav_case" USING btree ("brand_id", "store_id") INCLUDE ("id", "team_id", "assignee_id", "status", "created_at", "sla_due_at") WHERE status IN ('new', 'open', 'waiting_customer', 'waiting_third_party') AND merged_into_id IS NULL;--> statement-breakpoint
-- Deadlines missed and still unmet: what makes an open case "breached" once the sweep passed.
CREATE INDEX "sla_clock_unmet_breach_idx" ON "sla_clock" USING btree ("case_id") WHERE state = 'breached' AND achieved_at IS NULL;--> statement-breakpoint
-- Breaches by when they happened: "breaches today".
CREATE INDEX "sla_clock_breached_at_idx" ON "sla_clock" USING btree ("breached_at") WHERE breached_at IS NOT NULL;
