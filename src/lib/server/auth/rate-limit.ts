/**
 * Fixed-window rate limits stored in the database (they survive restarts and hold across
 * processes on PostgreSQL): login attempts per address and client, public form posts per client.
 * One upsert per hit. Keys are made storable here, so counting never depends on the input.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/connection';
import { toStorableText } from '../text/storable';

export interface RateLimitRule {
  /** Hits allowed per window. */
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Hits in the current window, this one included. */
  count: number;
  /** Seconds until the window resets (for Retry-After and the German message). */
  retryAfter: number;
}

/**
 * Counts a hit for `key` (e.g. "login:ip:1.2.3.4") and says whether it is still within the limit.
 *
 * A window starts with the first hit (not at clock boundaries), and the hit that reaches the limit
 * starts it again: whoever used up the limit waits one whole window, the same span the German
 * message and the documentation name (15 minutes for logins — like the account lockout, so an
 * unknown address is answered exactly like a known one).
 */
export async function hitRateLimit(db: Db, key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const at = now.toISOString();
  const [row] = await queryRows<{ count: number; window_start: string | Date }>(
    db,
    sql`insert into rate_limits (key, window_start, count) values (${toStorableText(key)}, ${at}, 1)
        on conflict (key) do update set
          count = case when rate_limits.window_start > ${at}::timestamptz - make_interval(secs => ${rule.windowSeconds})
                       then rate_limits.count + 1 else 1 end,
          window_start = case
            when rate_limits.window_start <= ${at}::timestamptz - make_interval(secs => ${rule.windowSeconds}) then ${at}::timestamptz
            when rate_limits.count + 1 = ${rule.limit} then ${at}::timestamptz
            else rate_limits.window_start end
        returning count, window_start`,
  );
  const count = Number(row!.count);
  const windowStart = new Date(row!.window_start);
  const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000));
  return { allowed: count <= rule.limit, count, retryAfter };
}

/** Forgets a key (e.g. after a successful login). */
export async function resetRateLimit(db: Db, key: string): Promise<void> {
  await db.execute(sql`delete from rate_limits where key = ${toStorableText(key)}`);
}
