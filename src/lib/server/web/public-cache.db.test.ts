/**
 * The rendered-page cache with a real database on both engines: whatever is published, archived,
 * restored or imported is on the very next request, and nothing personal is ever kept.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { buildMeasure, buildPlan } from '../../../../tests/helpers/factories';
import { ContentVersion, readContentVersion } from '../cache/content-version';
import { PageCache } from '../cache/page-cache';
import { measures } from '../db/schema';
import { archiveMeasure } from '../editing/measures/archive-measure';
import { restoreMeasure } from '../editing/measures/restore-measure';
import { seed, type Seed } from '../../../../tests/helpers/seed';
import { writeImportPlan } from '../importers/plan/write';
import { inTransaction } from '../db/transaction';
import { publicCacheHandler, type PublicCacheHandler } from './public-cache';

describeEachEngine('rendered-page cache', (engine) => {
  let database: TestDatabase;
  let s: Seed;
  let versions: ContentVersion;
  let handle: PublicCacheHandler;
  let renders = 0;

  beforeEach(async () => {
    database = await createTestDatabase(engine);
    s = await seed(database.db, buildPlan());
    versions = await new ContentVersion(database.db).follow(database);
    handle = publicCacheHandler({ cache: new PageCache(1 << 20), versions: () => versions });
    renders = 0;
  });
  afterEach(async () => {
    await versions.stop();
    await database.destroy();
  });

  /** A "page" that shows the public state of measures m1 and m2, rendered from the database. */
  const page = async (url = 'http://x/kataloge/integrationskonzept/massnahme/m1', headers: Record<string, string> = {}) => {
    const response = await handle({ request: new Request(url, { headers }), url: new URL(url), locale: 'de', hasSession: false }, async () => {
      renders++;
      const rows = await database.db.select({ id: measures.id, title: measures.title, state: measures.workflowState }).from(measures);
      const [m1, m2] = [s.measures.m1, s.measures.m2].map((id) => rows.find((r) => r.id === id)!);
      return new Response(`${m1!.title} (${m1!.state}); ${m2!.title}`, { headers: { 'content-type': 'text/html; charset=utf-8' } });
    });
    return { state: response.headers.get('x-vielfalt-cache'), status: response.status, etag: response.headers.get('etag'), body: await response.text() };
  };

  /** A use case run as the web server runs it: inside a form post. */
  const post = (work: () => Promise<unknown>) =>
    handle({ request: new Request('http://x/admin/massnahmen/x', { method: 'POST' }), url: new URL('http://x/admin/massnahmen/x'), locale: 'de', hasSession: true }, async () => {
      await work();
      return new Response(null, { status: 303 });
    });

  it('serves the second request from the cache, and a matching If-None-Match with 304', async () => {
    const first = await page();
    const second = await page();
    expect([first.state, second.state]).toEqual(['miss', 'hit']);
    expect(second.body).toBe(first.body);
    expect(renders).toBe(1);
    const revalidated = await page(undefined, { 'if-none-match': first.etag! });
    expect([revalidated.status, revalidated.state, revalidated.body]).toEqual([304, 'revalidated', '']);
    // Another language or query is another page.
    const other = await page('http://x/kataloge/integrationskonzept/massnahme/m1?druck=1');
    expect(other.state).toBe('miss');
  });

  it('shows an archived, restored or re-imported measure on the very next request', async () => {
    await page();
    expect((await page()).body).toContain('(veroeffentlicht)');

    await post(() => archiveMeasure(database.db, s.users.redaktion, s.measures.m1));
    const archived = await page();
    expect([archived.state, archived.body]).toEqual(['miss', expect.stringContaining('(archiviert)')]);

    await post(() => restoreMeasure(database.db, s.users.redaktion, s.measures.m1));
    expect((await page()).body).toContain('(veroeffentlicht)');

    // An import changes another measure's title (the CLI writes directly, without a web request):
    // the commit's notification reaches the follower, on PostgreSQL over its own connection.
    const before = versions.current!;
    const plan = buildPlan();
    plan.measures = plan.measures.map((m) => (m.key.endsWith('hz:A1/m:2') ? buildMeasure({ ...m, title: 'Sprachförderung in allen Kitas' }) : m));
    await inTransaction(database.db, (tx) => writeImportPlan(tx, plan, { municipalityId: s.municipalityId, comment: 'Test-Import' }));
    await expect.poll(() => versions.current! > before, { timeout: 5000 }).toBe(true);
    expect((await page()).body).toContain('Sprachförderung in allen Kitas');
  });

  it('moves the content version with public content only, and never backwards', async () => {
    const start = await readContentVersion(database.db);
    // Rolled back: no change, no version.
    await expect(
      inTransaction(database.db, async (tx) => {
        await tx.update(measures).set({ title: 'nie' }).where(eq(measures.id, s.measures.m1));
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await readContentVersion(database.db)).toBe(start);
    await database.db.update(measures).set({ title: 'neu' }).where(eq(measures.id, s.measures.m1));
    expect(await readContentVersion(database.db)).toBe(start + 1n);
    versions.observe(start + 100n);
    versions.observe(start + 1n);
    expect(versions.current).toBe(start + 100n);
  });

  it('never keeps an answer that sets a cookie, is marked no-store, or went to a signed-in user', async () => {
    const answer = (headers: Record<string, string>, hasSession = false) =>
      handle({ request: new Request('http://x/'), url: new URL('http://x/'), locale: 'de', hasSession }, async () => {
        renders++;
        return new Response('personal', { headers: { 'content-type': 'text/html', ...headers } });
      });
    const refused: Record<string, string>[] = [{ 'set-cookie': 'a=b' }, { 'cache-control': 'no-store' }, { 'cache-control': 'private' }];
    for (const headers of refused) {
      renders = 0;
      await answer(headers);
      await answer(headers);
      expect(renders, JSON.stringify(headers)).toBe(2);
    }
    renders = 0;
    expect((await answer({}, true)).headers.get('x-vielfalt-cache')).toBe('bypass');
    expect((await answer({})).headers.get('x-vielfalt-cache')).toBe('miss');
    expect(renders).toBe(2);
  });
});
