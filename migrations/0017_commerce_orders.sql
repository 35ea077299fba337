CREATE TABLE "case_order_line" (
	"case_id" uuid NOT NULL,
	"order_line_id" uuid NOT NULL,
	"linked_by" uuid,
	"linked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_order_line_case_id_order_line_id_pk" PRIMARY KEY("case_id","order_line_id")
);
--> statement-breakpoint
CREATE TABLE "sales_order" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"number" text NOT NULL,
	"customer_id" uuid,
	"brand_id" uuid,
	"store_id" uuid,
	"sales_channel" text NOT NULL,
	"purchased_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"currency" text NOT NULL,
	"total_amount" bigint NOT NULL,
	"payment_method" text,
	"financial_status" text,
	"fulfillment_status" text,
	"source_updated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sales_order_line" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"external_id" text,
	"product_id" uuid,
	"sku" text,
	"name" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_amount" bigint NOT NULL,
	"total_amount" bigint NOT NULL,
	"condition" text DEFAULT 'new' NOT NULL,
	"delivered_at" date
);
--> statement-breakpoint
CREATE TABLE "order_source" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"brand_id" uuid,
	"store_id" uuid,
	"sales_channel" text NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"secrets_sealed" text,
	"state" text DEFAULT 'active' NOT NULL,
	"state_detail" text,
	"cursor" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product" (
	"id" uuid PRIMARY KEY NOT NULL,
	"brand_id" uuid,
	"sku" text NOT NULL,
	"ean" text,
	"name" text NOT NULL,
	"manufacturer" text,
	"category" text,
	"price_amount" bigint,
	"currency" text,
	"help_links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_order_line" ADD CONSTRAINT "case_order_line_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_order_line" ADD CONSTRAINT "case_order_line_order_line_id_sales_order_line_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."sales_order_line"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_order_line" ADD CONSTRAINT "case_order_line_linked_by_app_user_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_source_id_order_source_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."order_source"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_customer_id_customer_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_brand_id_brand_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order" ADD CONSTRAINT "sales_order_store_id_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_line" ADD CONSTRAINT "sales_order_line_order_id_sales_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."sales_order"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sales_order_line" ADD CONSTRAINT "sales_order_line_product_id_product_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."product"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_source" ADD CONSTRAINT "order_source_brand_id_brand_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_source" ADD CONSTRAINT "order_source_store_id_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product" ADD CONSTRAINT "product_brand_id_brand_id_fk" FOREIGN KEY ("brand_id") REFERENCES "public"."brand"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_order_line_line_idx" ON "case_order_line" USING btree ("order_line_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_order_source_key" ON "sales_order" USING btree ("source_id","external_id");--> statement-breakpoint
CREATE INDEX "sales_order_customer_idx" ON "sales_order" USING btree ("customer_id","purchased_at");--> statement-breakpoint
CREATE INDEX "sales_order_number_idx" ON "sales_order" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "sales_order_line_position_key" ON "sales_order_line" USING btree ("order_id","position");--> statement-breakpoint
CREATE INDEX "sales_order_line_product_idx" ON "sales_order_line" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "order_source_kind_idx" ON "order_source" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "product_sku_key" ON "product" USING btree (coalesce("brand_id", '00000000-0000-0000-0000-000000000000'::uuid),"sku");--> statement-breakpoint
CREATE INDEX "product_ean_idx" ON "product" USING btree ("ean");