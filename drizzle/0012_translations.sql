CREATE TABLE "translation_proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"field" text NOT NULL,
	"lang" text NOT NULL,
	"value" text NOT NULL,
	"source_hash" text NOT NULL,
	"source_text" text,
	"machine" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'in_pruefung' NOT NULL,
	"author_id" uuid,
	"reviewer_id" uuid,
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "translation_proposals_state_ck" CHECK ("translation_proposals"."state" in ('in_pruefung', 'veroeffentlicht', 'abgelehnt'))
);
--> statement-breakpoint
ALTER TABLE "translations" ADD COLUMN "source_text" text;--> statement-breakpoint
ALTER TABLE "translations" ADD COLUMN "machine" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "translations" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "translation_proposals" ADD CONSTRAINT "translation_proposals_catalogue_id_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "translation_proposals" ADD CONSTRAINT "translation_proposals_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "translation_proposals" ADD CONSTRAINT "translation_proposals_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "translation_proposals_catalogue_idx" ON "translation_proposals" USING btree ("catalogue_id","lang","state");--> statement-breakpoint
CREATE INDEX "translation_proposals_entity_idx" ON "translation_proposals" USING btree ("entity_type","entity_id","field","lang");--> statement-breakpoint
ALTER TABLE "translations" ADD CONSTRAINT "translations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;