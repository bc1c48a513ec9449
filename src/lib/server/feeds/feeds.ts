/**
 * The change feeds: per catalogue, per search (the query string of /suche, parsed and run by
 * the search module itself, so a feed follows exactly the measures the page shows) and for all
 * catalogues of the municipality. Each use case loads what it needs in a fixed number of
 * queries (a look-up, the search if any, the changes) and returns the Atom document.
 *
 * Only public content goes in: titles, numbers and descriptions as published, which fields
 * changed, when. Authors, comments and review notes stay in the back office.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { catalogues, municipalities } from '../db/schema';
import type { Translate } from '../../i18n/translator';
import { ALL_FEED_PATH, catalogueFeedHref, catalogueHref, measureHref, SEARCH_FEED_PATH, SEARCH_PATH } from '../../components/paths';
import { activeFilters, parseSearchParams, searchMeasures, toQueryString, type ParamError, type SearchState } from '../search';
import { FEED_LIMIT, loadPublicChanges, type PublicChange } from './changes';
import { renderAtom, type FeedEntry } from './atom';
import type { FeedField } from './classify';

export interface FeedContext {
  /** Origin of absolute links, e.g. https://vielfalt.herne.de (the request's, which follows ORIGIN). */
  origin: string;
  /** Municipality (tenant) slug. */
  municipality: string;
  /** Texts of the feed itself; the measures' content stays German. */
  t: Translate;
  locale: string;
}

export type FeedResult = { status: 'ok'; xml: string } | { status: 'notFound' } | { status: 'invalid'; errors: ParamError[] };

/**
 * Entry and feed ids are tag URIs (RFC 4151): stable across renames and new slugs, unique per
 * change. The date is fixed once and for all; it only says since when the name is ours.
 */
const TAG_DATE = '2024';
function tag(origin: string, specific: string): string {
  return `tag:${new URL(origin).hostname},${TAG_DATE}:vielfalt:${specific}`;
}

function summaryOf(change: PublicChange, t: Translate): string {
  if (change.kind !== 'changed') return t(`feeds.kind.${change.kind}`);
  return t('feeds.kind.changed', { fields: change.fields.map((f: FeedField) => t(`feeds.field.${f}`)).join(', ') });
}

function entriesOf(changes: PublicChange[], ctx: FeedContext, o: { withCatalogue: boolean }): FeedEntry[] {
  return changes.map((c) => {
    const summary = summaryOf(c, ctx.t);
    return {
      id: tag(ctx.origin, `measure:${c.measureId}:revision:${c.revisionId}`),
      title: c.title,
      // An archived measure has no page any more: its catalogue stands in.
      url: ctx.origin + (c.measureSlug ? measureHref(c.catalogue.slug, c.measureSlug) : catalogueHref(c.catalogue.slug)),
      updated: c.at,
      summary: o.withCatalogue ? ctx.t('feeds.entryIn', { summary, catalogue: c.catalogue.title }) : summary,
      ...(c.kind !== 'archived' && c.description ? { content: c.description } : {}),
    };
  });
}

async function findMunicipality(db: Db, slug: string) {
  const [row] = await db.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).where(eq(municipalities.slug, slug));
  return row ?? null;
}

/** GET /kataloge/{slug}/feed.atom: new, changed and archived measures of one catalogue. */
export async function catalogueFeed(db: Db, catalogueSlug: string, ctx: FeedContext): Promise<FeedResult> {
  const [catalogue] = await db
    .select({ id: catalogues.id, slug: catalogues.slug, title: catalogues.title, publisher: catalogues.publisher, updatedAt: catalogues.updatedAt, municipality: municipalities.name })
    .from(catalogues)
    .innerJoin(municipalities, eq(municipalities.id, catalogues.municipalityId))
    .where(and(eq(municipalities.slug, ctx.municipality), eq(catalogues.slug, catalogueSlug)));
  if (!catalogue) return { status: 'notFound' };
  const changes = await loadPublicChanges(db, { kind: 'catalogue', catalogueId: catalogue.id });
  const site = ctx.t('site.name');
  const xml = renderAtom({
    id: tag(ctx.origin, `catalogue:${catalogue.id}:changes`),
    title: ctx.t('feeds.catalogueTitle', { title: catalogue.title, site }),
    subtitle: ctx.t('feeds.catalogueSubtitle'),
    selfUrl: ctx.origin + catalogueFeedHref(catalogue.slug),
    pageUrl: ctx.origin + catalogueHref(catalogue.slug),
    updated: changes[0]?.at ?? catalogue.updatedAt,
    author: catalogue.publisher ?? catalogue.municipality,
    language: ctx.locale,
    entries: entriesOf(changes, ctx, { withCatalogue: false }),
  });
  return { status: 'ok', xml };
}

/** GET /feed.atom: every catalogue of the municipality. */
export async function municipalityFeed(db: Db, ctx: FeedContext): Promise<FeedResult> {
  const municipality = await findMunicipality(db, ctx.municipality);
  if (!municipality) return { status: 'notFound' };
  const changes = await loadPublicChanges(db, { kind: 'municipality', municipalityId: municipality.id });
  const site = ctx.t('site.name');
  const xml = renderAtom({
    id: tag(ctx.origin, `municipality:${ctx.municipality}:changes`),
    title: ctx.t('feeds.allTitle', { site }),
    subtitle: ctx.t('feeds.allSubtitle'),
    selfUrl: ctx.origin + ALL_FEED_PATH,
    pageUrl: `${ctx.origin}/`,
    updated: changes[0]?.at ?? new Date(0),
    author: municipality.name,
    language: ctx.locale,
    entries: entriesOf(changes, ctx, { withCatalogue: true }),
  });
  return { status: 'ok', xml };
}

/** "Suche „Kita“ · Zielgruppe: Kinder": the search in words, with the facet values' labels. */
function describeSearch(state: SearchState, labels: Map<string, string>, t: Translate): string {
  const parts: string[] = [];
  if (state.q) parts.push(t('feeds.searchQuery', { q: state.q }));
  for (const [facet, values] of activeFilters(state))
    parts.push(`${t(`search.facet.${facet}`)}: ${values.map((v) => labels.get(`${facet}:${v}`) ?? v).join(', ')}`);
  return parts.length ? parts.join(' · ') : t('feeds.searchAll');
}

/**
 * GET /suche/feed.atom?…: the changes of the measures a search finds (same parameters as /suche;
 * page and sort do not matter). Invalid parameters are refused, not dropped: a feed reader
 * cannot show the page's notice, and a subscription must not silently follow another search.
 */
export async function searchFeed(db: Db, params: URLSearchParams, ctx: FeedContext): Promise<FeedResult> {
  const parsed = parseSearchParams(params);
  if (!parsed.ok) return { status: 'invalid', errors: parsed.errors };
  const municipality = await findMunicipality(db, ctx.municipality);
  if (!municipality) return { status: 'notFound' };
  // The most recently changed matches (changes.ts explains why these are enough).
  const result = await searchMeasures(db, { ...parsed.state, sort: 'aenderung', seite: 1, limit: FEED_LIMIT * 2 }, { municipality: ctx.municipality });
  const changes = await loadPublicChanges(db, { kind: 'measures', ids: result.items.map((i) => i.id) });
  const labels = new Map<string, string>();
  for (const [facet, values] of Object.entries(result.facets)) for (const v of values) if (v.selected) labels.set(`${facet}:${v.value}`, v.label);
  const query = toQueryString(parsed.state, { sort: null, seite: 1 });
  const site = ctx.t('site.name');
  const xml = renderAtom({
    id: `${ctx.origin}${SEARCH_FEED_PATH}${query}`,
    title: ctx.t('feeds.searchTitle', { description: describeSearch(parsed.state, labels, ctx.t), site }),
    subtitle: ctx.t('feeds.searchSubtitle'),
    selfUrl: `${ctx.origin}${SEARCH_FEED_PATH}${query}`,
    pageUrl: `${ctx.origin}${SEARCH_PATH}${query}`,
    updated: changes[0]?.at ?? new Date(0),
    author: municipality.name,
    language: ctx.locale,
    entries: entriesOf(changes, ctx, { withCatalogue: true }),
  });
  return { status: 'ok', xml };
}
