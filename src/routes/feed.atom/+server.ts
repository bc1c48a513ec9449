/** GET /feed.atom: Atom feed of the published changes in all catalogues of the municipality. */
import { getDb } from '$lib/server/web/kit';
import { feedContext, feedResponse } from '$lib/server/web/feed-response';
import { municipalityFeed } from '$lib/server/feeds';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => feedResponse(await municipalityFeed(await getDb(), feedContext(event)), event.locals.locale);
