import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportError, type DivMassnahme, type DiversityCatalogue } from '../types';
import {
  crossCheckOverview,
  looksLikeDiversity,
  measureId,
  parseDiversity,
  parseDiversityDetailed,
  parseOverviewTable,
} from './parse';

// ---------------------------------------------------------------------------
// Inline fixtures
// ---------------------------------------------------------------------------

const FRONT = [
  'Stadt Herne',
  '',
  'DIVERSITY',
  '',
  'bei der Stadtverwaltung Herne',
  '',
  'Maßnahmen-Katalog',
  '',
  'Impressum',
  '',
  'Herausgeberin: Stadt Herne',
  'Büro für Gleichstellung und Vielfalt',
  'Berliner Platz 9',
  '',
  'Stand: Mai 2030',
  '',
  'Vorwort',
  '',
  'Das ist die 4. Auflage; die 1. Auflage erschien früher.',
  '',
  'Gender und Diversity Mainstreaming in der Stadt Herne',
  '',
  'Einleitungstext.',
  '',
];

interface EntrySpec {
  dez?: string | null;
  office?: string | null;
  titel: string | string[];
  neu?: boolean;
  extra?: string[];
  beschrLabel?: string;
  beschr?: string[];
  ziele?: string[];
  verantw?: string[];
}

function entry(e: EntrySpec): string[] {
  const out: string[] = [];
  if (e.dez !== null) out.push(e.dez ?? 'Dezernat I', '');
  if (e.office !== null) out.push(e.office ?? 'Büro für Gleichstellung und Vielfalt', '');
  out.push('Titel der Maßnahme', '', ...(Array.isArray(e.titel) ? e.titel : [e.titel]), '');
  if (e.neu) out.push('neu', '');
  if (e.extra) out.push(...e.extra, '');
  out.push(e.beschrLabel ?? 'Beschreibung der Maßnahme', '', ...(e.beschr ?? ['Beschreibung.']), '');
  out.push('Ziele und Zielgruppen', '', ...(e.ziele ?? ['Ziele.']), '');
  out.push('Wer ist für die Maßnahme verantwortlich?', '', ...(e.verantw ?? ['Büro für Gleichstellung und Vielfalt']), '');
  return out;
}

const APPENDIX = [
  'Anhang: Anlaufstellen und Ansprechpersonen',
  '',
  'Beschwerdestelle nach §13 AGG',
  '',
  'An die Beschwerdestelle können sich alle Beschäftigten wenden, die sich ungerecht behandelt fühlen.',
  '',
  'Kontakt:',
  '',
  'Erika Musterfrau',
  '',
  'Musterweg 1, 44623 Herne',
  '',
  'Telefon: 0 23 23 / 16 - 00 00',
  '',
  'E-Mail: erika.musterfrau@example.org',
  '',
  'Personalrat',
  '',
  'Der Personalrat begleitet alle Anliegen der Mitarbeitenden der Stadtverwaltung.',
  '',
  'Kontakt:',
  'Personalrat der Stadt Herne',
  'Musterplatz 2, 44623 Herne',
  'Telefon des PR-Büros: 0 23 23 / 16 - 11 11',
];

const doc = (...parts: string[][]) => parts.flat().join('\n');
const file = (text: string, name = 'fixture.txt') => ({ name, text });
const parse = (text: string) => parseDiversityDetailed(file(text));
const codes = (r: { warnings: { code?: string }[] }) => r.warnings.map((w) => w.code);

function thrown(fn: () => unknown): ImportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ImportError) return e;
    throw e;
  }
  throw new Error('expected an ImportError');
}

describe('overview table row formats', () => {
  const lines = (texts: string[]) => texts.map((text, i) => ({ text, zeile: 100 + i }));

  it('reads rows with the "neu" column, rows without it, continuation rows and hyphenated cells', () => {
    const u = parseOverviewTable(
      '1',
      lines([
        '\tTitel der Maßnahme\tnach Innen gerichtet\tnach Außen gerichtet',
        'neu\tProjekt „A“\t\t•',
        '\tB-Maßnahme\t•\t•',
        '\tC-Maßnahme\t•\t',
        '',
        'D-Maßnahme\t•\t•',
        'Kommunales Reaktions- management\t•\t',
        'AK Bauen\t\tx',
        'E-Maßnahme (neu)\t•\t',
        '',
        'neu',
        'Fußnotentext ohne Tabellenform',
      ]),
    );
    expect(u.zeile).toBe(100);
    expect(u.zeilen.map((z) => [z.titel, z.neu, z.wirkrichtung.join('+')])).toEqual([
      ['Projekt „A“', true, 'aussen'],
      ['B-Maßnahme', false, 'innen+aussen'],
      ['C-Maßnahme', false, 'innen'],
      ['D-Maßnahme', false, 'innen+aussen'],
      ['Kommunales Reaktionsmanagement', false, 'innen'],
      ['AK Bauen', false, 'aussen'],
      ['E-Maßnahme', true, 'innen'],
    ]);
    expect(u.zeilen[4]!.titelRoh).toBe('Kommunales Reaktions- management');
    expect(u.losgeloesteNeu).toEqual([110]);
    expect(u.unbekannt.map((l) => l.zeile)).toEqual([111]);
  });

  it('accepts the header with an empty second column (chapters 2 and 6)', () => {
    const u = parseOverviewTable('2', lines(['Titel der Maßnahme\t\tnach Innen gerichtet\tnach Außen gerichtet', '\tX\t•\t•']));
    expect(u.zeilen).toHaveLength(1);
    expect(u.zeilen[0]!.wirkrichtung).toEqual(['innen', 'aussen']);
  });
});

describe('crossCheckOverview', () => {
  const row = (titel: string, zeile: number, neu = false) => ({
    titel,
    titelRoh: titel,
    neu,
    wirkrichtung: ['innen' as const],
    zeile,
  });
  const ent = (titel: string, zeile: number, neu = false) => ({ titel, neu, zeile });

  it('pairs in order despite short forms, reports every kind of difference', () => {
    const u = {
      dimension: '9',
      zeile: 1,
      losgeloesteNeu: [],
      unbekannt: [],
      zeilen: [row('DV BEM', 2, true), row('Inklusionsbüro', 3), row('Nur in der Tabelle', 4), row('Umsetzung des Inklusionsplans', 5)],
    };
    const r = crossCheckOverview(u, [
      ent('Dienstvereinbarung zum Betrieblichen Eingliederungsmanagement (BEM)', 10),
      ent('Inklusionsbüro zur Koordinierung nach den Vorgaben des Inklusionsplans', 20, true),
      ent('Nur als Eintrag', 30),
      ent('Umsetzung und Koordinierung des Inklusionsplans durch das Inklusionsbüro', 40),
    ]);
    expect(r.paare.map((p) => [p.zeile, p.eintrag])).toEqual([
      [0, 0],
      [1, 1],
      [3, 3],
    ]);
    expect(r.abweichungen.map((a) => [a.art, a.tabellenTitel ?? a.eintragsTitel, a.titelArt ?? null])).toEqual([
      ['titel', 'DV BEM', 'kurzform'],
      ['neu', 'DV BEM', null],
      ['titel', 'Inklusionsbüro', 'kurzform'],
      ['neu', 'Inklusionsbüro', null],
      ['ohne-eintrag', 'Nur in der Tabelle', null],
      ['titel', 'Umsetzung des Inklusionsplans', 'kurzform'],
      ['ohne-zeile', 'Nur als Eintrag', null],
    ]);
    const neu = r.abweichungen.filter((a) => a.art === 'neu');
    expect(neu.map((a) => [a.neuTabelle, a.neuEintrag])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('attributes a detached "neu" marker only when it accounts for exactly one unmarked new entry', () => {
    const u = { dimension: '4', zeile: 1, losgeloesteNeu: [9], unbekannt: [], zeilen: [row('A', 2), row('B', 3)] };
    const one = crossCheckOverview(u, [ent('A', 10), ent('B', 20, true)]);
    expect(one.neuZugeordnet).toEqual([1]);
    expect(one.abweichungen.map((a) => a.art)).toEqual(['neu-losgeloest']);
    const two = crossCheckOverview(u, [ent('A', 10, true), ent('B', 20, true)]);
    expect(two.neuZugeordnet).toEqual([]);
    expect(two.abweichungen.map((a) => a.art)).toEqual(['neu', 'neu', 'neu-losgeloest']);
  });

  it('reports different directions when an entry prints one, and out-of-order rows', () => {
    const u = { dimension: '5', zeile: 1, losgeloesteNeu: [], unbekannt: [], zeilen: [row('Beta-Projekt', 2), row('Alpha-Projekt', 3)] };
    const r = crossCheckOverview(u, [
      { titel: 'Alpha-Projekt', neu: false, zeile: 10, wirkrichtung: ['aussen'] },
      ent('Beta-Projekt', 20),
    ]);
    expect(r.abweichungen.map((a) => a.art).sort()).toEqual(['reihenfolge', 'wirkrichtung']);
  });
});

describe('parseDiversity on inline fixtures', () => {
  const table1 = [
    '1. Übergreifende Maßnahmen',
    '',
    '\tTitel der Maßnahme\tnach Innen gerichtet\tnach Außen gerichtet',
    'neu\tProjekt A\t\t•',
    '\tKampagne B\t•\t•',
    '',
    'DV C\t•\t',
    '',
  ];
  const entries1 = [
    ...entry({
      titel: 'Projekt A',
      neu: true,
      beschr: ['<p>Erster Absatz mit &bdquo;Zitat&ldquo; &amp; [Link](#).</p>', '', '17', '', 'Zweiter <b>Absatz</b>.'],
      ziele: ['Ziele:', '', '- eins', '- zwei', '', '- drei', '', 'Zielgruppe: alle'],
    }),
    ...entry({
      dez: 'Dezernat III',
      office: 'Fachbereich Integration',
      titel: ['Kampagne B für', 'eine lange Überschrift'],
      beschrLabel: 'Beschreibung',
      extra: ['nach Außen gerichtet'],
      verantw: ['Fachbereich Integration, 34', 'Fachbereich Recht', '', 'Hinweis zur Zuständigkeit.'],
    }),
    ...entry({
      dez: 'Dezernat III',
      office: 'Fachbereich Integration',
      titel: 'Dienstvereinbarung C (neu)',
      beschr: ['Aufgaben u. a.: - erstens - zweitens'],
    }),
  ];
  const table2 = ['2. Geschlecht', '', 'Titel der Maßnahme\tnach Innen gerichtet\tnach Außen gerichtet', 'Flyer „Vielfalt“\t•\t•', '', 'neu', ''];
  const entries2 = [
    ...entry({ titel: 'Flyer Vielfalt', neu: true }),
  ];
  const table3 = ['3. Alter', '', 'Titel der Maßnahme\tnach Innen gerichtet\tnach Außen gerichtet', 'Flyer Vielfalt\t\t•', ''];
  const entries3 = [...entry({ titel: 'Flyer „Vielfalt“' })];
  const text = doc(FRONT, table1, entries1, table2, entries2, table3, entries3, APPENDIX);

  it('reads edition data, foreword and introduction', () => {
    const c = parseDiversity([file(text)]).catalogues[0]!;
    expect(c.kind).toBe('diversity');
    expect(c.title).toBe('DIVERSITY bei der Stadtverwaltung Herne – Maßnahmen-Katalog');
    expect(c.stand).toBe('Mai 2030');
    expect(c.herausgeber).toBe('Stadt Herne, Büro für Gleichstellung und Vielfalt');
    expect(c.auflage).toBe('4. Auflage');
    expect(c.vorwort).toBe('Das ist die 4. Auflage; die 1. Auflage erschien früher.');
    expect(c.einleitungTitel).toBe('Gender und Diversity Mainstreaming in der Stadt Herne');
    expect(c.einleitung).toBe('Einleitungstext.');
  });

  it('reads entry fields: HTML, entities, page numbers, bullets, multi-line title and responsibility', () => {
    const r = parse(text);
    const [a, b, cc] = r.catalogue.dimensionen[0]!.massnahmen;
    expect(a!.titel).toBe('Projekt A');
    expect(a!.neu).toBe(true);
    expect(a!.wirkrichtung).toEqual(['aussen']);
    expect(a!.beschreibung).toBe('Erster Absatz mit „Zitat“ & Link.\n\nZweiter Absatz.');
    expect(a!.ziele_zielgruppen).toBe('Ziele:\n\n- eins\n- zwei\n- drei\n\nZielgruppe: alle');
    expect(a!.dezernat).toBe('Dezernat I');
    expect(a!.organisationseinheit).toBe('Büro für Gleichstellung und Vielfalt');
    expect(b!.titel).toBe('Kampagne B für eine lange Überschrift');
    expect(b!.dezernat).toBe('Dezernat III');
    expect(b!.verantwortlich).toBe('Fachbereich Integration, 34\nFachbereich Recht\n\nHinweis zur Zuständigkeit.');
    expect(cc!.titel).toBe('Dienstvereinbarung C');
    expect(cc!.neu).toBe(true);
    expect(cc!.beschreibung).toBe('Aufgaben u. a.:\n- erstens\n- zweitens');
    expect(codes(r)).toContain('page-artefact');
    expect(codes(r)).toContain('inline-list');
  });

  it('cross-checks table and entries: entry direction, title short form, "neu" marker in the title', () => {
    const r = parse(text);
    const d1 = r.abweichungen.filter((a) => a.dimension === '1');
    expect(d1.map((a) => [a.art, a.titelArt ?? null])).toEqual([
      ['titel', 'kurzform'],
      ['wirkrichtung', null],
      ['titel', 'kurzform'],
      ['neu', null],
    ]);
    // The entry's own direction wins over the table's.
    expect(r.catalogue.dimensionen[0]!.massnahmen[1]!.wirkrichtung).toEqual(['aussen']);
  });

  it('merges a measure listed under two dimensions, attributes a detached "neu", unions nothing silently', () => {
    const r = parse(text);
    const c = r.catalogue;
    const flyer2 = c.dimensionen[1]!.massnahmen[0]!;
    const flyer3 = c.dimensionen[2]!.massnahmen[0]!;
    expect(flyer2).toBe(flyer3);
    expect(flyer2.id).toBe(measureId('Flyer Vielfalt', 'Büro für Gleichstellung und Vielfalt'));
    expect(flyer2.dimensionen).toEqual(['2', '3']);
    expect(flyer2.quellen).toHaveLength(2);
    expect(c.zusammenfuehrungen).toBe(1);
    // Chapter 2's table: the detached "neu" goes to the one new entry; chapter 3 differs in direction.
    expect(r.abweichungen.filter((a) => a.dimension === '2').map((a) => a.art)).toEqual(['neu-losgeloest']);
    expect(flyer2.wirkrichtung).toEqual(['innen', 'aussen']);
    const merged = r.warnings.filter((w) => w.code === 'merged');
    expect(merged).toHaveLength(1);
    expect(merged[0]!.meldung).toContain('gleiche Organisationseinheit');
    expect(merged[0]!.meldung).toContain('gleiche Beschreibung');
    expect(codes(r)).toContain('direction-mismatch');
    expect(codes(r)).toContain('neu-mismatch');
  });

  it('keeps two equal entries inside one dimension apart', () => {
    const t = doc(FRONT, ['1. X', '', 'Titel der Maßnahme\tnach Innen gerichtet\tnach Außen gerichtet', 'A\t•\t', 'A\t•\t', ''], entry({ titel: 'A' }), entry({ titel: 'A' }));
    const r = parse(t);
    const ids = r.catalogue.dimensionen[0]!.massnahmen.map((m) => m.id);
    expect(new Set(ids).size).toBe(2);
    expect(r.catalogue.zusammenfuehrungen).toBe(0);
    expect(codes(r)).toContain('duplicate-id');
  });

  it('inherits Dezernat and office when an entry has no header, and warns', () => {
    const t = doc(
      FRONT,
      ['1. X', '', 'Titel der Maßnahme\tnach Innen gerichtet\tnach Außen gerichtet', 'A\t•\t', 'B\t•\t', ''],
      entry({ dez: 'Dezernat IV', office: 'Fachbereich Soziales', titel: 'A' }),
      entry({ dez: null, office: null, titel: 'B' }),
    );
    const r = parse(t);
    const [a, b] = r.catalogue.dimensionen[0]!.massnahmen;
    expect(a!.verantwortlich).toBe('Büro für Gleichstellung und Vielfalt');
    expect([b!.dezernat, b!.organisationseinheit]).toEqual(['Dezernat IV', 'Fachbereich Soziales']);
    expect(codes(r)).toContain('missing-header');
  });

  it('reads contacts without leaking personal data into warnings', () => {
    const r = parse(text);
    const k = r.catalogue.kontakte;
    expect(k).toHaveLength(2);
    expect(k[0]!.organisationseinheit).toBe('Beschwerdestelle nach §13 AGG');
    expect(k[0]!.email).toBe('erika.musterfrau@example.org');
    expect(k[1]!.name).toBeNull();
    expect(k[1]!.stelle).toBe('Personalrat der Stadt Herne');
    expect(k[1]!.email).toBeNull();
    const incomplete = r.warnings.filter((w) => w.code === 'contact-incomplete');
    expect(incomplete).toHaveLength(1);
    for (const w of r.warnings) expect(w.meldung).not.toMatch(/Musterfrau|example\.org|16 - |Musterweg/);
  });
});

describe('errors and detection', () => {
  const real = readFileSync(fileURLToPath(new URL('../../../../../data/sources/herne/003_bbd5bb4a4c8190b2.txt', import.meta.url)), 'utf8');

  it('rejects empty, binary and foreign files with an ImportError naming the file', () => {
    expect(thrown(() => parseDiversity([file('', 'leer.txt')])).datei).toBe('leer.txt');
    expect(thrown(() => parseDiversity([file(' \n\n ', 'leer.txt')])).message).toMatch(/leer/);
    const bin = thrown(() => parseDiversity([file('DIVERSITY\nTitel\n\u0000\u0001', 'bin.pdf')]));
    expect([bin.datei, bin.zeile]).toEqual(['bin.pdf', 3]);
    const other = thrown(() => parseDiversity([file('# VIELFALT IN HERNE\n\n## Gesamtstädtisches Integrationskonzept\n', 'ik.txt')]));
    expect(other.message).toMatch(/^ik\.txt: kein Diversity-Maßnahmenkatalog/);
  });

  it('rejects a file truncated before the first entry, naming the last line', () => {
    const head = real.split('\n').slice(0, 140).join('\n'); // overview table 1, no entry yet
    const e = thrown(() => parseDiversity([file(head, 'kurz.txt')]));
    expect(e.message).toMatch(/^kurz\.txt:140: keine Maßnahmen-Einträge/);
    expect(e.zeile).toBe(140);
  });

  it('warns about an entry cut off at the end of the file', () => {
    const cut = real.split('\n').slice(0, 183).join('\n'); // ends in the description of the 2nd entry
    const r = parse(cut);
    expect(r.catalogue.dimensionen[0]!.massnahmen.map((m) => m.titel)).toEqual(['Projekt „Youth for Equality“', 'Kampagne „Herne mit Respekt“']);
    expect(r.warnings.find((w) => w.code === 'truncated')?.zeile).toBe(179);
    expect(r.abweichungen.filter((a) => a.art === 'ohne-eintrag')).toHaveLength(24);
    expect(codes(r)).toContain('missing-appendix');
  });

  it('detects only the Diversity catalogue among the Herne sources', () => {
    const dir = new URL('../../../../../data/sources/herne/', import.meta.url);
    const result = ['000_3e59e29afaedd339.txt', '001_f19880d6793d593d.txt', '002_f4ed1d705e4e74d9.txt', '003_bbd5bb4a4c8190b2.txt', '004_7af2113a3dd62404.txt'].map(
      (n) => looksLikeDiversity(readFileSync(fileURLToPath(new URL(n, dir)), 'utf8')),
    );
    expect(result).toEqual([false, false, false, true, false]);
    expect(looksLikeDiversity('')).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// Golden test over the real document. Expected numbers come from reading the document and
// counting with grep/awk (85 "Titel der Maßnahme" entry labels, table rows per chapter, the
// 12 "neu" lines after titles plus the detached one after table 4), not from parser output.
// ---------------------------------------------------------------------------

describe('golden: 003 DIVERSITY bei der Stadtverwaltung Herne (3. Auflage, August 2024)', () => {
  const name = '003_bbd5bb4a4c8190b2.txt';
  const text = readFileSync(fileURLToPath(new URL(`../../../../../data/sources/herne/${name}`, import.meta.url)), 'utf8');
  const detail = parseDiversityDetailed({ name, text });
  const c: DiversityCatalogue = detail.catalogue;
  const unique = [...new Map(c.dimensionen.flatMap((d) => d.massnahmen).map((m) => [m.id, m])).values()];
  const find = (titel: string): DivMassnahme => {
    const m = unique.find((x) => x.titel === titel);
    if (!m) throw new Error(`measure not found: ${titel}`);
    return m;
  };
  const countBy = <T,>(xs: T[], key: (x: T) => string) =>
    xs.reduce<Record<string, number>>((acc, x) => ((acc[key(x)] = (acc[key(x)] ?? 0) + 1), acc), {});

  it('catalogue fields', () => {
    expect(c.title).toBe('DIVERSITY bei der Stadtverwaltung Herne – Maßnahmen-Katalog');
    expect(c.stand).toBe('August 2024');
    expect(c.auflage).toBe('3. Auflage');
    expect(c.herausgeber).toBe('Stadt Herne, Büro für Gleichstellung und Vielfalt');
    expect(c.vorwort).toMatch(/^Im Juli 2022 hat die Stadtverwaltung den ersten Diversity-Maßnahmenkatalog vorgelegt\./);
    expect(c.vorwort).toContain('\n\nHerzliche Grüße,');
    expect(c.einleitungTitel).toBe('Gender und Diversity Mainstreaming in der Stadt Herne');
    expect(c.einleitung).toMatch(/^Seit 2006 ist Gender Mainstreaming Querschnittsaufgabe der Verwaltung\./);
    expect(c.einleitung).toContain('5 gute Gründe für Diversity Mainstreaming\n\n- Die rechtlichen und formalen Regelungen');
    expect(c.einleitung).toMatch(/⁵ Antidiskriminierungsstelle des Bundes \(2015\).*Chancengleichheit\.$/);
  });

  it('dimensions and measure counts', () => {
    expect(c.dimensionen.map((d) => [d.nummer, d.name, d.massnahmen.length])).toEqual([
      ['1', 'Übergreifende Maßnahmen', 27],
      ['2', 'Geschlecht', 23],
      ['3', 'Ethnische Herkunft', 13],
      ['4', 'Behinderung', 9],
      ['5', 'Alter', 4],
      ['6', 'Sexuelle Identität', 8],
      ['7', 'Religion/Weltanschauung', 1],
    ]);
    expect(detail.eintraege).toHaveLength(85);
    expect(unique).toHaveLength(84);
  });

  it('counts per Dezernat, per dimension and overall', () => {
    expect(c.dimensionen.map((d) => countBy(d.massnahmen, (m) => m.dezernat ?? '-'))).toEqual([
      { 'Dezernat I': 17, 'Dezernat III': 3, 'Dezernat IV': 6, 'Dezernat VI': 1 },
      { 'Dezernat I': 15, 'Dezernat III': 1, 'Dezernat IV': 7 },
      { 'Dezernat I': 1, 'Dezernat III': 12 },
      { 'Dezernat IV': 9 },
      { 'Dezernat IV': 4 },
      { 'Dezernat I': 1, 'Dezernat III': 1, 'Dezernat IV': 6 },
      { 'Dezernat I': 1 },
    ]);
    expect(countBy(unique, (m) => m.dezernat ?? '-')).toEqual({ 'Dezernat I': 34, 'Dezernat III': 17, 'Dezernat IV': 32, 'Dezernat VI': 1 });
    expect(unique.every((m) => m.organisationseinheit)).toBe(true);
    // "Kinder – Jugend - Familie" (chapter 6) is unified with "Kinder – Jugend – Familie".
    expect(countBy(unique, (m) => m.organisationseinheit!)['Fachbereich Kinder – Jugend – Familie']).toBe(13);
    expect(unique.some((m) => m.organisationseinheit === 'Fachbereich Kinder – Jugend - Familie')).toBe(false);
  });

  it('"neu" and directions', () => {
    expect(unique.filter((m) => m.neu)).toHaveLength(13);
    expect(c.dimensionen.map((d) => d.massnahmen.filter((m) => m.neu).length)).toEqual([4, 2, 4, 1, 0, 2, 0]);
    expect(countBy(unique, (m) => m.wirkrichtung.join('+') || 'ohne')).toEqual({
      innen: 29,
      aussen: 22,
      'innen+aussen': 32,
      ohne: 1,
    });
    expect(unique.filter((m) => m.wirkrichtung.includes('innen'))).toHaveLength(61);
    expect(unique.filter((m) => m.wirkrichtung.includes('aussen'))).toHaveLength(54);
  });

  it('merges the flyer listed under Geschlecht and Sexuelle Identität', () => {
    expect(c.zusammenfuehrungen).toBe(1);
    const merged = unique.filter((m) => (m.dimensionen?.length ?? 0) > 1);
    expect(merged.map((m) => [m.titel, m.dimensionen])).toEqual([['Flyer Vielfalt der Geschlechter und sexueller Identitäten', ['2', '6']]]);
    expect(c.dimensionen[5]!.massnahmen[0]).toBe(merged[0]);
    const w = detail.warnings.filter((x) => x.code === 'merged');
    expect(w).toHaveLength(1);
    expect(w[0]!.zeile).toBe(2070);
    expect(w[0]!.meldung).toMatch(/gleicher Titel \(bis auf Anführungszeichen\/Typografie\), gleiche Organisationseinheit, gleiches Dezernat, gleiche Beschreibung, gleiche Ziele und Zielgruppen, gleiche Verantwortlichkeit, gleiche Wirkrichtung\.$/);
  });

  it('contacts of the appendix', () => {
    expect(c.kontakte).toHaveLength(9);
    expect(c.kontakte[0]!.organisationseinheit).toBe('Beschwerdestelle nach §13 AGG');
    expect(c.kontakte.filter((k) => k.name)).toHaveLength(5);
    expect(c.kontakte.filter((k) => k.telefon && k.email)).toHaveLength(9);
    expect(c.kontakte.find((k) => k.organisationseinheit === 'Personalrat')?.stelle).toBe('Personalrat der Stadt Herne');
    const personal = c.kontakte.flatMap((k) => [k.name, k.telefon, k.email, k.anschrift]).filter((x): x is string => !!x);
    for (const w of detail.warnings) for (const p of personal) expect(w.meldung).not.toContain(p);
  });

  it('field by field: Projekt „Youth for Equality“', () => {
    const m = find('Projekt „Youth for Equality“');
    expect(m.id).toBe('projekt-youth-for-equality--buero-fuer-gleichstellung-und-vielfalt');
    expect([m.neu, m.wirkrichtung, m.dezernat, m.organisationseinheit, m.dimensionen]).toEqual([
      true,
      ['aussen'],
      'Dezernat I',
      'Büro für Gleichstellung und Vielfalt',
      ['1'],
    ]);
    expect(m.beschreibung).toMatch(/^Im Rahmen des Präventionsprojekts „Youth for Equality“ können zwischen 2024 und 2025/);
    expect(m.beschreibung).toMatch(/\n\nGefördert wird das Projekt von der Alfred Krupp von Bohlen und Halbach-Stiftung\.$/);
    expect(m.ziele_zielgruppen).toBe(
      'Ziele:\n\n- Demokratieförderung\n- Förderung von Gleichberechtigung\n- Aufklärung über Diskriminierung, Zwangsheirat, arrangierte Ehen, häusliche Gewalt\n\nZielgruppe: Schüler*innen der weiterführenden Schulen in Herne',
    );
    expect(m.verantwortlich).toBe(
      'Büro für Gleichstellung und Vielfalt, in Kooperation mit der Beratungsstelle Schattenlicht, dem Verein HennaMond und dem Projekt CHAMPS',
    );
    expect(m.quelle).toEqual({ datei: name, zeile: 149 });
  });

  it('field by field: Kommunales Reaktionsmanagement (KRM) — Dezernat VI, flattened list', () => {
    const m = find('Kommunales Reaktionsmanagement (KRM)');
    expect([m.neu, m.wirkrichtung, m.dezernat, m.organisationseinheit, m.verantwortlich, m.uebersichtTitel]).toEqual([
      false,
      ['innen'],
      'Dezernat VI',
      'Fachbereich Recht',
      'Fachbereich Recht',
      'Kommunales Reaktionsmanagement',
    ]);
    expect(m.beschreibung).toMatch(
      /Aufgaben im Einzelnen sind u\. a\.:\n- Kontaktaufnahme mit den betroffenen Mitarbeitenden, Führungskräften, ggf\. Kolleg\*innen\n- Sachverhaltsermittlung\n- Dokumentation, Evaluation, usw\.$/,
    );
    expect(m.ziele_zielgruppen).toBe('Schutz von Angehörigen des öffentlichen Dienstes, insbesondere der eigenen Mitarbeitenden');
  });

  it('field by field: Partnerschaft für Demokratie — no row in the overview table', () => {
    const m = find('Partnerschaft für Demokratie');
    expect([m.neu, m.wirkrichtung, m.dezernat, m.organisationseinheit, m.uebersichtTitel]).toEqual([
      false,
      [],
      'Dezernat IV',
      'Fachbereich Kinder – Jugend – Familie',
      null,
    ]);
    expect(m.ziele_zielgruppen).toBe('Die Kernziele der aktuellen Förderperiode (2020 bis 2024) lauten:\n\n- Demokratie fördern\n- Vielfalt gestalten\n- Extremismus vorbeugen');
    expect(m.verantwortlich).toBe('Fachbereich Kinder – Jugend – Familie, 42/3 Jugendförderung\n\nKoordinierungs- und Fachstelle: IFAK e.V.');
  });

  it('field by field: Workshops „Lebens- und Bildungssituation von Roma in Deutschland“ — new only in the table', () => {
    const m = find('Workshops „Lebens- und Bildungssituation von Roma in Deutschland“');
    expect([m.neu, m.wirkrichtung, m.dezernat, m.organisationseinheit, m.verantwortlich]).toEqual([
      true,
      ['innen', 'aussen'],
      'Dezernat III',
      'Fachbereich Integration',
      'Fachbereich Integration, 34/1, KIM und Zuwanderung SOE',
    ]);
    expect(m.ziele_zielgruppen).toBe('Zielgruppe: Lehrkräfte an Herner Schulen, Mitarbeitende in der Schulsozialarbeit und den Offenen Ganztagschulen');
  });

  it('field by field: Palermos Pottcast — new, detached marker in table 4', () => {
    const m = find('Palermos Pottcast');
    expect([m.neu, m.wirkrichtung, m.dezernat, m.organisationseinheit, m.dimensionen]).toEqual([
      true,
      ['innen', 'aussen'],
      'Dezernat IV',
      'Fachbereich Soziales',
      ['4'],
    ]);
    expect(m.beschreibung).toContain('In „Palermos Pottcast“ werden Menschen mit und ohne Behinderungen');
    expect(m.ziele_zielgruppen).toMatch(/^Ziele: über aktuelle inklusive Themen und Angebote informieren, Berührungängste/);
  });

  it('field by field: Inklusionstag für Azubis bei der Stadt Herne — two responsible units on two lines', () => {
    const m = find('Inklusionstag für Azubis bei der Stadt Herne');
    expect([m.neu, m.wirkrichtung, m.uebersichtTitel]).toEqual([false, ['innen'], 'Inklusionstag für Azubis']);
    expect(m.verantwortlich).toBe(
      'Fachbereich Soziales, 41/1 Verwaltungsangelegenheiten, Inklusionsbüro\nFachbereich Personal und Zentraler Service, 12/2 Personalentwicklung, Aus- und Fortbildung, Betriebliches Gesundheitsmanagement',
    );
    expect(m.ziele_zielgruppen).toBe('Auszubildende werden zum Thema Behinderung sensibilisiert.');
  });

  it('field by field: Herner Bildungsnetzwerk, Sprachkurse, Arbeitskreis Gender & Diversität — markup and units', () => {
    const bn = find('Herner Bildungsnetzwerk, Handlungsziele 2023-2027');
    expect(bn.beschreibung).toContain('\n\n1. Lernentwicklungen und -erfahrungen unterstützen\n2. Medienkompetenz');
    expect(bn.beschreibung).toMatch(/\n5\. Vielfalt \(an-\)erkennen und nachhaltig nutzen$/);
    expect([bn.dezernat, bn.organisationseinheit, bn.wirkrichtung]).toEqual(['Dezernat III', 'Fachbereich Schule und Weiterbildung', ['aussen']]);
    const vhs = find('Sprachkurse der Volkshochschule');
    expect(vhs.beschreibung).toBe(
      'Interessierte haben die Möglichkeit, verschiedene Sprachen in unterschiedlichen Sprachniveaus zu erlernen (vhs Herne: Sprachen (vhs-herne.de)).',
    );
    const ak = find('Arbeitskreis „Gender & Diversität in der Arbeit mit Kindern und Jugendlichen Herne“');
    expect(ak.organisationseinheit).toBe('Fachbereich Kinder – Jugend – Familie & Büro für Gleichstellung und Vielfalt');
    expect(ak.ziele_zielgruppen).toMatch(/Zielgruppen:\n\n- unmittelbar: Fachkräfte\n- mittelbar: Kinder und Jugendliche$/);
    const speisen = find('Auswahl der Speisen für Aus- und Fortbildungsveranstaltungen');
    expect([speisen.dimensionen, speisen.wirkrichtung, speisen.uebersichtTitel]).toEqual([['7'], ['innen', 'aussen'], 'Speisen']);
  });

  it('ids are unique and stable', () => {
    expect(new Set(unique.map((m) => m.id)).size).toBe(84);
    expect(find('Gesundheitswoche').id).toBe('gesundheitswoche--fachbereich-gesundheit');
    expect(parseDiversityDetailed({ name, text }).catalogue.dimensionen[2]!.massnahmen.map((m) => m.id)).toEqual(
      c.dimensionen[2]!.massnahmen.map((m) => m.id),
    );
  });

  it('cross-check report: overview tables versus entries', () => {
    const a = detail.abweichungen;
    expect(detail.uebersichten.map((u) => u.zeilen.length)).toEqual([26, 23, 13, 9, 4, 8, 1]);
    expect(countBy(a, (x) => x.art)).toEqual({ titel: 37, 'ohne-zeile': 1, neu: 1, 'neu-losgeloest': 1 });

    // Entry without table row.
    expect(a.filter((x) => x.art === 'ohne-zeile').map((x) => [x.dimension, x.eintragsTitel, x.zeile])).toEqual([
      ['1', 'Partnerschaft für Demokratie', 626],
    ]);
    // "neu" in the table, not at the entry.
    expect(a.filter((x) => x.art === 'neu').map((x) => [x.dimension, x.tabellenTitel, x.neuTabelle, x.neuEintrag])).toEqual([
      ['3', 'Workshops „Lebens- und Bildungssituation von Roma in Deutschland“', true, false],
    ]);
    // Detached "neu" below table 4, attributed to the only new entry without a marked row.
    expect(a.filter((x) => x.art === 'neu-losgeloest').map((x) => [x.dimension, x.zeile, x.eintragsTitel])).toEqual([
      ['4', 1735, 'Palermos Pottcast'],
    ]);
    // Titles: 33 short forms in the tables, 4 real differences.
    const titel = a.filter((x) => x.art === 'titel');
    expect(countBy(titel, (x) => x.dimension)).toEqual({ '1': 12, '2': 6, '3': 5, '4': 5, '5': 3, '6': 5, '7': 1 });
    expect(titel.filter((x) => x.titelArt === 'kurzform')).toHaveLength(33);
    expect(titel.filter((x) => x.titelArt === 'abweichend').map((x) => [x.dimension, x.tabellenTitel, x.eintragsTitel])).toEqual([
      ['2', 'Flyer Vielfalt der Geschlechter und sexuellen Identitäten', 'Flyer Vielfalt der Geschlechter und sexueller Identitäten'],
      ['3', 'Projekt „Schule ohne Rassismus – Schule mit Courage“', 'Das Bundesprojekt „Schule ohne Rassismus – Schule mit Courage“'],
      ['4', 'Beirat für die Belange von Menschen mit Behinderung', 'Beirat für die Belange von Menschen mit Behinderungen'],
      ['6', 'Flyer „Vielfalt der Geschlechter und sexuellen Identitäten“', 'Flyer „Vielfalt der Geschlechter und sexueller Identitäten“'],
    ]);
    expect(titel.find((x) => x.tabellenTitel === 'DV GLAZ')?.eintragsTitel).toBe(
      'Dienstvereinbarung über die gleitende Arbeitszeit bei der Stadt Herne (DV GLAZ)',
    );
    expect(titel.find((x) => x.zeile === 141)?.tabellenTitel).toBe('Kommunales Reaktionsmanagement');
    // Typographic variants only (hyphenation, dashes, quotes, "&") are not differences.
    for (const t of ['Gemeinsam durch die Pubertät', 'HIN – Herner Integrationsnetzwerk', 'Fachliteratur „Queer Papier für die Jugendarbeit“']) {
      expect(a.some((x) => x.tabellenTitel === t)).toBe(false);
    }
    // No direction differences and nothing out of order; every difference is also a warning.
    expect(a.some((x) => x.art === 'wirkrichtung' || x.art === 'reihenfolge' || x.art === 'ohne-eintrag')).toBe(false);
    expect(detail.warnings.filter((w) => w.code?.startsWith('overview-'))).toHaveLength(a.length);
  });

  it('other warnings on the real document', () => {
    expect(countBy(detail.warnings, (w) => w.code ?? '-')).toEqual({
      'overview-titel': 37,
      'overview-ohne-zeile': 1,
      'overview-neu': 1,
      'overview-neu-losgeloest': 1,
      'inline-list': 1,
      'unit-variant': 1,
      'missing-direction': 1,
      merged: 1,
    });
    expect(detail.warnings.every((w) => w.datei === name && w.zeile > 0)).toBe(true);
  });
});
