CREATE TABLE "order_import" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source_id" uuid NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"file_name" text NOT NULL,
	"blob_key" text,
	"file_bytes" bigint NOT NULL,
	"format" text NOT NULL,
	"encoding" text DEFAULT 'utf-8' NOT NULL,
	"delimiter" text,
	"mapping" jsonb NOT NULL,
	"options" jsonb NOT NULL,
	"lines_total" integer,
	"lines_done" integer DEFAULT 0 NOT NULL,
	"orders_found" integer DEFAULT 0 NOT NULL,
	"orders_created" integer DEFAULT 0 NOT NULL,
	"orders_updated" integer DEFAULT 0 NOT NULL,
	"lines_created" integer DEFAULT 0 NOT NULL,
	"lines_updated" integer DEFAULT 0 NOT NULL,
	"customers_created" integer DEFAULT 0 NOT NULL,
	"products_created" integer DEFAULT 0 NOT NULL,
	"bad_row_count" integer DEFAULT 0 NOT NULL,
	"bad_rows" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"problem" jsonb,
	"run_attempt" integer DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "order_import" ADD CONSTRAINT "order_import_source_id_order_source_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."order_source"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_import" ADD CONSTRAINT "order_import_created_by_app_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_import_created_idx" ON "order_import" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "order_import_blob_idx" ON "order_import" USING btree ("blob_key") WHERE blob_key IS NOT NULL;