/**
 * Search in the reader's language (issue 14): the query is also matched against the measures'
 * translations in that language, with the PostgreSQL text search configuration of the language
 * where the server has one (english, french, russian, turkish, arabic, romanian …), otherwise
 * `simple`; both sides folded with unaccent. The German search runs as always; the hits are
 * joined (search.ts), so German words keep finding measures on a page read in Arabic.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { contentLanguage, isContentLanguage } from '../translations/fields';

const available = new WeakMap<object, Map<string, Promise<string>>>();

/** The configuration to use for `lang`: its own when installed, else `simple`. */
export async function searchConfigFor(db: Db, lang: string): Promise<string> {
  if (!isContentLanguage(lang)) return 'simple';
  const wanted = contentLanguage(lang).searchConfig;
  if (!wanted) return 'simple';
  const key = ((db as unknown as { $client?: object }).$client ?? db) as object;
  let known = available.get(key);
  if (!known) available.set(key, (known = new Map()));
  let found = known.get(wanted);
  if (!found) {
    found = queryRows<{ cfgname: string }>(db, sql`select cfgname::text from pg_ts_config where cfgname = ${wanted}`).then((rows) => (rows.length ? wanted : 'simple'));
    known.set(wanted, found);
  }
  return found;
}

/** Document numbers (search_documents.doc_no) of published measures whose translation into `lang` matches `q`. */
export async function matchTranslated(db: Db, lang: string, q: string): Promise<number[]> {
  if (!isContentLanguage(lang) || !q.trim()) return [];
  const config = await searchConfigFor(db, lang);
  const rows = await queryRows<{ doc_no: number | string }>(
    db,
    sql`select distinct d.doc_no
        from translations t
        join search_documents d on d.measure_id = t.entity_id
        where t.entity_type = 'measure' and t.lang = ${lang} and d.published
          and to_tsvector(${config}::regconfig, unaccent(t.value)) @@ plainto_tsquery(${config}::regconfig, unaccent(${q.slice(0, 500)}))`,
  );
  return rows.map((r) => Number(r.doc_no));
}
