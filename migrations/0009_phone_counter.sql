CREATE TABLE "phone_call" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid,
	"provider_call_id" text,
	"direction" text NOT NULL,
	"number" text,
	"number_raw" text NOT NULL,
	"state" text NOT NULL,
	"customer_id" uuid,
	"case_id" uuid,
	"event_id" uuid,
	"agent_user_id" uuid,
	"team_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"duration_seconds" integer,
	"summary" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_extension" (
	"extension" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "phone_call" ADD CONSTRAINT "phone_call_account_id_channel_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."channel_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_call" ADD CONSTRAINT "phone_call_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_call" ADD CONSTRAINT "phone_call_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_call" ADD CONSTRAINT "phone_call_event_id_case_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_call" ADD CONSTRAINT "phone_call_agent_user_id_app_user_id_fk" FOREIGN KEY ("agent_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_call" ADD CONSTRAINT "phone_call_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_extension" ADD CONSTRAINT "phone_extension_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "phone_call_provider_key" ON "phone_call" USING btree ("account_id","provider_call_id");--> statement-breakpoint
CREATE INDEX "phone_call_case_idx" ON "phone_call" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "phone_call_pending_idx" ON "phone_call" USING btree ("agent_user_id","started_at") WHERE state IN ('ringing', 'pending');--> statement-breakpoint
CREATE UNIQUE INDEX "phone_extension_user_key" ON "phone_extension" USING btree ("user_id");--> statement-breakpoint
-- Hand-written: the counter finds cases by the order number the customer has, typed in any case.
CREATE INDEX "sav_case_order_ref_idx" ON "sav_case" USING btree (lower("order_ref")) WHERE order_ref IS NOT NULL;
