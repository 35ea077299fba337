CREATE TABLE "saved_view" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filters" jsonb NOT NULL,
	"sort" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sav_case" ADD COLUMN "sla_breached_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_owner_id_app_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "saved_view_owner_name_key" ON "saved_view" USING btree ("owner_id","name");--> statement-breakpoint
CREATE INDEX "saved_view_shared_idx" ON "saved_view" USING btree ("position") WHERE shared;--> statement-breakpoint
CREATE INDEX "sav_case_sla_breached_idx" ON "sav_case" USING btree ("sla_breached_at") WHERE sla_breached_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX "sav_case_urgency_idx" ON "sav_case" USING btree (coalesce(least(sla_breached_at, sla_due_at), 'infinity'::timestamptz),"id") WHERE status IN ('new', 'open', 'waiting_customer', 'waiting_third_party');