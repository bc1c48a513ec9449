/** The catalogue and language a translator page is about (by slug and code), or null. */
import type { Db } from '../db/connection';
import { listCatalogues } from '../catalogue/queries';
import { contentLanguage, isContentLanguage, type ContentLanguage } from './fields';

export async function translationContext(db: Db, municipality: string, slug: string, lang: string) {
  if (!isContentLanguage(lang)) return null;
  const catalogue = (await listCatalogues(db, municipality)).find((c) => c.slug === slug);
  if (!catalogue) return null;
  return { catalogue: { id: catalogue.id, slug: catalogue.slug, title: catalogue.title }, language: contentLanguage(lang as ContentLanguage) };
}
