-- Search index: one search document per measure plus a lexicon of the words in published
-- documents, both kept in sync by the database itself. (Squashed before the first release from
-- four steps, each measured with bench/search.ts; the reasons are kept with each part below.)
--
-- Why triggers (and not a refresh call in every writer): measures are written by the importer
-- and by the editorial back office, and a document depends on eight tables (measures,
-- measure_nodes, measure_actors, measure_target_groups, nodes, actors, actor_aliases,
-- target_groups). Statement-level triggers with transition tables only *mark* the affected
-- measures in search_dirty (one cheap INSERT per statement, however many rows); a deferred
-- constraint trigger rebuilds all marked documents once, at commit, in a fixed number of
-- set-based statements. So an import of ~300 measures (insert measures, then placements,
-- actors, target groups …) refreshes each document exactly once, and no writer has to remember
-- anything. vielfalt_search_refresh(ids) can also be called directly (refreshSearchIndex()).
--
-- Division of work with the application (src/lib/server/search/): SQL matches text (GIN
-- indexes), ranks the best candidates and writes snippets; filters, facet counts and sorting
-- run on an in-memory index of the documents' narrow columns (facet-index.ts), reloaded when
-- the index version (a counter row in search_terms) changes.
--
-- The tsvector is computed by the engine that stores it (never copied between PGlite and
-- PostgreSQL: their German stemmers differ slightly).
--
-- GIN indexes are built without a pending list (fastupdate = off): a bulk import otherwise
-- leaves thousands of entries in the list, which every search scans linearly until VACUUM
-- merges it (PGlite has no autovacuum); writes are rare here, reads are not.

CREATE OR REPLACE FUNCTION vielfalt_search_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT replace(replace(replace(vielfalt_unaccent(lower($1)), 'ae', 'a'), 'oe', 'o'), 'ue', 'u') $$;
--> statement-breakpoint
-- A URL-safe key from a title (ä → ae, ß → ss …), for facet values that group nodes by name.
CREATE OR REPLACE FUNCTION vielfalt_search_slug(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT trim(BOTH '-' FROM regexp_replace(vielfalt_unaccent(
           replace(replace(replace(replace(lower($1), 'ä', 'ae'), 'ö', 'oe'), 'ü', 'ue'), 'ß', 'ss')),
         '[^a-z0-9]+', '-', 'g')) $$;
--> statement-breakpoint
-- A facet key that is not an entity id (unit name, direction, state, "neu") as a uuid.
CREATE OR REPLACE FUNCTION vielfalt_search_key(text) RETURNS uuid
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT md5($1)::uuid $$;
--> statement-breakpoint
-- The row a search reads is narrow (~200 bytes): the large columns are stored out of line
-- (toast_tuple_target, EXTERNAL: uncompressed, as they are read for ranking and snippets of a
-- few rows only), facet memberships are ids, and a small inline `head` tsvector (title and
-- numbers) gives a cheap first relevance score. With everything inline (~15 MB for 10,000
-- rows) a search read far too many heap pages.
CREATE TABLE search_documents (
  measure_id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL,
  catalogue_id uuid NOT NULL,
  published boolean NOT NULL,
  is_gap boolean NOT NULL,
  position integer NOT NULL,
  updated_at timestamptz NOT NULL,
  -- Exact numbers and codes the measure answers to: '3', 'a1', 'a1.3', '4.1.2'.
  numbers text[] NOT NULL,
  -- Facet memberships as ids: catalogue, nodes (Handlungsfeld, Leitziel, Handlungsziel,
  -- dimension), target groups, responsible actors; and vielfalt_search_key() of 'e:<unit name>',
  -- 'r:innen' / 'r:aussen', 's:<state code>', 'n:ja'.
  facets uuid[] NOT NULL,
  -- Title and numbers (weight A): first relevance score without reading tsv.
  head tsvector NOT NULL,
  -- Primary place as shown in results ("Bildung › A › A1").
  place text,
  tsv tsvector NOT NULL,
  -- Text for highlighted snippets.
  snippet_text text NOT NULL,
  -- Distinct lower-case words (published documents only): the lexicon's bookkeeping.
  words text[] NOT NULL,
  -- A small number per document version (new on every rebuild), for the in-memory index.
  doc_no integer NOT NULL GENERATED ALWAYS AS IDENTITY
) WITH (toast_tuple_target = 256);
--> statement-breakpoint
ALTER TABLE search_documents
  ALTER COLUMN tsv SET STORAGE EXTERNAL,
  ALTER COLUMN snippet_text SET STORAGE EXTERNAL,
  ALTER COLUMN words SET STORAGE EXTERNAL,
  ALTER COLUMN head SET STORAGE MAIN,
  ALTER COLUMN facets SET STORAGE MAIN,
  ALTER COLUMN numbers SET STORAGE MAIN;
--> statement-breakpoint
CREATE UNIQUE INDEX search_documents_doc_no_idx ON search_documents (doc_no);
--> statement-breakpoint
-- First score: title matches and number matches, through their own small indexes.
CREATE INDEX search_documents_head_idx ON search_documents USING gin (head) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX search_documents_numbers_idx ON search_documents USING gin (numbers) WITH (fastupdate = off);
--> statement-breakpoint
-- The text match has a narrow table of its own. Matching a frequent word ("Kinder": 5,800 of
-- 10,000 measures in bench/search.ts) reads every matching row's heap tuple; search_match
-- holds per document only its number and its tsvector out of line (about 130 rows per page):
-- 1.5 ms instead of 4.4 ms for that match on PostgreSQL 15.
-- Out of line needs care: PostgreSQL moves a value out only when the row exceeds ~2 kB, so a
-- row (number + 1.5 kB tsvector) written directly would stay inline (1,460 pages for 10,000
-- rows). vielfalt_search_refresh() therefore copies the tsvector from search_documents, where
-- the wide row has already put it out of line; a copied out-of-line value is moved out again
-- under toast_tuple_target. The tsvector is thus stored twice (about 1.5 kB per measure);
-- search_documents keeps its copy for ranking, which reads few rows.
CREATE TABLE search_match (
  doc_no integer PRIMARY KEY REFERENCES search_documents (doc_no) ON DELETE CASCADE,
  published boolean NOT NULL,
  tsv tsvector NOT NULL
) WITH (toast_tuple_target = 128);
--> statement-breakpoint
ALTER TABLE search_match ALTER COLUMN tsv SET STORAGE EXTERNAL;
--> statement-breakpoint
CREATE INDEX search_match_tsv_idx ON search_match USING gin (tsv) WITH (fastupdate = off);
--> statement-breakpoint
-- Labels of the "Dezernat/Organisationseinheit" facet: from a value's key back to its node.
CREATE INDEX search_nodes_unit_key_idx ON nodes (vielfalt_search_key('e:' || title))
  WHERE type IN ('dezernat', 'organisationseinheit');
--> statement-breakpoint
-- Lexicon of words in published documents: typo correction ("Meinten Sie …?"), umlaut
-- transliteration (fold) and completion of the word being typed.
CREATE TABLE search_terms (
  word text PRIMARY KEY,
  fold text NOT NULL,
  -- Lexeme of the word in this engine's vielfalt_german ('' for stop words).
  stem text NOT NULL,
  ndoc integer NOT NULL
) WITH (fillfactor = 70);
--> statement-breakpoint
-- Nearest words by trigram distance (typos): GiST supports ORDER BY fold <-> 'word' LIMIT n.
CREATE INDEX search_terms_fold_trgm_idx ON search_terms USING gist (fold gist_trgm_ops (siglen = 64));
--> statement-breakpoint
CREATE INDEX search_terms_fold_idx ON search_terms (fold text_pattern_ops);
--> statement-breakpoint
CREATE INDEX search_terms_stem_idx ON search_terms (stem);
--> statement-breakpoint
-- Words ending with a stem (compound help: "…kurs" → integrationskurs).
CREATE INDEX search_terms_stem_reverse_idx ON search_terms (reverse(stem) text_pattern_ops);
--> statement-breakpoint
CREATE TABLE search_dirty (measure_id uuid PRIMARY KEY);
--> statement-breakpoint
-- Rebuilds the documents of the given measures (and of their task areas), removes documents of
-- deleted measures, and updates the lexicon. Set-based: a fixed number of statements.
CREATE OR REPLACE FUNCTION vielfalt_search_refresh(measure_ids uuid[]) RETURNS integer
  LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
  old_words text[];
  written integer;
BEGIN
  IF measure_ids IS NULL OR cardinality(measure_ids) = 0 THEN
    RETURN 0;
  END IF;
  -- Task areas (nested measures) are placed through their parent: refresh them with it.
  SELECT coalesce(array_agg(DISTINCT x), '{}') INTO ids FROM (
    SELECT unnest(measure_ids) AS x
    UNION
    SELECT m.id FROM measures m WHERE m.parent_measure_id = ANY (measure_ids)
  ) s;

  -- The old documents' words, for the lexicon's counts.
  WITH gone AS (DELETE FROM search_documents WHERE measure_id = ANY (ids) RETURNING words)
  SELECT coalesce(array_agg(w), '{}') INTO old_words FROM gone, unnest(gone.words) AS w;


  INSERT INTO search_documents (measure_id, municipality_id, catalogue_id, published, is_gap, position, updated_at,
                                numbers, facets, head, place, tsv, snippet_text, words)
  WITH RECURSIVE
  target AS (
    SELECT m.*, c.municipality_id FROM measures m JOIN catalogues c ON c.id = m.catalogue_id WHERE m.id = ANY (ids)
  ),
  own_pl AS (
    SELECT mn.measure_id, mn.node_id, mn.is_primary, mn.number, mn.position
    FROM measure_nodes mn WHERE mn.measure_id = ANY (ids)
  ),
  pl AS (
    SELECT * FROM own_pl
    UNION ALL
    SELECT t.id, mn.node_id, mn.is_primary, NULL::text, mn.position
    FROM target t JOIN measure_nodes mn ON mn.measure_id = t.parent_measure_id
    WHERE NOT EXISTS (SELECT 1 FROM own_pl o WHERE o.measure_id = t.id)
  ),
  primary_pl AS (
    SELECT DISTINCT ON (measure_id) measure_id, node_id FROM pl ORDER BY measure_id, is_primary DESC, position, node_id
  ),
  anc AS (
    SELECT pl.measure_id, pl.node_id AS leaf, pl.number AS leaf_number, n.id AS node_id, n.parent_id, n.type, n.code,
           n.title, 0 AS depth
    FROM pl JOIN nodes n ON n.id = pl.node_id
    UNION ALL
    SELECT a.measure_id, a.leaf, a.leaf_number, n.id, n.parent_id, n.type, n.code, n.title, a.depth + 1
    FROM anc a JOIN nodes n ON n.id = a.parent_id
  ),
  node_agg AS (
    SELECT a.measure_id,
           array_agg(DISTINCT CASE a.type
             WHEN 'dezernat' THEN vielfalt_search_key('e:' || a.title)
             WHEN 'organisationseinheit' THEN vielfalt_search_key('e:' || a.title)
             ELSE a.node_id
           END) FILTER (WHERE a.type <> 'kapitel') AS keys,
           string_agg(DISTINCT a.title, E'\n') FILTER (WHERE a.type IN ('handlungsfeld', 'dimension', 'kapitel')) AS titles,
           array_agg(DISTINCT lower(a.code)) FILTER (WHERE a.type IN ('handlungsziel', 'kapitel') AND a.code ~ '[0-9]') AS codes,
           array_agg(DISTINCT lower(a.code) || '.' || lower(coalesce(a.leaf_number, t.number)))
             FILTER (WHERE a.depth = 0 AND a.type = 'handlungsziel' AND a.code IS NOT NULL
                     AND coalesce(a.leaf_number, t.number) IS NOT NULL) AS coded_numbers,
           array_agg(DISTINCT lower(a.leaf_number)) FILTER (WHERE a.depth = 0 AND a.leaf_number IS NOT NULL) AS leaf_numbers
    FROM anc a JOIN target t ON t.id = a.measure_id
    GROUP BY a.measure_id
  ),
  place AS (
    SELECT a.measure_id,
           string_agg(CASE WHEN a.type IN ('leitziel', 'handlungsziel') THEN coalesce(a.code, a.title) ELSE a.title END,
                      ' › ' ORDER BY a.depth DESC) AS place
    FROM anc a JOIN primary_pl p ON p.measure_id = a.measure_id AND p.node_id = a.leaf
    GROUP BY a.measure_id
  ),
  actor_agg AS (
    SELECT ma.measure_id,
           string_agg(concat_ws(' ', a.name, ma.wording,
             (SELECT string_agg(al.alias, ' ') FROM actor_aliases al WHERE al.actor_id = a.id)), E'\n') AS text,
           array_agg(DISTINCT a.id) FILTER (WHERE ma.role = 'verantwortlich') AS keys
    FROM measure_actors ma JOIN actors a ON a.id = ma.actor_id
    WHERE ma.measure_id = ANY (ids)
    GROUP BY ma.measure_id
  ),
  group_agg AS (
    SELECT mtg.measure_id, string_agg(concat_ws(' ', g.name, mtg.wording), E'\n') AS text,
           array_agg(DISTINCT g.id) AS keys
    FROM measure_target_groups mtg JOIN target_groups g ON g.id = mtg.target_group_id
    WHERE mtg.measure_id = ANY (ids)
    GROUP BY mtg.measure_id
  ),
  doc AS (
    SELECT t.id, t.municipality_id, t.catalogue_id, t.workflow_state = 'veroeffentlicht' AS published, t.is_gap,
           t.position, t.updated_at,
           ARRAY(SELECT DISTINCT x FROM unnest(
             ARRAY[lower(t.number)] || coalesce(na.leaf_numbers, '{}') || coalesce(na.coded_numbers, '{}')
               || coalesce(na.codes, '{}')) AS x WHERE x ~ '^[a-z0-9][a-z0-9.]*$') AS numbers,
           ARRAY[t.catalogue_id, vielfalt_search_key('s:' || t.state_code)]
             || coalesce(na.keys, '{}') || coalesce(aa.keys, '{}') || coalesce(ga.keys, '{}')
             || CASE WHEN t.direction_inward THEN ARRAY[vielfalt_search_key('r:innen')] ELSE '{}' END
             || CASE WHEN t.direction_outward THEN ARRAY[vielfalt_search_key('r:aussen')] ELSE '{}' END
             || CASE WHEN t.is_new THEN ARRAY[vielfalt_search_key('n:ja')] ELSE '{}' END AS facet_keys,
           pp.place,
           t.title AS a_text,
           concat_ws(E'\n', t.description, t.extra ->> 'massnahme', t.goals) AS b_text,
           concat_ws(E'\n', t.target_group_text, t.status_text, t.responsible_text, aa.text, ga.text) AS c_text,
           concat_ws(E'\n', t.remarks,
             (SELECT string_agg(x #>> '{}', E'\n')
              FROM jsonb_path_query(t.extra - 'massnahme', 'strict $.** ? (@.type() == "string")') AS x),
             na.titles) AS d_text,
           concat_ws(E'\n', t.description, t.extra ->> 'massnahme', t.goals, t.target_group_text, t.status_text,
             t.remarks, t.extra ->> 'bedarf', t.extra ->> 'vereinbarung') AS snippet_text
    FROM target t
    LEFT JOIN node_agg na ON na.measure_id = t.id
    LEFT JOIN place pp ON pp.measure_id = t.id
    LEFT JOIN actor_agg aa ON aa.measure_id = t.id
    LEFT JOIN group_agg ga ON ga.measure_id = t.id
  )
  SELECT d.id, d.municipality_id, d.catalogue_id, d.published, d.is_gap, d.position, d.updated_at,
         d.numbers,
         ARRAY(SELECT DISTINCT k FROM unnest(d.facet_keys) AS k WHERE k IS NOT NULL) AS facets,
         setweight(to_tsvector('vielfalt_german', d.a_text), 'A') || d.number_lexemes AS head,
         d.place,
         setweight(to_tsvector('vielfalt_german', d.a_text), 'A')
           || d.number_lexemes
           || setweight(to_tsvector('vielfalt_german', d.b_text), 'B')
           || setweight(to_tsvector('vielfalt_german', d.c_text), 'C')
           || setweight(to_tsvector('vielfalt_german', d.d_text), 'D') AS tsv,
         d.snippet_text,
         CASE WHEN d.published THEN ARRAY(
           SELECT DISTINCT w
           FROM unnest(string_to_array(regexp_replace(lower(concat_ws(' ', d.a_text, d.b_text, d.c_text, d.d_text)),
                                                      '[^[:alpha:]]+', ' ', 'g'), ' ')) AS w
           WHERE length(w) >= 3) ELSE '{}' END AS words
  FROM (SELECT doc.*, array_to_string(ARRAY(SELECT quote_literal(x) || ':1A' FROM unnest(doc.numbers) AS x), ' ')::tsvector
                 AS number_lexemes FROM doc) d;
  GET DIAGNOSTICS written = ROW_COUNT;

  -- Copied from the stored rows, not computed again: see the top of this migration.
  INSERT INTO search_match (doc_no, published, tsv)
  SELECT d.doc_no, d.published, d.tsv FROM search_documents d WHERE d.measure_id = ANY (ids);

  -- Lexicon: apply the change in document counts per word; only words whose count changed are
  -- touched, and only new words are stemmed.
  WITH fresh AS (
    SELECT w, count(*)::int AS n FROM search_documents d, unnest(d.words) AS w
    WHERE d.measure_id = ANY (ids) GROUP BY w
  ),
  stale AS (
    SELECT w, count(*)::int AS n FROM unnest(old_words) AS w GROUP BY w
  ),
  delta AS (
    SELECT coalesce(f.w, s.w) AS w, coalesce(f.n, 0) - coalesce(s.n, 0) AS n
    FROM fresh f FULL JOIN stale s ON s.w = f.w
  )
  INSERT INTO search_terms AS t (word, fold, stem, ndoc)
  SELECT d.w,
         coalesce(e.fold, vielfalt_search_fold(d.w)),
         coalesce(e.stem, CASE WHEN ts_lexize('german_stem', d.w) = '{}'::text[] THEN ''
                               ELSE (tsvector_to_array(to_tsvector('vielfalt_german', d.w)))[1] END, ''),
         d.n
  FROM delta d LEFT JOIN search_terms e ON e.word = d.w
  WHERE d.n <> 0
  ON CONFLICT (word) DO UPDATE SET ndoc = t.ndoc + excluded.ndoc;

  DELETE FROM search_terms WHERE ndoc <= 0;

  -- The index version: a counter row in the lexicon ('~version' can never be a word). Being a
  -- row, it changes with the transaction that changed the documents, so readers that cache
  -- documents see a new version exactly when they can see the new documents.
  INSERT INTO search_terms (word, fold, stem, ndoc) VALUES ('~version', '~version', '', 1)
  ON CONFLICT (word) DO UPDATE SET ndoc = search_terms.ndoc + 1;
  RETURN written;
END
$$;
--> statement-breakpoint
-- Marks measures whose document must be rebuilt at commit.
CREATE OR REPLACE FUNCTION vielfalt_search_mark(ids uuid[]) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO search_dirty (measure_id) SELECT DISTINCT x FROM unnest(ids) AS x WHERE x IS NOT NULL
  ON CONFLICT DO NOTHING
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vielfalt_search_flush() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  ids uuid[];
BEGIN
  -- The first deferred event of a transaction rebuilds everything marked; later ones find nothing.
  WITH gone AS (DELETE FROM search_dirty RETURNING measure_id)
  SELECT array_agg(measure_id) INTO ids FROM gone;
  IF ids IS NOT NULL THEN
    PERFORM vielfalt_search_refresh(ids);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER search_dirty_flush AFTER INSERT ON search_dirty
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION vielfalt_search_flush();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vielfalt_search_on_measures() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM vielfalt_search_mark(ARRAY(SELECT id FROM old_rows));
  ELSE
    PERFORM vielfalt_search_mark(ARRAY(SELECT id FROM new_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_measures_insert AFTER INSERT ON measures
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_measures();
--> statement-breakpoint
CREATE TRIGGER search_measures_update AFTER UPDATE ON measures
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_measures();
--> statement-breakpoint
CREATE TRIGGER search_measures_delete AFTER DELETE ON measures
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_measures();
--> statement-breakpoint
-- Link tables (measure_nodes, measure_actors, measure_target_groups): rows carry measure_id.
CREATE OR REPLACE FUNCTION vielfalt_search_on_links() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM vielfalt_search_mark(ARRAY(SELECT measure_id FROM new_rows));
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM vielfalt_search_mark(ARRAY(SELECT measure_id FROM new_rows UNION SELECT measure_id FROM old_rows));
  ELSE
    PERFORM vielfalt_search_mark(ARRAY(SELECT measure_id FROM old_rows));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_measure_nodes_insert AFTER INSERT ON measure_nodes
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_links();
--> statement-breakpoint
CREATE TRIGGER search_measure_nodes_update AFTER UPDATE ON measure_nodes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_links();
--> statement-breakpoint
CREATE TRIGGER search_measure_nodes_delete AFTER DELETE ON measure_nodes
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_links();
--> statement-breakpoint
CREATE TRIGGER search_measure_actors_insert AFTER INSERT ON measure_actors
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_links();
--> statement-breakpoint
CREATE TRIGGER search_measure_actors_update AFTER UPDATE ON measure_actors
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_links();
--> statement-breakpoint
CREATE TRIGGER search_measure_actors_delete AFTER DELETE ON measure_actors
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_links();
--> statement-breakpoint
CREATE TRIGGER search_measure_target_groups_insert AFTER INSERT ON measure_target_groups
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_links();
--> statement-breakpoint
CREATE TRIGGER search_measure_target_groups_update AFTER UPDATE ON measure_target_groups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_links();
--> statement-breakpoint
CREATE TRIGGER search_measure_target_groups_delete AFTER DELETE ON measure_target_groups
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_links();
--> statement-breakpoint
-- Structure nodes: a renamed or moved node changes the place, facets and text of every measure
-- below it.
CREATE OR REPLACE FUNCTION vielfalt_search_on_nodes() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vielfalt_search_mark(ARRAY(
    WITH RECURSIVE changed AS (
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
      WHERE (n.title, n.code, n.type, n.parent_id) IS DISTINCT FROM (o.title, o.code, o.type, o.parent_id)
    ),
    below AS (
      SELECT id FROM changed
      UNION
      SELECT c.id FROM nodes c JOIN below b ON c.parent_id = b.id
    )
    SELECT DISTINCT mn.measure_id FROM measure_nodes mn JOIN below b ON b.id = mn.node_id
  ));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_nodes_update AFTER UPDATE ON nodes
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_nodes();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vielfalt_search_on_actors() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vielfalt_search_mark(ARRAY(
    SELECT DISTINCT ma.measure_id FROM measure_actors ma
    WHERE ma.actor_id IN (
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name)
  ));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_actors_update AFTER UPDATE ON actors
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_actors();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vielfalt_search_on_actor_aliases() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM vielfalt_search_mark(ARRAY(
      SELECT DISTINCT ma.measure_id FROM measure_actors ma WHERE ma.actor_id IN (SELECT actor_id FROM new_rows)));
  ELSE
    PERFORM vielfalt_search_mark(ARRAY(
      SELECT DISTINCT ma.measure_id FROM measure_actors ma WHERE ma.actor_id IN (SELECT actor_id FROM old_rows)));
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_actor_aliases_insert AFTER INSERT ON actor_aliases
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_actor_aliases();
--> statement-breakpoint
CREATE TRIGGER search_actor_aliases_delete AFTER DELETE ON actor_aliases
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_actor_aliases();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION vielfalt_search_on_target_groups() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM vielfalt_search_mark(ARRAY(
    SELECT DISTINCT mtg.measure_id FROM measure_target_groups mtg
    WHERE mtg.target_group_id IN (
      SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name)
  ));
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER search_target_groups_update AFTER UPDATE ON target_groups
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION vielfalt_search_on_target_groups();
--> statement-breakpoint
-- Documents for measures that exist already.
INSERT INTO search_terms (word, fold, stem, ndoc) VALUES ('~version', '~version', '', 1)
ON CONFLICT (word) DO UPDATE SET ndoc = search_terms.ndoc + 1;
--> statement-breakpoint
SELECT vielfalt_search_refresh(ARRAY(SELECT id FROM measures));
