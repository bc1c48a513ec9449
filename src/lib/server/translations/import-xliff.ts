/**
 * Importing a translated XLIFF 2.x file for one catalogue and language (editors). Every unit is
 * checked first — known id of this catalogue, source hash equal to the current German text,
 * languages as expected — and the report names each refused unit; with any error nothing is
 * written. Otherwise all translated units are written in one transaction (revisions, one audit
 * entry). Units without a target are left alone.
 */
import type { Db } from '../db/connection';
import { catalogues } from '../db/schema';
import { eq } from 'drizzle-orm';
import { authorize, type SessionUser } from '../auth/policy';
import { recordAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { NotFoundError } from '../editing/errors';
import { isContentLanguage, parseUnitId } from './fields';
import { loadSourceUnits } from './sources';
import { parseXliff } from './xliff';
import { writeTranslation } from './write-translation';

export interface ImportProblem {
  /** The unit's id, or null for the file as a whole. */
  unit: string | null;
  message: string;
}

export type ImportXliffResult =
  | { status: 'refused'; errors: ImportProblem[] }
  | { status: 'imported'; updated: string[]; unchanged: string[]; skipped: string[] };

export async function importXliff(db: Db, user: SessionUser, catalogueId: string, lang: string, text: string): Promise<ImportXliffResult> {
  authorize(user, 'translation.publish');
  if (!isContentLanguage(lang)) return { status: 'refused', errors: [{ unit: null, message: 'Diese Sprache wird nicht übersetzt.' }] };
  const parsed = parseXliff(text);
  const errors: ImportProblem[] = [...parsed.errors];
  if (parsed.srcLang && parsed.srcLang.toLowerCase() !== 'de')
    errors.push({ unit: null, message: `Ausgangssprache „${parsed.srcLang}“: erwartet wird Deutsch (de).` });
  if (!parsed.trgLang || parsed.trgLang.toLowerCase() !== lang)
    errors.push({ unit: null, message: `Zielsprache „${parsed.trgLang ?? '?'}“: erwartet wird „${lang}“.` });
  return inTransaction(db, async (tx) => {
    const [catalogue] = await tx.select().from(catalogues).where(eq(catalogues.id, catalogueId));
    if (!catalogue) throw new NotFoundError('Der Katalog');
    const sources = new Map((await loadSourceUnits(tx, catalogueId)).map((u) => [u.id, u]));
    const todo: { id: string; value: string }[] = [];
    const skipped: string[] = [];
    for (const unit of parsed.units) {
      const key = parseUnitId(unit.id);
      const source = key ? sources.get(unit.id) : undefined;
      if (!source) {
        errors.push({ unit: unit.id, message: 'Unbekannte Kennung: Diese Einheit gehört nicht (mehr) zu diesem Katalog.' });
        continue;
      }
      if (!unit.hash) {
        errors.push({ unit: unit.id, message: 'Die Prüfsumme des deutschen Texts (Notiz „vielfalt:source-hash“) fehlt.' });
        continue;
      }
      if (unit.hash !== source.hash) {
        errors.push({ unit: unit.id, message: 'Falsche Prüfsumme: Der deutsche Text wurde seit dem Export geändert. Bitte exportieren Sie die Einheit neu.' });
        continue;
      }
      if (unit.target === null || !unit.target.trim()) {
        skipped.push(unit.id);
        continue;
      }
      if (unit.target.length > 20_000) {
        errors.push({ unit: unit.id, message: 'Die Übersetzung ist zu lang (höchstens 20.000 Zeichen).' });
        continue;
      }
      todo.push({ id: unit.id, value: unit.target });
    }
    if (errors.length) return { status: 'refused', errors };
    const updated: string[] = [];
    const unchanged: string[] = [];
    for (const item of todo) {
      const source = sources.get(item.id)!;
      const changed = await writeTranslation(tx, {
        entityType: source.entityType,
        entityId: source.entityId,
        field: source.field,
        lang,
        value: item.value,
        sourceHash: source.hash,
        sourceText: source.text,
        machine: false,
        authorId: user.id,
        comment: `XLIFF-Import (${lang})`,
      });
      (changed ? updated : unchanged).push(item.id);
    }
    await recordAudit(tx, {
      userId: user.id,
      action: 'translation.import',
      entityType: 'catalogue',
      entityId: catalogueId,
      details: { lang, updated: updated.length, unchanged: unchanged.length, skipped: skipped.length },
    });
    return { status: 'imported', updated, unchanged, skipped };
  });
}
