/**
 * Quality of the search on Herne's real catalogues: queries as a counsellor or a newcomer would
 * type them (typos, plurals, umlauts written as ae/oe/ue, unfinished words, numbers, filters),
 * each with the measures that must be among the first five results. Measures are named by
 * catalogue and number or title, never by id.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { importSources } from '../importers/pipeline';
import { readSourceFile } from '../importers/read-source';
import { parseSearchParams, searchMeasures, type SearchItem } from './index';
import { DEFAULT_MUNICIPALITY } from '../catalogue/municipality';

const SOURCES = ['000_3e59e29afaedd339.txt', '004_7af2113a3dd62404.txt', '001_f19880d6793d593d.txt', '003_bbd5bb4a4c8190b2.txt'].map((f) =>
  path.resolve('data/sources/herne', f),
);

const IK = 'integrationskonzept';
const DIV = 'diversity-massnahmenkatalog';
const VER = 'vereinbarungen-neuzugewanderte';

interface Expected {
  catalogue: string;
  number?: string;
  /** Part of the title. */
  title?: string;
}

interface Case {
  /** Query string as in the URL (q and filters). */
  qs: string;
  top5: Expected[];
  why: string;
}

const q = (text: string) => `q=${encodeURIComponent(text)}`;

const CASES: Case[] = [
  { qs: q('Sprachkurse'), why: 'plural', top5: [{ catalogue: VER, number: '4.1.2.5' }, { catalogue: DIV, title: 'Sprachkurse der Volkshochschule' }] },
  { qs: q('Sprachkurs'), why: 'singular finds plural', top5: [{ catalogue: VER, number: '4.1.2.5' }, { catalogue: DIV, title: 'Sprachkurse der Volkshochschule' }] },
  { qs: q('Kinderbetreuung Sprachkurs'), why: 'compound: "Sprach- und Integrationskursen"', top5: [{ catalogue: VER, number: '4.3.3' }] },
  { qs: q('Sprachfördrung'), why: 'typo', top5: [{ catalogue: IK, number: '3', title: 'INTEGRA' }] },
  { qs: q('Integratinskurs'), why: 'typo', top5: [{ catalogue: IK, title: 'Integrationskurse / Jugendintegrationskurse' }, { catalogue: IK, title: 'Einrichtung von Integrationskursen' }] },
  { qs: q('Integrationskurse'), why: 'plural in the title', top5: [{ catalogue: IK, title: 'Integrationskurse / Jugendintegrationskurse' }] },
  { qs: q('Trommelprojeckt'), why: 'typo', top5: [{ catalogue: DIV, title: 'Trommelprojekt gegen Gewalt' }] },
  { qs: q('Kita'), why: 'singular finds "Kitas", "Regel-Kita"', top5: [{ catalogue: VER, number: '4.3.1' }, { catalogue: VER, number: '4.3.2' }] },
  { qs: q('KiTa im Koffer'), why: 'project name', top5: [{ catalogue: IK, title: 'Brückenprojekt ‚KiTa im Koffer‘' }] },
  { qs: q('Elterncafe'), why: 'without accent, singular', top5: [{ catalogue: IK, number: '5', title: 'Elterncafés für Eltern' }] },
  { qs: q('Muettercafe'), why: 'ü written as ue', top5: [{ catalogue: IK, title: 'Interkulturelle Müttercafé' }] },
  { qs: q('Vaetergruppe'), why: 'ä written as ae, singular', top5: [{ catalogue: IK, title: 'Väter-Gruppen' }] },
  { qs: q('Haeusliche Gewalt'), why: 'ä written as ae', top5: [{ catalogue: DIV, title: 'Runder Tisch gegen häusliche Gewalt' }] },
  { qs: q('Ackerstrasse'), why: 'ß written as ss', top5: [{ catalogue: VER, number: '4.5.8' }] },
  { qs: q('Gefluechtete Beratung'), why: 'two words, transliteration', top5: [{ catalogue: VER, number: '4.1.2.3' }] },
  { qs: q('Demenz'), why: 'topic', top5: [{ catalogue: IK, title: 'Runde Tisch Demenz' }, { catalogue: IK, title: 'Herner Demenztag' }] },
  { qs: q('Hauptschulabschluss'), why: 'inflected in the title', top5: [{ catalogue: VER, number: '4.6.1' }] },
  { qs: q('Bewerbung'), why: 'topic in quotes', top5: [{ catalogue: VER, number: '4.6.2' }] },
  { qs: q('Ehrenamtliche'), why: 'many measures', top5: [{ catalogue: VER, number: '4.7.2' }, { catalogue: VER, number: '4.7.5' }] },
  { qs: q('Rassismus'), why: 'diversity catalogue', top5: [{ catalogue: DIV, title: 'Schule ohne Rassismus' }, { catalogue: DIV, title: 'Pink gegen Rassismus' }] },
  { qs: q('Leichte Sprache'), why: 'exact title', top5: [{ catalogue: DIV, title: 'Leichte Sprache' }] },
  { qs: q('gendergerechte Sprache'), why: 'title', top5: [{ catalogue: DIV, title: 'gendergerechte Sprache' }] },
  { qs: q('Homeoffice'), why: 'word in title', top5: [{ catalogue: DIV, title: 'Homeoffice und Mobile Arbeit' }] },
  { qs: q('Mentoring'), why: 'start of a compound (completion)', top5: [{ catalogue: DIV, title: 'Mentoringprogramm für Frauen' }, { catalogue: DIV, title: 'Mentoringprogramm für neue Teamleitungen' }] },
  { qs: q('queer'), why: 'lower case', top5: [{ catalogue: DIV, title: 'Queer-Paket' }] },
  { qs: q('Roma'), why: 'short word', top5: [{ catalogue: DIV, title: 'Roma in Deutschland' }] },
  { qs: q('Inklusion'), why: 'topic', top5: [{ catalogue: DIV, title: 'Newsletter Inklusion' }] },
  { qs: q('Senioren'), why: 'start of a compound', top5: [{ catalogue: DIV, title: 'Seniorenberatungsstellen der Stadt Herne' }] },
  { qs: q('Seiteneinsteiger'), why: 'completion of "Seiteneinsteigerberatung"', top5: [{ catalogue: IK, title: 'Seiteneinsteigerberatung' }] },
  { qs: q('Alleinerzieh'), why: 'unfinished word', top5: [{ catalogue: DIV, title: 'Beratung für Alleinerziehende' }] },
  { qs: q('sprachf'), why: 'unfinished word', top5: [{ catalogue: IK, title: 'INTEGRA' }] },
  { qs: q('Summer School'), why: 'two words for one', top5: [{ catalogue: VER, number: '4.2.5' }] },
  { qs: q('4.2.5'), why: 'number', top5: [{ catalogue: VER, number: '4.2.5' }] },
  { qs: q('4.1.2'), why: 'number with task areas', top5: [{ catalogue: VER, number: '4.1.2' }] },
  { qs: q('A9'), why: 'Handlungsziel code', top5: [{ catalogue: IK, title: 'Arbeitsgelegenheiten' }, { catalogue: IK, title: 'INTEGRA' }] },
  { qs: q('A9.3'), why: 'Handlungsziel and number', top5: [{ catalogue: IK, title: 'INTEGRA' }] },
  { qs: q('Integreat'), why: 'app name', top5: [{ catalogue: VER, number: '4.5.1' }] },
  { qs: q('App für Neuzugewanderte'), why: 'newcomer wording', top5: [{ catalogue: VER, number: '4.5.1' }] },
  { qs: q('Kinder psychisch belastet'), why: 'three words, inflected', top5: [{ catalogue: VER, number: '4.4.2' }] },
  { qs: q('Gesundheitswoche'), why: 'title', top5: [{ catalogue: DIV, title: 'Gesundheitswoche' }] },
  { qs: q('Praktikum'), why: 'plural "Praktika" in the title', top5: [{ catalogue: VER, number: '4.6.7' }] },
  { qs: q('Café O'), why: 'name with a single letter', top5: [{ catalogue: IK, title: 'Das Projekt „Café O“' }, { catalogue: VER, number: '4.6.2' }] },
  { qs: q('Willkommenskurs'), why: 'title', top5: [{ catalogue: IK, title: 'Willkommenskurs Im Rahmen' }] },
  { qs: q('Fit in Deutsch'), why: 'programme in two catalogues', top5: [{ catalogue: VER, number: '4.2.4' }, { catalogue: IK, title: 'FIT in Deutsch' }] },
  { qs: q('Flüchtlingsfrauen'), why: 'compound', top5: [{ catalogue: VER, number: '4.5.6' }] },
  { qs: q('Frauentreff'), why: 'in two catalogues', top5: [{ catalogue: DIV, title: 'Frauentreff für Migrantinnen' }, { catalogue: IK, title: 'Frauentreff Bickern' }] },
  { qs: q('Sprachmittler'), why: 'compound: "Sprach- und Kulturmittler"', top5: [{ catalogue: IK, title: 'Pool an Sprach- und Kulturmittlern' }] },
  { qs: q('Lotsen Freizeit'), why: 'gender form "Lots*innen"', top5: [{ catalogue: VER, number: '4.5.4' }] },
  { qs: q('Schüler*innen Gewalt'), why: 'gender form', top5: [{ catalogue: DIV, title: 'Gewaltpräventionstage' }] },
  { qs: `${q('Beratung')}&katalog=${DIV}`, why: 'query and catalogue filter', top5: [{ catalogue: DIV, title: 'Beratung für Alleinerziehende' }, { catalogue: DIV, title: 'Beratung zu Trennung und Scheidung' }] },
  { qs: `${q('Sport')}&katalog=${VER}`, why: 'query and catalogue filter', top5: [{ catalogue: VER, number: '4.5.5' }] },
  { qs: 'dimension=4-behinderung', why: 'browsing a dimension', top5: [{ catalogue: DIV, title: 'Arbeitskreis Barrierefreies Bauen' }] },
  // Issue 19
  { qs: q('Sprachkurz'), why: 'typo of Sprachkurs', top5: [{ catalogue: VER, number: '4.1.2.5' }, { catalogue: DIV, title: 'Sprachkurse der Volkshochschule' }] },
  {
    qs: q('Sprachkurs '),
    why: 'a language course is also an Integrationskurs',
    top5: [{ catalogue: IK, title: 'Integrationskurse / Jugendintegrationskurse' }, { catalogue: IK, title: 'Einrichtung von Integrationskursen' }],
  },
  { qs: q('Deutschkurs'), why: 'synonym of Sprachkurs', top5: [{ catalogue: VER, number: '4.1.2.5' }, { catalogue: IK, title: 'Deutschkurse' }] },
  { qs: q('Lücke'), why: 'gaps, not "Brücke"', top5: [{ catalogue: IK, title: 'keine explizite Maßnahme formuliert' }] },
];

function matches(item: SearchItem, e: Expected): boolean {
  return item.catalogue.slug === e.catalogue && (e.number === undefined || item.number === e.number) && (e.title === undefined || item.title.includes(e.title));
}

describe('the query set', () => {
  it('has at least 30 realistic queries', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.qs)).size).toBe(CASES.length);
  });
});

describeEachEngine('search quality on the real catalogues', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await importSources(database, SOURCES.map(readSourceFile), { municipality: 'herne' });
  }, 300_000);
  afterAll(async () => {
    await database?.destroy();
  });

  it.each(CASES)('$qs ($why)', async ({ qs, top5 }) => {
    const parsed = parseSearchParams(new URLSearchParams(qs));
    expect(parsed.ok).toBe(true);
    const result = await searchMeasures(database.db, { ...parsed.state, limit: 5 }, { municipality: 'herne' });
    const shown = result.items.map((i) => `${i.catalogue.slug} ${i.number ?? '–'} ${i.title.slice(0, 60)}`);
    for (const e of top5) expect(result.items.some((i) => matches(i, e)), `${JSON.stringify(e)} not in the top 5:\n${shown.join('\n')}`).toBe(true);
  });

  const run = async (qs: string, limit = 10) => searchMeasures(database.db, { ...parseSearchParams(new URLSearchParams(qs)).state, limit }, { municipality: DEFAULT_MUNICIPALITY.slug });

  it('finds no more for a typo than for the word itself (Sprachkurz / Sprachkurs)', async () => {
    const [typo, word] = [await run(q('Sprachkurz')), await run(q('Sprachkurs'))];
    expect(typo.total).toBeGreaterThan(0);
    expect(typo.total).toBeLessThanOrEqual(word.total);
    // The typo is corrected to the course words, not to "Sprache".
    expect(typo.query.corrections.flatMap((c) => c.to)).not.toContain('sprach');
  });

  it('finds the Integrationskurs and Deutschkurs measures for "Sprachkurs"', async () => {
    const result = await run(q('Sprachkurs'), 30);
    const titles = result.items.map((i) => i.title);
    expect(titles.some((t) => t.includes('Integrationskurse / Jugendintegrationskurse'))).toBe(true);
    expect(titles.some((t) => t.includes('niedrigschwellige Deutschkurse'))).toBe(true);
  });

  it('highlights why each of the first results matched ("Kindergarten")', async () => {
    const result = await run(q('Kindergarten'), 5);
    expect(result.items.length).toBeGreaterThanOrEqual(4);
    for (const item of result.items.slice(0, 4))
      expect(item.snippet.filter((s) => s.hit).map((s) => s.text.toLowerCase()), item.title).toContainEqual(expect.stringMatching(/^kinderg(a|ä)rten$/));
  });

  it('finds the gaps for "Lücke" without proposing "Brücke"', async () => {
    const result = await run(q('Lücke'));
    expect(result.total).toBe(5);
    expect(result.items.every((i) => i.isGap)).toBe(true);
    expect(result.query.suggestion).toBeNull();
  });

  it('finds something for every example of the search hint, in every language', async () => {
    const hint = (lang: string) => (JSON.parse(fs.readFileSync(path.resolve('src/lib/i18n/locales', `${lang}.json`), 'utf8')) as { home: { searchHint: string } }).home.searchHint;
    // "Zum Beispiel: Sprachkurs, Kita, Pflege, Jobcenter oder eine Nummer wie A1"
    const examples = hint('de').replace(/^[^:]*:\s*/, '').split(/,\s*|\s+oder\s+/).map((e) => e.split(' ').pop()!);
    expect(examples).toEqual(['Sprachkurs', 'Kita', 'Pflege', 'Jobcenter', 'A1']);
    for (const lang of ['de', 'en', 'tr', 'uk', 'ar']) for (const e of examples) expect(hint(lang), `${lang}: ${e}`).toContain(e);
    for (const e of examples) expect((await run(q(e))).total, e).toBeGreaterThan(0);
  });

  it('proposes the right word when nothing matches a typo, and nothing for nonsense', async () => {
    const typo = await searchMeasures(database.db, parseSearchParams(new URLSearchParams(q('Hauptschulabshluss Flüchtlinge'))).state, { municipality: 'herne' });
    expect(typo.query.suggestion).toMatch(/^Hauptschulabschluss(es)? Flüchtlinge$/);
    expect(typo.items[0]).toMatchObject({ number: '4.6.1' });
    const none = await searchMeasures(database.db, parseSearchParams(new URLSearchParams(q('xqzvw'))).state, { municipality: 'herne' });
    expect(none).toMatchObject({ total: 0, query: { suggestion: null } });
  });
});
