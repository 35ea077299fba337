-- Hand-written: the indexes of the manager views (src/modules/workload/), which count every
-- open case in one statement. Checked with EXPLAIN ANALYZE on PostgreSQL at 1,000,000 cases
-- (docs/console/counter-and-manager.md): without them, three sequential scans of sav_case and
-- sla_clock; with them, index-only scans.
--
-- The open cases with every column the workload reads are in sav_case_open_counts_idx
-- (0014, the inbox's counts): a second covering index would be written on every new case.
-- Deadlines missed and still unmet: what makes an open case "breached" once the sweep passed.
CREATE INDEX "sla_clock_unmet_breach_idx" ON "sla_clock" USING btree ("case_id") WHERE state = 'breached' AND achieved_at IS NULL;--> statement-breakpoint
-- Breaches by when they happened: "breaches today".
CREATE INDEX "sla_clock_breached_at_idx" ON "sla_clock" USING btree ("breached_at") WHERE breached_at IS NOT NULL;
