/** URL slugs of measures: built from number and title, unique within the catalogue (old slugs included). */
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { measures, measureSlugs } from '../../db/schema';
import { slugify } from '../../text/slug';

export function slugBase(input: { number: string | null; title: string }): string {
  return slugify([input.number, input.title].filter(Boolean).join(' '), 70);
}

/** Slugs in use in the catalogue by other measures, current or old. */
export async function takenSlugs(tx: Db, catalogueId: string, exceptMeasureId: string | null): Promise<Set<string>> {
  const current = await tx
    .select({ slug: measures.slug })
    .from(measures)
    .where(exceptMeasureId ? and(eq(measures.catalogueId, catalogueId), ne(measures.id, exceptMeasureId)) : eq(measures.catalogueId, catalogueId));
  const old = await tx
    .select({ slug: measureSlugs.slug })
    .from(measureSlugs)
    .where(
      exceptMeasureId
        ? and(eq(measureSlugs.catalogueId, catalogueId), ne(measureSlugs.measureId, exceptMeasureId))
        : eq(measureSlugs.catalogueId, catalogueId),
    );
  return new Set([...current, ...old].map((r) => r.slug));
}
