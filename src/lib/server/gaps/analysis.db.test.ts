/**
 * The gap analysis on Herne's real documents (data/sources/herne = /work/shared/seeds), as the
 * instance imports them. The expected lists were read off the source text, not off this code:
 *
 * Gap records (5). In 000 (integration concept) `grep -n "keine explizite Maßnahme formuliert"`
 * finds 4 records, lines 1554, 1589, 1599, 1638 — all in the Handlungsfeld "Interkulturelle
 * Öffnung der Stadtverwaltung Herne" (section lines 1544–1642), under Handlungsziel A1, B1, B2
 * and E1 (each as "Maßnahme 1"). `grep -n "Maßnahme wurde nicht formuliert"` finds one more, line
 * 1695: Kultur B3, "Maßnahme 1: Eine Maßnahme wurde nicht formuliert, da …". 004 repeats the same
 * Handlungsfeld (`grep -c "keine explizite"` = 4, lines 7, 43, 53, 92): the same four records, so
 * the catalogue still holds five, not nine.
 *
 * Handlungsziele without measures (3). Every record of 000 repeats its Leitziel and Handlungsziel,
 * so a Handlungsziel exists only with records. Records per Handlungsziel of the IKÖ section,
 * `sed -n 1540,1643p 000_*.txt | grep -o "Handlungsziel [A-E][0-9]:" | sort | uniq -c`:
 * A1 1, A2 3, B1 1, B2 2, D1 1, D2 1, E1 1. A1, B1 and E1 hold only their gap record; B2 also
 * holds Maßnahme 2 (Sprach- und Kulturmittlerpool), and Kultur B3 holds six measures beside its
 * gap (`sed -n 1643,1916p 000_*.txt | grep -c "Handlungsziel B3:"` = 7). No other Handlungsfeld
 * has a gap, so every other Handlungsziel has a measure.
 *
 * Dimensions by direction. 003 (diversity) prints one table per dimension with the columns
 * "nach Innen gerichtet" / "nach Außen gerichtet" and a bullet "•" per direction (headers at
 * `grep -n "nach Innen gerichtet" 003_*.txt`: lines 114, 789, 1357, 1724, 1957, 2054, 2264).
 * Counting the bullets of each table's last column (awk -F'\t' over the rows after each header,
 * `$NF ~ /•/`): Übergreifend 11, Geschlecht 13, Ethnische Herkunft 12, Behinderung 8, Alter 4,
 * Sexuelle Identität 6, Religion/Weltanschauung 1 (of 26, 23, 13, 9, 4, 8 and 1 rows).
 * "5. Alter" (lines 1958–1961: Guter Lebensabend NRW, Seniorenberatungsstellen, Qualifizierung
 * zu Alltagsbegleiter*innen, Gesunde Begegnungsstätte in Wanne-Süd) has its bullet only in the outward column — the one dimension
 * without an inward measure; every table has at least one outward bullet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { queryRows } from '../db/connection';
import { countQueries } from '../db/query-count';
import { measureActors, measures, measureTargetGroups } from '../db/schema';
import { importSources } from '../importers/pipeline';
import { readSourceFile } from '../importers/read-source';
import { ForbiddenError, UnauthenticatedError, type SessionUser } from '../auth/policy';
import { GAP_LISTS, loadGapAnalysis, loadGapListFor } from './analysis';
import { gapListCsv } from './csv';
import { dimensionCoverage } from './dimension-directions';
import { parseCsv } from '../util/csv';

const SOURCES = ['000_3e59e29afaedd339.txt', '004_7af2113a3dd62404.txt', '001_f19880d6793d593d.txt', '003_bbd5bb4a4c8190b2.txt'];
const IKOE = 'Interkulturelle Öffnung der Stadtverwaltung Herne';
const IK = 'integrationskonzept';
const DIVERSITY = 'diversity-massnahmenkatalog';
const NOW = new Date('2026-12-04T12:00:00Z');
const HERNE = { municipality: 'herne' };

const user = (role: SessionUser['role']): SessionUser => ({ id: '00000000-0000-4000-8000-000000000001', email: `${role}@example.org`, name: null, role, actorIds: [] });
const redaktion = user('redaktion');

async function importedHerne(engine: Parameters<typeof createTestDatabase>[0]): Promise<TestDatabase> {
  const database = await createTestDatabase(engine);
  await importSources(database, SOURCES.map((f) => readSourceFile(`data/sources/herne/${f}`)), { municipality: 'herne' });
  return database;
}

describeEachEngine('gap analysis on the imported Herne documents', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await importedHerne(engine);
  }, 300_000);
  afterAll(async () => {
    await database?.destroy();
  });
  const analysis = (scope: { catalogue?: string } = {}) => loadGapAnalysis(database.db, redaktion, { ...HERNE, ...scope }, NOW);

  it('lists the five gap records of the integration concept with their Handlungsziele', async () => {
    const { lists } = await analysis();
    expect(lists.luecken.map((g) => [g.catalogue.slug, g.placement, g.number])).toEqual([
      [IK, `${IKOE} › A1`, '1'],
      [IK, `${IKOE} › B1`, '1'],
      [IK, `${IKOE} › B2`, '1'],
      [IK, `${IKOE} › E1`, '1'],
      [IK, 'Kultur › B3', '1'],
    ]);
    expect(lists.luecken.slice(0, 4).map((g) => g.title)).toEqual(Array(4).fill('Es wurde keine explizite Maßnahme formuliert.'));
    // Their printed fields stay with them: line 1638 (E1) and line 1695 (Kultur B3).
    expect(lists.luecken[3]!.responsibleText).toBe('Fachbereich Personal und Zentraler Service, Fachbereich Kinder-Jugend-Familie');
    expect(lists.luecken[3]!.statusText).toBe('Das bestehende Angebot wird weiterhin ausgebaut.');
    expect(lists.luecken[4]!.title).toMatch(/^Eine Maßnahme wurde nicht formuliert, da es sich bei der gegenseitigen Unterstützung um eine Daueraufgabe handelt/);
  });

  it('lists every Handlungsziel without measures: IKÖ A1, B1 and E1, each holding only its gap', async () => {
    const { lists } = await analysis();
    expect(lists.handlungsziele.map((h) => [h.handlungsfeld, h.leitziel?.code, h.code, h.gapRecords])).toEqual([
      [IKOE, 'A', 'A1', 1],
      [IKOE, 'B', 'B1', 1],
      [IKOE, 'E', 'E1', 1],
    ]);
    // Goal texts as printed (lines 1553, 1588, 1637).
    expect(lists.handlungsziele[0]!.body).toBe('Bei der Stadtverwaltung Herne ist die interkulturelle Öffnung ein Teil des Diversity-Managements.');
    expect(lists.handlungsziele[2]!.body).toMatch(/^Das Angebot an interkulturellen Fortbildungen ist erweitert/);
  });

  it('finds "Alter" the only dimension without inward measures, and none without outward ones', async () => {
    const { lists } = await analysis();
    expect(lists['dimensionen-innen'].map((d) => [d.code, d.title, d.measures, d.inward, d.outward])).toEqual([['5', 'Alter', 4, 0, 4]]);
    expect(lists['dimensionen-aussen']).toEqual([]);
    // Outward measures per dimension = bullets in the last column of its table in 003.
    const all = await dimensionCoverage(database.db, { ...HERNE, catalogue: DIVERSITY });
    expect(all.map((d) => [d.title, d.outward])).toEqual([
      ['Übergreifende Maßnahmen', 11],
      ['Geschlecht', 13],
      ['Ethnische Herkunft', 12],
      ['Behinderung', 8],
      ['Alter', 4],
      ['Sexuelle Identität', 6],
      ['Religion/Weltanschauung', 1],
    ]);
  });

  it('finds no empty office in the documents as printed (every office node stands for measures)', async () => {
    expect((await analysis()).lists.aemter).toEqual([]);
  });

  it('lists the printed statuses no structured state matches, e.g. Kultur A2 "Aus terminlichen Gründen …"', async () => {
    const { lists } = await analysis();
    // 14: the importer's own report counts 150 measures left "unbekannt", 136 of them without a
    // printed status (importers/herne-derived.test.ts); all 14 are in the integration concept.
    expect(lists.status).toHaveLength(14);
    expect(new Set(lists.status.map((m) => m.catalogue.slug))).toEqual(new Set([IK]));
    // 000 line 1649, Kultur A2 Maßnahme 1: "Projektstatus: Aus terminlichen Gründen wurde die Maßnahme verschoben."
    expect(lists.status.find((m) => m.placement === 'Kultur › A2')?.statusText).toBe('Aus terminlichen Gründen wurde die Maßnahme verschoben.');
    // Gaps are not measures: their status texts are not asked for a state.
    expect(lists.status.some((m) => lists.luecken.some((g) => g.measureId === m.measureId))).toBe(false);
  });

  it('lists measures without a responsible actor, e.g. Wohnen A3/1 ("Verantwortlich: alle Fachbereiche")', async () => {
    const { lists } = await analysis();
    const wohnen = lists['ohne-verantwortlich'].find((m) => m.placement === 'Wohnen und Stadtentwicklung › A3' && m.number === '1');
    expect(wohnen?.printed).toBe('alle Fachbereiche');
    expect(lists['ohne-verantwortlich'].some((m) => lists.luecken.some((g) => g.measureId === m.measureId))).toBe(false);
  });

  it('lists every diversity measure as without target group (003 prints none, only "Ziele und Zielgruppen" prose)', async () => {
    const { lists } = await analysis({ catalogue: DIVERSITY });
    const [row] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from measures m join catalogues c on c.id = m.catalogue_id where c.slug = ${DIVERSITY}`,
    );
    expect(lists['ohne-zielgruppe']).toHaveLength(Number(row!.n));
    expect(Number(row!.n)).toBeGreaterThan(50);
  });

  it('lists every actor as all overdue a year after the documents (none was reviewed since their "Stand")', async () => {
    const { lists } = await analysis();
    // Stand of 000 is October 2019, of 003 August 2024: both more than twelve months before NOW.
    expect(lists.akteure.length).toBeGreaterThan(50);
    expect(lists.akteure.every((a) => a.lastReviewedAt !== null && a.lastReviewedAt <= '2024-08-31')).toBe(true);
    const ki = lists.akteure.find((a) => a.name === 'Kommunales Integrationszentrum');
    expect(ki?.measures).toBeGreaterThan(5);
    // At the Stand of the diversity catalogue its offices are current, so they are not all overdue.
    const fresh = await loadGapAnalysis(database.db, redaktion, { ...HERNE, catalogue: DIVERSITY }, new Date('2024-09-01T00:00:00Z'));
    expect(fresh.lists.akteure).toEqual([]);
  });

  it('filters every list by catalogue', async () => {
    const diversity = (await analysis({ catalogue: DIVERSITY })).lists;
    expect(diversity.luecken).toEqual([]);
    expect(diversity.handlungsziele).toEqual([]);
    expect(diversity['dimensionen-innen'].map((d) => d.title)).toEqual(['Alter']);
    const ik = await analysis({ catalogue: IK });
    expect(ik.catalogue).toBe(IK);
    expect(ik.lists.luecken).toHaveLength(5);
    expect(ik.lists['dimensionen-innen']).toEqual([]);
    expect(ik.lists['ohne-zielgruppe'].every((m) => m.catalogue.slug === IK)).toBe(true);
    // An unknown catalogue is dropped, not an empty analysis.
    const unknown = await analysis({ catalogue: 'gibt-es-nicht' });
    expect(unknown.catalogue).toBe('');
    expect(unknown.lists.luecken).toHaveLength(5);
    // Another municipality sees nothing of Herne's.
    const other = await loadGapAnalysis(database.db, redaktion, { municipality: 'bochum' }, NOW);
    expect(Object.values(other.lists).every((l) => l.length === 0)).toBe(true);
  });

  it('costs one statement per list, however large the catalogue (no query per row)', async () => {
    const { statements } = await countQueries(() => analysis());
    // Catalogue filter options, then 8 lists (the two dimension lists come from one statement).
    expect(statements).toHaveLength(9);
  });

  it('exports each list as CSV with the same rows', async () => {
    for (const name of GAP_LISTS) {
      const { rows } = await loadGapListFor(database.db, redaktion, name, HERNE, NOW);
      const records = parseCsv(gapListCsv(name, rows));
      expect(records.length - 1, name).toBe(rows.length);
    }
    const { rows } = await loadGapListFor(database.db, redaktion, 'luecken', { ...HERNE, catalogue: IK }, NOW);
    const [header, ...lines] = parseCsv(gapListCsv('luecken', rows)).map((r) => r.fields);
    expect(header!.slice(0, 4)).toEqual(['Katalog', 'Ort', 'Handlungsziel', 'Nummer']);
    expect(lines.map((l) => l[2])).toEqual(['A1', 'B1', 'B2', 'E1', 'B3']);
  });

  it('is for those who read reports: Redaktion, steering group, administration', async () => {
    for (const role of ['redaktion', 'lesend', 'admin'] as const) await expect(loadGapAnalysis(database.db, user(role), HERNE, NOW)).resolves.toBeTruthy();
    await expect(loadGapAnalysis(database.db, user('beitragende'), HERNE, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadGapListFor(database.db, user('beitragende'), 'luecken', HERNE, NOW)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(loadGapAnalysis(database.db, null, HERNE, NOW)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe('gap analysis after editors change the catalogue', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await importedHerne('pglite');
  }, 300_000);
  afterAll(async () => {
    await database?.destroy();
  });
  const lists = async (now = NOW) => (await loadGapAnalysis(database.db, redaktion, HERNE, now)).lists;
  const measureIdsUnder = (catalogue: string, placement: string) =>
    queryRows<{ id: string }>(
      database.db,
      sql`select m.id from measures m join catalogues c on c.id = m.catalogue_id
          join measure_nodes mn on mn.measure_id = m.id join nodes n on n.id = mn.node_id
          where c.slug = ${catalogue} and n.title = ${placement} and not m.is_gap order by m.position`,
    ).then((rows) => rows.map((r) => r.id));

  it('a Handlungsziel whose last measure is archived becomes a Handlungsziel without measures; the office of an archived diversity measure an empty office', async () => {
    // IKÖ B2: the gap and Maßnahme 2 (Sprach- und Kulturmittlerpool).
    const [b2] = await queryRows<{ id: string }>(
      database.db,
      sql`select m.id from measures m join measure_nodes mn on mn.measure_id = m.id join nodes n on n.id = mn.node_id
          join nodes lz on lz.id = n.parent_id join nodes hf on hf.id = lz.parent_id
          where n.code = 'B2' and hf.title = ${IKOE} and not m.is_gap`,
    );
    await database.db.update(measures).set({ workflowState: 'archiviert' }).where(eq(measures.id, b2!.id));
    expect((await lists()).handlungsziele.map((h) => h.code)).toEqual(['A1', 'B1', 'B2', 'E1']);

    // Religion/Weltanschauung has one measure ("Speisen"); archived, its dimension lacks both
    // directions and its office (Fachbereich Personal und Zentraler Service under Dezernat I) is empty.
    const religion = await queryRows<{ id: string }>(
      database.db,
      sql`with recursive below(id) as (select id from nodes where type = 'dimension' and title = 'Religion/Weltanschauung'
            union all select n.id from nodes n join below b on n.parent_id = b.id)
          select distinct mn.measure_id as id from measure_nodes mn join below b on b.id = mn.node_id`,
    );
    expect(religion).toHaveLength(1);
    await database.db.update(measures).set({ workflowState: 'archiviert' }).where(eq(measures.id, religion[0]!.id));
    const after = await lists();
    expect(after['dimensionen-aussen'].map((d) => d.title)).toEqual(['Religion/Weltanschauung']);
    expect(after['dimensionen-innen'].map((d) => d.title)).toEqual(['Alter', 'Religion/Weltanschauung']);
    expect(after.aemter.map((o) => [o.type, o.title, o.archivedMeasures])).toEqual([
      ['dezernat', 'Dezernat I', 1],
      ['organisationseinheit', 'Fachbereich Personal und Zentraler Service', 1],
    ]);
  });

  it('a measure loses its target groups or responsible actors: it is listed; linked again, it leaves', async () => {
    const [first] = await measureIdsUnder(IK, 'Handlungsziel A1');
    const before = await lists();
    expect(before['ohne-zielgruppe'].some((m) => m.measureId === first)).toBe(false);
    expect(before['ohne-verantwortlich'].some((m) => m.measureId === first)).toBe(false);
    const groups = await database.db.select().from(measureTargetGroups).where(eq(measureTargetGroups.measureId, first!));
    const responsible = await database.db
      .select()
      .from(measureActors)
      .where(and(eq(measureActors.measureId, first!), eq(measureActors.role, 'verantwortlich')));
    await database.db.delete(measureTargetGroups).where(eq(measureTargetGroups.measureId, first!));
    await database.db.delete(measureActors).where(and(eq(measureActors.measureId, first!), eq(measureActors.role, 'verantwortlich')));
    const missing = await lists();
    expect(missing['ohne-zielgruppe'].find((m) => m.measureId === first)?.printed).toBe('Mitgliedsunternehmen der zuständigen Stellen');
    expect(missing['ohne-verantwortlich'].find((m) => m.measureId === first)?.printed).toMatch(/Industrie- und Handelskammer/);
    await database.db.insert(measureTargetGroups).values(groups);
    await database.db.insert(measureActors).values(responsible);
    const restored = await lists();
    expect(restored['ohne-zielgruppe'].some((m) => m.measureId === first)).toBe(false);
    expect(restored['ohne-verantwortlich'].some((m) => m.measureId === first)).toBe(false);
  });

  it('an actor leaves the overdue list once one of its measures is reviewed within the year', async () => {
    const actor = (await lists()).akteure.find((a) => a.name === 'Kommunales Integrationszentrum')!;
    const ids = await queryRows<{ id: string }>(
      database.db,
      sql`select m.id from measures m join measure_actors ma on ma.measure_id = m.id
          where ma.actor_id = ${actor.actorId} and ma.role = 'verantwortlich' and m.workflow_state = 'veroeffentlicht' and not m.is_gap
          order by m.id`,
    );
    // Reviewed 13 months ago: still overdue. Never reviewed: overdue.
    await database.db.update(measures).set({ lastReviewedAt: '2025-11-01' }).where(eq(measures.id, ids[0]!.id));
    await database.db.update(measures).set({ lastReviewedAt: null }).where(eq(measures.id, ids[1]!.id));
    const still = (await lists()).akteure.find((a) => a.actorId === actor.actorId);
    expect(still?.lastReviewedAt).toBe('2025-11-01');
    expect(still?.neverReviewed).toBe(1);
    // Reviewed a month ago: the actor has a current entry and leaves the list.
    await database.db.update(measures).set({ lastReviewedAt: '2026-11-04' }).where(inArray(measures.id, [ids[0]!.id]));
    expect((await lists()).akteure.some((a) => a.actorId === actor.actorId)).toBe(false);
  });

  it('a structured state chosen for an unmatched status takes the measure off that list', async () => {
    const before = (await lists()).status;
    await database.db.update(measures).set({ stateCode: 'laufend' }).where(eq(measures.id, before[0]!.measureId));
    const after = (await lists()).status;
    expect(after).toHaveLength(before.length - 1);
    expect(after.some((m) => m.measureId === before[0]!.measureId)).toBe(false);
  });
});
