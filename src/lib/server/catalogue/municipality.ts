import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { municipalities } from '../db/schema';

/**
 * The municipality of this installation's first city. Named only here: the instance (seed import,
 * hooks) and the CLI's default choose it once; every use case is given its municipality.
 */
export const DEFAULT_MUNICIPALITY = { slug: 'herne', name: 'Stadt Herne' } as const;

/** The municipality (tenant) with this slug, or null. */
export async function findMunicipalityId(db: Db, slug: string): Promise<string | null> {
  const [row] = await db.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.slug, slug));
  return row?.id ?? null;
}

/** Finds the municipality (tenant) by slug, creating it on first use. */
export async function ensureMunicipality(db: Db, slug: string, name?: string): Promise<string> {
  const existing = await findMunicipalityId(db, slug);
  if (existing) return existing;
  const [row] = await db
    .insert(municipalities)
    .values({ slug, name: name ?? (slug === DEFAULT_MUNICIPALITY.slug ? DEFAULT_MUNICIPALITY.name : slug) })
    .onConflictDoNothing()
    .returning({ id: municipalities.id });
  if (row) return row.id;
  return (await findMunicipalityId(db, slug))!;
}
