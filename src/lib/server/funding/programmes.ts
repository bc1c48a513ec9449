/**
 * Funding programmes: the public call (read), the seed import's upsert, and editing the
 * guideline texts (versioned: every save appends a revision).
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/connection';
import { fundingProgrammes } from '../db/schema';
import { authorize, type SessionUser } from '../auth/policy';
import { findMunicipalityId } from '../catalogue/municipality';
import { recordAudit } from '../auth/audit';
import { recordRevisions } from '../revisions/record';
import { NotFoundError, ValidationError } from '../editing/errors';
import { refineStorable } from '../text/storable';
import type { SeedProgramme } from './seed-programme';

export type Programme = typeof fundingProgrammes.$inferSelect;

export async function listProgrammes(db: Db, municipality: string): Promise<Programme[]> {
  const municipalityId = await findMunicipalityId(db, municipality);
  if (!municipalityId) return [];
  return db.select().from(fundingProgrammes).where(eq(fundingProgrammes.municipalityId, municipalityId)).orderBy(asc(fundingProgrammes.title));
}

export async function getProgrammeBySlug(db: Db, municipality: string, slug: string): Promise<Programme> {
  const municipalityId = await findMunicipalityId(db, municipality);
  const [row] = municipalityId
    ? await db
        .select()
        .from(fundingProgrammes)
        .where(and(eq(fundingProgrammes.municipalityId, municipalityId), eq(fundingProgrammes.slug, slug)))
    : [];
  if (!row) throw new NotFoundError('Das Förderprogramm');
  return row;
}

/** Seed import: creates the programme once; a later import leaves edits alone. */
export async function upsertSeedProgramme(db: Db, municipalityId: string, p: SeedProgramme): Promise<{ id: string; created: boolean }> {
  const [existing] = await db
    .select({ id: fundingProgrammes.id })
    .from(fundingProgrammes)
    .where(and(eq(fundingProgrammes.municipalityId, municipalityId), eq(fundingProgrammes.slug, p.slug)));
  if (existing) return { id: existing.id, created: false };
  const [row] = await db
    .insert(fundingProgrammes)
    .values({ municipalityId, ...p })
    .returning();
  await recordRevisions(db, [{ entityType: 'funding_programme', entityId: row!.id, state: row, authorLabel: 'Import', comment: `Import aus ${p.source.file}` }]);
  return { id: row!.id, created: true };
}

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Bitte ein Datum angeben (TT.MM.JJJJ).').nullable());

export const programmeTextInput = z
  .object({
    guidelines: z.string().trim().max(20_000, 'Höchstens 20.000 Zeichen.'),
    criteria: z.string().trim().max(5_000, 'Höchstens 5.000 Zeichen.'),
    applicationDeadline: optionalDate,
    acceptsApplications: z.boolean(),
    version: z.coerce.number().int(),
    comment: z.string().trim().max(500, 'Höchstens 500 Zeichen.').optional(),
  })
  .superRefine(refineStorable);

/** Edits the call's texts (guidelines, criteria, deadline); versioned and audited. */
export async function updateProgrammeTexts(db: Db, user: SessionUser, id: string, raw: z.input<typeof programmeTextInput>): Promise<Programme> {
  authorize(user, 'funding.manage');
  const parsed = programmeTextInput.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const i of parsed.error.issues) fields[String(i.path[0] ?? 'form')] ??= i.message;
    throw new ValidationError(fields);
  }
  const input = parsed.data;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(fundingProgrammes)
      .set({
        guidelines: input.guidelines,
        criteria: input.criteria.split('\n').map((l) => l.trim()).filter(Boolean),
        applicationDeadline: input.applicationDeadline,
        acceptsApplications: input.acceptsApplications,
        version: sql`${fundingProgrammes.version} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(fundingProgrammes.id, id), eq(fundingProgrammes.version, input.version)))
      .returning();
    if (!row) {
      const [exists] = await tx.select({ id: fundingProgrammes.id }).from(fundingProgrammes).where(eq(fundingProgrammes.id, id));
      if (!exists) throw new NotFoundError('Das Förderprogramm');
      throw new ValidationError({ form: 'Das Programm wurde inzwischen von jemand anderem geändert. Bitte laden Sie die Seite neu.' });
    }
    await recordRevisions(tx as unknown as Db, [{ entityType: 'funding_programme', entityId: id, state: row, authorId: user.id, comment: input.comment || null }]);
    await recordAudit(tx as unknown as Db, { action: 'funding.programme.update', userId: user.id, entityType: 'funding_programme', entityId: id, details: { version: row.version } });
    return row;
  });
}
