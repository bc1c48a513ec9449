-- Content version: one counter (settings.content_version) that every change to what the public
-- pages show increments, statement by statement, inside the writing transaction; the commit
-- announces it on the channel vielfalt_content. The rendered-page cache keys on it (cache/), so
-- no use case can forget to invalidate: a new table whose rows public pages show gets the trigger
-- too. Changes that a reader cannot see (a draft, a review date) invalidate needlessly but safely.
CREATE OR REPLACE FUNCTION vielfalt_bump_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  next_version bigint;
BEGIN
  INSERT INTO settings (key, value) VALUES ('content_version', '1'::jsonb)
  ON CONFLICT (key) DO UPDATE
    SET value = to_jsonb(COALESCE((settings.value #>> '{}')::bigint, 0) + 1), updated_at = now()
  RETURNING (value #>> '{}')::bigint INTO next_version;
  PERFORM pg_notify('vielfalt_content', next_version::text);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "municipalities_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "municipalities"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "catalogues_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "catalogues"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "editions_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "editions"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "nodes_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "nodes"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "measure_states_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "measure_states"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "measures_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "measures"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "measure_nodes_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "measure_nodes"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "measure_slugs_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "measure_slugs"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "actors_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "actors"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "actor_aliases_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "actor_aliases"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "measure_actors_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "measure_actors"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "target_groups_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "target_groups"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "measure_target_groups_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "measure_target_groups"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "measure_references_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "measure_references"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "contacts_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "contacts"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "translations_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "translations"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
INSERT INTO settings (key, value) VALUES ('content_version', '1'::jsonb) ON CONFLICT (key) DO NOTHING;
