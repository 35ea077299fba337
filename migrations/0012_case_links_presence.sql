CREATE TABLE "case_link" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_a_id" uuid NOT NULL,
	"case_b_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_link_two_cases" CHECK ("case_link"."case_a_id" <> "case_link"."case_b_id")
);
--> statement-breakpoint
CREATE TABLE "case_presence" (
	"case_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"tab_id" text DEFAULT '' NOT NULL,
	"state" text NOT NULL,
	"composing" text,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "case_presence_case_id_user_id_tab_id_pk" PRIMARY KEY("case_id","user_id","tab_id")
);
--> statement-breakpoint
ALTER TABLE "case_link" ADD CONSTRAINT "case_link_case_a_id_sav_case_id_fk" FOREIGN KEY ("case_a_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link" ADD CONSTRAINT "case_link_case_b_id_sav_case_id_fk" FOREIGN KEY ("case_b_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link" ADD CONSTRAINT "case_link_created_by_id_app_user_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."app_user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_presence" ADD CONSTRAINT "case_presence_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_presence" ADD CONSTRAINT "case_presence_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "case_link_pair_key" ON "case_link" USING btree (least("case_a_id", "case_b_id"),greatest("case_a_id", "case_b_id"));--> statement-breakpoint
CREATE INDEX "case_link_a_idx" ON "case_link" USING btree ("case_a_id");--> statement-breakpoint
CREATE INDEX "case_link_b_idx" ON "case_link" USING btree ("case_b_id");--> statement-breakpoint
CREATE INDEX "case_presence_seen_idx" ON "case_presence" USING btree ("seen_at");