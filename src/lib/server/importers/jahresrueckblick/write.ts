/**
 * Writes a parsed annual review (002) into the database with the import writer's rules
 * (plan/write.ts): every record is found again by its import key; a record whose imported content
 * (hash) is unchanged is not touched and gets no revision; a changed one is updated with a
 * revision attributed to "Import"; one edited in the app since (latest revision by a user) is not
 * overwritten but reported as a conflict; records no longer in the source are reported, never
 * deleted. Actors, target groups and contacts are the shared ones (contacts keep their
 * visibility flag). Runs inside the caller's transaction.
 */
import crypto from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import {
  actorAliases,
  actors,
  annualReviews,
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
  revisions,
  targetGroups,
  type ActorKind,
} from '../../db/schema';
import { IMPORT_AUTHOR } from '../../db/revision-authors';
import { recordRevisions, type EntityType, type RevisionInput } from '../../revisions/record';
import { hashValue } from '../../text/hash';
import { slugify, uniqueSlug } from '../../text/slug';
import { chunks } from '../../util/collections';
import { emptyCounts, syncRecords, type SyncCounts } from '../plan/sync';
import type { JahresrueckblickDocument, JrAngebot, JrNetzwerk, JrVeranstaltung } from './types';

export interface ReviewWriteOutcome {
  titel: string;
  jahr: number;
  offers: SyncCounts;
  events: SyncCounts;
  networks: SyncCounts;
  contacts: SyncCounts;
  actorsCreated: number;
  targetGroupsCreated: number;
  /** Records edited in the app since the last import: left as they are. */
  conflicts: { kind: 'offer' | 'event' | 'network'; key: string; title: string }[];
  /** Records imported earlier that the source no longer contains: left as they are. */
  missing: { kind: 'offer' | 'event' | 'network'; key: string; title: string }[];
}

interface Ctx {
  municipalityId: string;
  comment: string;
}

const KI = 'Kommunales Integrationszentrum';

export async function writeJahresrueckblick(db: Db, doc: JahresrueckblickDocument, ctx: Ctx): Promise<ReviewWriteOutcome> {
  const revs: RevisionInput[] = [];
  const rev = (entityType: EntityType, entityId: string, state: unknown) =>
    revs.push({ entityType, entityId, state, authorLabel: IMPORT_AUTHOR, comment: ctx.comment });

  // --- actors (found by name or alias, as the catalogue importer does) ------------------------
  const wanted = new Map<string, ActorKind>();
  const want = (name: string, kind: ActorKind = 'unbekannt') => {
    if (!wanted.has(name) || kind !== 'unbekannt') wanted.set(name, kind);
  };
  for (const e of doc.veranstaltungen) for (const n of [...e.veranstalter, ...e.partner]) want(n);
  for (const o of doc.angebote) for (const n of o.partner) want(n);
  for (const n of doc.netzwerke) {
    want(n.name, 'netzwerk');
    for (const m of n.mitglieder) want(m);
  }
  for (const g of doc.gremien) {
    want(g.name, 'netzwerk');
    for (const o of g.vorsitzOrganisationen) want(o);
  }
  want(KI);
  const existingActors = await db
    .select({ id: actors.id, name: actors.name, slug: actors.slug })
    .from(actors)
    .where(eq(actors.municipalityId, ctx.municipalityId));
  const actorIds = new Map(existingActors.map((a) => [a.name, a.id]));
  const aliasRows = existingActors.length
    ? await db
        .select({ alias: actorAliases.alias, actorId: actorAliases.actorId })
        .from(actorAliases)
        .innerJoin(actors, eq(actors.id, actorAliases.actorId))
        .where(eq(actors.municipalityId, ctx.municipalityId))
    : [];
  for (const { alias, actorId } of aliasRows) if (!actorIds.has(alias)) actorIds.set(alias, actorId);
  const actorSlugs = new Set(existingActors.map((a) => a.slug));
  const newActors = [...wanted]
    .filter(([name]) => !actorIds.has(name))
    .map(([name, kind]) => {
      const id = crypto.randomUUID();
      actorIds.set(name, id);
      return { id, municipalityId: ctx.municipalityId, name, slug: uniqueSlug(slugify(name, 60), actorSlugs), kind };
    });
  for (const part of chunks(newActors)) await db.insert(actors).values(part);
  for (const a of newActors) rev('actor', a.id, a);
  const actorId = (name: string) => actorIds.get(name)!;

  // --- target groups ---------------------------------------------------------------------------
  const groupNames = new Map<string, string>();
  for (const r of [...doc.veranstaltungen, ...doc.angebote]) for (const g of r.zielgruppen) groupNames.set(slugify(g, 60), g);
  const existingGroups = await db
    .select({ id: targetGroups.id, slug: targetGroups.slug })
    .from(targetGroups)
    .where(eq(targetGroups.municipalityId, ctx.municipalityId));
  const groupIds = new Map(existingGroups.map((g) => [g.slug, g.id]));
  const newGroups = [...groupNames]
    .filter(([slug]) => !groupIds.has(slug))
    .map(([slug, name]) => {
      const id = crypto.randomUUID();
      groupIds.set(slug, id);
      return { id, municipalityId: ctx.municipalityId, slug, name };
    });
  for (const part of chunks(newGroups)) await db.insert(targetGroups).values(part);
  for (const g of newGroups) rev('target_group', g.id, g);
  const groupId = (name: string) => groupIds.get(slugify(name, 60))!;

  // --- contacts (business contact data, with the shared visibility flag) -----------------------
  const existingContacts = await db.select().from(contacts).where(eq(contacts.municipalityId, ctx.municipalityId));
  const contactCounts = await syncRecords(db, {
    table: contacts,
    planned: doc.kontakte,
    existing: new Map(existingContacts.filter((c) => c.importKey).map((c) => [c.importKey!, c])),
    key: (c) => c.schluessel,
    values: (c, position) => ({
      actorId: actorId(KI),
      kind: c.art,
      unitText: [c.einheit, c.funktion].filter(Boolean).join(' – '),
      name: c.name,
      phone: c.telefon,
      email: c.email,
      source: { file: c.quelle.datei, line: c.quelle.zeile, document: doc.titel },
      position: 1000 + position,
    }),
    newRow: (c, id, values) => ({ id, municipalityId: ctx.municipalityId, importKey: c.schluessel, ...values }),
    revision: (id, state) => rev('contact', id, state),
  });
  const contactIds = new Map(
    (await db.select({ id: contacts.id, key: contacts.importKey }).from(contacts).where(eq(contacts.municipalityId, ctx.municipalityId))).map(
      (c) => [c.key, c.id],
    ),
  );

  const conflicts: ReviewWriteOutcome['conflicts'] = [];
  const missing: ReviewWriteOutcome['missing'] = [];

  // --- offers ----------------------------------------------------------------------------------
  const offerResult = await syncEntities(db, {
    kind: 'offer',
    table: offers,
    municipalityId: ctx.municipalityId,
    planned: doc.angebote,
    key: (o) => o.schluessel,
    title: (o) => o.titel,
    slug: (o) => slugify(o.titel, 60),
    columns: (o: JrAngebot, position) => ({
      title: o.titel,
      summary: o.untertitel,
      description: o.beschreibung,
      languages: o.sprachen,
      districts: o.stadtteile,
      venues: o.orte,
      schedule: o.zeiten,
      funding: o.foerderung,
      targetGroupText: o.zielgruppen.join(', ') || null,
      section: 'laufende_angebote' as const,
      source: { file: o.quelle.datei, line: o.quelle.zeile, document: doc.titel },
      position,
    }),
    links: (o) => ({ partner: o.partner, zielgruppen: o.zielgruppen, kontakte: o.ansprechpersonen }),
    replaceLinks: async (id, o) => {
      await db.delete(offerActors).where(eq(offerActors.offerId, id));
      await db.delete(offerTargetGroups).where(eq(offerTargetGroups.offerId, id));
      await db.delete(offerContacts).where(eq(offerContacts.offerId, id));
      const actorRows = [
        { offerId: id, actorId: actorId(KI), role: 'veranstalter' as const, wording: null, position: 0 },
        ...o.partner.map((p, i) => ({ offerId: id, actorId: actorId(p), role: 'partner' as const, wording: p, position: i + 1 })),
      ];
      await insertUnique(db, offerActors, actorRows, (r) => `${r.actorId}/${r.role}`);
      await insertUnique(db, offerTargetGroups, o.zielgruppen.map((g) => ({ offerId: id, targetGroupId: groupId(g), wording: g })), (r) => r.targetGroupId);
      await insertUnique(
        db,
        offerContacts,
        o.ansprechpersonen.flatMap((k, position) => (contactIds.get(k) ? [{ offerId: id, contactId: contactIds.get(k)!, position }] : [])),
        (r) => r.contactId,
      );
    },
    rev,
  });
  conflicts.push(...offerResult.conflicts);
  missing.push(...offerResult.missing);

  // --- networks and bodies (predecessors first, so their ids exist) ---------------------------
  const networkPlans: (JrNetzwerk & { sessions?: { date: string; label: string; line: number }[]; membersCount?: number | null; term?: string | null })[] = [
    ...doc.netzwerke,
    ...doc.gremien.map((g) => ({
      schluessel: g.schluessel,
      name: g.name,
      kurzname: null,
      art: 'gremium' as const,
      beschreibung: g.beschreibung,
      status: 'aktiv' as const,
      vorgaenger: null,
      seit: null,
      gegruendet: null,
      rhythmus: null,
      mitglieder: g.vorsitzOrganisationen,
      quelle: g.quelle,
      sessions: g.sitzungen.map((s) => ({ date: s.datum, label: s.bezeichnung, line: s.quelle.zeile })),
      membersCount: g.mitglieder,
      term: g.amtszeit,
    })),
  ];
  networkPlans.sort((a, b) => Number(Boolean(a.vorgaenger)) - Number(Boolean(b.vorgaenger)));
  const existingNetworks = await db
    .select({ id: networks.id, key: networks.importKey })
    .from(networks)
    .where(eq(networks.municipalityId, ctx.municipalityId));
  const networkIds = new Map(existingNetworks.map((n) => [n.key, n.id]));
  for (const n of networkPlans) if (!networkIds.has(n.schluessel)) networkIds.set(n.schluessel, crypto.randomUUID());
  const networkResult = await syncEntities(db, {
    kind: 'network',
    table: networks,
    municipalityId: ctx.municipalityId,
    planned: networkPlans,
    key: (n) => n.schluessel,
    title: (n) => n.name,
    slug: (n) => slugify(n.kurzname && n.kurzname.length > 3 ? n.kurzname : n.name, 60),
    presetId: (n) => networkIds.get(n.schluessel)!,
    columns: (n, position) => ({
      name: n.name,
      kind: n.art,
      description: n.beschreibung || null,
      actorId: actorId(n.name),
      leadActorId: n.art === 'gremium' ? null : n.mitglieder.includes(KI) ? actorId(KI) : null,
      rhythm: n.rhythmus,
      status: n.status,
      predecessorId: n.vorgaenger ? (networkIds.get(n.vorgaenger) ?? null) : null,
      succeededText: n.seit,
      membersCount: n.membersCount ?? null,
      term: n.term ?? null,
      founded: n.gegruendet,
      source: { file: n.quelle.datei, line: n.quelle.zeile, document: doc.titel },
      position,
    }),
    links: (n) => ({ mitglieder: n.mitglieder, sitzungen: n.sessions ?? [] }),
    replaceLinks: async (id, n) => {
      await db.delete(networkMembers).where(eq(networkMembers.networkId, id));
      await db.delete(networkSessions).where(eq(networkSessions.networkId, id));
      const role = n.art === 'gremium' ? 'vorsitz' : 'mitglied';
      await insertUnique(db, networkMembers, n.mitglieder.map((m, position) => ({ networkId: id, actorId: actorId(m), role, position })), (r) => r.actorId);
      await insertUnique(
        db,
        networkSessions,
        (n.sessions ?? []).map((s) => ({ networkId: id, date: s.date, label: s.label, source: { file: doc.quelle.datei, line: s.line } })),
        (r) => r.date,
      );
    },
    rev,
  });
  conflicts.push(...networkResult.conflicts);
  missing.push(...networkResult.missing);

  // --- events ----------------------------------------------------------------------------------
  const offerIds = new Map(
    (await db.select({ id: offers.id, key: offers.importKey }).from(offers).where(eq(offers.municipalityId, ctx.municipalityId))).map((o) => [o.key, o.id]),
  );
  const eventResult = await syncEntities(db, {
    kind: 'event',
    table: events,
    municipalityId: ctx.municipalityId,
    planned: doc.veranstaltungen,
    key: (e) => e.schluessel,
    title: (e) => e.titel,
    slug: (e) => `${e.beginn}-${slugify(e.titel, 50)}`,
    columns: (e: JrVeranstaltung) => ({
      title: e.titel,
      summary: e.titel === e.artikel ? null : e.artikel,
      description: e.beschreibung,
      startDate: e.beginn,
      endDate: e.ende,
      startTime: e.uhrzeitVon,
      endTime: e.uhrzeitBis,
      dateIsMonth: e.genauigkeit === 'monat',
      venueName: e.ort,
      venueAddress: e.adresse,
      district: e.stadtteil,
      participants: e.teilnehmende,
      registration: null,
      targetGroupText: e.zielgruppen.join(', ') || null,
      section: e.rubrik,
      articleTitle: e.artikel,
      offerId: e.angebot ? (offerIds.get(e.angebot) ?? null) : null,
      source: { file: e.quelle.datei, line: e.quelle.zeile, document: doc.titel },
    }),
    links: (e) => ({ veranstalter: e.veranstalter, partner: e.partner, zielgruppen: e.zielgruppen }),
    replaceLinks: async (id, e) => {
      await db.delete(eventActors).where(eq(eventActors.eventId, id));
      await db.delete(eventTargetGroups).where(eq(eventTargetGroups.eventId, id));
      const rows = [
        ...e.veranstalter.map((n, i) => ({ eventId: id, actorId: actorId(n), role: 'veranstalter' as const, wording: n, position: i })),
        ...e.partner.map((n, i) => ({ eventId: id, actorId: actorId(n), role: 'partner' as const, wording: n, position: 100 + i })),
      ];
      await insertUnique(db, eventActors, rows, (r) => `${r.actorId}/${r.role}`);
      await insertUnique(db, eventTargetGroups, e.zielgruppen.map((g) => ({ eventId: id, targetGroupId: groupId(g), wording: g })), (r) => r.targetGroupId);
    },
    rev,
  });
  conflicts.push(...eventResult.conflicts);
  missing.push(...eventResult.missing);

  // --- the review itself: its introduction is editable, an import never overwrites it ---------
  const [review] = await db
    .select({ year: annualReviews.year })
    .from(annualReviews)
    .where(and(eq(annualReviews.municipalityId, ctx.municipalityId), eq(annualReviews.year, doc.jahr)));
  if (!review)
    await db.insert(annualReviews).values({
      municipalityId: ctx.municipalityId,
      year: doc.jahr,
      title: doc.titel,
      introduction: doc.vorwort,
      source: { file: doc.quelle.datei, line: doc.quelle.zeile, document: doc.titel },
    });

  await recordRevisions(db, revs);
  return {
    titel: doc.titel,
    jahr: doc.jahr,
    offers: offerResult.counts,
    events: eventResult.counts,
    networks: networkResult.counts,
    contacts: contactCounts,
    actorsCreated: newActors.length,
    targetGroupsCreated: newGroups.length,
    conflicts,
    missing,
  };
}

async function insertUnique<T extends Record<string, unknown>>(db: Db, table: Parameters<Db['insert']>[0], rows: T[], key: (r: T) => string) {
  const seen = new Set<string>();
  const unique = rows.filter((r) => (seen.has(key(r)) ? false : (seen.add(key(r)), true)));
  for (const part of chunks(unique)) if (part.length) await db.insert(table).values(part as never);
}

type EntityTable = typeof offers | typeof events | typeof networks;

interface EntitySpec<P> {
  kind: 'offer' | 'event' | 'network';
  table: EntityTable;
  municipalityId: string;
  planned: P[];
  key: (p: P) => string;
  title: (p: P) => string;
  slug: (p: P) => string;
  presetId?: (p: P) => string;
  columns: (p: P, position: number) => Record<string, unknown>;
  /** Imported links, part of the content hash. */
  links: (p: P) => unknown;
  replaceLinks: (id: string, p: P) => Promise<void>;
  rev: (entityType: EntityType, id: string, state: unknown) => void;
}

/** Insert new, update changed (unless edited in the app since), skip unchanged; by import key and content hash. */
async function syncEntities<P>(db: Db, spec: EntitySpec<P>) {
  const table = spec.table as typeof offers;
  const existing = await db
    .select({ id: table.id, key: table.importKey, hash: table.importHash, slug: table.slug })
    .from(table)
    .where(eq(table.municipalityId, spec.municipalityId));
  const byKey = new Map(existing.filter((e) => e.key).map((e) => [e.key!, e]));
  const slugs = new Set(existing.map((e) => e.slug));
  const lastAuthors = new Map<string, string | null>();
  for (const part of chunks(existing.map((e) => e.id), 1000)) {
    if (!part.length) continue;
    const rows = await db
      .selectDistinctOn([revisions.entityId], { entityId: revisions.entityId, authorId: revisions.authorId })
      .from(revisions)
      .where(and(eq(revisions.entityType, spec.kind), inArray(revisions.entityId, part)))
      .orderBy(revisions.entityId, desc(revisions.id));
    for (const r of rows) lastAuthors.set(r.entityId, r.authorId);
  }
  const counts = emptyCounts();
  const conflicts: ReviewWriteOutcome['conflicts'] = [];
  const written: { id: string; plan: P }[] = [];
  for (const [position, p] of spec.planned.entries()) {
    const columns = spec.columns(p, position);
    const importHash = hashValue({ columns, links: spec.links(p) });
    const stored = byKey.get(spec.key(p));
    if (!stored) {
      const id = spec.presetId?.(p) ?? crypto.randomUUID();
      await db.insert(table).values({
        id,
        municipalityId: spec.municipalityId,
        slug: uniqueSlug(spec.slug(p), slugs),
        importKey: spec.key(p),
        importHash,
        ...columns,
      } as never);
      written.push({ id, plan: p });
      counts.created++;
    } else if (stored.hash === importHash) counts.unchanged++;
    else if (lastAuthors.get(stored.id)) conflicts.push({ kind: spec.kind, key: spec.key(p), title: spec.title(p) });
    else {
      await db
        .update(table)
        .set({ ...columns, importHash, updatedAt: new Date() } as never)
        .where(eq(table.id, stored.id));
      written.push({ id: stored.id, plan: p });
      counts.updated++;
    }
  }
  for (const w of written) await spec.replaceLinks(w.id, w.plan);
  if (written.length) {
    const rows = await db
      .select()
      .from(table)
      .where(inArray(table.id, written.map((w) => w.id)));
    for (const row of rows) spec.rev(spec.kind, row.id, row);
  }
  const plannedKeys = new Set(spec.planned.map(spec.key));
  const missing = [...byKey.entries()]
    .filter(([k]) => !plannedKeys.has(k))
    .map(([k]) => ({ kind: spec.kind, key: k, title: k }));
  return { counts, conflicts, missing };
}
