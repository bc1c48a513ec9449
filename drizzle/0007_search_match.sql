-- Search, text match: the GIN index moves to a narrow table of its own. Matching a frequent word
-- ("Kinder": 5,800 of 10,000 measures in bench/search.ts) reads every matching row's heap
-- tuple, and search_documents rows are wide (facets, head, place …: about 16 per page).
-- search_match holds per document only its number and its tsvector out of line (about 130 rows
-- per page): 1.5 ms instead of 4.4 ms for that match on PostgreSQL 15.
-- Out of line needs care: PostgreSQL moves a value out only when the row exceeds ~2 kB, so a row
-- (number + 1.5 kB tsvector) written directly would stay inline (1,460 pages for 10,000 rows).
-- The tsvector is therefore copied from search_documents, where the wide row has already put it
-- out of line; a copied out-of-line value is moved out again under toast_tuple_target. The
-- tsvector is thus stored twice (about 1.5 kB per measure); search_documents keeps its copy for
-- ranking, which reads few rows.
-- The title score comes from its own small GIN index on head, and numbers from one on numbers,
-- so the match never evaluates a tsquery per row.
-- All GIN indexes are built without the pending list (fastupdate = off): a bulk import otherwise
-- leaves thousands of entries in the list, which every search scans linearly until VACUUM merges
-- it (PGlite has no autovacuum); writes are rare here, reads are not.
CREATE TABLE search_match (
  doc_no integer PRIMARY KEY REFERENCES search_documents (doc_no) ON DELETE CASCADE,
  published boolean NOT NULL,
  tsv tsvector NOT NULL
) WITH (toast_tuple_target = 128);
--> statement-breakpoint
ALTER TABLE search_match ALTER COLUMN tsv SET STORAGE EXTERNAL;
--> statement-breakpoint
INSERT INTO search_match (doc_no, published, tsv) SELECT doc_no, published, tsv FROM search_documents;
--> statement-breakpoint
DROP INDEX search_documents_tsv_idx;
--> statement-breakpoint
CREATE INDEX search_match_tsv_idx ON search_match USING gin (tsv) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX search_documents_head_idx ON search_documents USING gin (head) WITH (fastupdate = off);
--> statement-breakpoint
CREATE INDEX search_documents_numbers_idx ON search_documents USING gin (numbers) WITH (fastupdate = off);
--> statement-breakpoint
-- As in 0006, and the documents' match rows copied to search_match.
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
