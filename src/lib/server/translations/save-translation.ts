/**
 * Saving a translated field from the side-by-side form. Editors publish directly (saving a
 * machine draft is its approval); contributors' translations become proposals that wait for
 * an editor (publish-proposal.ts), like their changes to measures. The form sends the hash of
 * the German text the translator saw: if the German text changed meanwhile, nothing is saved.
 */
import { z } from 'zod';
import type { Db } from '../db/connection';
import { translationProposals } from '../db/schema';
import { authorize, needsReview, type SessionUser } from '../auth/policy';
import { recordAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { ValidationError, WorkflowError } from '../editing/errors';
import { parseWith } from '../editing/parse-input';
import { isContentLanguage, parseUnitId } from './fields';
import { loadSourceUnits } from './sources';
import { writeTranslation } from './write-translation';

export const translationInput = z.object({
  unit: z.string().min(1).max(200),
  lang: z.string().refine(isContentLanguage, 'Diese Sprache wird nicht übersetzt.'),
  value: z.string().max(20_000, 'Der Text ist zu lang (höchstens 20.000 Zeichen).'),
  /** Hash of the German text shown in the form. */
  sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type TranslationInput = z.input<typeof translationInput>;

export type SaveTranslationResult = { status: 'saved'; changed: boolean } | { status: 'proposed'; proposalId: string };

export async function saveTranslation(db: Db, user: SessionUser, catalogueId: string, input: TranslationInput): Promise<SaveTranslationResult> {
  authorize(user, 'translation.edit');
  const value = parseWith(translationInput, input);
  const key = parseUnitId(value.unit);
  if (!key) throw new ValidationError({ unit: 'Dieses Feld kann nicht übersetzt werden.' });
  return inTransaction(db, async (tx) => {
    const source = (await loadSourceUnits(tx, catalogueId)).find((u) => u.id === value.unit);
    if (!source) throw new ValidationError({ unit: 'Dieses Feld gehört nicht zum Katalog oder hat keinen deutschen Text.' });
    if (source.hash !== value.sourceHash)
      throw new WorkflowError('Der deutsche Text wurde inzwischen geändert. Bitte prüfen Sie die Übersetzung am neuen Text.');
    if (needsReview(user)) {
      if (!value.value.trim()) throw new ValidationError({ value: 'Bitte geben Sie eine Übersetzung ein.' });
      const [proposal] = await tx
        .insert(translationProposals)
        .values({ catalogueId, ...key, lang: value.lang, value: value.value.trim(), sourceHash: source.hash, sourceText: source.text, authorId: user.id })
        .returning({ id: translationProposals.id });
      await recordAudit(tx, { userId: user.id, action: 'translation.propose', entityType: key.entityType, entityId: key.entityId, details: { field: key.field, lang: value.lang } });
      return { status: 'proposed', proposalId: proposal!.id };
    }
    const changed = await writeTranslation(tx, {
      ...key,
      lang: value.lang,
      value: value.value,
      sourceHash: source.hash,
      sourceText: source.text,
      machine: false,
      authorId: user.id,
      comment: value.value.trim() ? `Übersetzung (${value.lang}) gespeichert` : `Übersetzung (${value.lang}) entfernt`,
    });
    if (changed)
      await recordAudit(tx, { userId: user.id, action: 'translation.publish', entityType: key.entityType, entityId: key.entityId, details: { field: key.field, lang: value.lang } });
    return { status: 'saved', changed };
  });
}
