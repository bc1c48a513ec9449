/** GET /kataloge/{catalogue}/feed.atom: Atom feed of the catalogue's published changes. */
import { getDb } from '$lib/server/web/kit';
import { feedContext, feedResponse } from '$lib/server/web/feed-response';
import { catalogueFeed } from '$lib/server/feeds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) =>
  feedResponse(await catalogueFeed(await getDb(), event.params.catalogue, feedContext(event)), event.locals.locale);
