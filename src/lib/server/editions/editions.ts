/**
 * Editions (Ausgaben): freezing a catalogue's published state, and reading frozen editions.
 *
 * Freezing stores the full content (content.ts) in the edition row; the database refuses any
 * later UPDATE or DELETE of a frozen row (trigger in drizzle/0005_editions_api_tokens.sql).
 * The "neu" marker of the frozen content is derived from the comparison with the previous
 * frozen edition (compare.ts: markNew). Freezing is audited (`edition.freeze`).
 */
import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/connection';
import { catalogues, editions } from '../db/schema';
import { authorize, type SessionUser } from '../auth/policy';
import { recordAudit } from '../auth/audit';
import { findMunicipalityId } from '../catalogue/municipality';
import { fieldErrors } from '../validation/fields';
import { NotFoundError, ValidationError } from '../editing/errors';
import { inTransaction } from '../db/transaction';
import { slugify, uniqueSlug } from '../text/slug';
import { buildPublishedContent, type EditionContent } from './content';
import { compareContents, markNew, type EditionComparison } from './compare';

/** The `bis` value that stands for today's published state. */
export const CURRENT = 'aktuell';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Höchstens ${max} Zeichen.`)
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));

export const freezeInput = z.object({
  catalogueId: z.string().uuid('Bitte wählen Sie einen Katalog.'),
  label: z.string().trim().min(3, 'Bitte geben Sie einen Namen an (mindestens 3 Zeichen), z. B. „3. Auflage“.').max(200, 'Höchstens 200 Zeichen.'),
  standDate: z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Bitte ein Datum im Format JJJJ-MM-TT angeben.')
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'Bitte ein gültiges Datum angeben.'),
  foreword: optionalText(20_000),
  note: optionalText(2_000),
});
export type FreezeInput = z.input<typeof freezeInput>;

export interface EditionMeta {
  id: string;
  slug: string;
  label: string;
  /** Stand as printed ("12. August 2024"). */
  stand: string | null;
  standDate: string | null;
  foreword: string | null;
  note: string | null;
  /** ISO timestamp. */
  frozenAt: string;
}

/** A frozen edition with its content: plain data, e.g. for the PDF renderer. */
export interface FrozenEdition {
  edition: EditionMeta;
  content: EditionContent;
}

type EditionRow = typeof editions.$inferSelect;

function meta(row: EditionRow): EditionMeta {
  return {
    id: row.id,
    slug: row.slug!,
    label: row.label,
    stand: row.stand,
    standDate: row.standDate,
    foreword: row.foreword,
    note: row.note,
    frozenAt: row.frozenAt!.toISOString(),
  };
}

/** "2024-08-12" → "12. August 2024" (Stand as German readers expect it printed). */
export function formatStand(isoDate: string): string {
  return new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** Frozen editions of a catalogue, oldest first. */
export async function listEditions(db: Db, catalogueId: string): Promise<EditionMeta[]> {
  const rows = await db
    .select()
    .from(editions)
    .where(and(eq(editions.catalogueId, catalogueId), isNotNull(editions.frozenAt)))
    .orderBy(asc(editions.frozenAt));
  return rows.map(meta);
}

async function latestFrozen(db: Db, catalogueId: string): Promise<EditionRow | undefined> {
  const [row] = await db
    .select()
    .from(editions)
    .where(and(eq(editions.catalogueId, catalogueId), isNotNull(editions.frozenAt)))
    .orderBy(desc(editions.frozenAt))
    .limit(1);
  return row;
}

export async function freezeEdition(db: Db, user: SessionUser, input: FreezeInput): Promise<EditionMeta> {
  authorize(user, 'edition.freeze');
  const parsed = freezeInput.safeParse(input);
  if (!parsed.success) throw new ValidationError(fieldErrors(parsed.error));
  const value = parsed.data;
  return inTransaction(db, async (tx) => {
    const [catalogue] = await tx.select({ id: catalogues.id }).from(catalogues).where(eq(catalogues.id, value.catalogueId));
    if (!catalogue) throw new NotFoundError('Der Katalog');
    const existing = await tx
      .select({ label: editions.label, slug: editions.slug })
      .from(editions)
      .where(eq(editions.catalogueId, value.catalogueId));
    if (existing.some((e) => e.label === value.label))
      throw new ValidationError({ label: 'Eine Ausgabe mit diesem Namen gibt es bereits. Bitte wählen Sie einen anderen Namen.' });
    const taken = new Set(existing.flatMap((e) => (e.slug ? [e.slug] : [])));
    taken.add(CURRENT);
    const slug = uniqueSlug(slugify(value.label, 60), taken);

    const previous = await latestFrozen(tx, value.catalogueId);
    const content = markNew(await buildPublishedContent(tx, value.catalogueId), (previous?.snapshot as EditionContent | undefined) ?? null);
    // Editions are ordered by frozen_at: keep it strictly increasing even within one millisecond.
    const now = new Date(Math.max(Date.now(), (previous?.frozenAt?.getTime() ?? 0) + 1));
    const [row] = await tx
      .insert(editions)
      .values({
        catalogueId: value.catalogueId,
        label: value.label,
        slug,
        stand: formatStand(value.standDate),
        standDate: value.standDate,
        foreword: value.foreword,
        note: value.note,
        snapshot: content,
        publishedAt: now,
        frozenAt: now,
        frozenBy: user.id,
      })
      .returning();
    await recordAudit(tx, {
      action: 'edition.freeze',
      userId: user.id,
      entityType: 'edition',
      entityId: row!.id,
      details: {
        catalogueId: value.catalogueId,
        label: value.label,
        measures: content.measures.length,
        new: content.measures.filter((m) => m.isNew).length,
        previous: previous?.label ?? null,
      },
    });
    return meta(row!);
  });
}

async function catalogueBySlug(db: Db, slug: string, municipality: string) {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return undefined;
  const [row] = await db
    .select({ id: catalogues.id, slug: catalogues.slug, title: catalogues.title })
    .from(catalogues)
    .where(and(eq(catalogues.municipalityId, mid), eq(catalogues.slug, slug)));
  return row;
}

/** A catalogue (by slug) and its frozen editions, for choosing what to compare. */
export async function catalogueEditions(
  db: Db,
  catalogueSlug: string,
  municipality: string,
): Promise<{ catalogue: { id: string; slug: string; title: string }; editions: EditionMeta[] } | null> {
  const catalogue = await catalogueBySlug(db, catalogueSlug, municipality);
  return catalogue ? { catalogue, editions: await listEditions(db, catalogue.id) } : null;
}

/** A frozen edition by id: its metadata and content in plain serialisable shape (PDF, API). */
export async function getEditionContent(db: Db, editionId: string): Promise<FrozenEdition | null> {
  const [row] = await db
    .select()
    .from(editions)
    .where(and(eq(editions.id, editionId), isNotNull(editions.frozenAt)));
  return row ? { edition: meta(row), content: row.snapshot as EditionContent } : null;
}

/** A frozen edition by catalogue slug and edition slug (the public URL). */
export async function findEdition(db: Db, catalogueSlug: string, editionSlug: string, municipality: string): Promise<FrozenEdition | null> {
  const catalogue = await catalogueBySlug(db, catalogueSlug, municipality);
  if (!catalogue) return null;
  const [row] = await db
    .select()
    .from(editions)
    .where(and(eq(editions.catalogueId, catalogue.id), eq(editions.slug, editionSlug), isNotNull(editions.frozenAt)));
  return row ? { edition: meta(row), content: row.snapshot as EditionContent } : null;
}

export interface ComparisonSide {
  /** Edition slug, or CURRENT. */
  slug: string;
  label: string | null;
  stand: string | null;
}

export interface ComparisonView {
  catalogue: { slug: string; title: string };
  from: ComparisonSide;
  to: ComparisonSide;
  comparison: EditionComparison;
}

/**
 * Compares two editions of a catalogue, or an edition and today's published state
 * (`to` = CURRENT). Null when the catalogue or an edition does not exist.
 */
export async function compareEditions(
  db: Db,
  catalogueSlug: string,
  from: string,
  to: string,
  municipality: string,
): Promise<ComparisonView | null> {
  const catalogue = await catalogueBySlug(db, catalogueSlug, municipality);
  if (!catalogue) return null;
  const side = async (slug: string): Promise<{ side: ComparisonSide; content: EditionContent } | null> => {
    if (slug === CURRENT) return { side: { slug, label: null, stand: null }, content: await buildPublishedContent(db, catalogue.id) };
    const found = await findEdition(db, catalogueSlug, slug, municipality);
    return found ? { side: { slug, label: found.edition.label, stand: found.edition.stand }, content: found.content } : null;
  };
  const [a, b] = [await side(from), await side(to)];
  if (!a || !b) return null;
  return {
    catalogue: { slug: catalogue.slug, title: catalogue.title },
    from: a.side,
    to: b.side,
    comparison: compareContents(a.content, b.content),
  };
}
