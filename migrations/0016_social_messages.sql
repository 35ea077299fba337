CREATE TABLE "social_message" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"direction" text NOT NULL,
	"audience" text NOT NULL,
	"provider_id" text,
	"author_id" text NOT NULL,
	"author_handle" text,
	"author_name" text,
	"followers" integer,
	"urgency" integer DEFAULT 0 NOT NULL,
	"signals" text[] DEFAULT '{}'::text[] NOT NULL,
	"url" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"posted_at" timestamp with time zone NOT NULL,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "sms_opt_out" (
	"phone" text PRIMARY KEY NOT NULL,
	"keyword" text NOT NULL,
	"account_id" uuid,
	"opted_out_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "social_message" ADD CONSTRAINT "social_message_event_id_case_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_message" ADD CONSTRAINT "social_message_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "social_message" ADD CONSTRAINT "social_message_account_id_channel_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."channel_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_opt_out" ADD CONSTRAINT "sms_opt_out_account_id_channel_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."channel_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "social_message_provider_key" ON "social_message" USING btree ("account_id","provider_id");--> statement-breakpoint
CREATE INDEX "social_message_case_idx" ON "social_message" USING btree ("case_id","posted_at");--> statement-breakpoint
CREATE INDEX "social_message_inbox_idx" ON "social_message" USING btree ("posted_at") WHERE direction = 'in' AND audience = 'public';--> statement-breakpoint
CREATE INDEX "social_message_account_idx" ON "social_message" USING btree ("account_id","posted_at") WHERE direction = 'in';