/**
 * Notifications: in-app (table `notifications`, shown in "Meine Aufgaben") and, for users with
 * an e-mail address, an e-mail queued in `outbox` (sent through SMTP when configured; see
 * notifications/ for delivery). Callers pass recipients by user id or by role.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { notifications, outbox, users, type Role } from '../db/schema';

export interface NotificationInput {
  /** User ids, and/or every active user with one of these roles. */
  userIds?: string[];
  roles?: Role[];
  kind: string;
  title: string;
  body?: string | null;
  /** Path inside the app, e.g. "/admin/pruefung/…". */
  link?: string | null;
  /** Also queue an e-mail (default true). */
  email?: boolean;
}

export async function notify(db: Db, input: NotificationInput): Promise<number> {
  const byId = input.userIds?.length
    ? await db.select({ id: users.id, email: users.email }).from(users).where(and(inArray(users.id, input.userIds), eq(users.active, true)))
    : [];
  const byRole = input.roles?.length
    ? await db.select({ id: users.id, email: users.email }).from(users).where(and(inArray(users.role, input.roles), eq(users.active, true)))
    : [];
  const recipients = [...new Map([...byId, ...byRole].map((u) => [u.id, u])).values()];
  if (!recipients.length) return 0;
  await db.insert(notifications).values(
    recipients.map((u) => ({ userId: u.id, kind: input.kind, title: input.title, body: input.body ?? null, link: input.link ?? null })),
  );
  if (input.email !== false) {
    const base = process.env.ORIGIN ?? '';
    await db.insert(outbox).values(
      recipients.map((u) => ({
        recipient: u.email,
        subject: `[Vielfalt] ${input.title}`,
        body: [input.body, input.link ? `${base}${input.link}` : null].filter(Boolean).join('\n\n'),
      })),
    );
  }
  return recipients.length;
}
