import { expect } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachEngine } from '../../../../tests/helpers/db';
import { seededDatabase } from '../../../../tests/helpers/seed';
import { buildPlan } from '../../../../tests/helpers/factories';
import type { Db } from '../db/connection';
import { auditLog, nodes, revisions, translationProposals, translations } from '../db/schema';
import { ForbiddenError } from '../auth/policy';
import { loadMeasureSnapshots } from '../catalogue/snapshot';
import { editableFromSnapshot } from '../catalogue/editable-measure';
import { updateMeasure } from '../editing/measures/update-measure';
import { moveMeasure } from '../editing/measures/move-measure';
import { writeImportPlan } from '../importers/plan/write';
import { inTransaction } from '../db/transaction';
import { WorkflowError } from '../editing/errors';
import { CONTENT_LANGUAGES, unitId } from './fields';
import { loadTranslationOverview } from './overview';
import { saveTranslation } from './save-translation';
import { publishProposal, rejectProposal } from './proposals';
import { sourceHash } from './status';
import type { Seed } from '../../../../tests/helpers/seed';

const LANGS = ['en', 'ar', 'fa'] as const;

async function current(db: Db, id: string) {
  const snapshot = (await loadMeasureSnapshots(db, [id])).get(id)!;
  return { ...editableFromSnapshot(snapshot), version: snapshot.version };
}

/** Translates every unit of the catalogue into `langs` (as an editor). */
async function translateAll(db: Db, s: Seed, langs: readonly string[] = LANGS) {
  for (const lang of langs) {
    const overview = await loadTranslationOverview(db, s.catalogueId, lang);
    for (const u of overview.units)
      await saveTranslation(db, s.users.redaktion, s.catalogueId, { unit: u.id, lang, value: `[${lang}] ${u.text}`, sourceHash: u.hash });
  }
}

async function statuses(db: Db, s: Seed, lang: string) {
  const overview = await loadTranslationOverview(db, s.catalogueId, lang);
  return Object.fromEntries(overview.units.map((u) => [u.id, u.status]));
}

describeEachEngine('content translations: the hash rule', (engine) => {
  const { s, test } = seededDatabase(engine);

  test('units cover the catalogue, its nodes, published measures, their actors and target groups; all missing at first', async (db) => {
    const overview = await loadTranslationOverview(db, s.catalogueId, 'en');
    const types = new Set(overview.units.map((u) => u.entityType));
    expect([...types].sort()).toEqual(['actor', 'catalogue', 'measure', 'node', 'target_group']);
    expect(overview.units.some((u) => u.id === unitId({ entityType: 'measure', entityId: s.measures.m1, field: 'description' }))).toBe(true);
    // Empty German fields (goals of m1) and gaps need no translation.
    expect(overview.units.some((u) => u.id === unitId({ entityType: 'measure', entityId: s.measures.m1, field: 'goals' }))).toBe(false);
    expect(overview.units.some((u) => u.entityId === s.measures.gap)).toBe(false);
    expect(overview.counts.fehlt).toBe(overview.total);
    expect(overview.coverage).toBe(0);
  });

  test('save without change and moving the measure outdate nothing', async (db) => {
    await translateAll(db, s);
    for (const lang of LANGS) expect(Object.values(await statuses(db, s, lang)).every((st) => st === 'aktuell')).toBe(true);
    // Saving the unchanged measure (a no-op) and a save that changes only non-text fields.
    const before = await current(db, s.measures.m1);
    await updateMeasure(db, s.users.redaktion, s.measures.m1, before);
    const saved = await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...before, isNew: !before.isNew });
    expect(saved).toMatchObject({ status: 'saved', changed: true });
    // Moving it to another Handlungsziel and reordering the structure.
    await moveMeasure(db, s.users.redaktion, s.measures.m1, { version: 2, from: s.nodes.hzA1, to: s.nodes.hzA2, number: '7' });
    await db.update(nodes).set({ position: 9 }).where(eq(nodes.id, s.nodes.hzA1));
    for (const lang of LANGS) {
      const overview = await loadTranslationOverview(db, s.catalogueId, lang);
      expect(overview.counts).toMatchObject({ aktuell: overview.total, veraltet: 0, fehlt: 0 });
    }
  });

  test('a changed German text outdates exactly that field, in every language', async (db) => {
    await translateAll(db, s);
    const before = await current(db, s.measures.m1);
    const result = await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...before, description: 'Die Kitas bieten alltagsintegrierte Sprachförderung und Elternkurse an.' });
    expect(result).toMatchObject({ status: 'saved', changed: true });
    const changed = unitId({ entityType: 'measure', entityId: s.measures.m1, field: 'description' });
    for (const lang of LANGS) {
      const st = await statuses(db, s, lang);
      expect(Object.entries(st).filter(([, v]) => v === 'veraltet').map(([k]) => k)).toEqual([changed]);
      const overview = await loadTranslationOverview(db, s.catalogueId, lang);
      const unit = overview.units.find((u) => u.id === changed)!;
      // The outdated list shows the German text then → now.
      expect(unit.sourceDiff).toEqual(
        expect.arrayContaining([
          { kind: 'same', text: expect.stringContaining('Sprachförderung') },
          { kind: 'added', text: expect.stringContaining('Elternkurse') },
        ]),
      );
    }
    // The other languages of the table (untranslated here) stay "fehlt", not "veraltet".
    expect(Object.values(await statuses(db, s, 'tr')).every((v) => v === 'fehlt')).toBe(true);
    // Changing it back makes the translations current again: the hash, not a date, decides.
    await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...(await current(db, s.measures.m1)), description: before.description });
    expect((await statuses(db, s, 'en'))[changed]).toBe('aktuell');
  });

  test('re-importing the unchanged documents outdates nothing', async (db) => {
    await translateAll(db, s);
    const stamp = await db.select({ updatedAt: translations.updatedAt }).from(translations);
    await inTransaction(db, (tx) => writeImportPlan(tx, buildPlan(), { municipalityId: s.municipalityId, comment: 'Re-Import' }));
    for (const lang of LANGS) {
      const overview = await loadTranslationOverview(db, s.catalogueId, lang);
      expect(overview.counts).toMatchObject({ aktuell: overview.total, veraltet: 0 });
    }
    expect(await db.select({ updatedAt: translations.updatedAt }).from(translations)).toEqual(stamp);
  });

  test('translations are revisioned and audited; unchanged saves write nothing; a stale form is refused', async (db) => {
    const unit = unitId({ entityType: 'measure', entityId: s.measures.m1, field: 'title' });
    const hash = sourceHash('Sprachförderung in Kitas');
    expect(await saveTranslation(db, s.users.redaktion, s.catalogueId, { unit, lang: 'en', value: 'Language support in day-care', sourceHash: hash })).toEqual({
      status: 'saved',
      changed: true,
    });
    expect(await saveTranslation(db, s.users.redaktion, s.catalogueId, { unit, lang: 'en', value: 'Language support in day-care ', sourceHash: hash })).toEqual({
      status: 'saved',
      changed: false,
    });
    const revs = await db.select().from(revisions).where(and(eq(revisions.entityType, 'translation'), eq(revisions.entityId, s.measures.m1)));
    expect(revs).toHaveLength(1);
    expect(revs[0]!.state).toMatchObject({ field: 'title', lang: 'en', value: 'Language support in day-care', sourceHash: hash });
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'translation.publish'))).toHaveLength(1);
    await expect(saveTranslation(db, s.users.redaktion, s.catalogueId, { unit, lang: 'en', value: 'x', sourceHash: sourceHash('älter') })).rejects.toBeInstanceOf(WorkflowError);
    await expect(saveTranslation(db, s.users.lesend, s.catalogueId, { unit, lang: 'en', value: 'x', sourceHash: hash })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveTranslation(db, s.users.redaktion, s.catalogueId, { unit, lang: 'de', value: 'x', sourceHash: hash })).rejects.toMatchObject({ fields: { lang: expect.any(String) } });
  });

  test("contributors' translations wait for review; publishing makes them current, rejecting leaves the field missing", async (db) => {
    const unit = unitId({ entityType: 'measure', entityId: s.measures.m2, field: 'title' });
    const hash = sourceHash('Elterncafés');
    const proposed = await saveTranslation(db, s.users.beitragende, s.catalogueId, { unit, lang: 'ar', value: 'مقاهي الآباء', sourceHash: hash });
    expect(proposed).toMatchObject({ status: 'proposed' });
    expect((await statuses(db, s, 'ar'))[unit]).toBe('fehlt');
    await expect(publishProposal(db, s.users.beitragende, (proposed as { proposalId: string }).proposalId)).rejects.toBeInstanceOf(ForbiddenError);
    await publishProposal(db, s.users.redaktion, (proposed as { proposalId: string }).proposalId, 'Danke');
    expect((await statuses(db, s, 'ar'))[unit]).toBe('aktuell');
    const second = await saveTranslation(db, s.users.beitragende, s.catalogueId, { unit, lang: 'fa', value: 'کافه والدین', sourceHash: hash });
    await rejectProposal(db, s.users.redaktion, (second as { proposalId: string }).proposalId);
    expect((await statuses(db, s, 'fa'))[unit]).toBe('fehlt');
    expect((await db.select().from(translationProposals)).map((p) => p.state).sort()).toEqual(['abgelehnt', 'veroeffentlicht']);
  });

  test('machine drafts are "maschinell" until a person saves (approves) them', async (db) => {
    const unit = unitId({ entityType: 'measure', entityId: s.measures.m1, field: 'title' });
    const hash = sourceHash('Sprachförderung in Kitas');
    await db.insert(translations).values({ entityType: 'measure', entityId: s.measures.m1, field: 'title', lang: 'en', value: 'Language promotion in daycare', sourceHash: hash, machine: true });
    expect((await statuses(db, s, 'en'))[unit]).toBe('maschinell');
    await saveTranslation(db, s.users.redaktion, s.catalogueId, { unit, lang: 'en', value: 'Language promotion in daycare', sourceHash: hash });
    expect((await statuses(db, s, 'en'))[unit]).toBe('aktuell');
  });

  test('ten languages: German plus nine content languages', async () => {
    expect(CONTENT_LANGUAGES.map((l) => l.code)).toEqual(['en', 'ar', 'fa', 'tr', 'ru', 'uk', 'ro', 'bg', 'fr']);
  });
});
