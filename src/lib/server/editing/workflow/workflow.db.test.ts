import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachEngine } from '../../../../../tests/helpers/db';
import type { Db } from '../../db/connection';
import { auditLog, changeRequests, measures, notifications, revisions } from '../../db/schema';
import { ForbiddenError } from '../../auth/policy';
import { getMeasureDetail } from '../../catalogue/queries';
import { loadMeasureSnapshots } from '../../catalogue/snapshot';
import { editableFromSnapshot, type EditableMeasure } from '../../catalogue/editable-measure';
import { updateMeasure } from '../measures/update-measure';
import { publishChange } from './publish-change';
import { rejectChange } from './reject-change';
import { withdrawChange } from './withdraw-change';
import { createMeasure } from '../measures/create-measure';
import { submitForReview } from './submit-for-review';
import { publishMeasure } from './publish-measure';
import { rejectMeasure } from './reject-measure';
import { archiveMeasure } from '../measures/archive-measure';
import { restoreMeasure } from '../measures/restore-measure';
import { restoreRevision } from '../measures/restore-revision';
import { WorkflowError } from '../errors';
import { newMeasureInput, seededDatabase } from '../../../../../tests/helpers/seed';

async function current(db: Db, id: string): Promise<EditableMeasure & { version: number }> {
  const snapshot = (await loadMeasureSnapshots(db, [id])).get(id)!;
  return { ...editableFromSnapshot(snapshot), version: snapshot.version };
}

async function publicDetail(db: Db, id: string) {
  const [row] = await db.select({ slug: measures.slug }).from(measures).where(eq(measures.id, id));
  const found = await getMeasureDetail(db, 'integrationskonzept', row!.slug, 'herne');
  return found && 'measure' in found ? found.measure : null;
}

describeEachEngine('editorial workflow', (engine) => {
  const { s, test } = seededDatabase(engine);

  test('contributor change → review → publish: public shows new text and new Stand; revision by the author', async (db) => {
    const before = await publicDetail(db, s.measures.m1);
    await db.update(measures).set({ updatedAt: new Date('2020-01-01T10:00:00Z') }).where(eq(measures.id, s.measures.m1));
    const base = await current(db, s.measures.m1);
    const proposed = await updateMeasure(db, s.users.beitragende, s.measures.m1, { ...base, description: 'Neu: Sprachförderung auch in Tagespflege.' }, { comment: 'Tagespflege ergänzt' });
    if (proposed.status !== 'proposed') throw new Error('expected a change request');
    expect((await publicDetail(db, s.measures.m1))!.description).toBe(before!.description);

    await expect(publishChange(db, s.users.beitragende, proposed.changeRequestId)).rejects.toBeInstanceOf(ForbiddenError);
    const result = await publishChange(db, s.users.redaktion, proposed.changeRequestId, { comment: 'Passt so.' });
    expect(result).toMatchObject({ status: 'published', version: 2 });

    const after = (await publicDetail(db, s.measures.m1))!;
    expect(after.description).toBe('Neu: Sprachförderung auch in Tagespflege.');
    expect(new Date(after.updatedAt).getTime()).toBeGreaterThan(new Date('2020-01-01T10:00:00Z').getTime());
    const revs = await db.select().from(revisions).where(eq(revisions.entityId, s.measures.m1));
    // The author's words describe the change; the reviewer's remark is added (issue 19).
    expect(revs.at(-1)).toMatchObject({ authorId: s.users.beitragende.id, comment: 'Tagespflege ergänzt · Redaktion: Passt so.' });
    const [request] = await db.select().from(changeRequests);
    expect(request).toMatchObject({ state: 'veroeffentlicht', reviewerId: s.users.redaktion.id, reviewComment: 'Passt so.' });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'measure.publish'));
    expect(entry).toMatchObject({ userId: s.users.redaktion.id, entityId: s.measures.m1 });
    const told = await db.select().from(notifications).where(eq(notifications.userId, s.users.beitragende.id));
    expect(told.map((n) => n.kind)).toEqual(['change.published']);
  });

  test('publishing a change whose measure changed meanwhile gives the merge view; a resolution publishes', async (db) => {
    const base = await current(db, s.measures.m1);
    const proposed = await updateMeasure(db, s.users.beitragende, s.measures.m1, { ...base, remarks: 'Bemerkung vom Fachbereich' });
    if (proposed.status !== 'proposed') throw new Error('expected a change request');
    await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, statusText: 'Status von der Redaktion' });

    const result = await publishChange(db, s.users.redaktion, proposed.changeRequestId);
    expect(result.status).toBe('conflict');
    if (result.status !== 'conflict') return;
    expect(result.conflict.theirs.state.statusText).toBe('Status von der Redaktion');
    expect(result.conflict.mine.remarks).toBe('Bemerkung vom Fachbereich');
    expect(result.conflict.differing.sort()).toEqual(['remarks', 'statusText']);

    const merged = { ...result.conflict.mine, statusText: result.conflict.theirs.state.statusText, version: result.conflict.theirs.version };
    const stale = await publishChange(db, s.users.redaktion, proposed.changeRequestId, { resolution: { ...merged, version: 1 } });
    expect(stale.status).toBe('conflict');
    const published = await publishChange(db, s.users.redaktion, proposed.changeRequestId, { resolution: merged });
    expect(published).toMatchObject({ status: 'published', version: 3 });
    const [row] = await db.select().from(measures).where(eq(measures.id, s.measures.m1));
    expect(row).toMatchObject({ remarks: 'Bemerkung vom Fachbereich', statusText: 'Status von der Redaktion' });
  });

  test('rejecting a change keeps the measure and tells the author the reason', async (db) => {
    const base = await current(db, s.measures.m1);
    const proposed = await updateMeasure(db, s.users.beitragende, s.measures.m1, { ...base, title: 'Unpassender Titel' });
    if (proposed.status !== 'proposed') throw new Error('expected a change request');
    await expect(rejectChange(db, s.users.redaktion, proposed.changeRequestId, ' ')).rejects.toMatchObject({ fields: { reason: expect.any(String) } });
    await rejectChange(db, s.users.redaktion, proposed.changeRequestId, 'Titel bitte wie im Konzept.');
    const [request] = await db.select().from(changeRequests);
    expect(request).toMatchObject({ state: 'abgelehnt', reviewComment: 'Titel bitte wie im Konzept.' });
    const [note] = await db.select().from(notifications).where(eq(notifications.userId, s.users.beitragende.id));
    expect(note!.body).toContain('Titel bitte wie im Konzept.');
    expect((await current(db, s.measures.m1)).title).toBe('Sprachförderung in Kitas');
    await expect(publishChange(db, s.users.redaktion, proposed.changeRequestId)).rejects.toBeInstanceOf(WorkflowError);
  });

  test('authors withdraw their own change requests, not others’', async (db) => {
    const base = await current(db, s.measures.m1);
    const proposed = await updateMeasure(db, s.users.beitragende, s.measures.m1, { ...base, title: 'Zurückzuziehen' });
    if (proposed.status !== 'proposed') throw new Error('expected a change request');
    await expect(withdrawChange(db, s.users.fremd, proposed.changeRequestId)).rejects.toBeInstanceOf(ForbiddenError);
    await withdrawChange(db, s.users.beitragende, proposed.changeRequestId);
    const [request] = await db.select().from(changeRequests);
    expect(request!.state).toBe('zurueckgezogen');
  });

  test('new measure: draft → submit → reject → submit → publish', async (db) => {
    const created = await createMeasure(db, s.users.beitragende, newMeasureInput(s));
    expect(created.workflowState).toBe('entwurf');
    expect(await publicDetail(db, created.id)).toBeNull();
    await submitForReview(db, s.users.beitragende, created.id, { comment: 'Bitte prüfen' });
    expect((await db.select().from(measures).where(eq(measures.id, created.id)))[0]!.workflowState).toBe('in_pruefung');
    await expect(publishMeasure(db, s.users.beitragende, created.id)).rejects.toBeInstanceOf(ForbiddenError);
    await rejectMeasure(db, s.users.redaktion, created.id, 'Bitte Zielgruppe ergänzen.');
    expect((await db.select().from(measures).where(eq(measures.id, created.id)))[0]!.workflowState).toBe('entwurf');
    await submitForReview(db, s.users.beitragende, created.id);
    const published = await publishMeasure(db, s.users.redaktion, created.id, { comment: 'Aufgenommen' });
    expect((await publicDetail(db, created.id))!.title).toBe('Mehrsprachige Lesepaten');
    expect(published.version).toBe(5);
    const kinds = (await db.select().from(notifications).where(eq(notifications.userId, s.users.beitragende.id))).map((n) => n.kind);
    expect(kinds.sort()).toEqual(['measure.published', 'measure.rejected']);
  });

  test('contributors edit their unpublished measure in place', async (db) => {
    const created = await createMeasure(db, s.users.beitragende, newMeasureInput(s));
    const base = await current(db, created.id);
    const result = await updateMeasure(db, s.users.beitragende, created.id, { ...base, description: 'Ergänzt.' }, { intent: 'draft' });
    expect(result).toMatchObject({ status: 'saved', workflowState: 'entwurf', version: 2 });
    const submitted = await updateMeasure(db, s.users.beitragende, created.id, { ...(await current(db, created.id)), remarks: 'fertig' });
    expect(submitted).toMatchObject({ status: 'saved', workflowState: 'in_pruefung' });
    expect(await db.select().from(changeRequests)).toHaveLength(0);
  });

  test('archive and restore: hidden from the public, back to the previous state, never deleted', async (db) => {
    await expect(archiveMeasure(db, s.users.beitragende, s.measures.m2)).rejects.toBeInstanceOf(ForbiddenError);
    await archiveMeasure(db, s.users.redaktion, s.measures.m2, { comment: 'Eingestellt' });
    expect(await publicDetail(db, s.measures.m2)).toBeNull();
    await expect(archiveMeasure(db, s.users.redaktion, s.measures.m2)).rejects.toBeInstanceOf(WorkflowError);
    const restored = await restoreMeasure(db, s.users.redaktion, s.measures.m2);
    expect(restored.workflowState).toBe('veroeffentlicht');
    expect((await publicDetail(db, s.measures.m2))!.title).toBe('Elterncafés');
    const actions = (await db.select().from(auditLog).where(eq(auditLog.entityId, s.measures.m2))).map((a) => a.action);
    expect(actions).toEqual(['measure.archive', 'measure.publish']);
    // A draft comes back as a draft.
    const created = await createMeasure(db, s.users.redaktion, newMeasureInput(s));
    await archiveMeasure(db, s.users.redaktion, created.id);
    expect((await restoreMeasure(db, s.users.redaktion, created.id)).workflowState).toBe('entwurf');
  });

  test('restoring an earlier revision: new revision, public shows the old text again', async (db) => {
    const base = await current(db, s.measures.m1);
    await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, description: 'Zwischenstand', title: 'Sprachförderung überall' });
    expect((await publicDetail(db, s.measures.m1))!.description).toBe('Zwischenstand');
    const [first] = await db.select().from(revisions).where(eq(revisions.entityId, s.measures.m1)).orderBy(revisions.id);
    expect(first!.authorLabel).toBe('Import');

    await expect(restoreRevision(db, s.users.beitragende, first!.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(restoreRevision(db, s.users.redaktion, first!.id, { version: 1 })).rejects.toBeInstanceOf(WorkflowError);
    const result = await restoreRevision(db, s.users.redaktion, first!.id, { comment: 'Irrtum', version: 2 });
    expect(result).toMatchObject({ changed: true, version: 3 });
    const detail = (await publicDetail(db, s.measures.m1))!;
    expect(detail.description).toBe('Die Kitas bieten alltagsintegrierte Sprachförderung an.');
    expect(detail.title).toBe('Sprachförderung in Kitas');
    const revs = await db.select().from(revisions).where(eq(revisions.entityId, s.measures.m1)).orderBy(revisions.id);
    expect(revs).toHaveLength(3);
    // One numbering: the first revision of this measure is "Fassung 1", whatever its id (issue 19).
    expect(revs[2]!.comment).toMatch(/^Fassung 1 vom \d{2}\.\d{2}\.\d{4} wiederhergestellt: Irrtum$/);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'measure.restoreRevision'));
    expect(entry!.details).toMatchObject({ revisionId: first!.id });
  });
});
