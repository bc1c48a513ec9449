-- German full-text search configuration that folds umlauts and ß before stemming:
-- "Foerderung", "Forderung" and "Förderung" meet. Built from the stock 'german' configuration.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'vielfalt_german') THEN
    CREATE TEXT SEARCH CONFIGURATION vielfalt_german (COPY = pg_catalog.german);
    ALTER TEXT SEARCH CONFIGURATION vielfalt_german
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;
  END IF;
END
$$;
--> statement-breakpoint
-- unaccent() is only STABLE; an IMMUTABLE wrapper with the dictionary named lets it be used in
-- indexes and generated columns.
CREATE OR REPLACE FUNCTION vielfalt_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
--> statement-breakpoint
-- Revisions are append-only: history can be added to, never rewritten.
CREATE OR REPLACE FUNCTION vielfalt_revisions_append_only() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'revisions are append-only (% refused)', TG_OP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER revisions_append_only
  BEFORE UPDATE OR DELETE ON revisions
  FOR EACH ROW EXECUTE FUNCTION vielfalt_revisions_append_only();
--> statement-breakpoint
-- Default code list of structured states; editable later.
INSERT INTO measure_states (code, label, position, is_default) VALUES
  ('geplant', 'geplant', 1, false),
  ('laufend', 'laufend', 2, false),
  ('umgesetzt', 'umgesetzt', 3, false),
  ('dauerhaft', 'dauerhaft (Regelangebot)', 4, false),
  ('eingestellt', 'eingestellt', 5, false),
  ('unbekannt', 'unbekannt', 6, true)
ON CONFLICT (code) DO NOTHING;
