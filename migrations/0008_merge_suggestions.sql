CREATE TABLE "customer_merge_suggestion" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"other_customer_id" uuid NOT NULL,
	"identity_kind" text NOT NULL,
	"identity_value" text NOT NULL,
	"source" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customer_merge_suggestion" ADD CONSTRAINT "customer_merge_suggestion_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_merge_suggestion" ADD CONSTRAINT "customer_merge_suggestion_other_customer_id_customer_id_fk" FOREIGN KEY ("other_customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customer_merge_suggestion_open_pair_key" ON "customer_merge_suggestion" USING btree (least("customer_id", "other_customer_id"),greatest("customer_id", "other_customer_id")) WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "customer_merge_suggestion_customer_idx" ON "customer_merge_suggestion" USING btree ("customer_id");--> statement-breakpoint
CREATE INDEX "customer_merge_suggestion_other_idx" ON "customer_merge_suggestion" USING btree ("other_customer_id");