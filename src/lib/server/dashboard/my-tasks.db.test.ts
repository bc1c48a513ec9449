import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachEngine } from '../../../../tests/helpers/db';
import type { Db } from '../db/connection';
import { changeRequests, measures, notifications, outbox, suggestions } from '../db/schema';
import { createMeasure } from '../editing/measures/create-measure';
import { newMeasureInput, seededDatabase } from '../../../../tests/helpers/seed';
import { loadMyTasks, staleMeasures } from './my-tasks';

const NOW = new Date('2026-11-23T10:00:00Z');

describeEachEngine('dashboard "Meine Aufgaben"', (engine) => {
  const { s, test } = seededDatabase(engine);

  async function changeRequest(db: Db, authorId: string, state: 'entwurf' | 'in_pruefung' | 'abgelehnt', title: string, createdAt: Date) {
    const [row] = await db
      .insert(changeRequests)
      .values({
        catalogueId: s.catalogueId,
        measureId: s.measures.m1,
        baseVersion: 1,
        proposed: { title },
        state,
        authorId,
        createdAt,
        updatedAt: createdAt,
        decidedAt: state === 'abgelehnt' ? createdAt : null,
        reviewComment: state === 'abgelehnt' ? 'Bitte Quelle angeben' : null,
      })
      .returning({ id: changeRequests.id });
    return row!.id;
  }

  test('contributors: their change requests and drafts, stale measures of their actors, no editor sections', async (db) => {
    const open = await changeRequest(db, s.users.beitragende.id, 'in_pruefung', 'Neue Öffnungszeiten', new Date('2026-11-20T10:00:00Z'));
    const draft = await changeRequest(db, s.users.beitragende.id, 'entwurf', 'Entwurf', new Date('2026-11-21T10:00:00Z'));
    await changeRequest(db, s.users.beitragende.id, 'abgelehnt', 'Vor langer Zeit abgelehnt', new Date('2026-01-01T10:00:00Z'));
    await changeRequest(db, s.users.fremd.id, 'in_pruefung', 'Von jemand anderem', new Date('2026-11-19T10:00:00Z'));
    const created = await createMeasure(db, s.users.beitragende, newMeasureInput(s));
    await db.update(measures).set({ lastReviewedAt: '2026-06-01' }).where(eq(measures.id, s.measures.m1));

    const tasks = await loadMyTasks(db, s.users.beitragende, NOW);
    expect(tasks.mine!.changeRequests.map((c) => c.id)).toEqual([draft, open]);
    expect(tasks.mine!.changeRequests[1]).toMatchObject({ title: 'Neue Öffnungszeiten', state: 'in_pruefung', catalogueTitle: 'Gesamtstädtisches Integrationskonzept' });
    expect(tasks.mine!.drafts.map((m) => [m.id, m.workflowState])).toEqual([[created.id, 'entwurf']]);
    // m1 was reviewed half a year ago; m2 never; the gap and the draft do not count.
    expect(tasks.stale).toMatchObject({ scope: 'mine', total: 1 });
    expect(tasks.stale!.items.map((m) => m.id)).toEqual([s.measures.m2]);
    expect(tasks.reviews).toBeNull();
    expect(tasks.suggestions).toBeNull();
    expect(tasks.mail).toBeNull();

    const other = await loadMyTasks(db, s.users.fremd, NOW);
    expect(other.stale).toMatchObject({ scope: 'mine', total: 0, items: [] });
    expect(other.mine!.drafts).toEqual([]);
  });

  test('Redaktion: reviews oldest first, suggestions waiting, all stale measures', async (db) => {
    const second = await changeRequest(db, s.users.beitragende.id, 'in_pruefung', 'Zweite', new Date('2026-11-20T10:00:00Z'));
    const first = await changeRequest(db, s.users.fremd.id, 'in_pruefung', 'Erste', new Date('2026-11-02T10:00:00Z'));
    await changeRequest(db, s.users.fremd.id, 'entwurf', 'Noch nicht eingereicht', new Date('2026-11-01T10:00:00Z'));
    await db.insert(suggestions).values([
      { municipalityId: s.municipalityId, title: 'Jüngerer Vorschlag', description: 'x', createdAt: new Date('2026-11-22T10:00:00Z') },
      { municipalityId: s.municipalityId, title: 'Älterer Vorschlag', description: 'x', createdAt: new Date('2026-11-01T10:00:00Z') },
      { municipalityId: s.municipalityId, title: 'Entschieden', description: 'x', state: 'abgelehnt', reason: 'Doppelt' },
    ]);
    await db.update(measures).set({ lastReviewedAt: '2025-11-01' }).where(eq(measures.id, s.measures.m1));
    // Imported measures count as checked at the document's date; m2 stands for one never checked.
    await db.update(measures).set({ lastReviewedAt: null }).where(eq(measures.id, s.measures.m2));
    // A contributor's new measure, submitted for review.
    const submitted = await createMeasure(db, s.users.beitragende, newMeasureInput(s), { workflowState: 'veroeffentlicht' });
    expect(submitted.workflowState).toBe('in_pruefung');
    await db.update(measures).set({ updatedAt: new Date('2026-11-10T10:00:00Z') }).where(eq(measures.id, submitted.id));

    const tasks = await loadMyTasks(db, s.users.redaktion, NOW);
    expect(tasks.reviews!.total).toBe(3);
    expect(tasks.reviews!.items.map((c) => [c.kind, c.id])).toEqual([
      ['change', first],
      ['measure', submitted.id],
      ['change', second],
    ]);
    expect(tasks.reviews!.items[0]!.authorName).toBe('Frieda Fremd');
    expect(tasks.reviews!.items[1]!.authorName).toBe('Bernd Beitrag');
    expect(tasks.suggestions!.total).toBe(2);
    expect(tasks.suggestions!.items.map((x) => x.title)).toEqual(['Älterer Vorschlag', 'Jüngerer Vorschlag']);
    // Never reviewed first, then the oldest review (more than a year ago).
    expect(tasks.stale).toMatchObject({ scope: 'all', total: 2 });
    expect(tasks.stale!.items.map((m) => [m.id, m.lastReviewedAt])).toEqual([
      [s.measures.m2, null],
      [s.measures.m1, '2025-11-01'],
    ]);
    expect(tasks.mine).toEqual({ changeRequests: [], drafts: [] });
    expect(tasks.mail).toBeNull();
  });

  test('lesend: only notifications', async (db) => {
    await db.insert(notifications).values({ userId: s.users.lesend.id, kind: 'x', title: 'Bericht bereit' });
    const tasks = await loadMyTasks(db, s.users.lesend, NOW);
    expect(tasks).toMatchObject({ mine: null, reviews: null, suggestions: null, stale: null, mail: null });
    expect(tasks.notifications.total).toBe(1);
    expect(tasks.notifications.items.map((n) => n.title)).toEqual(['Bericht bereit']);
  });

  test('administrators see the mail queue', async (db) => {
    await db.insert(outbox).values([
      { recipient: 'a@herne.de', subject: 's', body: 'b' },
      { recipient: 'b@herne.de', subject: 's', body: 'b', sentAt: NOW },
    ]);
    const tasks = await loadMyTasks(db, s.users.admin, NOW);
    expect(tasks.mail).toMatchObject({ pending: 1, failed: 0 });
    expect(tasks.reviews).not.toBeNull();
  });

  test('stale: count beyond the top ten', async (db) => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      catalogueId: s.catalogueId,
      title: `Maßnahme ${i}`,
      slug: `massnahme-${i}`,
      lastReviewedAt: `2024-01-${String(i + 10).padStart(2, '0')}`,
    }));
    await db.insert(measures).values(many);
    const stale = await staleMeasures(db, NOW, null);
    expect(stale.total).toBe(14);
    expect(stale.items).toHaveLength(10);
  });
});
