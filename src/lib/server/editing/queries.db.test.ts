import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachEngine } from '../../../../tests/helpers/db';
import type { Db } from '../db/connection';
import { revisions } from '../db/schema';
import { listRevisions, loadHistoryView, revisionDiff } from '../revisions/history';
import { loadMeasureSnapshots } from '../catalogue/snapshot';
import { editableFromSnapshot } from '../catalogue/editable-measure';
import { updateMeasure } from './measures/update-measure';
import { createMeasure } from './measures/create-measure';
import { archiveMeasure } from './measures/archive-measure';
import { markReviewed } from './measures/mark-reviewed';
import { getEditContext, editOptions } from './measures/edit-context';
import { getChangeReview, getNewMeasureReview, listReviewQueue } from './workflow/review-queries';
import { listAdminMeasures } from './measures/admin-list';
import { measureFormFromData, inputFromFormValues, formValuesFromEditable } from './measures/form';
import { newMeasureInput, seededDatabase } from '../../../../tests/helpers/seed';

describeEachEngine('back-office queries and history', (engine) => {
  const { s, test } = seededDatabase(engine);
  const current = async (db: Db, id: string) => {
    const snap = (await loadMeasureSnapshots(db, [id])).get(id)!;
    return { ...editableFromSnapshot(snap), version: snap.version };
  };

  test('the list filters by text, workflow state, actor and "meine"; archived only on request', async (db) => {
    const draft = await createMeasure(db, s.users.redaktion, newMeasureInput(s, { actors: [{ actorId: s.otherActorId, role: 'verantwortlich' }] }));
    await archiveMeasure(db, s.users.redaktion, s.measures.m2);
    let list = await listAdminMeasures(db, s.users.redaktion, {});
    expect(list.items.map((i) => i.title).sort()).toEqual(['Es wurde keine explizite Maßnahme formuliert.', 'Mehrsprachige Lesepaten', 'Sprachförderung in Kitas']);
    expect(list.items.find((i) => i.id === draft.id)).toMatchObject({ workflowState: 'entwurf', responsible: ['Jobcenter Herne'], stateLabel: 'geplant' });
    // Not a bare number: the Handlungsziel it belongs to is listed, and searching for it finds it (issue 19).
    expect(list.items.find((i) => i.id === s.measures.m1)!.placement).toMatch(/^A1 \S/);
    const placement = list.items.find((i) => i.id === s.measures.m1)!.placement!;
    expect((await listAdminMeasures(db, s.users.redaktion, { q: placement.slice(3) })).items.map((i) => i.id)).toContain(s.measures.m1);
    list = await listAdminMeasures(db, s.users.redaktion, { q: 'lesepaten' });
    expect(list.items.map((i) => i.id)).toEqual([draft.id]);
    list = await listAdminMeasures(db, s.users.redaktion, { q: '100%' });
    expect(list.total).toBe(0);
    list = await listAdminMeasures(db, s.users.redaktion, { workflow: 'archiviert' });
    expect(list.items.map((i) => i.id)).toEqual([s.measures.m2]);
    list = await listAdminMeasures(db, s.users.redaktion, { akteur: s.otherActorId });
    expect(list.items.map((i) => i.id)).toEqual([draft.id]);
    list = await listAdminMeasures(db, s.users.beitragende, { meine: true });
    expect(list.items.map((i) => i.id)).toEqual([s.measures.m1]);
    list = await listAdminMeasures(db, s.users.redaktion, { meine: true });
    expect(list.total).toBe(0);
  });

  test('edit context: "aus dem Quelldokument importiert" and "Fassung n" follow the revisions (issue 19)', async (db) => {
    let context = (await getEditContext(db, s.users.redaktion, s.measures.m1))!;
    expect(context.measure).toMatchObject({ isImported: true, revisionCount: 1 });
    // Checked without change: still the imported text.
    await markReviewed(db, s.users.redaktion, s.measures.m1, { version: 1, date: '2026-11-30' });
    context = (await getEditContext(db, s.users.redaktion, s.measures.m1))!;
    expect(context.measure).toMatchObject({ isImported: true, revisionCount: 2 });
    const base = await current(db, s.measures.m1);
    await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, description: 'In der Redaktion überarbeitet.' });
    context = (await getEditContext(db, s.users.redaktion, s.measures.m1))!;
    expect(context.measure).toMatchObject({ isImported: false, revisionCount: 3 });
    // Created in the app: never imported.
    const created = await createMeasure(db, s.users.redaktion, newMeasureInput(s));
    expect((await getEditContext(db, s.users.redaktion, created.id))!.measure.isImported).toBe(false);
  });

  test('edit context shows the contributor’s own pending change; review queue and review diff', async (db) => {
    const base = await current(db, s.measures.m1);
    const proposed = await updateMeasure(db, s.users.beitragende, s.measures.m1, { ...base, description: 'Die Kitas und Tagespflegen bieten alltagsintegrierte Sprachförderung an.' });
    if (proposed.status !== 'proposed') throw new Error('expected a change request');
    const context = (await getEditContext(db, s.users.beitragende, s.measures.m1))!;
    expect(context.ownChange?.proposed.description).toContain('Tagespflegen');
    expect(context.permissions).toMatchObject({ edit: true, publish: false, needsReview: true });
    const editor = (await getEditContext(db, s.users.redaktion, s.measures.m1))!;
    expect(editor.otherChanges).toHaveLength(1);
    expect((await getEditContext(db, s.users.fremd, s.measures.m1))!.permissions.edit).toBe(false);

    const created = await createMeasure(db, s.users.beitragende, newMeasureInput(s), { workflowState: 'in_pruefung' });
    const queue = await listReviewQueue(db);
    expect(queue.changes).toEqual([expect.objectContaining({ id: proposed.changeRequestId, author: 'Bernd Beitrag', stale: false })]);
    expect(queue.measures).toEqual([expect.objectContaining({ id: created.id, submittedBy: 'Bernd Beitrag' })]);

    const review = (await getChangeReview(db, proposed.changeRequestId))!;
    expect(review.differing).toEqual(['description']);
    const description = review.fields.find((f) => f.field === 'description')!;
    expect(description.changed).toBe(true);
    expect(description.segments.filter((x) => x.kind === 'added').map((x) => x.text.trim())).toEqual(['und Tagespflegen']);
    expect(review.fields.find((f) => f.field === 'actors')!.before).toBe('Fachbereich Kinder-Jugend-Familie (verantwortlich, „FB 51“)');

    const newReview = (await getNewMeasureReview(db, created.id))!;
    expect(newReview.fields.find((f) => f.field === 'title')!.after).toBe('Mehrsprachige Lesepaten');
    expect(newReview.fields.find((f) => f.field === 'placements')!.after).toBe('Bildung › A › A1 (Nr. 3) – Hauptort');
  });

  test('history lists revisions with "Import" and diffs any two', async (db) => {
    const base = await current(db, s.measures.m1);
    await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, statusText: 'Regelangebot in allen Kitas' }, { comment: 'Stand 2025' });
    const history = await listRevisions(db, 'measure', s.measures.m1);
    expect(history.map((h) => [h.author, h.isImport, h.comment])).toEqual([
      ['Rita Redaktion', false, 'Stand 2025'],
      ['Import', true, 'Test-Import'],
    ]);
    const diff = (await revisionDiff(db, 'measure', s.measures.m1, history[1]!.id, history[0]!.id))!;
    const changed = diff.fields.filter((f) => f.changed);
    expect(changed.map((f) => f.field)).toEqual(['statusText']);
    expect(changed[0]!.segments).toEqual([
      { kind: 'same', text: 'Regelangebot ' },
      { kind: 'added', text: 'in allen Kitas' },
    ]);
    expect(await revisionDiff(db, 'measure', s.measures.m2, history[1]!.id, history[0]!.id)).toBeNull();
    const [nodeRevision] = await db.select().from(revisions).where(eq(revisions.entityId, s.nodes.hzA1));
    const nodeDiff = (await revisionDiff(db, 'node', s.nodes.hzA1, nodeRevision!.id, nodeRevision!.id))!;
    expect(nodeDiff.fields.find((f) => f.field === 'title')).toMatchObject({ before: 'Handlungsziel A1', changed: false });
  });

  test('the history page view: latest two revisions by default, the measure version, null for unknown ids', async (db) => {
    const base = await current(db, s.measures.m1);
    await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, statusText: 'Regelangebot in allen Kitas' }, { comment: 'Stand 2025' });
    const history = await listRevisions(db, 'measure', s.measures.m1);
    const view = (await loadHistoryView(db, 'measure', s.measures.m1, { from: null, to: null }))!;
    expect(view).toMatchObject({ title: 'Sprachförderung in Kitas', from: history[1]!.id, to: history[0]!.id, measure: { version: base.version + 1 } });
    expect(view.diff!.fields.filter((f) => f.changed).map((f) => f.field)).toEqual(['statusText']);
    const same = (await loadHistoryView(db, 'measure', s.measures.m1, { from: history[0]!.id, to: history[0]!.id }))!;
    expect(same.diff!.fields.some((f) => f.changed)).toBe(false);
    const node = (await loadHistoryView(db, 'node', s.nodes.hzA1, { from: null, to: null }))!;
    expect(node).toMatchObject({ title: 'Handlungsziel A1', measure: null, from: null });
    expect(await loadHistoryView(db, 'measure', '00000000-0000-4000-8000-000000000000', { from: null, to: null })).toBeNull();
    expect(await loadHistoryView(db, 'measure', 'kein-uuid', { from: null, to: null })).toBeNull();
  });

  test('form data round trip keeps what was typed and drops blank rows', async (db) => {
    const options = await editOptions(db, s.catalogueId);
    expect(options.nodes.map((n) => [n.label, n.depth])).toEqual([
      ['Bildung', 0],
      ['Leitziel A', 1],
      ['Handlungsziel A1', 2],
      ['Handlungsziel A2', 2],
    ]);
    const values = formValuesFromEditable((await current(db, s.measures.m1)), 1);
    const form = new FormData();
    form.set('catalogueId', values.catalogueId);
    form.set('version', '1');
    form.set('title', '  Neuer Titel ');
    form.set('placements.0.nodeId', s.nodes.hzA1);
    form.set('placements.1.nodeId', '');
    form.set('placements.2.nodeId', s.nodes.hzA2);
    form.set('placements.2.number', '9');
    form.set('primaryPlacement', '2');
    form.set('actors.0.actorId', s.actorId);
    form.set('actors.0.role', 'verantwortlich');
    form.set('actors.1.actorId', s.otherActorId);
    form.set('actors.1.remove', 'on');
    form.append('targetGroupIds', s.targetGroupIds[0]!);
    form.set('isNew', 'on');
    form.set('extra.bedarf', '');
    form.set('intent', 'draft');
    const parsed = measureFormFromData(form);
    expect(parsed.intent).toBe('draft');
    expect(parsed.values.title).toBe('  Neuer Titel ');
    expect(parsed.values.placements).toEqual([
      { nodeId: s.nodes.hzA2, number: '9' },
      { nodeId: s.nodes.hzA1, number: '' },
    ]);
    expect(parsed.values.actors).toEqual([{ actorId: s.actorId, role: 'verantwortlich', wording: '' }]);
    const input = inputFromFormValues(parsed.values, { bedarf: 'alt', other: 1 });
    expect(input.extra).toEqual({ other: 1 });
    expect(input).toMatchObject({ isNew: true, isGap: false, lastReviewedAt: null });
  });
});
