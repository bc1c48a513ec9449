import { expect, it } from 'vitest';
import { describeEachEngine, freshDatabaseEachTest } from '../../../../tests/helpers/db';
import { hitRateLimit, resetRateLimit } from './rate-limit';

describeEachEngine('rate limits', (engine) => {
  const database = freshDatabaseEachTest(engine);

  it('allow up to the limit, then refuse for one whole window from the hit that reached it', async () => {
    const rule = { limit: 3, windowSeconds: 60 };
    const t0 = new Date('2026-11-23T10:00:10Z');
    const at = (s: number) => new Date(t0.getTime() + s * 1000);
    const results = [];
    // Hits at 0 s, 20 s and 40 s: the third reaches the limit and starts the window again.
    for (const s of [0, 20, 40, 41]) results.push(await hitRateLimit(database.db, 'login:ip:1', rule, at(s)));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    // Refused one second after the limit was reached: 59 s to go, not the 19 s a window from the
    // first hit would leave (the message must say what the documentation says).
    expect(results[3]!.retryAfter).toBe(59);
    expect((await hitRateLimit(database.db, 'login:ip:1', rule, at(99))).allowed).toBe(false);
    // Other keys are independent; after the window a new one starts over.
    expect((await hitRateLimit(database.db, 'login:ip:2', rule, at(41))).allowed).toBe(true);
    expect((await hitRateLimit(database.db, 'login:ip:1', rule, at(101))).count).toBe(1);
  });

  it('below the limit the window runs from the first hit, not from a clock boundary', async () => {
    const rule = { limit: 5, windowSeconds: 60 };
    const first = await hitRateLimit(database.db, 'k', rule, new Date('2026-11-23T10:00:59Z'));
    const second = await hitRateLimit(database.db, 'k', rule, new Date('2026-11-23T10:01:30Z'));
    expect([first.count, second.count]).toEqual([1, 2]);
    expect(second.retryAfter).toBe(29);
  });

  it('count keys holding characters PostgreSQL cannot store', async () => {
    const rule = { limit: 1, windowSeconds: 60 };
    const now = new Date('2026-11-23T10:00:00Z');
    expect((await hitRateLimit(database.db, 'login:email:a\u0000b', rule, now)).allowed).toBe(true);
    expect((await hitRateLimit(database.db, 'login:email:a\u0000b', rule, now)).allowed).toBe(false);
    expect((await hitRateLimit(database.db, 'login:email:\ud800', rule, now)).count).toBe(1);
  });

  it('forget a key on reset', async () => {
    const rule = { limit: 1, windowSeconds: 60 };
    await hitRateLimit(database.db, 'k', rule);
    await resetRateLimit(database.db, 'k');
    expect((await hitRateLimit(database.db, 'k', rule)).allowed).toBe(true);
  });
});
