CREATE TABLE "calendar" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"timezone" text NOT NULL,
	"hours" jsonb NOT NULL,
	"holidays" jsonb,
	"openings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_attachment" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"event_id" uuid,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"blob_key" text NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_clock" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"policy_id" uuid,
	"terms" jsonb NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone NOT NULL,
	"pauses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"paused_at" timestamp with time zone,
	"achieved_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"warned_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"cycle" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sla_policy" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"conditions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"targets" jsonb NOT NULL,
	"calendar_id" uuid,
	"pausing_statuses" text[] DEFAULT '{waiting_customer}'::text[] NOT NULL,
	"warn_before_minutes" integer DEFAULT 30 NOT NULL,
	"escalation" jsonb DEFAULT '{"notifyLead":true,"raisePriority":false,"moveToTeamId":null}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_delivery" (
	"id" uuid PRIMARY KEY NOT NULL,
	"event_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"provider_id" text,
	"detail" text,
	"not_before" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "message_template" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "store" ADD COLUMN "calendar_id" uuid;--> statement-breakpoint
ALTER TABLE "team" ADD COLUMN "calendar_id" uuid;--> statement-breakpoint
ALTER TABLE "case_step" ADD COLUMN "holder" text DEFAULT 'team' NOT NULL;--> statement-breakpoint
ALTER TABLE "sav_case" ADD COLUMN "product" text;--> statement-breakpoint
ALTER TABLE "sav_case" ADD COLUMN "notify_via" text;--> statement-breakpoint
ALTER TABLE "sav_case" ADD COLUMN "holder" text;--> statement-breakpoint
ALTER TABLE "sav_case" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "case_attachment" ADD CONSTRAINT "case_attachment_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_attachment" ADD CONSTRAINT "case_attachment_event_id_case_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clock" ADD CONSTRAINT "sla_clock_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clock" ADD CONSTRAINT "sla_clock_policy_id_sla_policy_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."sla_policy"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policy" ADD CONSTRAINT "sla_policy_calendar_id_calendar_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendar"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_delivery" ADD CONSTRAINT "message_delivery_event_id_case_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_delivery" ADD CONSTRAINT "message_delivery_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_template" ADD CONSTRAINT "message_template_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_default_key" ON "calendar" USING btree ("is_default") WHERE is_default;--> statement-breakpoint
CREATE INDEX "case_attachment_case_idx" ON "case_attachment" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_attachment_event_idx" ON "case_attachment" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_clock_case_metric_key" ON "sla_clock" USING btree ("case_id","metric");--> statement-breakpoint
CREATE INDEX "sla_clock_due_idx" ON "sla_clock" USING btree ("deadline_at") WHERE state = 'active';--> statement-breakpoint
CREATE INDEX "sla_policy_position_idx" ON "sla_policy" USING btree ("position");--> statement-breakpoint
CREATE UNIQUE INDEX "message_delivery_event_key" ON "message_delivery" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "message_delivery_case_idx" ON "message_delivery" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "message_delivery_provider_idx" ON "message_delivery" USING btree ("channel","provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "message_template_key" ON "message_template" USING btree ("key","channel","language");--> statement-breakpoint
ALTER TABLE "store" ADD CONSTRAINT "store_calendar_id_calendar_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendar"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team" ADD CONSTRAINT "team_calendar_id_calendar_id_fk" FOREIGN KEY ("calendar_id") REFERENCES "public"."calendar"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sav_case_sla_due_idx" ON "sav_case" USING btree ("sla_due_at") WHERE sla_due_at IS NOT NULL;--> statement-breakpoint
-- Who usually holds a case at each seeded step (the tracking page says it in plain words).
UPDATE case_step SET holder = 'supplier' WHERE key = 'awaiting_part';--> statement-breakpoint
UPDATE case_step SET holder = 'customer' WHERE key = 'quote_pending';--> statement-breakpoint
UPDATE case_step SET holder = 'store' WHERE key IN ('exchange', 'returned');--> statement-breakpoint
-- Every retailer starts with a calendar and two policies, so every case gets a precise
-- promise from the first minute; admins change them (the API, later the admin screens).
INSERT INTO calendar (id, name, timezone, hours, holidays, openings, is_default) VALUES (
  gen_random_uuid(), 'Service client', 'Europe/Paris',
  '{"mon":[["09:00","12:30"],["13:30","18:00"]],"tue":[["09:00","12:30"],["13:30","18:00"]],"wed":[["09:00","12:30"],["13:30","18:00"]],"thu":[["09:00","12:30"],["13:30","18:00"]],"fri":[["09:00","12:30"],["13:30","18:00"]],"sat":[["09:00","12:30"]]}',
  '{"country":"FR","region":null,"extra":[]}', '[]', true);--> statement-breakpoint
INSERT INTO sla_policy (id, name, position, conditions, targets, pausing_statuses, warn_before_minutes) VALUES
  (gen_random_uuid(), 'Urgent', 10, '{"priorities":["urgent","high"]}',
   '{"firstReply":{"businessHours":4},"nextReply":{"businessHours":4},"resolution":{"businessDays":5}}', '{waiting_customer}', 30),
  (gen_random_uuid(), 'Standard', 100, '{}',
   '{"firstReply":{"businessDays":2},"nextReply":{"businessDays":2},"resolution":{"businessDays":15}}', '{waiting_customer}', 60);
