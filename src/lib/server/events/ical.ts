/**
 * iCalendar feed (RFC 5545) of a selection of events, built with ical-generator. Dates are local
 * dates in Herne: an event with a time is written as floating local time, one without as an
 * all-day event (its DTEND is the day after its last day, as RFC 5545 wants); an event known only
 * by its month spans the month.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { EventDetail } from './queries';

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const utc = (iso: string, time?: string | null) => {
  const [y, m, d] = parts(iso);
  const [h, mi] = time ? (time.split(':').map(Number) as [number, number]) : [0, 0];
  return new Date(Date.UTC(y, m - 1, d, h, mi));
};
const nextDay = (iso: string) => new Date(utc(iso).getTime() + 86_400_000);

export interface CalendarOptions {
  name: string;
  description?: string;
  origin: string;
  /** Public path of one event, for its URL. */
  eventPath: (slug: string) => string;
  prodId: string;
}

export function eventsCalendar(list: EventDetail[], options: CalendarOptions): string {
  const calendar = ical({
    name: options.name,
    description: options.description,
    prodId: { company: 'Vielfalt', product: options.prodId, language: 'DE' },
    method: ICalCalendarMethod.PUBLISH,
    url: options.origin,
  });
  for (const e of list) {
    const url = new URL(options.eventPath(e.slug), options.origin).toString();
    const timed = Boolean(e.startTime) && !e.dateIsMonth;
    const lastDay = e.endDate ?? e.startDate;
    const location = [e.venueName, e.venueAddress].filter(Boolean).join(', ') || undefined;
    calendar.createEvent({
      id: `${e.id}@vielfalt`,
      summary: e.title,
      description:
        [e.organisers.length ? `Veranstaltet von: ${e.organisers.map((o) => o.name).join(', ')}` : null, e.summary, e.description]
          .filter(Boolean)
          .join('\n\n') || undefined,
      location,
      url,
      stamp: e.updatedAt,
      lastModified: e.updatedAt,
      ...(timed
        ? {
            start: utc(e.startDate, e.startTime),
            end: e.endTime ? utc(lastDay, e.endTime) : undefined,
            floating: true,
          }
        : { start: utc(e.startDate), end: nextDay(lastDay), allDay: true }),
      categories: e.targetGroups.map((g) => ({ name: g.name })),
    });
  }
  return calendar.toString();
}
