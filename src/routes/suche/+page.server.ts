import { getDb } from '$lib/server/web/kit';
import { measureHref, SEARCH_PATH } from '$lib/components/paths';
import { parseSearchParams, searchMeasures } from '$lib/server/search';
import { toQueryString } from '$lib/server/search/params';
import { buildSearchLanding, isLanding } from '$lib/server/search/landing';
import { buildSearchView } from '$lib/server/search/view';
import { parseArts, searchDirectory } from '$lib/server/events/directory-search';
import { localizeRows } from '$lib/server/translations';
import type { PageServerLoad } from './$types';

/**
 * The search page: all state in the query string (shareable URLs). Invalid parameters are
 * reported on the page and left out; the rest of the search still runs. The bare /suche is a
 * short landing page (entry links; the full list is /suche?sort=nummer).
 */
export const load: PageServerLoad = async ({ url, setHeaders, locals }) => {
  const parsed = parseSearchParams(url.searchParams);
  const db = await getDb();
  const result = await searchMeasures(db, parsed.state, { measureUrl: measureHref, municipality: locals.municipality, lang: locals.locale });
  // Titles in the reader's language where translated (German otherwise, as the snippet).
  const titles = await localizeRows(db, locals.locale, 'measure', result.items, ['title']);
  result.items = result.items.map((item) => {
    const title = titles.get(item.id)?.title;
    return title && !title.fallback ? { ...item, title: title.text, titleLang: title.lang } : item;
  });
  setHeaders({ 'cache-control': 'no-cache' });
  const view = buildSearchView(SEARCH_PATH, parsed.state, result, parsed.ok ? [] : parsed.errors);
  // Without a query or filter: a short landing instead of every facet and the first results.
  const arts = parseArts(url.searchParams);
  if (isLanding(parsed.state, !parsed.ok) && !arts.length) return { ...buildSearchLanding(SEARCH_PATH, view), exportQuery: '', arts, directory: null };
  // Offers, events and networks matching the query, with the facet "Art" (issue 17).
  const directory = parsed.state.q ? await searchDirectory(db, locals.municipality, parsed.state.q, arts) : null;
  return {
    view,
    arts,
    directory,
    landing: null,
    // The downloads take the same parameters, without the page (they hold every page).
    exportQuery: toQueryString(parsed.state).replace(/^\?/, ''),
  };
};
