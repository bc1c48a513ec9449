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
import { recordAudit } from '../auth/audit';
import { bumpContentVersion } from '../cache/content-version';
import { inTransaction } from '../db/transaction';
import { NotFoundError, ValidationError } from '../editing/errors';
import { hasUnstorableText } from '../text/storable';
import { parseEuroToCents } from '../../money';

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

export interface MeasureFundingInput {
  funder: string;
  programmeId: string;
  amount: string;
  securedUntil: string;
  renewal: string;
  dependsOnFunding: boolean;
  caveat: string;
  isPublic: boolean;
}

/** All funding records of a measure (back office, public or not). */
export async function measureFundingRecords(db: Db, user: SessionUser | null, measureId: string) {
  authorize(user, 'funding.read');
  if (!/^[0-9a-f-]{36}$/i.test(measureId)) throw new NotFoundError('Die Maßnahme');
  const [measure] = await db.select({ id: measures.id, title: measures.title, number: measures.number }).from(measures).where(eq(measures.id, measureId));
  if (!measure) throw new NotFoundError('Die Maßnahme');
  const records = await db
    .select({
      id: measureFunding.id,
      funder: measureFunding.funder,
      programmeTitle: fundingProgrammes.title,
      amountCents: measureFunding.amountCents,
      securedUntil: measureFunding.securedUntil,
      renewal: measureFunding.renewal,
      dependsOnFunding: measureFunding.dependsOnFunding,
      caveat: measureFunding.caveat,
      isPublic: measureFunding.isPublic,
      applicationId: measureFunding.applicationId,
    })
    .from(measureFunding)
    .leftJoin(fundingProgrammes, eq(fundingProgrammes.id, measureFunding.programmeId))
    .where(eq(measureFunding.measureId, measureId))
    .orderBy(asc(measureFunding.createdAt));
  const programmes = await db.select({ id: fundingProgrammes.id, title: fundingProgrammes.title }).from(fundingProgrammes).orderBy(asc(fundingProgrammes.title));
  return { measure, records, programmes };
}

/** Records funding on a measure (an external programme, a funder, secured until …). */
export async function addMeasureFunding(db: Db, user: SessionUser, measureId: string, input: MeasureFundingInput): Promise<string> {
  authorize(user, 'funding.manage');
  const errors: Record<string, string> = {};
  const funder = input.funder.trim();
  const caveat = input.caveat.trim();
  const renewal = input.renewal.trim();
  if (!funder && !input.programmeId && !input.dependsOnFunding) errors.funder = 'Bitte nennen Sie einen Fördergeber oder ein Programm – oder vermerken Sie „abhängig von Fördermitteln“.';
  if (funder.length > 300 || renewal.length > 300) errors.funder ??= 'Höchstens 300 Zeichen.';
  if (caveat.length > 2_000) errors.caveat = 'Höchstens 2.000 Zeichen.';
  if (hasUnstorableText(funder + caveat + renewal)) errors.funder ??= 'Der Text enthält Zeichen, die nicht gespeichert werden können.';
  const amountCents = input.amount.trim() ? parseEuroToCents(input.amount) : null;
  if (input.amount.trim() && amountCents == null) errors.amount = 'Bitte geben Sie den Betrag in Euro an, z. B. 12.000,00.';
  const securedUntil = input.securedUntil.trim() || null;
  if (securedUntil && (!/^\d{4}-\d{2}-\d{2}$/.test(securedUntil) || Number.isNaN(Date.parse(securedUntil)))) errors.securedUntil = 'Bitte geben Sie ein Datum an.';
  if (input.programmeId && !/^[0-9a-f-]{36}$/i.test(input.programmeId)) errors.programmeId = 'Bitte wählen Sie ein Programm aus der Liste.';
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return inTransaction(db, async (tx) => {
    const [measure] = await tx.select({ id: measures.id }).from(measures).where(eq(measures.id, measureId));
    if (!measure) throw new NotFoundError('Die Maßnahme');
    if (input.programmeId) {
      const [p] = await tx.select({ id: fundingProgrammes.id }).from(fundingProgrammes).where(eq(fundingProgrammes.id, input.programmeId));
      if (!p) throw new ValidationError({ programmeId: 'Bitte wählen Sie ein Programm aus der Liste.' });
    }
    const [row] = await tx
      .insert(measureFunding)
      .values({
        measureId,
        programmeId: input.programmeId || null,
        funder: funder || null,
        amountCents,
        securedUntil,
        renewal: renewal || null,
        dependsOnFunding: input.dependsOnFunding,
        caveat: caveat || null,
        isPublic: input.isPublic,
      })
      .returning({ id: measureFunding.id });
    await recordAudit(tx, { action: 'funding.measure.add', userId: user.id, entityType: 'measure', entityId: measureId, details: { fundingId: row!.id, amountCents, securedUntil } });
    await bumpContentVersion(tx);
    return row!.id;
  });
}

export async function removeMeasureFunding(db: Db, user: SessionUser, measureId: string, fundingId: string): Promise<void> {
  authorize(user, 'funding.manage');
  if (!/^[0-9a-f-]{36}$/i.test(fundingId)) throw new NotFoundError('Der Förder-Eintrag');
  await inTransaction(db, async (tx) => {
    const removed = await tx
      .delete(measureFunding)
      .where(and(eq(measureFunding.id, fundingId), eq(measureFunding.measureId, measureId)))
      .returning({ id: measureFunding.id, applicationId: measureFunding.applicationId });
    if (!removed.length) throw new NotFoundError('Der Förder-Eintrag');
    await recordAudit(tx, { action: 'funding.measure.remove', userId: user.id, entityType: 'measure', entityId: measureId, details: { fundingId } });
    await bumpContentVersion(tx);
  });
}
