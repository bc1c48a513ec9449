/**
 * schema.org `Event` for an event's page (https://schema.org/Event): dates as ISO 8601 (with the
 * time when printed), the venue as Place with its address, organisers and partners as
 * Organization with the URL of their actor page, the target groups as audience.
 */
import type { EventDetail } from './queries';

type JsonLd = Record<string, unknown>;
const compact = (o: JsonLd): JsonLd => Object.fromEntries(Object.entries(o).filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && !v.length)));

export function eventJsonLd(e: EventDetail, ctx: { origin: string; url: string; actorPath: (slug: string) => string; locality: string }): JsonLd {
  const when = (date: string, time: string | null) => (time && !e.dateIsMonth ? `${date}T${time}` : e.dateIsMonth ? date.slice(0, 7) : date);
  const online = e.venueName?.startsWith('Online');
  const org = (a: { slug: string; name: string }) => ({ '@type': 'Organization', name: a.name, url: new URL(ctx.actorPath(a.slug), ctx.origin).toString() });
  return compact({
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': `${ctx.url}#veranstaltung`,
    name: e.title,
    url: ctx.url,
    description: e.description ?? e.summary ?? undefined,
    startDate: when(e.startDate, e.startTime),
    endDate: e.endDate || e.endTime ? when(e.endDate ?? e.startDate, e.endTime) : undefined,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: online ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
    location: online
      ? { '@type': 'VirtualLocation', name: e.venueName }
      : e.venueName || e.venueAddress
        ? compact({
            '@type': 'Place',
            name: e.venueName ?? undefined,
            address: compact({
              '@type': 'PostalAddress',
              streetAddress: e.venueAddress?.split(',')[0] ?? undefined,
              addressLocality: e.district ? `${ctx.locality}-${e.district.replace(/^Herne-/, '')}` : ctx.locality,
              addressCountry: 'DE',
            }),
          })
        : undefined,
    organizer: e.organisers.map(org),
    contributor: e.partners.map(org),
    audience: e.targetGroups.map((g) => ({ '@type': 'Audience', audienceType: g.name })),
    maximumAttendeeCapacity: undefined,
    isAccessibleForFree: undefined,
  });
}
