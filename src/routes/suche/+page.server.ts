import { getDb } from '$lib/server/web/kit';
import { measureHref, SEARCH_PATH } from '$lib/components/paths';
import { parseSearchParams, searchMeasures } from '$lib/server/search';
import { toQueryString } from '$lib/server/search/params';
import { buildSearchView } from '$lib/server/search/view';
import type { PageServerLoad } from './$types';

/**
 * The search page: all state in the query string (shareable URLs). Invalid parameters are
 * reported on the page and left out; the rest of the search still runs.
 */
export const load: PageServerLoad = async ({ url, setHeaders, locals }) => {
  const parsed = parseSearchParams(url.searchParams);
  const db = await getDb();
  const result = await searchMeasures(db, parsed.state, { measureUrl: measureHref, municipality: locals.municipality });
  setHeaders({ 'cache-control': 'no-cache' });
  return {
    view: buildSearchView(SEARCH_PATH, parsed.state, result, parsed.ok ? [] : parsed.errors),
    // The downloads take the same parameters, without the page (they hold every page).
    exportQuery: toQueryString(parsed.state).replace(/^\?/, ''),
  };
};
