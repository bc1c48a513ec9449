/** GET /veranstaltungen/kalender.ics?zeit=…&jahr=…&zielgruppe=…&stadtteil=…: the selection as iCalendar feed. */
import { getDb } from '$lib/server/web/kit';
import { listEvents, parseEventFilter } from '$lib/server/events/queries';
import { eventsCalendar } from '$lib/server/events/ical';
import { eventHref } from '$lib/components/paths';
import { createTranslator } from '$lib/i18n/translator';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
  const db = await getDb();
  const list = await listEvents(db, locals.municipality, parseEventFilter(url.searchParams));
  const t = createTranslator(locals.locale);
  const body = eventsCalendar(list, {
    name: t('events.list.icalName', { site: t('site.name') }),
    origin: url.origin,
    eventPath: eventHref,
    prodId: 'Veranstaltungen',
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': 'inline; filename="veranstaltungen.ics"',
      'cache-control': 'public, max-age=300',
    },
  });
};
