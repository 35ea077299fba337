CREATE TABLE "document_counter" (
	"kind" text NOT NULL,
	"year" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "document_counter_kind_year_pk" PRIMARY KEY("kind","year")
);
--> statement-breakpoint
CREATE TABLE "workflow_refund" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workflow_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"state" text NOT NULL,
	"number" text,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"order_id" uuid,
	"due_by" date,
	"provider_refund_id" text,
	"detail" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_repair" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workflow_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"order_line_id" uuid,
	"repairer" text NOT NULL,
	"tracking_number" text,
	"outcome" text,
	"completed_at" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_authorisation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workflow_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"number" text NOT NULL,
	"mode" text NOT NULL,
	"store_id" uuid,
	"state" text NOT NULL,
	"label_issued_at" timestamp with time zone,
	"label_voided_at" timestamp with time zone,
	"received_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stock_reservation" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workflow_id" uuid NOT NULL,
	"store_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "store_stock" (
	"store_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"on_hand" integer NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "store_stock_store_id_sku_pk" PRIMARY KEY("store_id","sku")
);
--> statement-breakpoint
CREATE TABLE "workflow" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"state" text NOT NULL,
	"input" jsonb NOT NULL,
	"step_before" text,
	"failure" text,
	"started_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workflow_step" (
	"workflow_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"key" text NOT NULL,
	"state" text NOT NULL,
	"output" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"detail" text,
	"started_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"undone_at" timestamp with time zone,
	CONSTRAINT "workflow_step_workflow_id_position_pk" PRIMARY KEY("workflow_id","position")
);
--> statement-breakpoint
ALTER TABLE "workflow_refund" ADD CONSTRAINT "workflow_refund_workflow_id_workflow_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflow"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_refund" ADD CONSTRAINT "workflow_refund_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_refund" ADD CONSTRAINT "workflow_refund_order_id_sales_order_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."sales_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_repair" ADD CONSTRAINT "workflow_repair_workflow_id_workflow_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflow"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_repair" ADD CONSTRAINT "workflow_repair_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_authorisation" ADD CONSTRAINT "return_authorisation_workflow_id_workflow_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflow"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_authorisation" ADD CONSTRAINT "return_authorisation_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_authorisation" ADD CONSTRAINT "return_authorisation_store_id_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservation" ADD CONSTRAINT "stock_reservation_workflow_id_workflow_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflow"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_reservation" ADD CONSTRAINT "stock_reservation_store_id_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "store_stock" ADD CONSTRAINT "store_stock_store_id_store_id_fk" FOREIGN KEY ("store_id") REFERENCES "public"."store"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow" ADD CONSTRAINT "workflow_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow" ADD CONSTRAINT "workflow_started_by_app_user_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workflow_step" ADD CONSTRAINT "workflow_step_workflow_id_workflow_id_fk" FOREIGN KEY ("workflow_id") REFERENCES "public"."workflow"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_refund_workflow_key" ON "workflow_refund" USING btree ("workflow_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_refund_number_key" ON "workflow_refund" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_repair_workflow_key" ON "workflow_repair" USING btree ("workflow_id");--> statement-breakpoint
CREATE INDEX "workflow_repair_case_idx" ON "workflow_repair" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "return_authorisation_workflow_key" ON "return_authorisation" USING btree ("workflow_id");--> statement-breakpoint
CREATE UNIQUE INDEX "return_authorisation_number_key" ON "return_authorisation" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "stock_reservation_workflow_key" ON "stock_reservation" USING btree ("workflow_id");--> statement-breakpoint
CREATE INDEX "workflow_case_idx" ON "workflow" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "workflow_case_running_key" ON "workflow" USING btree ("case_id") WHERE state = 'running';--> statement-breakpoint
-- The SAV steps the return and repair workflows move cases through, beside the seeded ones
-- (admins rename or reorder them later; a key already there is left as the admin made it).
-- Positions: the tracking page guesses the next step by position, so the return's steps sit
-- just before the credit note and refund they lead to, and "sent for repair" after the final
-- step, where it guesses nothing wrong for the steps every case goes through.
INSERT INTO case_step (id, key, label_fr, label_en, position, final, holder) VALUES
  (gen_random_uuid(), 'return_authorised', 'Retour autorisé',        'Return authorised', 56, false, 'customer'),
  (gen_random_uuid(), 'inspection',        'Contrôle du retour',     'Return inspection', 58, false, 'team'),
  (gen_random_uuid(), 'sent_for_repair',   'Envoyé en réparation',   'Sent for repair',   85, false, 'supplier')
ON CONFLICT (key) DO NOTHING;
