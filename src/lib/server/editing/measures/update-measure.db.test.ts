import { expect } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { describeEachEngine } from '../../../../../tests/helpers/db';
import type { Db } from '../../db/connection';
import { changeRequests, measureActors, measureNodes, measures, measureSlugs, notifications, revisions } from '../../db/schema';
import { ForbiddenError } from '../../auth/policy';
import { getMeasureDetail } from '../../catalogue/queries';
import { loadMeasureSnapshots } from '../../catalogue/snapshot';
import { editableFromSnapshot, type EditableMeasure } from '../../catalogue/editable-measure';
import { updateMeasure } from './update-measure';
import { moveMeasure } from './move-measure';
import { markGap } from './mark-gap';
import { markReviewed, today } from './mark-reviewed';
import { WorkflowError } from '../errors';
import { seededDatabase } from '../../../../../tests/helpers/seed';

async function current(db: Db, id: string): Promise<EditableMeasure & { version: number }> {
  const snapshot = (await loadMeasureSnapshots(db, [id])).get(id)!;
  return { ...editableFromSnapshot(snapshot), version: snapshot.version };
}

describeEachEngine('updateMeasure and friends', (engine) => {
  const { s, test } = seededDatabase(engine);

  test('editors publish directly: version + 1, new Stand, revision, public text', async (db) => {
    const before = await current(db, s.measures.m1);
    const result = await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...before, description: 'Neuer Text der Redaktion.' }, { comment: 'Text aktualisiert' });
    expect(result).toMatchObject({ status: 'saved', version: 2, workflowState: 'veroeffentlicht', changed: true });
    const found = await getMeasureDetail(db, 'integrationskonzept', (result as { slug: string }).slug, 'herne');
    expect(found && 'measure' in found && found.measure.description).toBe('Neuer Text der Redaktion.');
    const revs = await db.select().from(revisions).where(eq(revisions.entityId, s.measures.m1));
    expect(revs.at(-1)).toMatchObject({ authorId: s.users.redaktion.id, comment: 'Text aktualisiert' });
  });

  test('unchanged saves write nothing', async (db) => {
    const before = await current(db, s.measures.m1);
    const result = await updateMeasure(db, s.users.redaktion, s.measures.m1, before);
    expect(result).toMatchObject({ status: 'saved', changed: false, version: 1 });
    expect(await db.select().from(revisions).where(eq(revisions.entityId, s.measures.m1))).toHaveLength(1);
  });

  test('a stale version is refused with both versions for the merge view', async (db) => {
    const base = await current(db, s.measures.m1);
    await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, statusText: 'Von Rita geändert' });
    const result = await updateMeasure(db, s.users.admin, s.measures.m1, { ...base, remarks: 'Von Ada ergänzt' });
    expect(result.status).toBe('conflict');
    if (result.status !== 'conflict') return;
    expect(result.conflict.theirs).toMatchObject({ version: 2, author: 'Rita Redaktion' });
    expect(result.conflict.theirs.state.statusText).toBe('Von Rita geändert');
    expect(result.conflict.mine.remarks).toBe('Von Ada ergänzt');
    expect(result.conflict.mine.statusText).toBe('Regelangebot');
    expect(result.conflict.differing.sort()).toEqual(['remarks', 'statusText']);
    // Three-way against version 1: their status is taken over, my remark kept, nothing conflicts.
    expect(result.conflict.takenFromTheirs).toEqual(['statusText']);
    expect(result.conflict.conflicting).toEqual([]);
    expect(result.conflict.merged).toMatchObject({ statusText: 'Von Rita geändert', remarks: 'Von Ada ergänzt' });
    const [row] = await db.select().from(measures).where(eq(measures.id, s.measures.m1));
    expect(row!.remarks).toBeNull();
    expect(row!.version).toBe(2);
  });

  test('fields changed on both sides are conflicts; the merge keeps mine there', async (db) => {
    const base = await current(db, s.measures.m1);
    await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, title: 'Titel von Rita', remarks: 'Rita' });
    const result = await updateMeasure(db, s.users.admin, s.measures.m1, { ...base, title: 'Titel von Ada', statusText: 'Ada' });
    if (result.status !== 'conflict') throw new Error('expected a conflict');
    expect(result.conflict.conflicting).toEqual(['title']);
    expect(result.conflict.takenFromTheirs).toEqual(['remarks']);
    expect(result.conflict.merged).toMatchObject({ title: 'Titel von Ada', remarks: 'Rita', statusText: 'Ada' });
    const saved = await updateMeasure(db, s.users.admin, s.measures.m1, { ...result.conflict.merged, version: result.conflict.theirs.version });
    expect(saved).toMatchObject({ status: 'saved', version: 3 });
  });

  test('a contributor’s change to a published measure becomes a change request; the public sees the old text', async (db) => {
    const base = await current(db, s.measures.m1);
    const result = await updateMeasure(db, s.users.beitragende, s.measures.m1, { ...base, description: 'Vorschlag des Fachbereichs.' }, { comment: 'Bitte übernehmen' });
    expect(result).toMatchObject({ status: 'proposed', state: 'in_pruefung', changed: true });
    const [row] = await db.select().from(measures).where(eq(measures.id, s.measures.m1));
    expect(row!.description).toBe('Die Kitas bieten alltagsintegrierte Sprachförderung an.');
    expect(row!.version).toBe(1);
    const [request] = await db.select().from(changeRequests);
    expect(request).toMatchObject({ state: 'in_pruefung', baseVersion: 1, authorId: s.users.beitragende.id, comment: 'Bitte übernehmen' });
    expect((request!.proposed as { description: string }).description).toBe('Vorschlag des Fachbereichs.');
    const notes = await db.select().from(notifications);
    expect(notes.map((n) => n.userId).sort()).toEqual([s.users.admin.id, s.users.redaktion.id].sort());
    // Saving again updates the same request instead of adding one.
    const again = await updateMeasure(db, s.users.beitragende, s.measures.m1, { ...base, description: 'Verbesserter Vorschlag.' });
    expect(again).toMatchObject({ status: 'proposed', changeRequestId: (result as { changeRequestId: string }).changeRequestId });
    expect(await db.select().from(changeRequests)).toHaveLength(1);
    expect(await db.select().from(notifications)).toHaveLength(2);
  });

  test('contributors may not edit other actors’ measures; readers may not edit at all', async (db) => {
    const base = await current(db, s.measures.m1);
    await expect(updateMeasure(db, s.users.fremd, s.measures.m1, { ...base, title: 'Fremd' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateMeasure(db, s.users.lesend, s.measures.m1, { ...base, title: 'Lesend' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      updateMeasure(db, s.users.beitragende, s.measures.gap, { ...(await current(db, s.measures.gap)), title: 'Keine Lücke mehr' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  test('a title change gives a new slug; the old one redirects', async (db) => {
    const base = await current(db, s.measures.m2);
    const [old] = await db.select({ slug: measures.slug }).from(measures).where(eq(measures.id, s.measures.m2));
    const result = await updateMeasure(db, s.users.redaktion, s.measures.m2, { ...base, title: 'Elterncafés in allen Stadtteilen' });
    expect(result).toMatchObject({ status: 'saved', slug: '2-elterncafes-in-allen-stadtteilen' });
    expect(await db.select().from(measureSlugs).where(eq(measureSlugs.measureId, s.measures.m2))).toEqual([
      expect.objectContaining({ slug: old!.slug }),
    ]);
    expect(await getMeasureDetail(db, 'integrationskonzept', old!.slug, 'herne')).toEqual({ redirectTo: '2-elterncafes-in-allen-stadtteilen' });
    // Renaming back reuses the old slug; both URLs keep working.
    const back = await updateMeasure(db, s.users.redaktion, s.measures.m2, { ...(await current(db, s.measures.m2)), title: 'Elterncafés' });
    expect(back).toMatchObject({ status: 'saved', slug: old!.slug });
    expect(await getMeasureDetail(db, 'integrationskonzept', '2-elterncafes-in-allen-stadtteilen', 'herne')).toEqual({ redirectTo: old!.slug });
  });

  test('links (actors, target groups, placements) are replaced as part of the update', async (db) => {
    const base = await current(db, s.measures.m1);
    await updateMeasure(db, s.users.redaktion, s.measures.m1, {
      ...base,
      actors: [...base.actors, { actorId: s.otherActorId, role: 'beteiligt', wording: 'Jobcenter' }],
      targetGroupIds: [],
      placements: [...base.placements, { nodeId: s.nodes.hzA2, number: '7' }],
    });
    const links = await db.select().from(measureActors).where(eq(measureActors.measureId, s.measures.m1));
    expect(links.map((l) => l.role).sort()).toEqual(['beteiligt', 'verantwortlich']);
    const placements = await db.select().from(measureNodes).where(eq(measureNodes.measureId, s.measures.m1));
    expect(placements.find((p) => p.nodeId === s.nodes.hzA2)).toMatchObject({ isPrimary: false, number: '7', position: 3 });
    expect(placements.find((p) => p.nodeId === s.nodes.hzA1)).toMatchObject({ isPrimary: true, position: 0 });
  });

  test('unknown references are field errors', async (db) => {
    const base = await current(db, s.measures.m1);
    await expect(
      updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, actors: [{ actorId: s.nodes.hzA1, role: 'verantwortlich' }] }),
    ).rejects.toMatchObject({ fields: { 'actors.0.actorId': 'Unbekannter Akteur.' } });
    await expect(updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, stateCode: 'erfunden' })).rejects.toMatchObject({
      fields: { stateCode: 'Unbekannter Umsetzungsstand.' },
    });
  });

  test('moveMeasure moves to another Handlungsziel and adds/removes placements', async (db) => {
    const result = await moveMeasure(db, s.users.redaktion, s.measures.m1, { version: 1, from: s.nodes.hzA1, to: s.nodes.hzA2, number: '5' });
    expect(result).toMatchObject({ status: 'saved', version: 2 });
    let placements = await db.select().from(measureNodes).where(eq(measureNodes.measureId, s.measures.m1));
    expect(placements).toEqual([expect.objectContaining({ nodeId: s.nodes.hzA2, number: '5', isPrimary: true })]);
    await moveMeasure(db, s.users.redaktion, s.measures.m1, { version: 2, add: [s.nodes.hzA1] });
    placements = await db.select().from(measureNodes).where(eq(measureNodes.measureId, s.measures.m1));
    expect(placements).toHaveLength(2);
    await expect(moveMeasure(db, s.users.redaktion, s.measures.m1, { version: 3, remove: [s.nodes.hzA1, s.nodes.hzA2] })).rejects.toMatchObject({
      fields: { placements: expect.stringContaining('mindestens einem') },
    });
    await expect(moveMeasure(db, s.users.fremd, s.measures.m1, { version: 3, remove: [s.nodes.hzA1] })).rejects.toBeInstanceOf(ForbiddenError);
    // A contributor's move of a published measure waits for review.
    const proposed = await moveMeasure(db, s.users.beitragende, s.measures.m1, { version: 3, remove: [s.nodes.hzA1] });
    expect(proposed).toMatchObject({ status: 'proposed', state: 'in_pruefung' });
  });

  test('markGap and markReviewed', async (db) => {
    const gap = await markGap(db, s.users.redaktion, s.measures.m2, { version: 1, isGap: true });
    expect(gap).toMatchObject({ status: 'saved' });
    const [row] = await db.select().from(measures).where(eq(measures.id, s.measures.m2));
    expect(row!.isGap).toBe(true);
    await markReviewed(db, s.users.redaktion, s.measures.m2, { version: 2 });
    const [reviewed] = await db.select().from(measures).where(eq(measures.id, s.measures.m2));
    expect(reviewed).toMatchObject({ lastReviewedAt: today(), lastReviewedBy: s.users.redaktion.id, version: 3 });
    await expect(markGap(db, s.users.lesend, s.measures.m2, { version: 3, isGap: false })).rejects.toBeInstanceOf(ForbiddenError);
  });

  test('drafts: editors save a draft change of a published measure without publishing it', async (db) => {
    const base = await current(db, s.measures.m1);
    const result = await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, title: 'Entwurf der Redaktion' }, { intent: 'draft', comment: 'Titel an die Satzung angepasst' });
    expect(result).toMatchObject({ status: 'proposed', state: 'entwurf' });
    const [row] = await db.select().from(measures).where(eq(measures.id, s.measures.m1));
    expect(row!.title).toBe('Sprachförderung in Kitas');
    // Publishing later closes the draft and keeps the comment typed with it (issue 19).
    await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, title: 'Entwurf der Redaktion' }, { intent: 'publish' });
    const [request] = await db.select().from(changeRequests).where(and(eq(changeRequests.measureId, s.measures.m1)));
    expect(request!.state).toBe('veroeffentlicht');
    const revs = await db.select().from(revisions).where(eq(revisions.entityId, s.measures.m1));
    expect(revs.at(-1)).toMatchObject({ authorId: s.users.redaktion.id, comment: 'Titel an die Satzung angepasst' });
  });

  test('archived measures cannot be edited', async (db) => {
    await db.update(measures).set({ workflowState: 'archiviert' }).where(eq(measures.id, s.measures.m1));
    await expect(updateMeasure(db, s.users.redaktion, s.measures.m1, await current(db, s.measures.m1))).rejects.toBeInstanceOf(WorkflowError);
  });
});
