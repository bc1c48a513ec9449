/**
 * "Was ist neu": /kataloge/{catalogue}/vergleich?von=<edition>&bis=<edition|aktuell>. Without
 * parameters: the latest edition against its predecessor, or against today's state.
 */
import { error } from '@sveltejs/kit';
import { getDb } from '$lib/server/web/kit';
import { CURRENT, catalogueEditions, compareEditions } from '$lib/server/editions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
  const db = await getDb();
  const found = await catalogueEditions(db, params.catalogue, locals.municipality);
  if (!found) error(404, 'Katalog nicht gefunden');
  const slugs = found.editions.map((e) => e.slug);
  const latest = slugs.at(-1);
  const from = url.searchParams.get('von') ?? (slugs.length > 1 ? slugs.at(-2)! : latest) ?? null;
  const to = url.searchParams.get('bis') ?? (slugs.length > 1 ? latest! : CURRENT);
  const base = { catalogue: found.catalogue, editions: found.editions, from, to };
  if (!from) return { ...base, problem: null, view: null };
  const known = (slug: string) => slug === CURRENT || slugs.includes(slug);
  if (!known(from) || !known(to)) return { ...base, problem: 'unknown' as const, view: null };
  if (from === to) return { ...base, problem: 'same' as const, view: null };
  return { ...base, problem: null, view: await compareEditions(db, params.catalogue, from, to, locals.municipality) };
};
