CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "slug" text;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "stand_date" date;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "foreword" text;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "frozen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "editions" ADD COLUMN "frozen_by" uuid;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_frozen_by_users_id_fk" FOREIGN KEY ("frozen_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "editions_catalogue_slug_uq" ON "editions" USING btree ("catalogue_id","slug");--> statement-breakpoint
ALTER TABLE "editions" ADD CONSTRAINT "editions_frozen_ck" CHECK ("editions"."frozen_at" is null or ("editions"."snapshot" is not null and "editions"."slug" is not null));--> statement-breakpoint
-- Frozen editions are immutable: once frozen_at is set, the row (and its snapshot) can be neither
-- changed nor deleted. Editions of source documents (not frozen) stay updatable by the importer.
CREATE OR REPLACE FUNCTION vielfalt_editions_frozen() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.frozen_at IS NOT NULL THEN
    RAISE EXCEPTION 'frozen editions are immutable (% refused)', TG_OP;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER editions_frozen_immutable
  BEFORE UPDATE OR DELETE ON editions
  FOR EACH ROW EXECUTE FUNCTION vielfalt_editions_frozen();
