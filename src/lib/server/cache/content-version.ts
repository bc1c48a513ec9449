/**
 * The content version: a counter in `settings` that every change to published content
 * increments (database triggers, drizzle/0006_content_version.sql). This process keeps the
 * current value in memory, so serving a cached page costs no query:
 * - NOTIFY vielfalt_content brings every committed change (this process's, on PostgreSQL also
 *   other instances' and the CLI's) — PGlite delivers it before the committing query returns;
 * - `refresh()` re-reads it; the web hooks call it after every request that may have written, so
 *   the answer to a publication is sent only once the next request will see the new version.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Database, type Db } from '../db/connection';

export const CONTENT_VERSION_CHANNEL = 'vielfalt_content';

/**
 * Moves the content version on by hand, for public content kept outside the triggered tables
 * (texts in `settings`, such as the legal notice): the same statement as the trigger function
 * vielfalt_bump_content_version() in drizzle/0006_content_version.sql, announced the same way.
 */
export async function bumpContentVersion(db: Db): Promise<void> {
  await queryRows(
    db,
    sql`with bumped as (
          insert into settings (key, value) values ('content_version', '1'::jsonb)
          on conflict (key) do update
            set value = to_jsonb(coalesce((settings.value #>> '{}')::bigint, 0) + 1), updated_at = now()
          returning (value #>> '{}') as version
        )
        select pg_notify(${CONTENT_VERSION_CHANNEL}, version) from bumped`,
  );
}

export async function readContentVersion(db: Db): Promise<bigint> {
  const [row] = await queryRows<{ version: string | null }>(db, sql`select value #>> '{}' as version from settings where key = 'content_version'`);
  return BigInt(row?.version ?? 0);
}

export class ContentVersion {
  #value: bigint | null = null;
  #stop: (() => Promise<void>) | null = null;

  constructor(private readonly db: Db) {}

  /** The last known version (null before the first read). */
  get current(): bigint | null {
    return this.#value;
  }

  /** Takes a version heard of; never goes back (notifications may overtake a re-read). */
  observe(version: bigint): void {
    if (this.#value === null || version > this.#value) this.#value = version;
  }

  async refresh(): Promise<bigint> {
    this.observe(await readContentVersion(this.db));
    return this.#value!;
  }

  /** Reads the version and follows its notifications until `stop()`. */
  async follow(database: Database): Promise<this> {
    this.#stop = await database.listen(CONTENT_VERSION_CHANNEL, (payload) => {
      if (/^\d+$/.test(payload)) this.observe(BigInt(payload));
      else void this.refresh().catch(() => undefined); // a reconnect: something may have been missed
    });
    await this.refresh();
    return this;
  }

  async stop(): Promise<void> {
    await this.#stop?.();
    this.#stop = null;
  }
}
