CREATE TABLE "order_webhook" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source_id" uuid NOT NULL,
	"delivery_id" text NOT NULL,
	"topic" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"body" text NOT NULL,
	"state" text DEFAULT 'received' NOT NULL,
	"detail" text,
	"order_id" uuid,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "order_webhook" ADD CONSTRAINT "order_webhook_source_id_order_source_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."order_source"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_webhook" ADD CONSTRAINT "order_webhook_order_id_sales_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."sales_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "order_webhook_delivery_key" ON "order_webhook" USING btree ("source_id","delivery_id");--> statement-breakpoint
CREATE INDEX "order_webhook_source_idx" ON "order_webhook" USING btree ("source_id","received_at");