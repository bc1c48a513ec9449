import { afterAll, beforeAll, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { openDatabase, type Db } from '../db/connection';
import { notifications, outbox, users } from '../db/schema';
import { rolledBack } from '../../../../tests/helpers/seed';
import { deliverOutbox, MAX_ATTEMPTS, redactError, smtpConfigFromEnv, type MailMessage, type MailTransport } from './delivery';
import { listNotifications, markAllRead, markRead, unreadCount } from './inbox';
import { notify } from './notify';

class FakeTransport implements MailTransport {
  sent: MailMessage[] = [];
  constructor(private readonly fail: (m: MailMessage) => Error | null = () => null) {}
  async sendMail(message: MailMessage) {
    const error = this.fail(message);
    if (error) throw error;
    this.sent.push(message);
    return { messageId: String(this.sent.length) };
  }
}

const T0 = new Date('2026-11-23T10:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describeEachEngine('notifications and e-mail delivery', (engine) => {
  let database: TestDatabase;
  let editor: string;
  let admin: string;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const rows = await database.db
      .insert(users)
      .values([
        { email: 'redaktion@herne.de', name: 'Rita', role: 'redaktion' },
        { email: 'admin@herne.de', name: 'Ada', role: 'admin' },
        { email: 'ehemalig@herne.de', name: 'Ex', role: 'redaktion', active: false },
        { email: 'lenkung@herne.de', name: 'Lena', role: 'lesend' },
      ])
      .returning();
    editor = rows[0]!.id;
    admin = rows[1]!.id;
  });
  afterAll(async () => {
    await database.destroy();
  });
  const test = (name: string, body: (db: Db) => Promise<void>) => it(name, () => rolledBack(database.db, body));
  const queue = (db: Db, n: number, createdAt = T0) =>
    db.insert(outbox).values(Array.from({ length: n }, (_, i) => ({ recipient: `person${i}@herne.de`, subject: `Betreff ${i}`, body: `Text ${i}`, createdAt })));

  test('notify reaches active users of the roles, in the app and in the outbox', async (db) => {
    expect(await notify(db, { roles: ['redaktion', 'admin'], kind: 'test', title: 'Hallo', body: 'Text', link: '/admin' })).toBe(2);
    expect(await unreadCount(db, editor)).toBe(1);
    expect((await db.select().from(outbox)).map((m) => m.recipient).sort()).toEqual(['admin@herne.de', 'redaktion@herne.de']);
  });

  test('inbox: newest first, mark one (only one’s own) and all read', async (db) => {
    await db.insert(notifications).values([
      { userId: editor, kind: 'a', title: 'Erste', createdAt: minutes(0) },
      { userId: editor, kind: 'b', title: 'Zweite', createdAt: minutes(1) },
      { userId: editor, kind: 'c', title: 'Dritte', createdAt: minutes(2) },
      { userId: admin, kind: 'd', title: 'Fremde', createdAt: minutes(3) },
    ]);
    const { items, total } = await listNotifications(db, editor);
    expect(items.map((n) => n.title)).toEqual(['Dritte', 'Zweite', 'Erste']);
    expect(total).toBe(3);
    expect(await markRead(db, editor, items[0]!.id)).toBe(true);
    expect(await unreadCount(db, editor)).toBe(2);
    // Someone else's notification, or nonsense: refused, nothing changes.
    const [foreign] = await db.select().from(notifications).where(eq(notifications.userId, admin));
    expect(await markRead(db, editor, foreign!.id)).toBe(false);
    expect(await markRead(db, editor, 'kein-uuid')).toBe(false);
    expect(await unreadCount(db, admin)).toBe(1);
    expect((await listNotifications(db, editor, { unreadOnly: true })).items.map((n) => n.title)).toEqual(['Zweite', 'Erste']);
    expect(await markAllRead(db, editor)).toBe(2);
    expect(await unreadCount(db, editor)).toBe(0);
    expect(await unreadCount(db, admin)).toBe(1);
  });

  test('without a transport and without SMTP the mails stay in the outbox', async (db) => {
    const previous = { url: process.env.SMTP_URL, from: process.env.MAIL_FROM };
    delete process.env.SMTP_URL;
    process.env.MAIL_FROM = 'vielfalt@herne.de';
    try {
      await queue(db, 2);
      expect(smtpConfigFromEnv()).toBeNull();
      expect(await deliverOutbox(db)).toEqual({ configured: false, sent: 0, failed: 0, pending: 2 });
      expect((await db.select().from(outbox)).every((m) => m.attempts === 0 && m.sentAt === null)).toBe(true);
    } finally {
      if (previous.url !== undefined) process.env.SMTP_URL = previous.url;
      if (previous.from !== undefined) process.env.MAIL_FROM = previous.from;
      else delete process.env.MAIL_FROM;
    }
  });

  test('delivers through the transport and marks mails sent', async (db) => {
    await queue(db, 3);
    const transport = new FakeTransport();
    const report = await deliverOutbox(db, transport, { from: 'vielfalt@herne.de', now: T0 });
    expect(report).toEqual({ configured: true, sent: 3, failed: 0, pending: 0 });
    expect(transport.sent.map((m) => [m.from, m.to, m.subject, m.text])).toEqual([
      ['vielfalt@herne.de', 'person0@herne.de', 'Betreff 0', 'Text 0'],
      ['vielfalt@herne.de', 'person1@herne.de', 'Betreff 1', 'Text 1'],
      ['vielfalt@herne.de', 'person2@herne.de', 'Betreff 2', 'Text 2'],
    ]);
    const rows = await db.select().from(outbox);
    expect(rows.every((m) => m.sentAt !== null && m.attempts === 1 && m.lastError === null)).toBe(true);
    // Nothing is sent twice.
    expect((await deliverOutbox(db, transport, { now: minutes(10) })).sent).toBe(0);
    expect(transport.sent).toHaveLength(3);
  });

  // Several instances on one PostgreSQL (issue 18): each runs the minutely delivery; the claim
  // (attempts n → n+1 in one UPDATE) lets exactly one of them send each mail.
  it('two instances delivering at once send every mail exactly once', async () => {
    const second = database.url ? await openDatabase({ engine: 'postgres', url: database.url }) : database;
    try {
      await queue(database.db, 20);
      const [a, b] = [new FakeTransport(), new FakeTransport()];
      const reports = await Promise.all([deliverOutbox(database.db, a, { now: T0 }), deliverOutbox(second.db, b, { now: T0 })]);
      expect(reports[0]!.sent + reports[1]!.sent).toBe(20);
      const recipients = [...a.sent, ...b.sent].map((m) => m.to).sort();
      expect(recipients).toEqual(Array.from({ length: 20 }, (_, i) => `person${i}@herne.de`).sort());
    } finally {
      await database.db.delete(outbox);
      if (second !== database) await second.close();
    }
  });

  test('failures count attempts, keep the error without addresses, back off and finally give up', async (db) => {
    await queue(db, 1);
    let failing = true;
    const transport = new FakeTransport(() => (failing ? new Error('550 5.1.1 <person0@herne.de>: Recipient address rejected') : null));
    expect(await deliverOutbox(db, transport, { now: T0 })).toEqual({ configured: true, sent: 0, failed: 1, pending: 1 });
    let [row] = await db.select().from(outbox);
    expect(row).toMatchObject({ attempts: 1, sentAt: null });
    expect(row!.lastError).toBe('550 5.1.1 <[Adresse]>: Recipient address rejected');
    // Backing off: not again before a minute has passed …
    expect((await deliverOutbox(db, transport, { now: minutes(0.5) })).failed).toBe(0);
    // … then 1 + 2 minutes after creation for the third try.
    expect((await deliverOutbox(db, transport, { now: minutes(1) })).failed).toBe(1);
    expect((await deliverOutbox(db, transport, { now: minutes(2) })).failed).toBe(0);
    expect((await deliverOutbox(db, transport, { now: minutes(3) })).failed).toBe(1);
    [row] = await db.select().from(outbox);
    expect(row!.attempts).toBe(3);
    // Recovery: the next due attempt succeeds and clears the error.
    failing = false;
    expect((await deliverOutbox(db, transport, { now: minutes(7) })).sent).toBe(1);
    [row] = await db.select().from(outbox);
    expect(row).toMatchObject({ attempts: 4, lastError: null });
    expect(row!.sentAt).not.toBeNull();

    // A mail that keeps failing is given up after MAX_ATTEMPTS.
    await db.insert(outbox).values({ recipient: 'x@herne.de', subject: 's', body: 'b', createdAt: T0 });
    failing = true;
    for (let i = 0; i < MAX_ATTEMPTS + 3; i++) await deliverOutbox(db, transport, { now: minutes(60 * 24 * (i + 1)) });
    const [given] = await db.select().from(outbox).where(eq(outbox.recipient, 'x@herne.de'));
    expect(given!.attempts).toBe(MAX_ATTEMPTS);
  });

  it('error texts lose every address', () => {
    expect(redactError(new Error('RCPT TO:<a.b@c.de> failed; also "x@y.org"'))).toBe('RCPT TO:<[Adresse]> failed; also "[Adresse]"');
  });
});
