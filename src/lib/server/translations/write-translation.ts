/**
 * Writes one published translation (inside the caller's transaction): upsert into
 * `translations` with the hash and text of the German source it was made from, a revision
 * (entity type "translation", state = the field's translation) and nothing when nothing changed.
 * The content-version trigger on `translations` invalidates the public page cache.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { translations } from '../db/schema';
import { recordRevisions } from '../revisions/record';
import type { UnitKey } from './fields';

export interface WriteTranslation extends UnitKey {
  lang: string;
  /** Empty: the translation is removed (the field falls back to German). */
  value: string;
  sourceHash: string;
  sourceText: string;
  machine: boolean;
  authorId: string | null;
  authorLabel?: string | null;
  comment: string;
}

export function translationKey(key: UnitKey & { lang: string }) {
  return and(
    eq(translations.entityType, key.entityType),
    eq(translations.entityId, key.entityId),
    eq(translations.field, key.field),
    eq(translations.lang, key.lang),
  );
}

/** Returns whether anything changed. */
export async function writeTranslation(tx: Db, input: WriteTranslation): Promise<boolean> {
  const value = input.value.replace(/\r\n?/g, '\n').trim();
  const [existing] = await tx.select().from(translations).where(translationKey(input)).for('update');
  if (!value) {
    if (!existing) return false;
    await tx.delete(translations).where(translationKey(input));
  } else {
    if (existing && existing.value === value && existing.sourceHash === input.sourceHash && existing.machine === input.machine) return false;
    const row = {
      value,
      sourceHash: input.sourceHash,
      sourceText: input.sourceText,
      machine: input.machine,
      updatedBy: input.authorId,
      updatedAt: new Date(),
    };
    if (existing) await tx.update(translations).set(row).where(translationKey(input));
    else await tx.insert(translations).values({ entityType: input.entityType, entityId: input.entityId, field: input.field, lang: input.lang, ...row });
  }
  await recordRevisions(tx, [
    {
      entityType: 'translation',
      entityId: input.entityId,
      state: { entityType: input.entityType, field: input.field, lang: input.lang, value: value || null, sourceHash: input.sourceHash, machine: input.machine },
      authorId: input.authorId,
      authorLabel: input.authorLabel ?? null,
      comment: input.comment,
    },
  ]);
  return true;
}
