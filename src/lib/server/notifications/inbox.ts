/** The in-app notifications of one user: list, unread count (admin navigation), mark read. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { notifications } from '../db/schema';

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

/** Unread notifications of a user (for the badge in the admin navigation). */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Newest first; `unreadOnly` for the dashboard. */
export async function listNotifications(
  db: Db,
  userId: string,
  options: { limit?: number; offset?: number; unreadOnly?: boolean } = {},
): Promise<{ items: NotificationItem[]; total: number }> {
  const where = options.unreadOnly
    ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
    : eq(notifications.userId, userId);
  const items = await db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0);
  const [row] = await db.select({ n: count() }).from(notifications).where(where);
  return { items, total: Number(row?.n ?? 0) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Marks one of the user's own notifications read; returns false when it is not theirs (or unknown). */
export async function markRead(db: Db, userId: string, id: string, now: Date = new Date()): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (rows.length) return true;
  const [existing] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return Boolean(existing);
}

/** Marks all of the user's notifications read; returns how many changed. */
export async function markAllRead(db: Db, userId: string, now: Date = new Date()): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
