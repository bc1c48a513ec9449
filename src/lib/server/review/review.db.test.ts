/**
 * The review cycle on both engines, with a fake clock (issue 15, must-show a): a measure
 * crossing its due date brings exactly one reminder per person and run; nothing after a
 * restart; nothing twice when two schedulers race (two connections on PostgreSQL).
 */
import { and, eq, sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine, type Engine, type TestDatabase } from '../../../../tests/helpers/db';
import { seed, type Seed } from '../../../../tests/helpers/seed';
import { buildPlan } from '../../../../tests/helpers/factories';
import { openDatabase, type Database, type Db } from '../db/connection';
import { auditLog, measures, notifications, outbox, revisions, reviewReminders, userActorScopes, users } from '../db/schema';
import { ForbiddenError } from '../auth/policy';
import { loadMyTasks } from '../dashboard/my-tasks';
import { runReviewReminders } from './reminders';
import { jobState } from './scheduler';
import { confirmUnchanged, setCatalogueReviewInterval, setMeasureReviewInterval } from './confirm';
import { listDueMeasures } from './queries';
import { ValidationError, WorkflowError } from '../editing/errors';

/** A clock the test moves by hand. */
function fakeClock(start: string) {
  let current = new Date(start);
  return { now: () => current, set: (iso: string) => void (current = new Date(iso)) };
}

async function mailsTo(db: Db, email: string) {
  return db.select().from(outbox).where(eq(outbox.recipient, email));
}

async function setUp(engine: Engine): Promise<{ database: TestDatabase; s: Seed }> {
  const database = await createTestDatabase(engine);
  const s = await seed(database.db, buildPlan());
  // m1 falls due on 2026-12-10; m2 was reviewed recently (due 2027-11-01).
  await database.db.update(measures).set({ lastReviewedAt: '2025-12-10' }).where(eq(measures.id, s.measures.m1));
  await database.db.update(measures).set({ lastReviewedAt: '2026-11-01' }).where(eq(measures.id, s.measures.m2));
  return { database, s };
}

async function reopen(database: TestDatabase): Promise<Database> {
  await database.close();
  return database.dataDir ? openDatabase({ engine: 'pglite', dataDir: database.dataDir }) : openDatabase({ engine: 'postgres', url: database.url! });
}

describeEachEngine('review cycle', (engine) => {
  it('a measure crossing its due date: one reminder per person per run, none twice, none after a restart', async () => {
    const { database, s } = await setUp(engine);
    let reopened: Database | null = null;
    try {
      const db = database.db;
      const clock = fakeClock('2026-12-09T08:00:00Z');
      const contributor = s.users.beitragende.email;

      // The day before: nothing due, nothing sent; the job's state is in the database.
      expect(await runReviewReminders(db, { now: clock.now })).toEqual({ ran: true, result: { people: 0, reminders: 0 } });
      expect(await db.select().from(outbox)).toEqual([]);
      expect((await jobState(db, 'review.reminders'))!.nextRunAt.toISOString()).toBe('2026-12-10T08:00:00.000Z');

      // The due date: one e-mail to the contributor bound to the responsible actor, none to others.
      clock.set('2026-12-10T08:00:00Z');
      expect(await runReviewReminders(db, { now: clock.now })).toEqual({ ran: true, result: { people: 1, reminders: 1 } });
      const [mail, ...more] = await db.select().from(outbox);
      expect(more).toEqual([]);
      expect(mail!.recipient).toBe(contributor);
      expect(mail!.subject).toBe('[Vielfalt] Prüfung fällig: 1 Maßnahme');
      expect(mail!.body).toContain('Guten Tag Bernd Beitrag,');
      expect(mail!.body).toContain('Maßnahme 1 „Sprachförderung in Kitas“ (Gesamtstädtisches Integrationskonzept), fällig seit 10.12.2026');
      expect(mail!.body).toContain(`/admin/massnahmen/${s.measures.m1}?pruefen=1`);
      expect(mail!.body).not.toContain('Elterncafés');
      const [note] = await db.select().from(notifications).where(eq(notifications.kind, 'review.due'));
      expect(note).toMatchObject({ userId: s.users.beitragende.id, link: '/admin/pruefung-faellig' });

      // Same instant again: not due; forced: runs, but everyone was reminded of this due date.
      expect(await runReviewReminders(db, { now: clock.now })).toEqual({ ran: false, reason: 'notDue' });
      expect(await runReviewReminders(db, { now: clock.now, force: true })).toEqual({ ran: true, result: { people: 0, reminders: 0 } });
      expect(await mailsTo(db, contributor)).toHaveLength(1);

      // m2 gets a one-month interval (overdue now), a second contributor joins the actor:
      // each person gets ONE message per run, listing only what they were not reminded of.
      await setMeasureReviewInterval(db, s.users.redaktion, s.measures.m2, '1');
      const [second] = await db.insert(users).values({ email: 'vhs@herne.de', name: 'Vera Zweite', role: 'beitragende' }).returning();
      await db.insert(userActorScopes).values({ userId: second!.id, actorId: s.actorId });
      clock.set('2026-12-11T09:00:00Z');
      expect(await runReviewReminders(db, { now: clock.now })).toEqual({ ran: true, result: { people: 2, reminders: 3 } });
      const toFirst = await mailsTo(db, contributor);
      expect(toFirst).toHaveLength(2);
      expect(toFirst.find((m) => m.id !== mail!.id)!.body).toContain('Elterncafés');
      expect(toFirst.find((m) => m.id !== mail!.id)!.body).not.toContain('Sprachförderung');
      const toSecond = await mailsTo(db, 'vhs@herne.de');
      expect(toSecond).toHaveLength(1);
      expect(toSecond[0]!.subject).toBe('[Vielfalt] Prüfung fällig: 2 Maßnahmen');
      expect(toSecond[0]!.body).toMatch(/Elterncafés[\s\S]*Sprachförderung/);
      expect(await db.select().from(reviewReminders)).toHaveLength(4);

      // A restart (the database closed and opened again): the job state and the sent records
      // survive; the next day's run sends nothing new, a forced one neither.
      reopened = await reopen(database);
      clock.set('2026-12-12T10:00:00Z');
      const before = (await reopened.db.select().from(outbox)).length;
      expect(await runReviewReminders(reopened.db, { now: clock.now })).toEqual({ ran: true, result: { people: 0, reminders: 0 } });
      expect(await runReviewReminders(reopened.db, { now: clock.now, force: true })).toEqual({ ran: true, result: { people: 0, reminders: 0 } });
      expect(await reopened.db.select().from(outbox)).toHaveLength(before);

      // Reviewed again: a new due date (a year on) — reminded of once that one comes.
      await confirmUnchanged(reopened.db, s.users.beitragende, s.measures.m1, { now: clock.now() });
      clock.set('2027-12-12T10:00:00Z');
      const next = await runReviewReminders(reopened.db, { now: clock.now });
      expect(next).toMatchObject({ ran: true });
      const rows = await reopened.db.select().from(reviewReminders).where(eq(reviewReminders.measureId, s.measures.m1));
      expect(rows.map((r) => [r.dueOn, r.userId === second!.id ? 'second' : 'first']).sort()).toEqual([
        ['2026-12-10', 'first'],
        ['2026-12-10', 'second'],
        ['2027-12-12', 'first'],
        ['2027-12-12', 'second'],
      ]);
    } finally {
      await reopened?.close();
      await database.destroy();
    }
  });

  it('two schedulers racing (two connections on PostgreSQL) send each reminder once', async () => {
    const { database, s } = await setUp(engine);
    const second = database.url ? await openDatabase({ engine: 'postgres', url: database.url }) : database;
    try {
      const now = () => new Date('2026-12-10T08:00:00Z');
      const runs = await Promise.all([runReviewReminders(database.db, { now }), runReviewReminders(second.db, { now })]);
      expect(runs.filter((r) => r.ran)).toHaveLength(1);
      expect(runs.filter((r) => !r.ran).map((r) => !r.ran && r.reason)[0]).toMatch(/^(locked|notDue)$/);
      // Forced at once (both past the "next run"): still one e-mail in all.
      const forced = await Promise.all([
        runReviewReminders(database.db, { now, force: true }),
        runReviewReminders(second.db, { now, force: true }),
        runReviewReminders(database.db, { now, force: true }),
      ]);
      expect(forced.every((r) => !r.ran || r.result.reminders === 0)).toBe(true);
      expect(await mailsTo(database.db, s.users.beitragende.email)).toHaveLength(1);
      expect(await database.db.select().from(outbox)).toHaveLength(1);
    } finally {
      if (second !== database) await second.close();
      await database.destroy();
    }
  });

  // PostgreSQL only: PGlite is one process per data directory, its transactions queue (the race
  // above), so there is no second instance to hold the lock; the test exists only on that engine.
  if (engine !== 'pglite') it('while another instance holds the job (its row locked), a run skips and sends nothing', async () => {
    const { database, s } = await setUp(engine);
    const other = await openDatabase({ engine: 'postgres', url: database.url! });
    try {
      const now = () => new Date('2026-12-10T08:00:00Z');
      await runReviewReminders(database.db, { now: () => new Date('2026-12-01T08:00:00Z') });
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => (locked = r));
      const holder = other.db.transaction(async (tx) => {
        await tx.execute(sql`select name from scheduled_jobs where name = 'review.reminders' for update`);
        locked();
        await held;
      });
      await isLocked;
      expect(await runReviewReminders(database.db, { now, force: true })).toEqual({ ran: false, reason: 'locked' });
      expect(await mailsTo(database.db, s.users.beitragende.email)).toEqual([]);
      release();
      await holder;
      expect(await runReviewReminders(database.db, { now })).toMatchObject({ ran: true, result: { people: 1 } });
    } finally {
      await other.close();
      await database.destroy();
    }
  });

  it('"geprüft, unverändert": review date, a revision without content change, audit; contributors only for their actors', async () => {
    const { database, s } = await setUp(engine);
    try {
      const db = database.db;
      const now = new Date('2026-12-11T09:00:00Z');
      const [before] = await db.select().from(measures).where(eq(measures.id, s.measures.m1));
      expect((await listDueMeasures(db, { now, municipality: 'herne', withinDays: 0 })).items.map((m) => [m.id, m.status, m.dueOn])).toEqual([
        [s.measures.m1, 'overdue', '2026-12-10'],
      ]);
      await expect(confirmUnchanged(db, s.users.fremd, s.measures.m1, { now })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(confirmUnchanged(db, s.users.lesend, s.measures.m1, { now })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(confirmUnchanged(db, s.users.redaktion, s.measures.gap, { now })).rejects.toBeInstanceOf(WorkflowError);

      expect(await confirmUnchanged(db, s.users.beitragende, s.measures.m1, { now })).toEqual({ id: s.measures.m1, lastReviewedAt: '2026-12-11' });
      const [after] = await db.select().from(measures).where(eq(measures.id, s.measures.m1));
      expect(after).toMatchObject({ lastReviewedAt: '2026-12-11', lastReviewedBy: s.users.beitragende.id, version: before!.version, title: before!.title, description: before!.description });
      const history = await db.select().from(revisions).where(and(eq(revisions.entityType, 'measure'), eq(revisions.entityId, s.measures.m1)));
      const last = history.sort((a, b) => a.id - b.id).at(-1)!;
      expect(last).toMatchObject({ comment: 'Geprüft, unverändert', authorId: s.users.beitragende.id });
      const content = (state: unknown) => {
        const { lastReviewedAt: _a, lastReviewedBy: _b, updatedAt: _c, ...rest } = state as Record<string, unknown>;
        return rest;
      };
      expect(content(last.state)).toEqual(content(history.at(-2)!.state));
      const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'measure.review.confirm'));
      expect(audit).toMatchObject({ userId: s.users.beitragende.id, entityId: s.measures.m1 });
      expect(audit!.details).toMatchObject({ previous: '2025-12-10', reviewedAt: '2026-12-11' });

      // Off the due lists: the page's and the dashboard's.
      expect((await listDueMeasures(db, { now, municipality: 'herne' })).items).toEqual([]);
      expect((await loadMyTasks(db, s.users.beitragende, now)).stale!.total).toBe(0);
    } finally {
      await database.destroy();
    }
  });

  it('intervals: the catalogue default, a measure override; lists per catalogue, actor, person and contributor', async () => {
    const { database, s } = await setUp(engine);
    try {
      const db = database.db;
      const now = new Date('2026-12-01T09:00:00Z');
      const due = async (f: Partial<Parameters<typeof listDueMeasures>[1]> = {}) =>
        (await listDueMeasures(db, { now, municipality: 'herne', ...f })).items.map((m) => [m.id, m.status, m.intervalMonths]);
      // m1 is due within 30 days (2026-12-10): "bald fällig".
      expect(await due()).toEqual([[s.measures.m1, 'dueSoon', 12]]);
      expect(await due({ withinDays: 0 })).toEqual([]);
      // A 6-month catalogue interval makes both overdue.
      await expect(setCatalogueReviewInterval(db, s.users.redaktion, s.catalogueId, '0')).rejects.toBeInstanceOf(ValidationError);
      await expect(setCatalogueReviewInterval(db, s.users.redaktion, s.catalogueId, 'zwölf')).rejects.toThrow('ganze Zahl');
      await expect(setCatalogueReviewInterval(db, s.users.beitragende, s.catalogueId, '6')).rejects.toBeInstanceOf(ForbiddenError);
      expect(await setCatalogueReviewInterval(db, s.users.redaktion, s.catalogueId, '6')).toBe(6);
      expect(await due()).toEqual([[s.measures.m1, 'overdue', 6]]);
      // Own intervals override it: m2 (reviewed 2026-11-01) every month is due today; m1 every two years is not due.
      expect(await setMeasureReviewInterval(db, s.users.redaktion, s.measures.m2, '1')).toBe(1);
      expect(await setMeasureReviewInterval(db, s.users.redaktion, s.measures.m1, '24')).toBe(24);
      expect(await due()).toEqual([[s.measures.m2, 'due', 1]]);
      await expect(setMeasureReviewInterval(db, s.users.beitragende, s.measures.m2, '3')).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setMeasureReviewInterval(db, s.users.redaktion, s.measures.m2, '121')).rejects.toThrow('zwischen 1 und 120');
      // Empty: the catalogue's interval again.
      expect(await setMeasureReviewInterval(db, s.users.redaktion, s.measures.m1, '')).toBeNull();
      expect(await due()).toEqual([
        [s.measures.m1, 'overdue', 6],
        [s.measures.m2, 'due', 1],
      ]);
      expect(await due({ catalogueId: s.catalogueId })).toHaveLength(2);
      expect(await due({ actorId: s.actorId })).toHaveLength(2);
      expect(await due({ actorId: s.otherActorId })).toEqual([]);
      expect(await due({ userId: s.users.beitragende.id })).toHaveLength(2);
      expect(await due({ userId: s.users.fremd.id })).toEqual([]);
      expect(await due({ onlyActorIds: s.users.fremd.actorIds })).toEqual([]);
      expect(await due({ onlyActorIds: [] })).toEqual([]);
    } finally {
      await database.destroy();
    }
  });
});
