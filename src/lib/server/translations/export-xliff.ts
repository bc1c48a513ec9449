/** XLIFF export of one catalogue and language: all units, or only those that need work (fehlt, veraltet, maschinell). */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { catalogues } from '../db/schema';
import { authorize, type SessionUser } from '../auth/policy';
import { NotFoundError } from '../editing/errors';
import { loadTranslationOverview } from './overview';
import { buildXliff } from './xliff';

export type ExportScope = 'alle' | 'offen';

export async function exportXliff(db: Db, user: SessionUser, catalogueId: string, lang: string, scope: ExportScope): Promise<{ filename: string; body: string; count: number }> {
  authorize(user, 'translation.edit');
  const [catalogue] = await db.select().from(catalogues).where(eq(catalogues.id, catalogueId));
  if (!catalogue) throw new NotFoundError('Der Katalog');
  const overview = await loadTranslationOverview(db, catalogueId, lang);
  const units = overview.units.filter((u) => scope === 'alle' || u.status !== 'aktuell');
  const body = buildXliff({
    catalogueSlug: catalogue.slug,
    catalogueTitle: catalogue.title,
    lang,
    units: units.map((u) => ({ id: u.id, context: `${u.context} · ${u.field}`, source: u.text, hash: u.hash, status: u.status, target: u.translation?.value ?? null })),
  });
  return { filename: `${catalogue.slug}-${lang}${scope === 'offen' ? '-offen' : ''}.xlf`, body, count: units.length };
}
