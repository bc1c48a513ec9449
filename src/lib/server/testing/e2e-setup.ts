/**
 * Test-only helpers behind /test-setup (which answers only when testRoutesEnabled()): create or reset
 * users directly, create a session without the login form, a fingerprint of the data the
 * authorisation matrix compares before and after forbidden requests, and for the review cycle:
 * backdate a measure's last review and read a person's queued e-mails.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Db } from '../db/connection';
import { actors, measures, outbox, ROLES, users } from '../db/schema';
import { hashPassword } from '../auth/password';
import { createSession, type NewSession } from '../auth/sessions';
import { findUserIdByEmail, insertUser, replaceScopes } from '../auth/users';

export const seedUsersInput = z.object({
  users: z
    .array(
      z.object({
        email: z.string().trim().toLowerCase().email(),
        password: z.string().min(1),
        role: z.enum(ROLES),
        name: z.string().optional(),
        /** Actor slugs (contributors). */
        actors: z.array(z.string()).optional(),
        active: z.boolean().optional(),
      }),
    )
    .default([]),
  /** Sign in as this user (after seeding): the response sets the session cookie. */
  login: z.string().trim().toLowerCase().optional(),
  /** Review cycle (issue 15): backdate a measure's last review, run the reminder job now. */
  reviews: z
    .object({
      /** The first published measure (by title) this actor (slug) is responsible for gets this last review date. */
      backdate: z.object({ actor: z.string(), lastReviewedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).optional(),
      /** Run the reminder job now, even if its next run is not due (what it sends is still once per due date). */
      runReminders: z.boolean().optional(),
    })
    .optional(),
});
export type SeedUsersInput = z.input<typeof seedUsersInput>;

/** Creates the users, or resets existing ones (password, role, scopes, active, lockout). */
export async function seedUsers(db: Db, input: z.output<typeof seedUsersInput>['users']): Promise<{ id: string; email: string }[]> {
  const out: { id: string; email: string }[] = [];
  for (const u of input) {
    const actorIds: string[] = [];
    for (const slug of u.actors ?? []) {
      const [a] = await db.select({ id: actors.id }).from(actors).where(eq(actors.slug, slug));
      if (!a) throw new Error(`Unbekannter Akteur: ${slug}`);
      actorIds.push(a.id);
    }
    const passwordHash = await hashPassword(u.password);
    let id = await findUserIdByEmail(db, u.email);
    if (id) {
      await db
        .update(users)
        .set({ passwordHash, role: u.role, name: u.name ?? null, active: u.active ?? true, failedLogins: 0, lockedUntil: null, updatedAt: sql`now()` })
        .where(eq(users.id, id));
      await replaceScopes(db, id, actorIds);
    } else {
      id = (await insertUser(db, { email: u.email, name: u.name ?? null, role: u.role, passwordHash, actorIds }, { label: 'Test' }, 'Testkonto')).id;
      if (u.active === false) await db.update(users).set({ active: false }).where(eq(users.id, id));
    }
    out.push({ id, email: u.email });
  }
  return out;
}

/** Sets the last review of an actor's first published measure (by title); returns it. */
export async function backdateReview(db: Db, actorSlug: string, lastReviewedAt: string): Promise<{ id: string; title: string }> {
  const [row] = await queryRows<{ id: string; title: string }>(
    db,
    sql`select m.id, m.title from measures m
        join measure_actors ma on ma.measure_id = m.id and ma.role = 'verantwortlich'
        join actors a on a.id = ma.actor_id and a.slug = ${actorSlug}
        where m.workflow_state = 'veroeffentlicht' and not m.is_gap
        order by m.title, m.id limit 1`,
  );
  if (!row) throw new Error(`Keine veröffentlichte Maßnahme des Akteurs ${actorSlug}`);
  await db.update(measures).set({ lastReviewedAt }).where(eq(measures.id, row.id));
  return { id: String(row.id), title: String(row.title) };
}

/** The e-mails queued for a recipient, newest first. */
export async function outboxFor(db: Db, recipient: string): Promise<{ subject: string; body: string; createdAt: Date }[]> {
  return db
    .select({ subject: outbox.subject, body: outbox.body, createdAt: outbox.createdAt })
    .from(outbox)
    .where(eq(sql`lower(${outbox.recipient})`, recipient.toLowerCase()))
    .orderBy(desc(outbox.createdAt));
}

export async function sessionFor(db: Db, email: string): Promise<NewSession | null> {
  const id = await findUserIdByEmail(db, email);
  return id ? createSession(db, id, { userAgent: 'test-setup' }) : null;
}

/**
 * A summary of the stored data that any real change alters: row counts and latest update times
 * of the content and account tables, and the audit entries other than logins/logouts.
 * Sessions and rate limits are left out (signing in changes them).
 */
export async function dataFingerprint(db: Db): Promise<Record<string, unknown>> {
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`select
      (select count(*)::int from revisions) as revisions,
      (select count(*)::int from users) as users,
      (select max(updated_at)::text from users) as users_updated,
      (select string_agg(id::text || ':' || role || ':' || active::text, ',' order by id) from users) as users_state,
      (select count(*)::int from user_actor_scopes) as scopes,
      (select count(*)::int from auth_tokens) as tokens,
      (select count(*)::int from auth_tokens where used_at is not null) as tokens_used,
      (select count(*)::int from outbox) as outbox,
      (select count(*)::int from measures) as measures,
      (select max(updated_at)::text from measures) as measures_updated,
      (select count(*)::int from change_requests) as change_requests,
      (select max(updated_at)::text from change_requests) as change_requests_updated,
      (select count(*)::int from suggestions) as suggestions,
      (select count(*)::int from suggestions where state <> 'neu') as suggestions_decided,
      (select count(*)::int from notifications) as notifications,
      (select count(*)::int from notifications where read_at is not null) as notifications_read,
      (select count(*)::int from actors) as actors,
      (select max(updated_at)::text from actors) as actors_updated,
      (select count(*)::int from nodes) as nodes,
      (select max(updated_at)::text from nodes) as nodes_updated,
      (select count(*)::int from contacts) as contacts,
      (select count(*)::int from settings) as settings,
      (select max(updated_at)::text from settings) as settings_updated,
      (select count(*)::int from funding_programmes) as funding_programmes,
      (select max(updated_at)::text from funding_programmes) as funding_programmes_updated,
      (select count(*)::int from funding_applications) as funding_applications,
      (select max(updated_at)::text from funding_applications) as funding_applications_updated,
      (select count(*)::int from funding_messages) as funding_messages,
      (select count(*)::int from funding_decisions) as funding_decisions,
      (select count(*)::int from measure_funding) as measure_funding,
      (select max(updated_at)::text from measure_funding) as measure_funding_updated,
      (select count(*)::int from audit_log where action not like 'login.%' and action <> 'logout') as audit`,
  );
  return row ?? {};
}
