/**
 * Read models of the public pages for events, offers and networks (issue 17). Only published
 * records are shown; contacts only while visible. Framework-free: routes and the iCalendar feed
 * call these.
 */
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/connection';
import {
  actors,
  contacts,
  eventActors,
  events,
  eventTargetGroups,
  networkMembers,
  networks,
  networkSessions,
  offerActors,
  offerContacts,
  offers,
  offerTargetGroups,
  targetGroups,
  type NetworkKind,
  type NetworkStatus,
  type OfferEventRole,
  type ReviewSection,
} from '../db/schema';
import { findMunicipalityId } from '../catalogue/municipality';
import { groupBy } from '../util/collections';

export type EventTime = 'kommend' | 'vergangen' | 'alle';

export interface EventFilter {
  zeit: EventTime;
  jahr: number | null;
  /** Target group slug. */
  zielgruppe: string | null;
  stadtteil: string | null;
}

export interface ActorRef {
  slug: string;
  name: string;
  role: OfferEventRole;
}

export interface EventSummary {
  slug: string;
  title: string;
  startDate: string;
  endDate: string | null;
  startTime: string | null;
  endTime: string | null;
  dateIsMonth: boolean;
  venueName: string | null;
  district: string | null;
  section: ReviewSection | null;
  targetGroups: { slug: string; name: string }[];
  organisers: ActorRef[];
}

export interface EventDetail extends EventSummary {
  id: string;
  summary: string | null;
  description: string | null;
  venueAddress: string | null;
  participants: number | null;
  registration: string | null;
  articleTitle: string | null;
  partners: ActorRef[];
  offer: { slug: string; title: string } | null;
  updatedAt: Date;
}

/** Today in Herne (the events' dates are local dates). */
export function todayInHerne(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const EVENT_TIMES: readonly EventTime[] = ['kommend', 'vergangen', 'alle'];

/** Filters from query parameters; unknown values are ignored, not errors (links stay shareable). */
export function parseEventFilter(params: URLSearchParams): EventFilter {
  const zeit = params.get('zeit');
  const jahr = Number(params.get('jahr'));
  const text = (k: string) => {
    const v = params.get(k)?.trim();
    return v && v.length <= 80 ? v : null;
  };
  return {
    zeit: EVENT_TIMES.includes(zeit as EventTime) ? (zeit as EventTime) : 'alle',
    jahr: Number.isInteger(jahr) && jahr >= 1900 && jahr <= 2200 ? jahr : null,
    zielgruppe: text('zielgruppe'),
    stadtteil: text('stadtteil'),
  };
}

/** The filter as query string (stable order), e.g. for the iCalendar link of the same selection. */
export function eventFilterQuery(f: EventFilter): string {
  const p = new URLSearchParams();
  if (f.zeit !== 'alle') p.set('zeit', f.zeit);
  if (f.jahr) p.set('jahr', String(f.jahr));
  if (f.zielgruppe) p.set('zielgruppe', f.zielgruppe);
  if (f.stadtteil) p.set('stadtteil', f.stadtteil);
  const s = p.toString();
  return s ? `?${s}` : '';
}

async function actorRefs(db: Db, eventIds: string[]) {
  if (!eventIds.length) return new Map<string, (ActorRef & { eventId: string })[]>();
  const rows = await db
    .select({ eventId: eventActors.eventId, slug: actors.slug, name: actors.name, role: eventActors.role })
    .from(eventActors)
    .innerJoin(actors, eq(actors.id, eventActors.actorId))
    .where(inArray(eventActors.eventId, eventIds))
    .orderBy(asc(eventActors.position));
  return groupBy(rows, (r) => r.eventId);
}

async function groupRefs(db: Db, eventIds: string[]) {
  if (!eventIds.length) return new Map<string, { eventId: string; slug: string; name: string }[]>();
  const rows = await db
    .select({ eventId: eventTargetGroups.eventId, slug: targetGroups.slug, name: targetGroups.name })
    .from(eventTargetGroups)
    .innerJoin(targetGroups, eq(targetGroups.id, eventTargetGroups.targetGroupId))
    .where(inArray(eventTargetGroups.eventId, eventIds))
    .orderBy(asc(targetGroups.name));
  return groupBy(rows, (r) => r.eventId);
}

export async function listEvents(db: Db, municipality: string, filter: EventFilter, today = todayInHerne()): Promise<EventDetail[]> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return [];
  const where: SQL[] = [eq(events.municipalityId, mid), eq(events.state, 'veroeffentlicht')];
  // An event is upcoming until its last day has passed.
  const lastDay = sql`coalesce(${events.endDate}, ${events.startDate})`;
  if (filter.zeit === 'kommend') where.push(gte(lastDay, today));
  if (filter.zeit === 'vergangen') where.push(lt(lastDay, today));
  if (filter.jahr)
    where.push(
      or(
        and(gte(events.startDate, `${filter.jahr}-01-01`), lt(events.startDate, `${filter.jahr + 1}-01-01`)),
        and(lt(events.startDate, `${filter.jahr}-01-01`), gte(lastDay, `${filter.jahr}-01-01`)),
      )!,
    );
  if (filter.stadtteil) where.push(eq(events.district, filter.stadtteil));
  if (filter.zielgruppe)
    where.push(
      inArray(
        events.id,
        db
          .select({ id: eventTargetGroups.eventId })
          .from(eventTargetGroups)
          .innerJoin(targetGroups, eq(targetGroups.id, eventTargetGroups.targetGroupId))
          .where(eq(targetGroups.slug, filter.zielgruppe)),
      ),
    );
  const rows = await db
    .select()
    .from(events)
    .where(and(...where))
    .orderBy(filter.zeit === 'kommend' ? asc(events.startDate) : desc(events.startDate), asc(events.title));
  return withLinks(db, rows);
}

async function withLinks(db: Db, rows: (typeof events.$inferSelect)[]): Promise<EventDetail[]> {
  const ids = rows.map((r) => r.id);
  const [actorMap, groupMap] = await Promise.all([actorRefs(db, ids), groupRefs(db, ids)]);
  const offerIds = rows.map((r) => r.offerId).filter((x): x is string => Boolean(x));
  const offerRows = offerIds.length
    ? await db.select({ id: offers.id, slug: offers.slug, title: offers.title }).from(offers).where(inArray(offers.id, offerIds))
    : [];
  const offerById = new Map(offerRows.map((o) => [o.id, o]));
  return rows.map((r) => {
    const linked = (actorMap.get(r.id) ?? []).map(({ slug, name, role }) => ({ slug, name, role }));
    const offer = r.offerId ? offerById.get(r.offerId) : undefined;
    return {
      id: r.id,
      slug: r.slug,
      title: r.title,
      summary: r.summary,
      description: r.description,
      startDate: r.startDate,
      endDate: r.endDate,
      startTime: r.startTime,
      endTime: r.endTime,
      dateIsMonth: r.dateIsMonth,
      venueName: r.venueName,
      venueAddress: r.venueAddress,
      district: r.district,
      participants: r.participants,
      registration: r.registration,
      articleTitle: r.articleTitle,
      section: r.section,
      targetGroups: (groupMap.get(r.id) ?? []).map(({ slug, name }) => ({ slug, name })),
      organisers: linked.filter((a) => a.role === 'veranstalter'),
      partners: linked.filter((a) => a.role === 'partner'),
      offer: offer ? { slug: offer.slug, title: offer.title } : null,
      updatedAt: r.updatedAt,
    };
  });
}

export async function getEvent(db: Db, slug: string, municipality: string): Promise<EventDetail | null> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return null;
  const rows = await db
    .select()
    .from(events)
    .where(and(eq(events.municipalityId, mid), eq(events.slug, slug), eq(events.state, 'veroeffentlicht')));
  return (await withLinks(db, rows))[0] ?? null;
}

/** Values the filters offer: target groups and districts that published events use. */
export async function eventFacets(db: Db, municipality: string) {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return { targetGroups: [], districts: [], years: [] };
  const published = and(eq(events.municipalityId, mid), eq(events.state, 'veroeffentlicht'));
  const [groups, districts, years] = await Promise.all([
    db
      .selectDistinct({ slug: targetGroups.slug, name: targetGroups.name })
      .from(eventTargetGroups)
      .innerJoin(targetGroups, eq(targetGroups.id, eventTargetGroups.targetGroupId))
      .innerJoin(events, eq(events.id, eventTargetGroups.eventId))
      .where(published)
      .orderBy(asc(targetGroups.name)),
    db.selectDistinct({ d: events.district }).from(events).where(and(published, sql`${events.district} is not null`)).orderBy(asc(events.district)),
    db
      .selectDistinct({ y: sql<number>`extract(year from ${events.startDate})::int` })
      .from(events)
      .where(published)
      .orderBy(desc(sql`extract(year from ${events.startDate})::int`)),
  ]);
  return { targetGroups: groups, districts: districts.map((d) => d.d!), years: years.map((y) => Number(y.y)) };
}

// ---------------------------------------------------------------------------------------------
// Offers
// ---------------------------------------------------------------------------------------------

export interface OfferFilter {
  zielgruppe: string | null;
  sprache: string | null;
  stadtteil: string | null;
}

export function parseOfferFilter(params: URLSearchParams): OfferFilter {
  const text = (k: string) => {
    const v = params.get(k)?.trim();
    return v && v.length <= 80 ? v : null;
  };
  return { zielgruppe: text('zielgruppe'), sprache: text('sprache'), stadtteil: text('stadtteil') };
}

export interface OfferSummary {
  slug: string;
  title: string;
  summary: string | null;
  description: string | null;
  languages: string[];
  districts: string[];
  venues: string[];
  schedule: string | null;
  funding: string | null;
  targetGroups: { slug: string; name: string }[];
  partners: { slug: string; name: string }[];
  contacts: { kind: string; unit: string | null; name: string | null; phone: string | null; email: string | null }[];
}

export async function listOffers(db: Db, municipality: string, filter: OfferFilter): Promise<OfferSummary[]> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return [];
  const where: SQL[] = [eq(offers.municipalityId, mid), eq(offers.state, 'veroeffentlicht')];
  if (filter.sprache) where.push(sql`${offers.languages} @> ${JSON.stringify([filter.sprache])}::jsonb`);
  if (filter.stadtteil) where.push(sql`${offers.districts} @> ${JSON.stringify([filter.stadtteil])}::jsonb`);
  if (filter.zielgruppe)
    where.push(
      inArray(
        offers.id,
        db
          .select({ id: offerTargetGroups.offerId })
          .from(offerTargetGroups)
          .innerJoin(targetGroups, eq(targetGroups.id, offerTargetGroups.targetGroupId))
          .where(eq(targetGroups.slug, filter.zielgruppe)),
      ),
    );
  const rows = await db.select().from(offers).where(and(...where)).orderBy(asc(offers.position), asc(offers.title));
  const ids = rows.map((r) => r.id);
  if (!ids.length) return [];
  const [groupRows, partnerRows, contactRows] = await Promise.all([
    db
      .select({ id: offerTargetGroups.offerId, slug: targetGroups.slug, name: targetGroups.name })
      .from(offerTargetGroups)
      .innerJoin(targetGroups, eq(targetGroups.id, offerTargetGroups.targetGroupId))
      .where(inArray(offerTargetGroups.offerId, ids))
      .orderBy(asc(targetGroups.name)),
    db
      .select({ id: offerActors.offerId, slug: actors.slug, name: actors.name })
      .from(offerActors)
      .innerJoin(actors, eq(actors.id, offerActors.actorId))
      .where(and(inArray(offerActors.offerId, ids), eq(offerActors.role, 'partner')))
      .orderBy(asc(offerActors.position)),
    db
      .select({ id: offerContacts.offerId, kind: contacts.kind, unit: contacts.unitText, name: contacts.name, phone: contacts.phone, email: contacts.email })
      .from(offerContacts)
      .innerJoin(contacts, eq(contacts.id, offerContacts.contactId))
      .where(and(inArray(offerContacts.offerId, ids), eq(contacts.visible, true)))
      .orderBy(asc(offerContacts.position)),
  ]);
  const groups = groupBy(groupRows, (r) => r.id);
  const partners = groupBy(partnerRows, (r) => r.id);
  const contactMap = groupBy(contactRows, (r) => r.id);
  return rows.map((r) => ({
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    description: r.description,
    languages: r.languages,
    districts: r.districts,
    venues: r.venues,
    schedule: r.schedule,
    funding: r.funding,
    targetGroups: (groups.get(r.id) ?? []).map(({ slug, name }) => ({ slug, name })),
    partners: (partners.get(r.id) ?? []).map(({ slug, name }) => ({ slug, name })),
    contacts: (contactMap.get(r.id) ?? []).map(({ kind, unit, name, phone, email }) => ({ kind, unit, name, phone, email })),
  }));
}

export async function offerFacets(db: Db, municipality: string) {
  const all = await listOffers(db, municipality, { zielgruppe: null, sprache: null, stadtteil: null });
  const sorted = (xs: string[]) => [...new Set(xs)].sort((a, b) => a.localeCompare(b, 'de'));
  const groups = new Map(all.flatMap((o) => o.targetGroups).map((g) => [g.slug, g]));
  return {
    targetGroups: [...groups.values()].sort((a, b) => a.name.localeCompare(b.name, 'de')),
    languages: sorted(all.flatMap((o) => o.languages)),
    districts: sorted(all.flatMap((o) => o.districts)),
  };
}

// ---------------------------------------------------------------------------------------------
// Networks and bodies
// ---------------------------------------------------------------------------------------------

export interface NetworkSummary {
  slug: string;
  name: string;
  kind: NetworkKind;
  status: NetworkStatus;
}

export interface NetworkDetail extends NetworkSummary {
  description: string | null;
  rhythm: string | null;
  founded: string | null;
  succeededText: string | null;
  membersCount: number | null;
  term: string | null;
  lead: { slug: string; name: string } | null;
  members: { slug: string; name: string; role: string }[];
  sessions: { date: string; label: string | null }[];
  /** Predecessors, oldest first, and successors: the network's history. */
  predecessors: NetworkSummary[];
  successors: NetworkSummary[];
}

export async function listNetworks(db: Db, municipality: string): Promise<NetworkSummary[]> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return [];
  return db
    .select({ slug: networks.slug, name: networks.name, kind: networks.kind, status: networks.status })
    .from(networks)
    .where(and(eq(networks.municipalityId, mid), eq(networks.state, 'veroeffentlicht')))
    .orderBy(asc(networks.kind), asc(networks.name));
}

export async function getNetwork(db: Db, slug: string, municipality: string): Promise<NetworkDetail | null> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return null;
  const all = await db
    .select()
    .from(networks)
    .where(and(eq(networks.municipalityId, mid), eq(networks.state, 'veroeffentlicht')));
  const n = all.find((x) => x.slug === slug);
  if (!n) return null;
  const summary = (x: (typeof all)[number]): NetworkSummary => ({ slug: x.slug, name: x.name, kind: x.kind, status: x.status });
  const byId = new Map(all.map((x) => [x.id, x]));
  const predecessors: NetworkSummary[] = [];
  const seen = new Set([n.id]);
  for (let p = n.predecessorId ? byId.get(n.predecessorId) : undefined; p && !seen.has(p.id); p = p.predecessorId ? byId.get(p.predecessorId) : undefined) {
    seen.add(p.id);
    predecessors.unshift(summary(p));
  }
  const successors: NetworkSummary[] = [];
  for (let s = all.find((x) => x.predecessorId === n.id); s && !seen.has(s.id); s = all.find((x) => x.predecessorId === s!.id)) {
    seen.add(s.id);
    successors.push(summary(s));
  }
  const [members, sessions, lead] = await Promise.all([
    db
      .select({ slug: actors.slug, name: actors.name, role: networkMembers.role })
      .from(networkMembers)
      .innerJoin(actors, eq(actors.id, networkMembers.actorId))
      .where(eq(networkMembers.networkId, n.id))
      .orderBy(asc(networkMembers.position)),
    db
      .select({ date: networkSessions.date, label: networkSessions.label })
      .from(networkSessions)
      .where(eq(networkSessions.networkId, n.id))
      .orderBy(asc(networkSessions.date)),
    n.leadActorId ? db.select({ slug: actors.slug, name: actors.name }).from(actors).where(eq(actors.id, n.leadActorId)) : Promise.resolve([]),
  ]);
  return {
    ...summary(n),
    description: n.description,
    rhythm: n.rhythm,
    founded: n.founded,
    succeededText: n.succeededText,
    membersCount: n.membersCount,
    term: n.term,
    lead: lead[0] ?? null,
    members,
    sessions,
    predecessors,
    successors,
  };
}
