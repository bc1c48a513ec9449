/**
 * Funding on measures: the agreements' caveat "Die Durchführung ist abhängig von Fördermitteln"
 * (the importer reads it into `extra.finanzierungsvorbehalt`) becomes a funding record marked
 * "abhängig von Fördermitteln"; the public measure page shows public funding; the back office
 * lists measures whose funding ends within N months.
 */
import { and, asc, eq, gte, isNotNull, lte, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { catalogues, fundingProgrammes, measureFunding, measures } from '../db/schema';
import { authorize, type SessionUser } from '../auth/policy';

/** Creates the caveat records the import brought (once per measure); returns how many were new. */
export async function mapFundingCaveats(db: Db, municipalityId: string): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`
    insert into measure_funding (measure_id, depends_on_funding, caveat, is_public)
    select m.id, true, m.extra->>'finanzierungsvorbehalt', true
    from measures m join catalogues c on c.id = m.catalogue_id
    where c.municipality_id = ${municipalityId}
      and coalesce(m.extra->>'finanzierungsvorbehalt', '') <> ''
      and not exists (select 1 from measure_funding f where f.measure_id = m.id and f.depends_on_funding)
    returning id`,
  );
  return rows.length;
}

export interface PublicFunding {
  funder: string | null;
  programmeTitle: string | null;
  programmeSlug: string | null;
  amountCents: number | null;
  securedUntil: string | null;
  renewal: string | null;
  dependsOnFunding: boolean;
  caveat: string | null;
}

/** What the public measure page shows. */
export async function publicFundingOf(db: Db, measureId: string): Promise<PublicFunding[]> {
  return db
    .select({
      funder: measureFunding.funder,
      programmeTitle: fundingProgrammes.title,
      programmeSlug: fundingProgrammes.slug,
      amountCents: measureFunding.amountCents,
      securedUntil: measureFunding.securedUntil,
      renewal: measureFunding.renewal,
      dependsOnFunding: measureFunding.dependsOnFunding,
      caveat: measureFunding.caveat,
    })
    .from(measureFunding)
    .leftJoin(fundingProgrammes, eq(fundingProgrammes.id, measureFunding.programmeId))
    .where(and(eq(measureFunding.measureId, measureId), eq(measureFunding.isPublic, true)))
    .orderBy(asc(measureFunding.createdAt));
}

function addMonths(iso: string, months: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** Measures whose secured funding ends between today and today + N months. */
export async function fundingEndingWithin(db: Db, user: SessionUser | null, months: number, today: string) {
  authorize(user, 'funding.read');
  return db
    .select({
      measureId: measures.id,
      title: measures.title,
      number: measures.number,
      catalogueTitle: catalogues.title,
      funder: measureFunding.funder,
      securedUntil: measureFunding.securedUntil,
      dependsOnFunding: measureFunding.dependsOnFunding,
    })
    .from(measureFunding)
    .innerJoin(measures, eq(measures.id, measureFunding.measureId))
    .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
    .where(and(isNotNull(measureFunding.securedUntil), gte(measureFunding.securedUntil, today), lte(measureFunding.securedUntil, addMonths(today, months))))
    .orderBy(asc(measureFunding.securedUntil), asc(measures.title));
}

/** Measures marked "abhängig von Fördermitteln" (count for the dashboard and tests). */
export async function countDependingOnFunding(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(distinct ${measureFunding.measureId})::int` })
    .from(measureFunding)
    .where(eq(measureFunding.dependsOnFunding, true));
  return Number(row?.n ?? 0);
}
