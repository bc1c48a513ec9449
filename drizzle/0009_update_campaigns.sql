CREATE TABLE "update_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"measure_id" uuid,
	"kind" text NOT NULL,
	"title" text,
	"note" text,
	"answered_by" uuid,
	"answered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" uuid,
	"resolution" text,
	CONSTRAINT "update_answers_kind_ck" CHECK ("update_answers"."kind" in ('unveraendert', 'geaendert', 'neu', 'eingestellt')),
	CONSTRAINT "update_answers_measure_ck" CHECK (("update_answers"."kind" = 'neu') = ("update_answers"."measure_id" is null))
);
--> statement-breakpoint
CREATE TABLE "update_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"title" text NOT NULL,
	"message" text,
	"deadline" date NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid
);
--> statement-breakpoint
CREATE TABLE "update_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"measure_ids" jsonb NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"reminded_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"answered_by" uuid
);
--> statement-breakpoint
ALTER TABLE "update_answers" ADD CONSTRAINT "update_answers_request_id_update_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."update_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_answers" ADD CONSTRAINT "update_answers_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_answers" ADD CONSTRAINT "update_answers_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_answers" ADD CONSTRAINT "update_answers_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_campaigns" ADD CONSTRAINT "update_campaigns_catalogue_id_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_campaigns" ADD CONSTRAINT "update_campaigns_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_campaigns" ADD CONSTRAINT "update_campaigns_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_requests" ADD CONSTRAINT "update_requests_campaign_id_update_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."update_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_requests" ADD CONSTRAINT "update_requests_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_requests" ADD CONSTRAINT "update_requests_answered_by_users_id_fk" FOREIGN KEY ("answered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "update_answers_request_measure_uq" ON "update_answers" USING btree ("request_id","measure_id");--> statement-breakpoint
CREATE INDEX "update_answers_open_idx" ON "update_answers" USING btree ("resolved_at");--> statement-breakpoint
CREATE UNIQUE INDEX "update_campaigns_open_uq" ON "update_campaigns" USING btree ("catalogue_id") WHERE closed_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "update_requests_campaign_actor_uq" ON "update_requests" USING btree ("campaign_id","actor_id");