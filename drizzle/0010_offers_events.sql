CREATE TABLE "annual_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"title" text,
	"introduction" text,
	"source" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "event_actors" (
	"event_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"role" text NOT NULL,
	"wording" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "event_actors_event_id_actor_id_role_pk" PRIMARY KEY("event_id","actor_id","role")
);
--> statement-breakpoint
CREATE TABLE "event_target_groups" (
	"event_id" uuid NOT NULL,
	"target_group_id" uuid NOT NULL,
	"wording" text,
	CONSTRAINT "event_target_groups_event_id_target_group_id_pk" PRIMARY KEY("event_id","target_group_id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"description" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"start_time" text,
	"end_time" text,
	"date_is_month" boolean DEFAULT false NOT NULL,
	"venue_name" text,
	"venue_address" text,
	"district" text,
	"participants" integer,
	"registration" text,
	"target_group_text" text,
	"section" text,
	"article_title" text,
	"offer_id" uuid,
	"measure_id" uuid,
	"state" text DEFAULT 'veroeffentlicht' NOT NULL,
	"import_key" text,
	"import_hash" text,
	"source" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_members" (
	"network_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"role" text DEFAULT 'mitglied' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "network_members_network_id_actor_id_pk" PRIMARY KEY("network_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "network_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network_id" uuid NOT NULL,
	"date" date NOT NULL,
	"label" text,
	"source" jsonb
);
--> statement-breakpoint
CREATE TABLE "networks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'netzwerk' NOT NULL,
	"description" text,
	"actor_id" uuid,
	"lead_actor_id" uuid,
	"rhythm" text,
	"next_meeting" date,
	"status" text DEFAULT 'aktiv' NOT NULL,
	"predecessor_id" uuid,
	"succeeded_text" text,
	"members_count" integer,
	"term" text,
	"founded" text,
	"state" text DEFAULT 'veroeffentlicht' NOT NULL,
	"import_key" text,
	"import_hash" text,
	"source" jsonb,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "networks_status_ck" CHECK ("networks"."status" in ('aktiv', 'umbenannt', 'aufgeloest'))
);
--> statement-breakpoint
CREATE TABLE "offer_actors" (
	"offer_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"role" text NOT NULL,
	"wording" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "offer_actors_offer_id_actor_id_role_pk" PRIMARY KEY("offer_id","actor_id","role")
);
--> statement-breakpoint
CREATE TABLE "offer_contacts" (
	"offer_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "offer_contacts_offer_id_contact_id_pk" PRIMARY KEY("offer_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "offer_measures" (
	"offer_id" uuid NOT NULL,
	"measure_id" uuid NOT NULL,
	CONSTRAINT "offer_measures_offer_id_measure_id_pk" PRIMARY KEY("offer_id","measure_id")
);
--> statement-breakpoint
CREATE TABLE "offer_target_groups" (
	"offer_id" uuid NOT NULL,
	"target_group_id" uuid NOT NULL,
	"wording" text,
	CONSTRAINT "offer_target_groups_offer_id_target_group_id_pk" PRIMARY KEY("offer_id","target_group_id")
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"summary" text,
	"description" text,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"districts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"venues" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"schedule" text,
	"funding" text,
	"target_group_text" text,
	"section" text,
	"state" text DEFAULT 'veroeffentlicht' NOT NULL,
	"import_key" text,
	"import_hash" text,
	"source" jsonb,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "annual_reviews" ADD CONSTRAINT "annual_reviews_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_actors" ADD CONSTRAINT "event_actors_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_actors" ADD CONSTRAINT "event_actors_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_target_groups" ADD CONSTRAINT "event_target_groups_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_target_groups" ADD CONSTRAINT "event_target_groups_target_group_id_target_groups_id_fk" FOREIGN KEY ("target_group_id") REFERENCES "public"."target_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_members" ADD CONSTRAINT "network_members_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_sessions" ADD CONSTRAINT "network_sessions_network_id_networks_id_fk" FOREIGN KEY ("network_id") REFERENCES "public"."networks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_lead_actor_id_actors_id_fk" FOREIGN KEY ("lead_actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "networks" ADD CONSTRAINT "networks_predecessor_id_networks_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."networks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_actors" ADD CONSTRAINT "offer_actors_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_actors" ADD CONSTRAINT "offer_actors_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_contacts" ADD CONSTRAINT "offer_contacts_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_contacts" ADD CONSTRAINT "offer_contacts_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_measures" ADD CONSTRAINT "offer_measures_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_measures" ADD CONSTRAINT "offer_measures_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_target_groups" ADD CONSTRAINT "offer_target_groups_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer_target_groups" ADD CONSTRAINT "offer_target_groups_target_group_id_target_groups_id_fk" FOREIGN KEY ("target_group_id") REFERENCES "public"."target_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reviews_municipality_year_uq" ON "annual_reviews" USING btree ("municipality_id","year");--> statement-breakpoint
CREATE INDEX "event_actors_actor_idx" ON "event_actors" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "event_target_groups_tg_idx" ON "event_target_groups" USING btree ("target_group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_municipality_slug_uq" ON "events" USING btree ("municipality_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "events_municipality_import_key_uq" ON "events" USING btree ("municipality_id","import_key");--> statement-breakpoint
CREATE INDEX "events_start_idx" ON "events" USING btree ("municipality_id","start_date");--> statement-breakpoint
CREATE INDEX "network_members_actor_idx" ON "network_members" USING btree ("actor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_sessions_network_date_uq" ON "network_sessions" USING btree ("network_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "networks_municipality_slug_uq" ON "networks" USING btree ("municipality_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "networks_municipality_import_key_uq" ON "networks" USING btree ("municipality_id","import_key");--> statement-breakpoint
CREATE INDEX "offer_actors_actor_idx" ON "offer_actors" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "offer_target_groups_tg_idx" ON "offer_target_groups" USING btree ("target_group_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_municipality_slug_uq" ON "offers" USING btree ("municipality_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_municipality_import_key_uq" ON "offers" USING btree ("municipality_id","import_key");