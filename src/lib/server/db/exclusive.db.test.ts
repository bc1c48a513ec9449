/**
 * `Database.exclusive`: processes that start at once on one PostgreSQL take turns for
 * migrations and the first-start import (issue 18, several instances). Two connections of
 * their own stand for two app instances.
 */
import { expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine } from '../../../../tests/helpers/db';
import { openDatabase, type Database } from './connection';
import { runMigrations } from './migrate';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describeEachEngine('exclusive work', (engine) => {
  it('runs the work and returns its result; on PostgreSQL one holder at a time per key', async () => {
    const first = await createTestDatabase(engine);
    const opened: Database[] = [];
    try {
      expect(await first.exclusive('test.key', async () => 42)).toBe(42);
      if (!first.url) return; // PGlite: one process per data directory, nothing to take turns with.
      const second = await openDatabase({ engine: 'postgres', url: first.url });
      opened.push(second);
      const spans: { who: string; from: number; to: number }[] = [];
      const hold = (who: string, db: Database) =>
        db.exclusive('test.key', async () => {
          const from = performance.now();
          await pause(300);
          spans.push({ who, from, to: performance.now() });
        });
      // A different key does not wait.
      const other = second.exclusive('test.other', async () => performance.now());
      await Promise.all([hold('a', first), hold('b', second)]);
      expect(spans).toHaveLength(2);
      const [early, late] = spans.sort((x, y) => x.from - y.from);
      expect(late!.from).toBeGreaterThanOrEqual(early!.to);
      expect(await other).toBeLessThan(late!.from);
      // Two instances migrating at once both succeed (the migrator itself does not lock).
      await Promise.all([runMigrations(first), runMigrations(second)]);
    } finally {
      for (const d of opened) await d.close();
      await first.destroy();
    }
  });
});
