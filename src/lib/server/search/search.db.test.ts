import { afterEach, beforeEach, expect, it } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { buildMeasure, buildPlan } from '../../../../tests/helpers/factories';
import { queryRows, type Db } from '../db/connection';
import { actors, measureActors, measureNodes, measureReferences, measures, measureTargetGroups, nodes } from '../db/schema';
import { ensureMunicipality } from '../catalogue/municipality';
import { writeImportPlan } from '../importers/plan/write';
import type { ImportPlan } from '../importers/plan/types';
import { parseSearchParams, refreshSearchIndex, searchIndexStats, searchMeasures, type SearchResult } from './index';
import { inTransaction } from '../db/transaction';

async function write(db: Db, plan: ImportPlan) {
  return inTransaction(db, async (tx) => {
    const municipalityId = await ensureMunicipality(tx, 'herne');
    return writeImportPlan(tx, plan, { municipalityId, comment: 'Test-Import' });
  });
}

/** The factory's plan, with a text of its own for the Elterncafés. */
function integrationPlan(): ImportPlan {
  const plan = buildPlan();
  plan.measures[1] = { ...plan.measures[1]!, description: 'Ein offenes Café für Eltern neu zugewanderter Familien.' };
  return plan;
}

function diversityPlan(): ImportPlan {
  const unit = 'dim:2/dez:I/oe:bgv';
  return buildPlan({
    kind: 'diversity',
    slug: 'diversity',
    title: 'Diversity-Katalog',
    position: 1,
    edition: { label: 'Stand 2024', stand: '2024', sourceFile: 'div.txt' },
    nodes: [
      { key: 'dim:2', parentKey: null, type: 'dimension', code: '2', title: 'Geschlecht', body: null, source: null },
      { key: 'dim:2/dez:I', parentKey: 'dim:2', type: 'dezernat', code: null, title: 'Dezernat I', body: null, source: null },
      { key: unit, parentKey: 'dim:2/dez:I', type: 'organisationseinheit', code: null, title: 'Büro für Gleichstellung und Vielfalt', body: null, source: null, actorName: 'Büro für Gleichstellung und Vielfalt' },
    ],
    measures: [
      buildMeasure({
        key: 'div/mentoring',
        number: null,
        title: 'Mentoringprogramm für Frauen',
        description: 'Erfahrene Führungskräfte begleiten Frauen auf dem Weg in Führungspositionen.',
        placements: [{ nodeKey: unit, number: null }],
        directionInward: true,
        isNew: true,
        stateCode: 'laufend',
        actors: [{ name: 'Büro für Gleichstellung und Vielfalt', role: 'verantwortlich', wording: null }],
        targetGroups: [{ name: 'Frauen', wording: 'Frauen' }],
      }),
      buildMeasure({
        key: 'div/maedchen',
        number: null,
        title: 'Mädchen-AG',
        description: 'Eine Arbeitsgemeinschaft für Mädchen zu Rollenbildern und Selbstbehauptung.',
        placements: [{ nodeKey: unit, number: null }],
        directionOutward: true,
        stateCode: 'dauerhaft',
        actors: [{ name: 'Büro für Gleichstellung und Vielfalt', role: 'verantwortlich', wording: null }],
        targetGroups: [{ name: 'Kinder', wording: 'Mädchen' }],
      }),
    ],
  });
}

async function search(db: Db, qs: string): Promise<SearchResult> {
  const parsed = parseSearchParams(new URLSearchParams(qs), { api: true });
  expect(parsed.ok).toBe(true);
  return searchMeasures(db, parsed.state, { municipality: 'herne' });
}

const titles = (r: SearchResult) => r.items.map((i) => i.title);
const facet = (r: SearchResult, name: keyof SearchResult['facets']) =>
  Object.fromEntries(r.facets[name].map((v) => [v.value, v.count]));

async function measureId(db: Db, importKey: string): Promise<string> {
  const [row] = await db.select({ id: measures.id }).from(measures).where(eq(measures.importKey, importKey));
  return row!.id;
}

describeEachEngine('search index and search', (engine) => {
  let database: TestDatabase;
  let db: Db;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
    db = database.db;
    await write(db, integrationPlan());
    await write(db, diversityPlan());
  });
  afterEach(async () => {
    await database.destroy();
  });

  it('indexes every measure once, at commit, with its place, numbers and facets', async () => {
    expect(await searchIndexStats(db)).toMatchObject({ documents: 5, pending: 0 });
    const r = await search(db, 'q=Sprachförderung');
    expect(titles(r)).toEqual(['Sprachförderung in Kitas']);
    const item = r.items[0]!;
    expect(item).toMatchObject({
      number: '1',
      place: 'Bildung › A › A1',
      catalogue: { slug: 'integrationskonzept' },
      url: expect.stringMatching(/^\/kataloge\/integrationskonzept\/massnahme\//),
      responsible: ['Fachbereich Kinder-Jugend-Familie'],
      state: { code: 'dauerhaft', label: 'dauerhaft (Regelangebot)' },
    });
    expect(item.snippet.filter((s) => s.hit).map((s) => s.text)).toContain('Sprachförderung');
    // Highlighting follows the match: transliterated and unfinished words mark the real word.
    for (const q of ['Sprachfoerderung', 'sprachf'])
      expect((await search(db, `q=${q}`)).items[0]!.snippet.filter((s) => s.hit).map((s) => s.text)).toContain('Sprachförderung');
    const div = await search(db, 'q=Mentoring');
    expect(div.items[0]).toMatchObject({ place: 'Geschlecht › Dezernat I › Büro für Gleichstellung und Vielfalt', isNew: true, directionInward: true });
  });

  it('follows edits of measures, links, actors and structure without any call by the writer', async () => {
    const id = await measureId(db, 'hf:bildung/lz:A/hz:A1/m:1');
    await db.update(measures).set({ title: 'Lesepaten in Grundschulen', description: 'Ehrenamtliche lesen vor.' }).where(eq(measures.id, id));
    expect(titles(await search(db, 'q=Lesepaten'))).toEqual(['Lesepaten in Grundschulen']);
    // A word new to the lexicon is highlighted at once.
    const snippet = (await search(db, 'q=ehrenamtliche')).items[0]!.snippet;
    expect(snippet[0]).toEqual({ text: 'Ehrenamtliche', hit: true });
    expect(snippet.filter((s) => s.hit)).toHaveLength(1);
    expect(snippet[1]!.text).toMatch(/^ lesen vor\./);
    expect((await search(db, 'q=Sprachförderung')).total).toBe(0);

    // A new responsible actor, then its new name.
    const [jobcenter] = await db
      .insert(actors)
      .values({ municipalityId: (await db.select().from(actors).limit(1))[0]!.municipalityId, name: 'Jobcenter Herne', slug: 'jobcenter-herne' })
      .returning();
    await db.insert(measureActors).values({ measureId: id, actorId: jobcenter!.id, role: 'verantwortlich' });
    expect(titles(await search(db, 'q=Jobcenter'))).toEqual(['Lesepaten in Grundschulen']);
    expect(facet(await search(db, 'q=Lesepaten'), 'akteur')).toMatchObject({ 'jobcenter-herne': 1 });
    await db.update(actors).set({ name: 'Arbeitsvermittlung Herne' }).where(eq(actors.id, jobcenter!.id));
    expect(titles(await search(db, 'q=Arbeitsvermittlung'))).toEqual(['Lesepaten in Grundschulen']);

    // Renaming a Handlungsfeld changes the place of every measure below it.
    await db.update(nodes).set({ title: 'Bildung und Schule' }).where(eq(nodes.importKey, 'hf:bildung'));
    const renamed = await search(db, 'q=Lesepaten');
    expect(renamed.items[0]!.place).toBe('Bildung und Schule › A › A1');
    expect(renamed.facets.handlungsfeld.map((v) => v.label)).toEqual(['Bildung und Schule']);
  });

  it('shows only published measures, and their words only', async () => {
    const id = await measureId(db, 'div/maedchen');
    await db.update(measures).set({ workflowState: 'entwurf', title: 'Geheimprojekt Zebrastreifen' }).where(eq(measures.id, id));
    expect((await search(db, 'q=Zebrastreifen')).total).toBe(0);
    // Unpublished words are not in the lexicon: no suggestion can reveal them.
    const typo = await search(db, 'q=Zebrastreifn');
    expect(typo.query.suggestion).toBeNull();
    const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM search_terms WHERE word = 'zebrastreifen'`);
    expect(Number(row!.n)).toBe(0);
  });

  it('excludes gaps unless asked for, and drops deleted measures', async () => {
    expect((await search(db, '')).total).toBe(4);
    const withGaps = await search(db, 'luecken=ja');
    expect(withGaps.total).toBe(5);
    expect(withGaps.items.filter((i) => i.isGap)).toHaveLength(1);

    const id = await measureId(db, 'hf:bildung/lz:A/hz:A1/m:2');
    await db.transaction(async (tx) => {
      await tx.delete(measureReferences).where(eq(measureReferences.fromMeasureId, id));
      await tx.delete(measureNodes).where(eq(measureNodes.measureId, id));
      await tx.delete(measureActors).where(eq(measureActors.measureId, id));
      await tx.delete(measureTargetGroups).where(eq(measureTargetGroups.measureId, id));
      await tx.delete(measures).where(eq(measures.id, id));
    });
    expect((await search(db, '')).total).toBe(3);
    expect(titles(await search(db, 'q=Elterncafés'))).not.toContain('Elterncafés');
    expect(await searchIndexStats(db)).toMatchObject({ documents: 4 });
  });

  it('rebuilds documents only at commit, and not at all after a rollback', async () => {
    const id = await measureId(db, 'div/mentoring');
    await inTransaction(db, async (tx) => {
      await tx.update(measures).set({ title: 'Tandemprogramm' }).where(eq(measures.id, id));
      const [pending] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM search_dirty`);
      expect(Number(pending!.n)).toBe(1);
      throw new Error('rollback');
    }).catch(() => undefined);
    expect((await search(db, 'q=Tandemprogramm')).total).toBe(0);
    expect(titles(await search(db, 'q=Mentoringprogramm'))).toEqual(['Mentoringprogramm für Frauen']);
    expect(await searchIndexStats(db)).toMatchObject({ pending: 0 });
  });

  it('keeps the lexicon counts equal to the documents through edits and full rebuilds', async () => {
    const id = await measureId(db, 'hf:bildung/lz:A/hz:A1/m:1');
    await db.update(measures).set({ description: 'Neue Beschreibung mit Leseförderung.' }).where(eq(measures.id, id));
    await db.update(measures).set({ workflowState: 'entwurf' }).where(inArray(measures.importKey, ['div/maedchen']));
    expect(await refreshSearchIndex(db)).toBe(5);
    expect(await refreshSearchIndex(db, [id])).toBe(1);
    const mismatches = await queryRows<{ word: string }>(
      db,
      sql`WITH expected AS (SELECT w, count(*)::int AS n FROM search_documents, unnest(words) AS w GROUP BY w)
          SELECT coalesce(e.w, t.word) AS word FROM expected e FULL JOIN search_terms t ON t.word = e.w
          WHERE e.n IS DISTINCT FROM t.ndoc AND t.word IS DISTINCT FROM '~version'`,
    );
    expect(mismatches).toEqual([]);
    const [lese] = await queryRows<{ ndoc: number }>(db, sql`SELECT ndoc FROM search_terms WHERE word = 'leseförderung'`);
    expect(Number(lese!.ndoc)).toBe(1);
  });

  it('combines facets: OR within one, AND across; each facet counted with the other filters', async () => {
    const all = await search(db, '');
    expect(facet(all, 'katalog')).toEqual({ integrationskonzept: 2, diversity: 2 });
    expect(facet(all, 'zielgruppe')).toEqual({ kinder: 3, eltern: 2, frauen: 1 });
    expect(facet(all, 'richtung')).toEqual({ innen: 1, aussen: 1 });
    expect(facet(all, 'neu')).toEqual({ ja: 1 });
    expect(facet(all, 'dimension')).toEqual({ '2-geschlecht': 2 });
    expect(facet(all, 'einheit')).toEqual({ 'dezernat-i': 2, 'buero-fuer-gleichstellung-und-vielfalt': 2 });
    expect(all.facets.status.map((v) => v.value)).toEqual(['laufend', 'dauerhaft']);

    const kinder = await search(db, 'zielgruppe=kinder');
    expect(kinder.total).toBe(3);
    // The selected facet still counts its other values (what selecting them would add).
    expect(facet(kinder, 'zielgruppe')).toEqual({ kinder: 3, eltern: 2, frauen: 1 });
    expect(facet(kinder, 'katalog')).toEqual({ integrationskonzept: 2, diversity: 1 });
    expect(kinder.facets.zielgruppe.find((v) => v.value === 'kinder')!.selected).toBe(true);

    const both = await search(db, 'zielgruppe=kinder&katalog=diversity');
    expect(titles(both)).toEqual(['Mädchen-AG']);
    expect(facet(both, 'katalog')).toEqual({ integrationskonzept: 2, diversity: 1 });
    expect(facet(both, 'zielgruppe')).toEqual({ kinder: 1, frauen: 1 });

    const or = await search(db, 'zielgruppe=kinder&zielgruppe=frauen&katalog=diversity');
    expect(titles(or).sort()).toEqual(['Mentoringprogramm für Frauen', 'Mädchen-AG']);

    const inward = await search(db, 'richtung=innen&neu=ja');
    expect(titles(inward)).toEqual(['Mentoringprogramm für Frauen']);
    expect(await search(db, 'status=laufend,dauerhaft&katalog=diversity').then((r) => r.total)).toBe(2);
    expect(await search(db, 'einheit=dezernat-i&zielgruppe=frauen').then(titles)).toEqual(['Mentoringprogramm für Frauen']);
  });

  it('keeps unknown filter values visible (to remove them) and finds nothing for them', async () => {
    const r = await search(db, 'katalog=gibt-es-nicht');
    expect(r.total).toBe(0);
    expect(r.facets.katalog.find((v) => v.value === 'gibt-es-nicht')).toMatchObject({ selected: true, count: 0 });
  });

  it('pages and sorts', async () => {
    const extra = Array.from({ length: 11 }, (_, i) =>
      buildMeasure({ key: `hf:bildung/lz:A/hz:A2/m:${i + 10}`, number: String(i + 10), title: `Leseclub ${i + 10}`, placements: [{ nodeKey: 'hf:bildung/lz:A/hz:A2', number: String(i + 10) }] }),
    );
    const plan = integrationPlan();
    await write(db, { ...plan, measures: [...plan.measures, ...extra] });
    const page1 = await search(db, 'q=Leseclub&sort=nummer');
    expect(page1).toMatchObject({ total: 11, page: 1, pageCount: 2, pageSize: 10 });
    expect(titles(page1)[0]).toBe('Leseclub 10');
    const page2 = await search(db, 'q=Leseclub&sort=nummer&page=2');
    expect(titles(page2)).toEqual(['Leseclub 20']);
    const small = await search(db, 'q=Leseclub&sort=nummer&limit=3&page=2');
    expect(titles(small)).toEqual(['Leseclub 13', 'Leseclub 14', 'Leseclub 15']);

    await db.update(measures).set({ updatedAt: new Date(Date.now() + 60_000) }).where(eq(measures.importKey, 'hf:bildung/lz:A/hz:A2/m:17'));
    expect(titles(await search(db, 'q=Leseclub&sort=aenderung'))[0]).toBe('Leseclub 17');
    expect((await search(db, 'q=Leseclub&page=9')).items).toEqual([]);
  });

  it('corrects typos, folds umlauts and transliterations, completes the last word', async () => {
    const typo = await search(db, 'q=Sprachfördrung');
    expect(titles(typo)).toEqual(['Sprachförderung in Kitas']);
    expect(typo.query.corrections).toEqual([{ from: 'sprachfördrung', to: ['sprachförderung'] }]);
    expect(typo.query.suggestion).toBe('Sprachförderung');
    expect(titles(await search(db, 'q=Sprachfoerderung'))).toEqual(['Sprachförderung in Kitas']);
    expect(titles(await search(db, 'q=Maedchen'))).toEqual(['Mädchen-AG']);
    expect(titles(await search(db, 'q=Elterncafe'))).toEqual(['Elterncafés']);
    expect(titles(await search(db, 'q=Mentor'))).toEqual(['Mentoringprogramm für Frauen']);
    const nothing = await search(db, 'q=Quantenphysik');
    expect(nothing).toMatchObject({ total: 0, items: [] });
    expect(nothing.query.suggestion).toBeNull();
  });

  it('ranks title matches before body matches and exact numbers first', async () => {
    const r = await search(db, 'q=Frauen');
    expect(titles(r)[0]).toBe('Mentoringprogramm für Frauen');
    const number = await search(db, 'q=A1.2');
    expect(titles(number)).toEqual(['Elterncafés']);
    expect((await search(db, 'q=A1')).total).toBe(2);
  });

  it('falls back to measures with some of the words when none has all', async () => {
    const r = await search(db, 'q=Mentoringprogramm Kitas');
    expect(r.query.matchedAllTerms).toBe(false);
    expect(titles(r).sort()).toEqual(['Mentoringprogramm für Frauen', 'Sprachförderung in Kitas']);
  });
});
