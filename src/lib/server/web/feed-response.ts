/**
 * The HTTP answer of a change feed (routes /feed.atom, /kataloge/{slug}/feed.atom,
 * /suche/feed.atom). The feed is public content like the pages: the page cache keeps it per
 * content version (public-cache.ts), so a publication shows on the very next request and a
 * feed reader polling every few minutes costs one lookup (or a 304).
 */
import { error, type RequestEvent } from '@sveltejs/kit';
import { createTranslator, dirOf, type Locale } from '../../i18n';
import { ATOM_CONTENT_TYPE, type FeedContext, type FeedResult } from '../feeds';
import { plainPageResponse } from './plain-page';
import { SEARCH_PATH } from '../../components/paths';

export function feedContext(event: Pick<RequestEvent, 'url' | 'locals'>): FeedContext {
  const locale = event.locals.locale;
  return { origin: event.url.origin, municipality: event.locals.municipality, t: createTranslator(locale), locale };
}

export function feedResponse(result: FeedResult, locale: Locale): Response {
  if (result.status === 'notFound') error(404, 'Nicht gefunden');
  if (result.status === 'invalid') {
    // Said plainly, as /suche says it, with each parameter's message; never a feed of another search.
    const t = createTranslator(locale);
    return plainPageResponse({
      status: 400,
      lang: locale,
      dir: dirOf(locale),
      title: t('feeds.invalid'),
      paragraphs: [t('feeds.invalidHint'), ...result.errors.map((e) => e.message)],
      links: [[t('search.title'), SEARCH_PATH]],
    });
  }
  // The feed's texts follow the language cookie, like the pages: shared caches must keep them apart.
  return new Response(result.xml, { headers: { 'content-type': ATOM_CONTENT_TYPE, vary: 'Cookie' } });
}
