/**
 * Jobs whose state lives in the database (`scheduled_jobs`: last run, next run, last result),
 * so a restart neither repeats nor forgets them. A run happens in one transaction that first
 * takes the job's row with `select … for update skip locked`: of several app instances on one
 * PostgreSQL exactly one runs, the others skip (PGlite: one process, its transactions queue).
 * What the job writes and the moved "next run" commit together — or not at all.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { scheduledJobs } from '../db/schema';
import { inTransaction } from '../db/transaction';

export type JobRun<T> = { ran: true; result: T } | { ran: false; reason: 'locked' | 'notDue' };

export interface JobOptions {
  now: Date;
  /** Time until the next run after this one. */
  intervalMs: number;
  /** Run even though the next run is not due yet (tests, "jetzt ausführen"); the lock still holds. */
  force?: boolean;
}

export async function runScheduledJob<T extends Record<string, unknown>>(
  db: Db,
  name: string,
  options: JobOptions,
  work: (tx: Db, now: Date) => Promise<T>,
): Promise<JobRun<T>> {
  const { now } = options;
  // The row exists from the first run on (a concurrent first insert waits for the other's commit).
  await db.insert(scheduledJobs).values({ name, nextRunAt: now }).onConflictDoNothing();
  return inTransaction(db, async (tx) => {
    const [job] = await queryRows<{ next_run_at: Date | string }>(
      tx,
      sql`select next_run_at from scheduled_jobs where name = ${name} for update skip locked`,
    );
    if (!job) return { ran: false, reason: 'locked' } as const;
    if (!options.force && new Date(job.next_run_at).getTime() > now.getTime()) return { ran: false, reason: 'notDue' } as const;
    const result = await work(tx, now);
    await tx
      .update(scheduledJobs)
      .set({ lastRunAt: now, nextRunAt: new Date(now.getTime() + options.intervalMs), lastResult: result })
      .where(sql`${scheduledJobs.name} = ${name}`);
    return { ran: true, result } as const;
  });
}

export async function jobState(db: Db, name: string): Promise<{ lastRunAt: Date | null; nextRunAt: Date; lastResult: Record<string, unknown> | null } | null> {
  const [row] = await db.select().from(scheduledJobs).where(sql`${scheduledJobs.name} = ${name}`);
  return row ? { lastRunAt: row.lastRunAt, nextRunAt: row.nextRunAt, lastResult: row.lastResult ?? null } : null;
}
