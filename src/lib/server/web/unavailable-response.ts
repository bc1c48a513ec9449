/**
 * The answer while the database cannot be reached: 503 with Retry-After — problem details for
 * the API, a small page in the reader's language otherwise (no layout: rendering one would need
 * the database). Never cached (no-store), so the first answer after recovery is a real one.
 */
import { createTranslator, dirOf, type Locale } from '$lib/i18n';
import { databaseUnavailableProblem, problemResponse } from '../api/http';
import { RETRY_AFTER_SECONDS } from '../db/unavailable';
import { plainPageResponse } from './plain-page';

export function databaseUnavailableResponse(url: URL, locale: Locale): Response {
  if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return problemResponse(databaseUnavailableProblem(), url.pathname);
  const t = createTranslator(locale);
  const response = plainPageResponse({
    status: 503,
    lang: locale,
    dir: dirOf(locale),
    title: t('error.unavailableTitle'),
    paragraphs: [t('error.unavailableText')],
    links: [[t('error.backHome'), '/']],
  });
  response.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
  return response;
}
