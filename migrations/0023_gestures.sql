CREATE TABLE "approval_request" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"action" text NOT NULL,
	"payload" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"amount" bigint,
	"currency" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"escalated" boolean DEFAULT false NOT NULL,
	"policy_verdict" jsonb,
	"customer_value" jsonb,
	"requested_by" uuid,
	"requested_by_label" text NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"comment" text,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "case_severity" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"severity" text NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "gesture" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"cost_amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"points" integer,
	"note" text,
	"granted_by" uuid,
	"granted_by_label" text NOT NULL,
	"approved_by" uuid,
	"approval_id" uuid,
	"granted_at" timestamp with time zone NOT NULL,
	"voucher_code" text,
	"push_state" text DEFAULT 'none' NOT NULL,
	"push_detail" text,
	"discount_id" text,
	"push_source_id" uuid
);
--> statement-breakpoint
CREATE TABLE "gesture_setting_version" (
	"setting" text NOT NULL,
	"version" integer NOT NULL,
	"document" jsonb NOT NULL,
	"comment" text,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "gesture_setting_version_setting_version_pk" PRIMARY KEY("setting","version")
);
--> statement-breakpoint
ALTER TABLE "approval_request" ADD CONSTRAINT "approval_request_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_request" ADD CONSTRAINT "approval_request_requested_by_app_user_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_request" ADD CONSTRAINT "approval_request_decided_by_app_user_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_severity" ADD CONSTRAINT "case_severity_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_severity" ADD CONSTRAINT "case_severity_set_by_app_user_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gesture" ADD CONSTRAINT "gesture_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gesture" ADD CONSTRAINT "gesture_granted_by_app_user_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gesture" ADD CONSTRAINT "gesture_approved_by_app_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gesture" ADD CONSTRAINT "gesture_approval_id_approval_request_id_fk" FOREIGN KEY ("approval_id") REFERENCES "public"."approval_request"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gesture" ADD CONSTRAINT "gesture_push_source_id_order_source_id_fk" FOREIGN KEY ("push_source_id") REFERENCES "public"."order_source"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gesture_setting_version" ADD CONSTRAINT "gesture_setting_version_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_request_status_idx" ON "approval_request" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "approval_request_case_idx" ON "approval_request" USING btree ("case_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "gesture_voucher_code_key" ON "gesture" USING btree ("voucher_code");--> statement-breakpoint
CREATE UNIQUE INDEX "gesture_approval_key" ON "gesture" USING btree ("approval_id");--> statement-breakpoint
CREATE INDEX "gesture_case_idx" ON "gesture" USING btree ("case_id","granted_at");--> statement-breakpoint
CREATE INDEX "gesture_granted_by_idx" ON "gesture" USING btree ("granted_by","granted_at");--> statement-breakpoint
CREATE INDEX "gesture_approved_by_idx" ON "gesture" USING btree ("approved_by","granted_at");