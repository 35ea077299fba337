CREATE TABLE "survey_response" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"solved_at" timestamp with time zone NOT NULL,
	"csat" smallint,
	"nps" smallint,
	"comment" text,
	"language" text NOT NULL,
	"event_id" uuid,
	"answered_at" timestamp with time zone NOT NULL,
	CONSTRAINT "survey_response_csat_range" CHECK ("survey_response"."csat" BETWEEN 1 AND 5),
	CONSTRAINT "survey_response_nps_range" CHECK ("survey_response"."nps" BETWEEN 0 AND 10),
	CONSTRAINT "survey_response_answered" CHECK ("survey_response"."csat" IS NOT NULL OR "survey_response"."nps" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_case_id_sav_case_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."sav_case"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_response" ADD CONSTRAINT "survey_response_event_id_case_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."case_event"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "survey_response_case_round_key" ON "survey_response" USING btree ("case_id","solved_at");--> statement-breakpoint
CREATE INDEX "survey_response_answered_idx" ON "survey_response" USING btree ("answered_at");