/**
 * Golden test over the real annual review 002 (data/sources/herne). How the expected figures were
 * counted by reading the document:
 * - events: the articles of "Öffentliche Veranstaltungen" (3), "Ferienprogramme, Projekte an
 *   Schulen" (5) and "Fachtage, Workshops, Qualifizierungen" (9) name 18 dated events in 15
 *   articles (the Frauenwoche article two, the Qualifizierung article two); two articles
 *   (Leseprojekt, Bloggen gegen Rassismus) name no date and no press release and are reported as
 *   not classified. The "Netzwerke" section adds the Integreat-Dialogforum (09.11.2023) and the
 *   offer "Laiensprachmittlungspool" the Host Town visit (13.06.): 19 events.
 * - offers: the 16 articles of "Laufende KI-Angebote" minus the two reports on the field
 *   "Zuwanderung aus Südosteuropa": 14 offers.
 * - networks: the HSU-Netzwerk (article), the Projektgruppe Interkulturelle Erziehung in der KiTa
 *   (PGI) renamed in Nov. 2023 to "AK Vielfalt – Bildung und Erziehung in der KiTa" (two records,
 *   linked as predecessor/successor), the Herner Integrationsnetzwerk HIN, the Lenkungskreis
 *   Zuwanderung Südosteuropa and the Präventionsnetzwerk gegen Gewalt … (founded 2021): 6.
 * - bodies: the Integrationsrat (23 members, term 5 years) with 5 session dates in 2024.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../../util/project-root';
import { parseJahresrueckblick } from './parse';
import { findDates } from './dates';

const FILE = '002_f4ed1d705e4e74d9.txt';
const text = fs.readFileSync(path.join(projectPath('data/sources/herne'), FILE), 'utf8');
const { document: doc, warnings } = parseJahresrueckblick({ name: FILE, text });

const EXPECTED_EVENTS: [title: string, start: string, end: string | null, precision: 'tag' | 'monat'][] = [
  ['Frauen stärken Frauen', '2023-03-08', null, 'tag'],
  ['Info-Tag für multikulturelle Frauen', '2023-03-16', null, 'tag'],
  ['Herkules-Fest', '2023-06-17', '2023-06-18', 'tag'],
  ['Bildungs- und Integrationskonferenz 2023', '2023-10-25', null, 'tag'],
  ['Ferienprogramm an der Josefschule', '2023-04-01', '2023-04-30', 'monat'],
  ['Kinder lernen „Sport&Sprache“ im Wanner-Kanu-Verein', '2023-06-01', '2023-06-30', 'monat'],
  ['Ferienprogramm: „FIT in Deutsch“', '2023-06-26', '2023-07-07', 'tag'],
  ['Mitwirkung an der Wanderausstellung „Toleranz-Räume machen Halt in Herne“', '2023-08-22', null, 'tag'],
  ['Bleib cool – Überlebenstraining für starke Frauen', '2023-03-22', null, 'tag'],
  ['Kommunales Integrationsmanagement eingeführt', '2023-05-05', null, 'tag'],
  ['Fachtag zur kulturbewussten Eingewöhnung in Kitas', '2023-05-16', null, 'tag'],
  ['Qualifizierungsangebot für pädagogische Fachkräfte in Schulen', '2023-11-01', '2023-11-30', 'monat'],
  ['Qualifizierungsangebot zum Thema „Kommunikations- und Deeskalationsstrategien im Unterricht“ für Sonderpädagog*innen', '2023-06-06', null, 'tag'],
  ['Workshop zu historischen und kulturellen Hintergründen der Roma & Ansätze des Antirromaismus', '2023-10-01', '2023-10-31', 'monat'],
  ['Betreuungskräfte für Demenzkranke zertifiziert', '2023-11-03', null, 'tag'],
  ['Workshop "Arbeitsmarktintegration von Roma in Deutschland"', '2023-12-01', '2023-12-31', 'monat'],
  ['Vertrauen macht Schule - Qualifizierungen für Fachkräfte in Schule und Kita', '2023-10-01', '2024-06-30', 'monat'],
  ['Integreat Dialogforum', '2023-11-09', null, 'tag'],
  ['Mitwirkung des KI am Host Town-Programm der Special Olympics 2023', '2023-06-13', null, 'tag'],
];

describe('the annual review 002 (golden)', () => {
  it('is the review of 2023', () => {
    expect(doc.jahr).toBe(2023);
    expect(doc.titel).toBe('Jahresrückblick 2023');
    expect(doc.vorwort).toMatch(/^wir freuen uns sehr/);
  });

  it('finds 19 events, each with its date parsed as ISO 8601', () => {
    expect(doc.veranstaltungen.map((e) => [e.titel, e.beginn, e.ende, e.genauigkeit])).toEqual(EXPECTED_EVENTS);
    for (const e of doc.veranstaltungen) {
      expect(e.beginn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(e.beginn))).toBe(false);
      expect(e.quelle.datei).toBe(FILE);
      expect(e.quelle.zeile).toBeGreaterThan(100);
    }
    expect(new Set(doc.veranstaltungen.map((e) => e.schluessel)).size).toBe(19);
  });

  it('reads times, venues, participants, organisers and partners where printed', () => {
    const infoTag = doc.veranstaltungen.find((e) => e.beginn === '2023-03-16')!;
    expect(infoTag).toMatchObject({ uhrzeitVon: '10:00', uhrzeitBis: '15:00', ort: 'Innovationszentrum', adresse: 'Westring 303, 44629 Herne' });
    expect(infoTag.veranstalter).toEqual(['Regionalagentur Mittleres Ruhrgebiet']);
    const kim = doc.veranstaltungen.find((e) => e.beginn === '2023-05-05')!;
    expect(kim).toMatchObject({ ort: 'Stadtteilzentrum Pluto', stadtteil: 'Wanne', teilnehmende: 75 });
    const bleibCool = doc.veranstaltungen.find((e) => e.beginn === '2023-03-22')!;
    expect(bleibCool).toMatchObject({ teilnehmende: 15, stadtteil: 'Herne-Mitte', veranstalter: ['Kommunales Integrationszentrum'], partner: ['gfi'] });
    expect(bleibCool.zielgruppen).toContain('Frauen');
    const kita = doc.veranstaltungen.find((e) => e.beginn === '2023-05-16')!;
    expect(kita.veranstalter).toEqual(['Projektgruppe Interkulturelle Erziehung in der KiTa (PGI)']);
    expect(doc.veranstaltungen.find((e) => e.beginn === '2023-06-26')!.teilnehmende).toBe(150);
    expect(doc.veranstaltungen.find((e) => e.beginn === '2023-06-13')!.angebot).toBe('jr:an:der-laiensprachmittlungspool');
  });

  it('finds 14 offers with languages, districts, venues and schedules', () => {
    expect(doc.angebote).toHaveLength(14);
    const cafe = doc.angebote.find((o) => o.titel === 'CaféO')!;
    expect(cafe.sprachen).toEqual(['Deutsch', 'Englisch', 'Türkisch', 'Arabisch', 'Französisch']);
    expect(cafe.zeiten).toBe('jeden Donnerstag von 10.00 bis 12.00 Uhr');
    expect(cafe.partner).toEqual(['Deutsches Rotes Kreuz – Kreisverband Herne und Wanne-Eickel', 'gfi']);
    const groups = doc.angebote.find((o) => o.titel.startsWith('Eltern-Kind-Gruppen'))!;
    expect(groups.zielgruppen).toContain('Kinder von 1–3 Jahren');
    expect(groups.stadtteile).toContain('Wanne');
    expect(groups.orte).toHaveLength(18);
    expect(groups.partner).toEqual(['AK Vielfalt – Bildung und Erziehung in der KiTa']);
    expect(doc.angebote.find((o) => o.titel === 'Rucksack-Kita')!.orte).toHaveLength(13);
  });

  it('finds 6 networks, the renamed working group linked to its successor', () => {
    expect(doc.netzwerke.map((n) => n.name).sort()).toEqual(
      [
        'AK Vielfalt – Bildung und Erziehung in der KiTa',
        'Herner HSU-Netzwerk',
        'Herner Integrationsnetzwerk',
        'Lenkungskreis Zuwanderung Südosteuropa',
        'Projektgruppe Interkulturelle Erziehung in der KiTa',
        'Präventionsnetzwerk gegen Gewalt und gruppenbezogene Menschenfeindlichkeit',
      ].sort(),
    );
    const pgi = doc.netzwerke.find((n) => n.kurzname === 'PGI')!;
    const ak = doc.netzwerke.find((n) => n.kurzname === 'AK Vielfalt')!;
    expect(pgi.status).toBe('umbenannt');
    expect(ak).toMatchObject({ vorgaenger: pgi.schluessel, seit: 'Nov. 2023', status: 'aktiv' });
    expect(ak.mitglieder).toContain('Kommunales Integrationszentrum');
    // Only the renamed group has a predecessor: the text names no other.
    expect(doc.netzwerke.filter((n) => n.vorgaenger).map((n) => n.name)).toEqual([ak.name]);
    expect(doc.netzwerke.find((n) => n.name.startsWith('Lenkungskreis'))!.rhythmus).toBe('quartalsweise');
    expect(doc.netzwerke.find((n) => n.name.startsWith('Präventionsnetzwerk'))!.gegruendet).toBe('2021');
  });

  it('finds the Integrationsrat with its 5 session dates', () => {
    expect(doc.gremien).toHaveLength(1);
    const rat = doc.gremien[0]!;
    expect(rat).toMatchObject({ name: 'Integrationsrat der Stadt Herne', mitglieder: 23, amtszeit: '5 Jahre', vorsitzOrganisationen: ['Migrantenbündnis Herne'] });
    expect(rat.sitzungen.map((s) => s.datum)).toEqual(['2024-02-14', '2024-04-10', '2024-06-04', '2024-09-04', '2024-11-19']);
  });

  it('reads the contact points once each, with unit and function', () => {
    const keys = doc.kontakte.map((c) => c.schluessel);
    expect(new Set(keys).size).toBe(keys.length);
    // The staff list names 26 people under three units (one post is vacant, "N. N."); the offers' contact blocks name no one else.
    expect(doc.kontakte.filter((c) => c.art === 'person').length).toBe(26);
    expect(doc.kontakte.filter((c) => c.art === 'anlaufstelle').map((c) => c.email)).toEqual(['sprachmittlung@herne.de']);
    for (const c of doc.kontakte.filter((k) => k.art === 'person')) {
      expect(c.einheit).toMatch(/^Fachbereich 34 – 34\//);
      expect(c.telefon).toMatch(/^02323\/16-\d{4}$/);
    }
  });

  it('reports what it could not classify, without personal data', () => {
    expect(doc.nichtKlassifiziert.map((n) => n.titel)).toEqual([
      'Das KI heißt seine neuen Kolleg*innen herzlich Willkommen',
      'Die neue KI-Homepage',
      '699.625 Euro für Herne',
      'Leseprojekt „zweisprachige Abenteuer in Grundschulen“',
      'Bloggen gegen Rassismus und Hate-Speech im Netz',
      'Neues und Bewährtes im Themenfeld "Zuwanderung aus Südosteuropa"',
      'Aufbau der neuen Organisationsstruktur im Themenfeld "Zuwanderung aus Südosteuropa"',
      'Das KI wird zum eigenen Fachbereich',
    ]);
    const all = JSON.stringify(warnings);
    for (const c of doc.kontakte) {
      if (c.name) expect(all).not.toContain(c.name);
      if (c.telefon) expect(all).not.toContain(c.telefon);
    }
    expect(warnings.every((w) => w.datei === FILE && w.zeile > 0)).toBe(true);
  });
});

describe('date mentions', () => {
  it('ignores press release dates and starts of something lasting', () => {
    expect(findDates('(Pressemeldung der Stadt Herne vom 09. Mai 2023)', 2023)).toEqual([]);
    expect(findDates('Der Zyklus beginnt ab dem 01. März 2024 und endet im November 2024.', 2023)).toEqual([]);
    expect(findDates('Das CaféO entstand am 16. April 2018 in Kooperation.', 2023)).toEqual([]);
  });
  it('completes a missing year and reads ranges', () => {
    expect(findDates('am 17. und 18. Juni im Park', 2023).map((d) => [d.start, d.end])).toEqual([['2023-06-17', '2023-06-18']]);
    expect(findDates('Am Freitag, 03. November 2023, erhielten sie', 2023).map((d) => d.start)).toEqual(['2023-11-03']);
    expect(findDates('am 31.02.2023', 2023)).toEqual([]);
  });
});
