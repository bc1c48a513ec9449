import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachEngine } from '../../../../../tests/helpers/db';
import { auditLog, measureActors, measureNodes, measures, notifications, revisions } from '../../db/schema';
import { ForbiddenError } from '../../auth/policy';
import { createMeasure } from './create-measure';
import { ValidationError } from '../errors';
import { newMeasureInput, seededDatabase } from '../../../../../tests/helpers/seed';

describeEachEngine('createMeasure', (engine) => {
  const { s, test } = seededDatabase(engine);

  test('creates a draft with links, a revision and an audit entry', async (db) => {
    const result = await createMeasure(db, s.users.redaktion, newMeasureInput(s), { comment: 'Aus Vorschlag' });
    expect(result.workflowState).toBe('entwurf');
    expect(result.slug).toBe('3-mehrsprachige-lesepaten');
    const [row] = await db.select().from(measures).where(eq(measures.id, result.id));
    expect(row).toMatchObject({ title: 'Mehrsprachige Lesepaten', version: 1, stateCode: 'geplant', importKey: null });
    const placements = await db.select().from(measureNodes).where(eq(measureNodes.measureId, result.id));
    expect(placements).toEqual([expect.objectContaining({ nodeId: s.nodes.hzA1, isPrimary: true, number: '3', position: 2 })]);
    expect(await db.select().from(measureActors).where(eq(measureActors.measureId, result.id))).toHaveLength(1);
    const revs = await db.select().from(revisions).where(eq(revisions.entityId, result.id));
    expect(revs).toHaveLength(1);
    expect(revs[0]).toMatchObject({ authorId: s.users.redaktion.id, comment: 'Aus Vorschlag' });
    expect((revs[0]!.state as { placements: unknown[] }).placements).toHaveLength(1);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, result.id));
    expect(entry!.action).toBe('measure.create');
  });

  test('lets editors publish directly (audited as publication)', async (db) => {
    const result = await createMeasure(db, s.users.redaktion, newMeasureInput(s), { workflowState: 'veroeffentlicht' });
    expect(result.workflowState).toBe('veroeffentlicht');
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.entityId, result.id));
    expect(entry!.action).toBe('measure.publish');
  });

  test('sends a contributor’s new measure to review and notifies the editors', async (db) => {
    const result = await createMeasure(db, s.users.beitragende, newMeasureInput(s), { workflowState: 'veroeffentlicht' });
    expect(result.workflowState).toBe('in_pruefung');
    const notes = await db.select().from(notifications);
    expect(notes.map((n) => n.userId).sort()).toEqual([s.users.admin.id, s.users.redaktion.id].sort());
    expect(notes[0]!.link).toBe(`/admin/pruefung/massnahme/${result.id}`);
  });

  test('refuses contributors of other actors, readers and invalid input', async (db) => {
    await expect(createMeasure(db, s.users.fremd, newMeasureInput(s))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createMeasure(db, s.users.lesend, newMeasureInput(s))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createMeasure(db, s.users.redaktion, newMeasureInput(s, { title: 'x' }))).rejects.toMatchObject({
      fields: { title: expect.stringContaining('Titel') },
    });
    const unknownNode = newMeasureInput(s, { placements: [{ nodeId: s.actorId }] });
    await expect(createMeasure(db, s.users.redaktion, unknownNode)).rejects.toBeInstanceOf(ValidationError);
    expect(await db.select().from(measures)).toHaveLength(3);
  });

  test('makes slugs unique within the catalogue', async (db) => {
    const a = await createMeasure(db, s.users.redaktion, newMeasureInput(s));
    const b = await createMeasure(db, s.users.redaktion, newMeasureInput(s));
    expect(a.slug).not.toBe(b.slug);
    expect(b.slug).toBe(`${a.slug}-2`);
  });
});
