/**
 * The gap analysis as one use case: who may see it (policy: report.read — Redaktion, steering
 * group, administration), which lists there are (their names are the `liste` values of the CSV
 * export), and loading them for a scope. Each list is one statement (PGlite runs one query at a
 * time at about a millisecond each; a query per row would not scale with the catalogue).
 */
import { sql } from 'drizzle-orm';
import { authorize, type SessionUser } from '../auth/policy';
import { queryRows, type Db } from '../db/connection';
import { actorsAllOverdue, type OverdueActor } from './actors-overdue';
import { dimensionGaps, type DimensionCoverage } from './dimension-directions';
import { gapRecords, type GapRecord } from './gap-records';
import { goalsWithoutMeasures, type GoalWithoutMeasures } from './goals-without-measures';
import { measuresWithoutResponsible, measuresWithoutTargetGroup, type IncompleteMeasure } from './incomplete-measures';
import { officesWithoutMeasures, type OfficeWithoutMeasures } from './offices-without-measures';
import { unmatchedStatus, type UnmatchedStatus } from './unmatched-status';
import type { CatalogueRef, GapScope } from './scope';

/** The lists, in the order the page shows them; the value is the URL name (`?liste=`). */
export const GAP_LISTS = [
  'handlungsziele',
  'luecken',
  'dimensionen-aussen',
  'dimensionen-innen',
  'aemter',
  'akteure',
  'ohne-zielgruppe',
  'ohne-verantwortlich',
  'status',
] as const;
export type GapListName = (typeof GAP_LISTS)[number];

export function isGapListName(value: unknown): value is GapListName {
  return typeof value === 'string' && (GAP_LISTS as readonly string[]).includes(value);
}

export interface GapLists {
  handlungsziele: GoalWithoutMeasures[];
  luecken: GapRecord[];
  'dimensionen-aussen': DimensionCoverage[];
  'dimensionen-innen': DimensionCoverage[];
  aemter: OfficeWithoutMeasures[];
  akteure: OverdueActor[];
  'ohne-zielgruppe': IncompleteMeasure[];
  'ohne-verantwortlich': IncompleteMeasure[];
  status: UnmatchedStatus[];
}

export interface GapAnalysis {
  /** The catalogue filter as applied ('' for all); an unknown slug is dropped. */
  catalogue: string;
  catalogues: CatalogueRef[];
  lists: GapLists;
}

/** The municipality's catalogues, for the filter (one statement). */
export async function gapCatalogues(db: Db, municipality: string): Promise<CatalogueRef[]> {
  return queryRows<CatalogueRef>(
    db,
    sql`select c.slug, c.title from catalogues c
        where c.municipality_id = (select id from municipalities where slug = ${municipality})
        order by c.position, c.title`,
  );
}

/** Loads one list (the CSV export needs no other). */
export async function loadGapList<N extends GapListName>(db: Db, name: N, scope: GapScope, now: Date): Promise<GapLists[N]> {
  const lists = await loaders[name](db, scope, now);
  return lists as GapLists[N];
}

type Loader = (db: Db, scope: GapScope, now: Date) => Promise<GapLists[GapListName]>;
const loaders: Record<GapListName, Loader> = {
  handlungsziele: (db, scope) => goalsWithoutMeasures(db, scope),
  luecken: (db, scope) => gapRecords(db, scope),
  'dimensionen-aussen': async (db, scope) => (await dimensionGaps(db, scope)).withoutOutward,
  'dimensionen-innen': async (db, scope) => (await dimensionGaps(db, scope)).withoutInward,
  aemter: (db, scope) => officesWithoutMeasures(db, scope),
  akteure: (db, scope, now) => actorsAllOverdue(db, scope, now),
  'ohne-zielgruppe': (db, scope) => measuresWithoutTargetGroup(db, scope),
  'ohne-verantwortlich': (db, scope) => measuresWithoutResponsible(db, scope),
  status: (db, scope) => unmatchedStatus(db, scope),
};

/** Keeps the catalogue filter only when it names one of the municipality's catalogues. */
function effectiveScope(scope: GapScope, catalogues: CatalogueRef[]): GapScope {
  const catalogue = scope.catalogue && catalogues.some((c) => c.slug === scope.catalogue) ? scope.catalogue : null;
  return { municipality: scope.municipality, catalogue };
}

/** Every list for the page; the user needs report.read. */
export async function loadGapAnalysis(db: Db, user: SessionUser | null, scope: GapScope, now: Date = new Date()): Promise<GapAnalysis> {
  authorize(user, 'report.read');
  const catalogues = await gapCatalogues(db, scope.municipality);
  const s = effectiveScope(scope, catalogues);
  // Sequential on purpose: PGlite is single-threaded, and on PostgreSQL eight short statements
  // on one request need no parallel connections.
  const dimensions = await dimensionGaps(db, s);
  const lists: GapLists = {
    handlungsziele: await goalsWithoutMeasures(db, s),
    luecken: await gapRecords(db, s),
    'dimensionen-aussen': dimensions.withoutOutward,
    'dimensionen-innen': dimensions.withoutInward,
    aemter: await officesWithoutMeasures(db, s),
    akteure: await actorsAllOverdue(db, s, now),
    'ohne-zielgruppe': await measuresWithoutTargetGroup(db, s),
    'ohne-verantwortlich': await measuresWithoutResponsible(db, s),
    status: await unmatchedStatus(db, s),
  };
  return { catalogue: s.catalogue ?? '', catalogues, lists };
}

/** One list for the CSV export; the user needs report.read. */
export async function loadGapListFor<N extends GapListName>(
  db: Db,
  user: SessionUser | null,
  name: N,
  scope: GapScope,
  now: Date = new Date(),
): Promise<{ catalogue: string; rows: GapLists[N] }> {
  authorize(user, 'report.read');
  const s = effectiveScope(scope, await gapCatalogues(db, scope.municipality));
  return { catalogue: s.catalogue ?? '', rows: await loadGapList(db, name, s, now) };
}
