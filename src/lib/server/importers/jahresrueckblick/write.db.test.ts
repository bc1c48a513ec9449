import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { describeEachEngine, freshDatabaseEachTest } from '../../../../../tests/helpers/db';
import { queryRows, type Db } from '../../db/connection';
import { annualReviews, auditLog, contacts, events, networks, revisions, users } from '../../db/schema';
import { setReviewIntroduction } from '../../events/review-introduction';
import { ensureMunicipality } from '../../catalogue/municipality';
import { inTransaction } from '../../db/transaction';
import { recordRevisions } from '../../revisions/record';
import { readContentVersion } from '../../cache/content-version';
import { projectPath } from '../../util/project-root';
import { parseJahresrueckblick } from './parse';
import { writeJahresrueckblick } from './write';
import type { JahresrueckblickDocument } from './types';

const FILE = '002_f4ed1d705e4e74d9.txt';
const parse = () =>
  parseJahresrueckblick({ name: FILE, text: fs.readFileSync(path.join(projectPath('data/sources/herne'), FILE), 'utf8') }).document;

async function write(db: Db, doc: JahresrueckblickDocument) {
  return inTransaction(db, async (tx) => {
    const municipalityId = await ensureMunicipality(tx, 'herne');
    return writeJahresrueckblick(tx, doc, { municipalityId, comment: 'Test-Import' });
  });
}

const count = async (db: Db, table: string) => Number((await queryRows<{ n: number }>(db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n);

describeEachEngine('writing the annual review', (engine) => {
  const database = freshDatabaseEachTest(engine);

  it('creates events, offers, networks, the body with its sessions and contacts; a re-import changes nothing', async () => {
    const first = await write(database.db, parse());
    expect(first.events).toEqual({ created: 19, updated: 0, unchanged: 0 });
    expect(first.offers.created).toBe(14);
    expect(first.networks.created).toBe(7);
    expect(first.contacts.created).toBe(27);
    expect(await count(database.db, 'network_sessions')).toBe(5);
    const [ak] = await database.db.select().from(networks).where(eq(networks.name, 'AK Vielfalt – Bildung und Erziehung in der KiTa'));
    const [pgi] = await database.db.select().from(networks).where(eq(networks.id, ak!.predecessorId!));
    expect(pgi!.name).toBe('Projektgruppe Interkulturelle Erziehung in der KiTa');
    expect(pgi!.status).toBe('umbenannt');
    const [host] = await database.db.select().from(events).where(eq(events.startDate, '2023-06-13'));
    expect(host!.offerId).not.toBeNull();
    expect((await database.db.select().from(contacts)).every((c) => c.visible)).toBe(true);

    const tables = ['events', 'offers', 'networks', 'network_sessions', 'event_actors', 'offer_actors', 'contacts', 'actors', 'revisions', 'annual_reviews'];
    const before = await Promise.all(tables.map((t) => count(database.db, t)));
    const version = await readContentVersion(database.db);
    const again = await write(database.db, parse());
    for (const c of [again.events, again.offers, again.networks, again.contacts]) expect(c.created + c.updated).toBe(0);
    expect(again.actorsCreated + again.targetGroupsCreated).toBe(0);
    expect(await Promise.all(tables.map((t) => count(database.db, t)))).toEqual(before);
    // Nothing written, so the public page cache stays valid.
    expect(await readContentVersion(database.db)).toBe(version);
  });

  it('updates a changed event with a revision, bumps the content version, and leaves an event edited in the app alone', async () => {
    await write(database.db, parse());
    const version = await readContentVersion(database.db);
    const changed = parse();
    changed.veranstaltungen[0]!.teilnehmende = 40;
    changed.veranstaltungen[1]!.ort = 'Rathaus';
    const [event] = await database.db.select().from(events).where(eq(events.importKey, changed.veranstaltungen[1]!.schluessel));
    const [user] = await database.db.insert(users).values({ email: 'red@example.org', name: 'Redaktion', role: 'redaktion' }).returning();
    await recordRevisions(database.db, [{ entityType: 'event', entityId: event!.id, state: event, authorId: user!.id }]);

    const outcome = await write(database.db, changed);
    expect(outcome.events).toEqual({ created: 0, updated: 1, unchanged: 17 });
    expect(outcome.conflicts).toEqual([{ kind: 'event', key: changed.veranstaltungen[1]!.schluessel, title: changed.veranstaltungen[1]!.titel }]);
    const [updated] = await database.db.select().from(events).where(eq(events.importKey, changed.veranstaltungen[0]!.schluessel));
    expect(updated!.participants).toBe(40);
    const [kept] = await database.db.select().from(events).where(eq(events.id, event!.id));
    expect(kept!.venueName).toBe(event!.venueName);
    expect(await readContentVersion(database.db)).toBeGreaterThan(version);
    expect(await count(database.db, 'network_sessions')).toBe(5);
  });

  it('keeps an introduction written in the app: revision and audit entry, and a re-import does not overwrite it', async () => {
    await write(database.db, parse());
    const [imported] = await database.db.select().from(annualReviews);
    expect(imported!.introduction).toMatch(/^wir freuen uns sehr/);
    const [user] = await database.db.insert(users).values({ email: 'jr@example.org', name: 'Redaktion', role: 'redaktion' }).returning();
    await setReviewIntroduction(database.db, user!.id, 'herne', '2023', 'Unser Jahr 2023.\r\n\r\nZweiter Absatz.');
    await write(database.db, parse());
    const [after] = await database.db.select().from(annualReviews);
    expect(after!.introduction).toBe('Unser Jahr 2023.\n\nZweiter Absatz.');
    const revs = await database.db.select().from(revisions).where(eq(revisions.entityId, after!.id));
    expect(revs.map((r) => r.authorId)).toEqual([user!.id]);
    const [audit] = await database.db.select().from(auditLog).where(eq(auditLog.action, 'annual_review.update'));
    expect(audit!.details).toMatchObject({ year: 2023, previous: imported!.introduction });
    await expect(setReviewIntroduction(database.db, user!.id, 'herne', 'zwanzig', 'x')).rejects.toThrow(/Jahr/);
    await expect(setReviewIntroduction(database.db, user!.id, 'herne', '2023', 'x'.repeat(20_001))).rejects.toThrow(/zu lang/);
  });
});
