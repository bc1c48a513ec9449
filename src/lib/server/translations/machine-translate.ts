/**
 * Pre-translates the missing fields of a catalogue in one language with a machine provider
 * (editors). The provider is called outside any transaction; the results are then written in
 * one, each with the hash of the German text it was made from — re-checked, so a text changed
 * meanwhile is not given a translation of its old wording — and marked "maschinell".
 */
import type { Db } from '../db/connection';
import { authorize, type SessionUser } from '../auth/policy';
import { recordAudit } from '../auth/audit';
import { inTransaction } from '../db/transaction';
import { ValidationError } from '../editing/errors';
import { chunks } from '../util/collections';
import { isContentLanguage } from './fields';
import type { MachineTranslator } from './machine';
import { loadTranslationOverview } from './overview';
import { loadSourceUnits } from './sources';
import { writeTranslation } from './write-translation';

export async function machineTranslate(db: Db, user: SessionUser, catalogueId: string, lang: string, translator: MachineTranslator): Promise<{ translated: number }> {
  authorize(user, 'translation.publish');
  if (!isContentLanguage(lang)) throw new ValidationError({ lang: 'Diese Sprache wird nicht übersetzt.' });
  const missing = (await loadTranslationOverview(db, catalogueId, lang)).units.filter((u) => u.status === 'fehlt');
  const results: { id: string; hash: string; value: string }[] = [];
  for (const part of chunks(missing, 25)) {
    const out = await translator.translate(part.map((u) => u.text), lang);
    part.forEach((u, i) => results.push({ id: u.id, hash: u.hash, value: out[i]! }));
  }
  return inTransaction(db, async (tx) => {
    const sources = new Map((await loadSourceUnits(tx, catalogueId)).map((u) => [u.id, u]));
    let translated = 0;
    for (const r of results) {
      const source = sources.get(r.id);
      if (!source || source.hash !== r.hash || !r.value.trim()) continue;
      const changed = await writeTranslation(tx, {
        entityType: source.entityType,
        entityId: source.entityId,
        field: source.field,
        lang,
        value: r.value,
        sourceHash: source.hash,
        sourceText: source.text,
        machine: true,
        authorId: user.id,
        comment: `Maschinell vorübersetzt (${translator.name})`,
      });
      if (changed) translated++;
    }
    await recordAudit(tx, { userId: user.id, action: 'translation.machine', entityType: 'catalogue', entityId: catalogueId, details: { lang, provider: translator.name, translated } });
    return { translated };
  });
}
