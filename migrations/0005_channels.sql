CREATE TABLE "channel_account" (
	"id" uuid PRIMARY KEY NOT NULL,
	"channel" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"brand_id" uuid,
	"store_id" uuid,
	"team_id" uuid,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secrets_sealed" text,
	"state" text DEFAULT 'active' NOT NULL,
	"state_detail" text,
	"state_changed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inbound_message" (
	"id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"provider_id" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"raw" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"detail" text,
	"case_id" uuid,
	"event_id" uuid,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "message_ref" (
	"channel" text NOT NULL,
	"ref" text NOT NULL,
	"case_id" uuid NOT NULL,
	"event_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_ref_channel_ref_pk" PRIMARY KEY("channel","ref")
);
--> statement-breakpoint
ALTER TABLE "channel_account" ADD CONSTRAINT "channel_account_brand_id_brand_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_account" ADD CONSTRAINT "channel_account_store_id_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "channel_account" ADD CONSTRAINT "channel_account_team_id_team_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."team"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_message" ADD CONSTRAINT "inbound_message_account_id_channel_account_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."channel_account"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_message" ADD CONSTRAINT "inbound_message_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inbound_message" ADD CONSTRAINT "inbound_message_event_id_case_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_ref" ADD CONSTRAINT "message_ref_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_ref" ADD CONSTRAINT "message_ref_event_id_case_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_account_address_key" ON "channel_account" USING btree ("channel",lower("address"));--> statement-breakpoint
CREATE INDEX "channel_account_channel_idx" ON "channel_account" USING btree ("channel");--> statement-breakpoint
CREATE UNIQUE INDEX "inbound_message_provider_key" ON "inbound_message" USING btree ("account_id","provider_id");--> statement-breakpoint
CREATE INDEX "inbound_message_account_idx" ON "inbound_message" USING btree ("account_id","received_at");--> statement-breakpoint
CREATE INDEX "inbound_message_state_idx" ON "inbound_message" USING btree ("state","received_at") WHERE state IN ('received', 'failed');--> statement-breakpoint
CREATE INDEX "message_ref_case_idx" ON "message_ref" USING btree ("case_id");