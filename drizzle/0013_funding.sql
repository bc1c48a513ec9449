CREATE TABLE "funding_applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"access_token_hash" text NOT NULL,
	"budget_year" integer NOT NULL,
	"organisation" text NOT NULL,
	"contact_name" text,
	"contact_email" text,
	"consent_at" timestamp with time zone,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"area" text NOT NULL,
	"target_group" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"cost_lines" jsonb NOT NULL,
	"requested_cents" bigint NOT NULL,
	"other_funding" text,
	"state" text DEFAULT 'eingegangen' NOT NULL,
	"approved_cents" bigint,
	"paid_cents" bigint DEFAULT 0 NOT NULL,
	"measure_id" uuid,
	"purge_after" timestamp with time zone,
	"purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_applications_reference_unique" UNIQUE("reference"),
	CONSTRAINT "funding_applications_access_token_hash_unique" UNIQUE("access_token_hash"),
	CONSTRAINT "funding_applications_state_ck" CHECK ("funding_applications"."state" in ('eingegangen', 'rueckfrage', 'vollstaendig', 'bewilligt', 'abgelehnt')),
	CONSTRAINT "funding_applications_amounts_ck" CHECK ("funding_applications"."requested_cents" > 0 and ("funding_applications"."approved_cents" is null or "funding_applications"."approved_cents" > 0) and "funding_applications"."paid_cents" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funding_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"amount_cents" bigint,
	"body" text NOT NULL,
	"decided_on" date NOT NULL,
	"reasons" text NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_decisions_outcome_ck" CHECK ("funding_decisions"."outcome" in ('bewilligt', 'bewilligt_abweichend', 'abgelehnt'))
);
--> statement-breakpoint
CREATE TABLE "funding_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_messages_kind_ck" CHECK ("funding_messages"."kind" in ('rueckfrage', 'antwort'))
);
--> statement-breakpoint
CREATE TABLE "funding_programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"funder" text NOT NULL,
	"deciding_body" text NOT NULL,
	"annual_budget_cents" bigint NOT NULL,
	"cap_cents" bigint,
	"areas" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cost_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"criteria" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"guidelines" text DEFAULT '' NOT NULL,
	"period_start" date,
	"period_end" date,
	"application_deadline" date,
	"accepts_applications" boolean DEFAULT true NOT NULL,
	"retention_days" integer DEFAULT 365 NOT NULL,
	"source" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_programmes_budget_ck" CHECK ("funding_programmes"."annual_budget_cents" >= 0 and ("funding_programmes"."cap_cents" is null or "funding_programmes"."cap_cents" > 0))
);
--> statement-breakpoint
CREATE TABLE "measure_funding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"programme_id" uuid,
	"application_id" uuid,
	"funder" text,
	"amount_cents" bigint,
	"secured_until" date,
	"renewal" text,
	"depends_on_funding" boolean DEFAULT false NOT NULL,
	"caveat" text,
	"is_public" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_funding_amount_ck" CHECK ("measure_funding"."amount_cents" is null or "measure_funding"."amount_cents" >= 0)
);
--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_programme_id_funding_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."funding_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_applications" ADD CONSTRAINT "funding_applications_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_decisions" ADD CONSTRAINT "funding_decisions_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_decisions" ADD CONSTRAINT "funding_decisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_messages" ADD CONSTRAINT "funding_messages_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_messages" ADD CONSTRAINT "funding_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_programmes" ADD CONSTRAINT "funding_programmes_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_funding" ADD CONSTRAINT "measure_funding_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_funding" ADD CONSTRAINT "measure_funding_programme_id_funding_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."funding_programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_funding" ADD CONSTRAINT "measure_funding_application_id_funding_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."funding_applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "funding_applications_programme_idx" ON "funding_applications" USING btree ("programme_id","budget_year","state");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_decisions_application_uq" ON "funding_decisions" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "funding_messages_application_idx" ON "funding_messages" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_programmes_slug_uq" ON "funding_programmes" USING btree ("municipality_id","slug");--> statement-breakpoint
CREATE INDEX "measure_funding_measure_idx" ON "measure_funding" USING btree ("measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_funding_application_uq" ON "measure_funding" USING btree ("application_id");