/** GET /suche/feed.atom?…: Atom feed of the published changes of what a search finds (the query of /suche). */
import { getDb } from '$lib/server/web/kit';
import { feedContext, feedResponse } from '$lib/server/web/feed-response';
import { searchFeed } from '$lib/server/feeds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
  feedResponse(await searchFeed(await getDb(), event.url.searchParams, feedContext(event)), event.locals.locale);
