import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabaseEachTest } from '../../../../tests/helpers/db';
import { hitRateLimit, resetRateLimit } from './rate-limit';

describeEachEngine('rate limits', (engine) => {
  const database = freshDatabaseEachTest(engine);

  it('allow up to the limit per window, then refuse with the seconds to wait', async () => {
    const rule = { limit: 3, windowSeconds: 60 };
    const now = new Date('2026-11-23T10:00:10Z');
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await hitRateLimit(database.db, 'login:ip:1', rule, now));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfter).toBe(50);
    // Other keys are independent; a new window starts over.
    expect((await hitRateLimit(database.db, 'login:ip:2', rule, now)).allowed).toBe(true);
    expect((await hitRateLimit(database.db, 'login:ip:1', rule, new Date('2026-11-23T10:01:01Z'))).count).toBe(1);
  });

  it('forget a key on reset', async () => {
    const rule = { limit: 1, windowSeconds: 60 };
    await hitRateLimit(database.db, 'k', rule);
    await resetRateLimit(database.db, 'k');
    expect((await hitRateLimit(database.db, 'k', rule)).allowed).toBe(true);
  });
});
