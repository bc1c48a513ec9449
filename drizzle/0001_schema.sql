CREATE TABLE "actor_aliases" (
	"actor_id" uuid NOT NULL,
	"alias" text NOT NULL,
	CONSTRAINT "actor_aliases_actor_id_alias_pk" PRIMARY KEY("actor_id","alias")
);
--> statement-breakpoint
CREATE TABLE "actors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"kind" text DEFAULT 'unbekannt' NOT NULL,
	"parent_id" uuid,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid,
	"actor_label" text,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalogues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"subtitle" text,
	"publisher" text,
	"stand" text,
	"description" text,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "catalogues_kind_ck" CHECK ("catalogues"."kind" in ('integrationskonzept', 'diversity', 'vereinbarungen'))
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"actor_id" uuid,
	"kind" text DEFAULT 'anlaufstelle' NOT NULL,
	"unit_text" text,
	"name" text,
	"phone" text,
	"email" text,
	"visible" boolean DEFAULT true NOT NULL,
	"source" jsonb,
	"import_key" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "editions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"label" text NOT NULL,
	"stand" text,
	"source_file" text,
	"published_at" timestamp with time zone,
	"snapshot" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"files" jsonb NOT NULL,
	"summary" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_actors" (
	"measure_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"role" text NOT NULL,
	"wording" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "measure_actors_measure_id_actor_id_role_pk" PRIMARY KEY("measure_id","actor_id","role"),
	CONSTRAINT "measure_actors_role_ck" CHECK ("measure_actors"."role" in ('verantwortlich', 'beteiligt'))
);
--> statement-breakpoint
CREATE TABLE "measure_nodes" (
	"measure_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"number" text,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "measure_nodes_measure_id_node_id_pk" PRIMARY KEY("measure_id","node_id")
);
--> statement-breakpoint
CREATE TABLE "measure_references" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_measure_id" uuid NOT NULL,
	"to_measure_id" uuid,
	"wording" text,
	"target" jsonb,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_slugs" (
	"catalogue_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"measure_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_slugs_catalogue_id_slug_pk" PRIMARY KEY("catalogue_id","slug")
);
--> statement-breakpoint
CREATE TABLE "measure_states" (
	"code" text PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "measure_target_groups" (
	"measure_id" uuid NOT NULL,
	"target_group_id" uuid NOT NULL,
	"wording" text,
	CONSTRAINT "measure_target_groups_measure_id_target_group_id_pk" PRIMARY KEY("measure_id","target_group_id")
);
--> statement-breakpoint
CREATE TABLE "measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"parent_measure_id" uuid,
	"number" text,
	"title" text NOT NULL,
	"slug" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"goals" text,
	"target_group_text" text,
	"status_text" text,
	"state_code" text DEFAULT 'unbekannt' NOT NULL,
	"remarks" text,
	"responsible_text" text,
	"direction_inward" boolean DEFAULT false NOT NULL,
	"direction_outward" boolean DEFAULT false NOT NULL,
	"is_new" boolean DEFAULT false NOT NULL,
	"is_gap" boolean DEFAULT false NOT NULL,
	"extra" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_reviewed_at" date,
	"last_reviewed_by" uuid,
	"source" jsonb,
	"workflow_state" text DEFAULT 'veroeffentlicht' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"import_key" text,
	"import_hash" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measures_workflow_ck" CHECK ("measures"."workflow_state" in ('entwurf', 'in_pruefung', 'veroeffentlicht', 'archiviert'))
);
--> statement-breakpoint
CREATE TABLE "municipalities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "municipalities_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "nodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"parent_id" uuid,
	"type" text NOT NULL,
	"code" text,
	"title" text NOT NULL,
	"body" text,
	"slug" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"actor_id" uuid,
	"source" jsonb,
	"import_key" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "nodes_type_ck" CHECK ("nodes"."type" in ('handlungsfeld', 'leitziel', 'handlungsziel', 'dimension', 'dezernat', 'organisationseinheit', 'kapitel'))
);
--> statement-breakpoint
CREATE TABLE "revisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"state" jsonb NOT NULL,
	"author_id" uuid,
	"author_label" text,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"municipality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "translations" (
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"field" text NOT NULL,
	"lang" text NOT NULL,
	"value" text NOT NULL,
	"source_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "translations_entity_type_entity_id_field_lang_pk" PRIMARY KEY("entity_type","entity_id","field","lang")
);
--> statement-breakpoint
CREATE TABLE "user_actor_scopes" (
	"user_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	CONSTRAINT "user_actor_scopes_user_id_actor_id_pk" PRIMARY KEY("user_id","actor_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text,
	"password_hash" text,
	"role" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"failed_logins" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_ck" CHECK ("users"."role" in ('admin', 'redaktion', 'beitragende', 'lesend'))
);
--> statement-breakpoint
ALTER TABLE "actor_aliases" ADD CONSTRAINT "actor_aliases_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actors" ADD CONSTRAINT "actors_parent_id_actors_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogues" ADD CONSTRAINT "catalogues_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_catalogue_id_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_actors" ADD CONSTRAINT "measure_actors_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_actors" ADD CONSTRAINT "measure_actors_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_nodes" ADD CONSTRAINT "measure_nodes_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_nodes" ADD CONSTRAINT "measure_nodes_node_id_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_references" ADD CONSTRAINT "measure_references_from_measure_id_measures_id_fk" FOREIGN KEY ("from_measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_references" ADD CONSTRAINT "measure_references_to_measure_id_measures_id_fk" FOREIGN KEY ("to_measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_slugs" ADD CONSTRAINT "measure_slugs_catalogue_id_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_slugs" ADD CONSTRAINT "measure_slugs_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_target_groups" ADD CONSTRAINT "measure_target_groups_measure_id_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_target_groups" ADD CONSTRAINT "measure_target_groups_target_group_id_target_groups_id_fk" FOREIGN KEY ("target_group_id") REFERENCES "public"."target_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_catalogue_id_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_parent_measure_id_measures_id_fk" FOREIGN KEY ("parent_measure_id") REFERENCES "public"."measures"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_state_code_measure_states_code_fk" FOREIGN KEY ("state_code") REFERENCES "public"."measure_states"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measures" ADD CONSTRAINT "measures_last_reviewed_by_users_id_fk" FOREIGN KEY ("last_reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_catalogue_id_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_parent_id_nodes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."nodes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "nodes" ADD CONSTRAINT "nodes_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revisions" ADD CONSTRAINT "revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_groups" ADD CONSTRAINT "target_groups_municipality_id_municipalities_id_fk" FOREIGN KEY ("municipality_id") REFERENCES "public"."municipalities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_actor_scopes" ADD CONSTRAINT "user_actor_scopes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_actor_scopes" ADD CONSTRAINT "user_actor_scopes_actor_id_actors_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."actors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actors_municipality_slug_uq" ON "actors" USING btree ("municipality_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "actors_municipality_name_uq" ON "actors" USING btree ("municipality_id","name");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "catalogues_municipality_slug_uq" ON "catalogues" USING btree ("municipality_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_municipality_import_key_uq" ON "contacts" USING btree ("municipality_id","import_key");--> statement-breakpoint
CREATE UNIQUE INDEX "editions_catalogue_label_uq" ON "editions" USING btree ("catalogue_id","label");--> statement-breakpoint
CREATE INDEX "measure_actors_actor_idx" ON "measure_actors" USING btree ("actor_id");--> statement-breakpoint
CREATE INDEX "measure_nodes_node_idx" ON "measure_nodes" USING btree ("node_id","position");--> statement-breakpoint
CREATE INDEX "measure_references_from_idx" ON "measure_references" USING btree ("from_measure_id");--> statement-breakpoint
CREATE INDEX "measure_references_to_idx" ON "measure_references" USING btree ("to_measure_id");--> statement-breakpoint
CREATE INDEX "measure_target_groups_tg_idx" ON "measure_target_groups" USING btree ("target_group_id");--> statement-breakpoint
CREATE INDEX "measures_catalogue_idx" ON "measures" USING btree ("catalogue_id","position");--> statement-breakpoint
CREATE INDEX "measures_parent_idx" ON "measures" USING btree ("parent_measure_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_catalogue_import_key_uq" ON "measures" USING btree ("catalogue_id","import_key");--> statement-breakpoint
CREATE UNIQUE INDEX "measures_catalogue_slug_uq" ON "measures" USING btree ("catalogue_id","slug");--> statement-breakpoint
CREATE INDEX "nodes_catalogue_parent_idx" ON "nodes" USING btree ("catalogue_id","parent_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "nodes_catalogue_import_key_uq" ON "nodes" USING btree ("catalogue_id","import_key");--> statement-breakpoint
CREATE INDEX "revisions_entity_idx" ON "revisions" USING btree ("entity_type","entity_id","id");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "target_groups_municipality_slug_uq" ON "target_groups" USING btree ("municipality_id","slug");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree (lower("email"));