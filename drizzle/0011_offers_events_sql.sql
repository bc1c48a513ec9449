-- Content version (see 0006_content_version.sql): the public pages show offers, events, networks,
-- their links, sessions and the annual review's introduction, so changes to them invalidate the page cache.
CREATE TRIGGER "offers_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "offers"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "offer_actors_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "offer_actors"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "offer_target_groups_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "offer_target_groups"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "offer_measures_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "offer_measures"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "offer_contacts_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "offer_contacts"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "events_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "events"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "event_actors_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_actors"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "event_target_groups_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "event_target_groups"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "networks_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "networks"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "network_members_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "network_members"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "network_sessions_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "network_sessions"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
--> statement-breakpoint
CREATE TRIGGER "annual_reviews_content_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "annual_reviews"
  FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_bump_content_version();
