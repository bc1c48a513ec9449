/**
 * Offers, events and networks in the search, beside the measures, with their own facet "Art"
 * (Maßnahme, Angebot, Veranstaltung, Netzwerk). Every word of the query must occur in the
 * record's title or text (case, accents and umlauts folded by unaccent, as the measure search
 * folds them). Only published records. The measure search itself stays as it is; the search page
 * shows both, and `art` selects which.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { events, networks, offers } from '../db/schema';
import { findMunicipalityId } from '../catalogue/municipality';
import { tokenizeQuery } from '../search/tokenize';

export const ARTS = ['massnahme', 'angebot', 'veranstaltung', 'netzwerk'] as const;
export type Art = (typeof ARTS)[number];

/** `art` values from the query string (repeated or comma-separated); unknown ones are ignored. */
export function parseArts(params: URLSearchParams): Art[] {
  const values = params.getAll('art').flatMap((v) => v.split(','));
  return ARTS.filter((a) => values.includes(a));
}

export interface DirectoryHit {
  art: Exclude<Art, 'massnahme'>;
  slug: string;
  title: string;
  /** Date of an event (ISO), kind of a network. */
  meta: string | null;
}

export interface DirectoryResult {
  counts: Record<Exclude<Art, 'massnahme'>, number>;
  hits: DirectoryHit[];
}

const MAX_HITS = 30;

function matchAll(text: SQL, words: string[]): SQL {
  return and(...words.map((w) => sql`unaccent(lower(${text})) like '%' || unaccent(lower(${w})) || '%'`))!;
}

export async function searchDirectory(db: Db, municipality: string, q: string, arts: Art[]): Promise<DirectoryResult> {
  const empty: DirectoryResult = { counts: { angebot: 0, veranstaltung: 0, netzwerk: 0 }, hits: [] };
  const words = tokenizeQuery(q)
    .map((w) => w.text.replace(/[%_\\]/g, ''))
    .filter((w) => w.length >= 2)
    .slice(0, 8);
  const mid = await findMunicipalityId(db, municipality);
  if (!mid || !words.length) return empty;
  const wanted = (a: Art) => !arts.length || arts.includes(a);
  const [offerRows, eventRows, networkRows] = await Promise.all([
    db
      .select({ slug: offers.slug, title: offers.title })
      .from(offers)
      .where(
        and(
          eq(offers.municipalityId, mid),
          eq(offers.state, 'veroeffentlicht'),
          matchAll(sql`${offers.title} || ' ' || coalesce(${offers.summary}, '') || ' ' || coalesce(${offers.description}, '') || ' ' || ${offers.languages}::text || ' ' || ${offers.districts}::text`, words),
        ),
      )
      .orderBy(offers.title),
    db
      .select({ slug: events.slug, title: events.title, date: events.startDate })
      .from(events)
      .where(
        and(
          eq(events.municipalityId, mid),
          eq(events.state, 'veroeffentlicht'),
          matchAll(sql`${events.title} || ' ' || coalesce(${events.description}, '') || ' ' || coalesce(${events.venueName}, '') || ' ' || coalesce(${events.district}, '') || ' ' || coalesce(${events.targetGroupText}, '')`, words),
        ),
      )
      .orderBy(sql`${events.startDate} desc`),
    db
      .select({ slug: networks.slug, title: networks.name, kind: networks.kind })
      .from(networks)
      .where(and(eq(networks.municipalityId, mid), eq(networks.state, 'veroeffentlicht'), matchAll(sql`${networks.name} || ' ' || coalesce(${networks.description}, '')`, words)))
      .orderBy(networks.name),
  ]);
  const hits: DirectoryHit[] = [
    ...(wanted('veranstaltung') ? eventRows.map((r) => ({ art: 'veranstaltung' as const, slug: r.slug, title: r.title, meta: r.date })) : []),
    ...(wanted('angebot') ? offerRows.map((r) => ({ art: 'angebot' as const, slug: r.slug, title: r.title, meta: null })) : []),
    ...(wanted('netzwerk') ? networkRows.map((r) => ({ art: 'netzwerk' as const, slug: r.slug, title: r.title, meta: r.kind })) : []),
  ];
  return { counts: { angebot: offerRows.length, veranstaltung: eventRows.length, netzwerk: networkRows.length }, hits: hits.slice(0, MAX_HITS) };
}
