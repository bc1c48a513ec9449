/**
 * Golden test over Herne's documents 000 (whole catalogue) and 004 (Interkulturelle Öffnung
 * again). The expected numbers were taken from reading the documents record by record and
 * checked with grep (e.g. `grep -c '^## Handlungsfeld Bildung'` = 31 records); they are not
 * a copy of the parser's output.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IkMassnahme, IntegrationskonzeptCatalogue, ParseResult } from '../types';
import { looksLikeIntegrationskonzept, parseIntegrationskonzept } from './parse';

const DIR = new URL('../../../../../data/sources/herne/', import.meta.url);
const F000 = '000_3e59e29afaedd339.txt';
const F004 = '004_7af2113a3dd62404.txt';
const read = (name: string) => ({ name, text: readFileSync(new URL(name, DIR), 'utf8') });

const IKOE = 'Interkulturelle Öffnung der Stadtverwaltung Herne';

const result = parseIntegrationskonzept([read(F000), read(F004)]);
const catalogue = result.catalogues[0]!;

function measure(r: ParseResult<IntegrationskonzeptCatalogue>, feld: string, code: string, nummer: string): IkMassnahme {
  const m = r.catalogues[0]!.handlungsfelder
    .find((f) => f.name === feld)
    ?.leitziele.flatMap((l) => l.handlungsziele)
    .find((h) => h.code === code)
    ?.massnahmen.find((x) => x.nummer === nummer);
  if (!m) throw new Error(`${feld} ${code}/${nummer} fehlt`);
  return m;
}
const m = (feld: string, code: string, nummer: string) => measure(result, feld, code, nummer);
const allMeasures = catalogue.handlungsfelder.flatMap((f) => f.leitziele.flatMap((l) => l.handlungsziele.flatMap((h) => h.massnahmen)));
const warningsOf = (code: string) => result.warnings.filter((w) => w.code === code);

describe('Herne Integrationskonzept – catalogue', () => {
  it('is detected and read as one catalogue with title block and foreword', () => {
    expect(looksLikeIntegrationskonzept(read(F000).text)).toBe(true);
    expect(looksLikeIntegrationskonzept(read(F004).text)).toBe(true);
    expect(looksLikeIntegrationskonzept(read('003_bbd5bb4a4c8190b2.txt').text)).toBe(false);
    expect(looksLikeIntegrationskonzept(read('001_f19880d6793d593d.txt').text)).toBe(false);
    expect(result.catalogues).toHaveLength(1);
    expect(catalogue.title).toBe('Vielfalt in Herne – Gesamtstädtisches Integrationskonzept');
    expect(catalogue.subtitle).toBe('Aktualisierung der Maßnahmen');
    expect(catalogue.stand).toBe('Oktober 2019');
    expect(catalogue.herausgeber?.split('\n').slice(0, 2)).toEqual(['Stadt Herne – Der Oberbürgermeister', 'Kommunales Integrationszentrum']);
    expect(catalogue.vorwort?.startsWith('Auf der 2. Integrationskonferenz am 17.11.2016')).toBe(true);
    expect(catalogue.vorwort?.split('\n\n')).toHaveLength(7);
    expect(catalogue.vorwort).toContain('in den sechs Handlungsfeldern Ausbildung und Arbeit, Bildung,');
    expect(catalogue.quelle).toEqual({ datei: F000, zeile: 5 });
  });

  it('has the six Handlungsfelder with their Leitziele', () => {
    expect(catalogue.handlungsfelder.map((f) => [f.name, f.leitziele.map((l) => l.letter).join('')])).toEqual([
      ['Ausbildung und Arbeit', 'ABCD'],
      ['Bildung', 'AB'],
      ['Gesundheit', 'ABCDE'],
      [IKOE, 'ABDE'],
      ['Kultur', 'ABCD'],
      ['Wohnen und Stadtentwicklung', 'AB'],
    ]);
  });

  it('counts measures and gaps per Handlungsfeld', () => {
    const counts = catalogue.handlungsfelder.map((f) => {
      const ms = f.leitziele.flatMap((l) => l.handlungsziele.flatMap((h) => h.massnahmen));
      return [f.name, ms.length, ms.filter((x) => x.luecke).length];
    });
    expect(counts).toEqual([
      ['Ausbildung und Arbeit', 38, 0],
      ['Bildung', 31, 0],
      ['Gesundheit', 48, 0],
      [IKOE, 10, 4],
      ['Kultur', 24, 1],
      ['Wohnen und Stadtentwicklung', 9, 0],
    ]);
    expect(allMeasures).toHaveLength(160);
  });

  it('counts measures per Handlungsziel, numbers as printed', () => {
    const perHz = Object.fromEntries(
      catalogue.handlungsfelder.map((f) => [
        f.name,
        Object.fromEntries(f.leitziele.flatMap((l) => l.handlungsziele.map((h) => [h.code, h.massnahmen.map((x) => x.nummer).join(',')]))),
      ]),
    );
    expect(perHz).toEqual({
      'Ausbildung und Arbeit': {
        A1: '1,2,3,4', A2: '1,2,3', A3: '1,2', A4: '1,2,3,4', A5: '1', A6: '1', A7: '1,2', A8: '1', A9: '1,2,3,4,5',
        B1: '1,2,3.1,3.2', C1: '1', D1: '1,2', D2: '1,2', D3: '1', D4: '1,2', D5: '1', D6: '1,2',
      },
      Bildung: { A1: '1,2,3,4,5,6,7,8,9', A2: '1', B1: '2,3,4,5,6,7,8,9', B2: '1,2,3,4,5,6,7,8,9,10,11,12,13' },
      Gesundheit: {
        A1: '1,2,3,4,5,6', A2: '1,2,3,4,5,6', B1: '1,2,3,4,5,6,7,8,9,10', B2: '1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16',
        B3: '1,2,3,4', B4: '1', C1: '1', D1: '1', D2: '1', D3: '1', E1: '1',
      },
      [IKOE]: { A1: '1', A2: '1,2,3', B1: '1', B2: '1,2', D1: '1', D2: '1', E1: '1' },
      Kultur: { A2: '1', B2: '1,2,3,4', B3: '1,2,3,4,5,6,7', C1: '1,2,3', C2: '1', C3: '1,2,3', C4: '1,2', D1: '1', D2: '1', D3: '1' },
      'Wohnen und Stadtentwicklung': { A1: '1', A2: '1', A3: '1,2', B1: '1', B2: '1,2,3', B3: '1' },
    }); // prettier-ignore
  });

  it('marks the five gaps and keeps their fields', () => {
    const gaps = catalogue.handlungsfelder.flatMap((f) =>
      f.leitziele.flatMap((l) => l.handlungsziele.flatMap((h) => h.massnahmen.filter((x) => x.luecke).map((x) => `${f.name}/${h.code}/${x.nummer}`))),
    );
    expect(gaps).toEqual([`${IKOE}/A1/1`, `${IKOE}/B1/1`, `${IKOE}/B2/1`, `${IKOE}/E1/1`, 'Kultur/B3/1']);
    const e1 = m(IKOE, 'E1', '1');
    expect(e1.text).toBe('Es wurde keine explizite Maßnahme formuliert.');
    expect(e1.verantwortlich).toEqual(['Fachbereich Personal und Zentraler Service', 'Fachbereich Kinder-Jugend-Familie']);
    expect(e1.zielgruppe).toBe('Städtische Bedienstete');
    expect(e1.status).toBe('Das bestehende Angebot wird weiterhin ausgebaut.');
    expect(m('Kultur', 'B3', '1').text).toBe('Eine Maßnahme wurde nicht formuliert, da es sich bei der gegenseitigen Unterstützung um eine Daueraufgabe handelt.');
    expect(m('Kultur', 'B3', '1').verantwortlich).toEqual(['Fachbereich Kultur', 'Pressebüro', 'Kommunales Integrationszentrum']);
  });

  it('keeps the first wording of repeated goal texts', () => {
    const aua = catalogue.handlungsfelder[0]!;
    expect(aua.leitziele[0]!.text).toBe('Praktikums- und Ausbildungsplatzangebote sind dem Herner Bedarf entsprechend in ausreichendem Maße vorhanden.');
    expect(aua.leitziele[3]!.text).toBe(
      'Die Akteure*innen im Handlungsfeld Ausbildung und Arbeit schaffen Strukturen zum Einstieg in qualifizierte Beschäftigung und zur nachhaltigen Fachkräftesicherung in Herne.',
    );
    const bildung = catalogue.handlungsfelder[1]!;
    expect(bildung.leitziele[1]!.text).toBe('In Herne zählt jede individuelle Bildungsbiografie.');
    const a1 = bildung.leitziele[0]!.handlungsziele[0]!;
    expect(a1.text).toBe(
      'Alle „Bildungseinrichtungen entlang der Bildungskette“ bieten für Eltern aus Migrantenfamilien gezielte, regelmäßige, zielgruppenspezifische Angebote zur Elternbildung an.',
    );
    expect(a1.fussnoten).toEqual(['Gemeint sind alle Bildungseinrichtungen im Sinne lebenslangen Lernens von der Frühförderung bis zur Erwachsenenbildung']);
    const gesundheitA2 = catalogue.handlungsfelder[2]!.leitziele[0]!.handlungsziele[1]!;
    expect(gesundheitA2.text.startsWith('Pflegerische Angehörige')).toBe(true);
  });
});

describe('Herne Integrationskonzept – measures field by field', () => {
  it('Ausbildung und Arbeit A1/1: "Zuständige Stellen wie …", inline Verantwortlich', () => {
    const x = m('Ausbildung und Arbeit', 'A1', '1');
    expect(x.quelle).toEqual({ datei: F000, zeile: 53 });
    expect(x.text).toBe(
      'Die Kammern werben ihrem gesetzlichen Auftrag gemäß (z.B. Berufsbildungsgesetz, Handwerksordnung u.a.) für die Bereitstellung von Praktikums- und Ausbildungsplätzen.',
    );
    expect(x.verantwortlichText).toBe('Zuständige Stellen wie Industrie- und Handelskammer (IHK), Handwerkskammer, Kreishandwerkerschaft Herne');
    expect(x.verantwortlich).toEqual(['Industrie- und Handelskammer Mittleres Ruhrgebiet (IHK)', 'Handwerkskammer', 'Kreishandwerkerschaft Herne']);
    expect(x.zielgruppe).toBe('Mitgliedsunternehmen der zuständigen Stellen');
    expect(x.status).toBe('Regelangebot');
    expect(x.bemerkungen.split('\n')[0]).toBe('Die Zuständigkeit bezieht sich auf die Region Mittleres Ruhrgebiet mit den Städten Bochum, Hattingen, Herne und Witten.');
  });

  it('Ausbildung und Arbeit A1/4: "Maßnahme 4 :", JobCenter/Jobcenter, two-line status', () => {
    const x = m('Ausbildung und Arbeit', 'A1', '4');
    expect(x.quelle.zeile).toBe(80);
    expect(x.verantwortlichText).toBe('Agentur für Arbeit, Jobcenter, Kommune (Jugendhilfe)');
    expect(x.verantwortlich).toEqual(['Agentur für Arbeit', 'Jobcenter', 'Fachbereich Kinder-Jugend-Familie']);
    expect(x.zielgruppe).toBe('Jugendliche im Übergang Schule-Beruf, vor allem Jugendliche mit Startschwierigkeiten und ohne adäquate Anschlussperspektive');
    expect(x.status).toBe('Regelangebot\nDie Jugendberufsagentur befindet sich in der Geschäftsstelle der Agentur für Arbeit Herne, Markgrafenstraße 9');
  });

  it('Ausbildung und Arbeit A2/1: bullet list in the measure text', () => {
    const x = m('Ausbildung und Arbeit', 'A2', '1');
    const lines = x.text.split('\n');
    expect(lines).toHaveLength(11);
    expect(lines[1]).toBe('- Berufsorientierungsveranstaltungen inklusive Erläuterungen der Selbstinformationseinrichtungen in der Jahrgangsstufe 8 im Berufsinformationszentrum (BIZ) der Agentur für Arbeit Bochum');
    expect(lines[10]).toBe('- Ärztlicher und psychologischer Service zur Eignungsfeststellung');
    expect(x.verantwortlich).toEqual(['Agentur für Arbeit']);
    expect(x.zielgruppe).toBe('Schülerinnen und Schüler ab der Jahrgangsstufe 8');
    expect(x.status).toBe('Dies sind Regelangebote im Rahmen von KAOA, abgestimmt auf das jeweilige Schuljahr.');
    expect(x.bemerkungen).toBe('');
  });

  it('Ausbildung und Arbeit B1/2: KAoA with the typo "ohne Abschluss" → canonical actor, typo kept as alias', () => {
    const x = m('Ausbildung und Arbeit', 'B1', '2');
    expect(x.verantwortlichText).toBe('Koordinierungsstelle „Kein Abschluss ohne Abschluss“ (KAoA)');
    expect(x.akteure).toEqual([
      { name: 'Koordinierungsstelle „Kein Abschluss ohne Anschluss“ (KAoA)', alias: 'Koordinierungsstelle „Kein Abschluss ohne Abschluss“ (KAoA)' },
    ]);
    expect(x.zielgruppe).toBe('Schülerinnen und Schüler aller Schulformen in der Jahrgangsstufe 8');
    expect(x.status.split('\n\n')[1]).toBe('Alle weiterführenden Herne Schulen sind in den KAoA-Prozess eingebunden.'); // typo stays
  });

  it('Ausbildung und Arbeit B1/3.2: markdown record that switches to tab rows', () => {
    const x = m('Ausbildung und Arbeit', 'B1', '3.2');
    expect(x.quelle.zeile).toBe(297);
    expect(x.text.split('\n').filter((l) => l.startsWith('- '))).toHaveLength(6);
    expect(x.text).toContain('festlegen kann: http://www.ihklehrstellenboerse.de');
    expect(x.verantwortlich).toEqual(['Industrie- und Handelskammer Mittleres Ruhrgebiet (IHK)']);
    expect(x.zielgruppe).toBe('Mitgliedsunternehmen der Industrie- und Handelskammer, die Ausbildungsplätze anbieten und Ausbildungsplatzsuchende');
    expect(x.status).toBe('Regelangebot');
  });

  it('Ausbildung und Arbeit D3/1 and D5/1: "u." between actors, "Maßnahme : 1"', () => {
    const d3 = m('Ausbildung und Arbeit', 'D3', '1');
    expect(d3.verantwortlichText).toBe('Integration Point, JobCenter u. FB 31/4 (VHS)');
    expect(d3.verantwortlich).toEqual(['Integration Point', 'Jobcenter', 'Volkshochschule Herne']);
    expect([d3.zielgruppe, d3.status, d3.bemerkungen]).toEqual(['Neuzugewanderte', 'Laufender Prozess', '']);
    const d5 = m('Ausbildung und Arbeit', 'D5', '1');
    expect(d5.quelle.zeile).toBe(391);
    expect(d5.text).toBe('Individueller Baukasten Aktivierung und Vermittlung - BKAV');
    expect(d5.verantwortlich).toEqual(['Gemeinnützige Beschäftigungsgesellschaft Herne (GBH)', 'Internationaler Bund (IB)']);
    expect(d5.status).toBe('11.06.2019 – 10.06.2020 (optionale Fortführung)');
  });

  it('Bildung B1/2: "Projektstatus" label, FB → Fachbereich', () => {
    const x = m('Bildung', 'B1', '2');
    expect(x.verantwortlichText).toBe('FB 42/6 – Kindertagesbetreuung');
    expect(x.akteure).toEqual([{ name: 'Fachbereich 42/6 – Kindertagesbetreuung', alias: 'FB 42/6 – Kindertagesbetreuung' }]);
    expect(x.status).toBe('Laufzeit 01.01.2016 bis 31.12.2020 (Projekt)');
    expect(x.zielgruppe.startsWith('KiTas, die von einem überdurchschnittlich hohen Anteil')).toBe(true);
  });

  it('Bildung B1/3: no Bemerkungen row', () => {
    const x = m('Bildung', 'B1', '3');
    expect(x.verantwortlich).toEqual(['Kommunales Integrationszentrum']);
    expect(x.zielgruppe).toBe('Schüler/-innen der 4. Klassen an der o.g. Grundschule');
    expect(x.status).toBe('Das Liftkurs-Angebot wird bis zum Ende des Schuljahres 2019/20 durch Mittel der Anneliese-Brost-Stiftung gefördert.');
    expect(x.bemerkungen).toBe('');
  });

  it('Gesundheit A1/5 and A1/6: bold Verantwortlich over two lines, markdown Bemerkungen in two paragraphs', () => {
    const a5 = m('Gesundheit', 'A1', '5');
    expect(a5.verantwortlichText).toBe('Arbeiterwohlfahrt (AWO), Fachbereich Soziales/Seniorenberatung');
    expect(a5.verantwortlich).toEqual(['Arbeiterwohlfahrt Ruhr-Mitte (AWO)', 'Fachbereich Soziales/Seniorenberatung']);
    expect(a5.zielgruppe).toBe('Senioren/-innen, Pflegebedürftige und Angehörige mit Migrationshintergrund, Fachkräfte aus dem Bereich Pflege');
    expect(a5.status).toBe('Dieses Angebot findet jährlich im Rahmen der Gesundheitswoche statt.');
    const a6 = m('Gesundheit', 'A1', '6');
    expect(a6.verantwortlich).toEqual(['Pflegestützpunkte', 'Seniorenberatungsstellen']);
    expect(a6.status).toBe('Das ist ein Regelangebot.');
    expect(a6.bemerkungen.split('\n\n')).toHaveLength(2);
  });

  it('Gesundheit B2/3: actors run together over a line break', () => {
    const x = m('Gesundheit', 'B2', '3');
    expect(x.verantwortlich).toEqual(['Gleichstellungsstelle', 'Kommunales Integrationszentrum', 'weitere Netzwerkpartner/-innen']);
    expect(x.zielgruppe).toBe('Frauen mit Migrationshintergrund');
    expect(x.status).toBe('Es handelt sich um ein Regelangebot.');
    expect(x.text).toContain('Eltern_Schule-Gruppen'); // markdown escape "\_" removed
  });

  it('Kultur C4/2 and Wohnen B3/1: typo in an actor, qualifier in parentheses', () => {
    const c4 = m('Kultur', 'C4', '2');
    expect(c4.akteure).toEqual([
      { name: 'Grundschule Claudiusstraße', alias: 'Grundschole Claudiusstraße' },
      { name: 'Kommunales Integrationszentrum', alias: null },
    ]);
    expect(c4.status).toBe('Das Angebot wird als Regelangebot fortgeführt.'); // "Projektstatus"
    const w = m('Wohnen und Stadtentwicklung', 'B3', '1');
    expect(w.verantwortlich).toEqual(['Fachbereich Umwelt und Stadtplanung']);
    expect(w.verantwortlichText).toBe('Fachbereich Umwelt und Stadtplanung (Bündnis für Wohnen)');
    expect([w.zielgruppe, w.bemerkungen]).toEqual(['Wohnungssuchende', '']);
  });

  it('Kultur C3/1: one measure with ten offers', () => {
    const x = m('Kultur', 'C3', '1');
    expect(x.angebote?.map((o) => `${o.verantwortlich.join('+')}: ${o.titel}`)).toEqual([
      'Kulturbüro: Kulturrucksack',
      'Kulturbüro: Kulturstrolche',
      'Stadtbibliothek Herne: Bilderbuchkino, zweisprachige Vorlesestunden',
      'Stadtbibliothek Herne: Projekt Lesestart (3 Meilensteine für das Lesen)',
      'Stadtbibliothek Herne: Einführungen- bzw. Fortbildungen für Multiplikatoren/-innen',
      'Stadtbibliothek Herne: Projekt „Übergänge gestalten mit Herner Kulturanbietern“',
      'Stadtbibliothek Herne: SommerLeseclub / Leseclub Junior',
      'Emschertal-Museum: Zweisprachige Führungen und zahlreiche Veranstaltungen zum Mitmachen',
      'Emschertal-Museum: Kulturmäuse und Kulturmäuse interkulturell',
      'Städtische Musikschule: JeKits – Jedem Kind Instrumente, Tanzen, Singen',
    ]);
    expect(x.verantwortlich).toEqual(['Kulturbüro', 'Stadtbibliothek Herne', 'Emschertal-Museum', 'Städtische Musikschule']);
    expect(x.angebote![5]!.status).toBe(
      'Dies ist ein regelmäßig stattfindendes Angebot seit 2011, seit 2013 finanziert aus Mitteln des Familienzentrums.\nZurzeit sind das Familienzentrum Baukau (2 Kitas) und die Grundschule Forellstraße beteiligt.',
    );
    expect(x.angebote![9]!.status).toBe(''); // JeKits has no status row
    expect(x.bemerkungen).toBe('Im Folgenden werden einzelne Angebote von unterschiedlichen Institutionen des Fachbereiches Kultur aufgeführt, die sich inhaltlich auf diese Maßnahme beziehen.');
  });
});

describe('Herne Integrationskonzept – cross-references', () => {
  const refs = catalogue.handlungsfelder.flatMap((f) =>
    f.leitziele.flatMap((l) =>
      l.handlungsziele.flatMap((h) => h.massnahmen.flatMap((x) => x.querverweise.map((q) => ({ from: `${f.name}/${h.code}/${x.nummer}`, q, x })))),
    ),
  );

  it('finds the twelve references printed in 000', () => {
    expect(refs.map((r) => [r.from, r.q.handlungsfeld, r.q.handlungsziel, r.q.nummer])).toEqual([
      ['Ausbildung und Arbeit/A2/3', null, 'B1', '2'],
      ['Ausbildung und Arbeit/B1/2', null, 'A2', '3'],
      ['Bildung/A1/5', IKOE, 'B2', '1'],
      ['Bildung/B1/7', 'Gesundheit', 'D1', '1'],
      ['Gesundheit/A1/4', null, 'A2', '1'],
      ['Gesundheit/A2/1', null, 'A1', '4'],
      ['Gesundheit/B2/7', 'Bildung', 'A1', '4'],
      ['Gesundheit/B3/1', null, 'B1', '7'],
      ['Gesundheit/C1/1', IKOE, null, null],
      ['Gesundheit/D1/1', 'Bildung', 'B1', '12'],
      ['Gesundheit/E1/1', null, 'D3', '1'],
      ['Kultur/B2/1', null, 'A2', '1'],
    ]);
    expect(refs.find((r) => r.from === 'Bildung/A1/5')!.q.text).toBe('Siehe auch: Handlungsfeld IKÖ Handlungsziel B2 Maßnahme 1');
  });

  it('resolves every reference or reports it', () => {
    for (const { q, x } of refs) {
      if (q.ziel) {
        expect(measure(result, q.ziel.handlungsfeld, q.ziel.handlungsziel, q.ziel.nummer)).toBeDefined();
        continue;
      }
      const reported = result.warnings.some(
        (w) => w.code === 'unresolved-reference' && w.datei === x.quelle.datei && w.zeile >= x.quelle.zeile && w.zeile <= x.quelle.zeile + 25,
      );
      expect(reported, q.text).toBe(true);
    }
    expect(refs.filter((r) => r.q.ziel)).toHaveLength(10);
  });

  it('names the evident target of the three broken references', () => {
    expect(warningsOf('unresolved-reference').map((w) => [w.zeile, w.meldung])).toEqual([
      [
        1506,
        'Querverweis in Maßnahme 1, Handlungsziel C1 (Gesundheit) nennt nur das Handlungsfeld Interkulturelle Öffnung der Stadtverwaltung Herne, keine Maßnahme; gemeint ist offenbar Handlungsfeld Interkulturelle Öffnung der Stadtverwaltung Herne, Handlungsziel B2, Maßnahme 2 („Implementierung eines Sprach- und …“).',
      ],
      [
        1515,
        'Querverweis in Maßnahme 1, Handlungsziel D1 (Gesundheit) auf „Handlungsfeld Bildung, Handlungsziel B1, Maßnahme 12“ nicht auflösbar: Handlungsziel B1 hat keine Maßnahme 12; gemeint ist offenbar Handlungsziel B1, Maßnahme 7 („Das Kommunale Integrationszentrum führt in …“).',
      ],
    ]);
    // B3/1 says it is "die gleiche Maßnahme wie … B1, Maßnahme 7" (the swimming course); its text is that of B1/6 (InHa)
    expect(warningsOf('suspicious-reference').map((w) => [w.zeile, w.meldung])).toEqual([
      [
        1403,
        'Querverweis in Maßnahme 1, Handlungsziel B3 (Gesundheit): „Leitziel B, Handlungsziel B1, Maßnahme 7“ („Der Turnverein Wanne bietet ab Februar 2017 ein …“) ist nicht die gleiche Maßnahme; gemeint ist offenbar Handlungsziel B1, Maßnahme 6 („Im Rahmen des durch das Bundesministerium für …“).',
      ],
    ]);
  });
});

describe('Herne Integrationskonzept – 004 merge', () => {
  const only000 = parseIntegrationskonzept([read(F000)]);
  const only004 = parseIntegrationskonzept([read(F004)]);

  it('004 holds the same ten records of Interkulturelle Öffnung as 000', () => {
    const ikoe004 = only004.catalogues[0]!.handlungsfelder;
    expect(ikoe004.map((f) => f.name)).toEqual([IKOE]);
    const keys = (r: ParseResult<IntegrationskonzeptCatalogue>) =>
      r.catalogues[0]!.handlungsfelder
        .find((f) => f.name === IKOE)!
        .leitziele.flatMap((l) => l.handlungsziele.flatMap((h) => h.massnahmen.map((x) => `${h.code}/${x.nummer}${x.luecke ? ' (Lücke)' : ''}`)));
    expect(keys(only004)).toEqual(['A1/1 (Lücke)', 'A2/1', 'A2/2', 'A2/3', 'B1/1 (Lücke)', 'B2/1 (Lücke)', 'B2/2', 'D1/1', 'D2/1', 'E1/1 (Lücke)']);
    expect(keys(only004)).toEqual(keys(only000));
    expect(measure(only004, IKOE, 'A2', '1').quelle).toEqual({ datei: F004, zeile: 17 });
  });

  it('merges without duplicates: 000 stays the source, 004 is listed as further source', () => {
    const ikoe = catalogue.handlungsfelder.find((f) => f.name === IKOE)!;
    const ms = ikoe.leitziele.flatMap((l) => l.handlungsziele.flatMap((h) => h.massnahmen));
    expect(ms.map((x) => [x.quelle.zeile, x.weitereQuellen?.map((q) => `${q.datei}:${q.zeile}`)])).toEqual([
      [1554, [`${F004}:7`]],
      [1563, [`${F004}:17`]],
      [1572, [`${F004}:26`]],
      [1580, [`${F004}:34`]],
      [1589, [`${F004}:43`]],
      [1599, [`${F004}:53`]],
      [1611, [`${F004}:65`]],
      [1620, [`${F004}:74`]],
      [1629, [`${F004}:83`]],
      [1638, [`${F004}:92`]],
    ]);
    expect(ms.every((x) => x.quelle.datei === F000)).toBe(true);
    expect(allMeasures.filter((x) => x.quelle.datei === F004)).toHaveLength(0);
    expect(warningsOf('additional-record')).toHaveLength(0);
    expect(warningsOf('missing-in-secondary')).toHaveLength(0);
  });

  it('reports the one wording difference and keeps 000', () => {
    expect(warningsOf('version-difference')).toEqual([
      {
        datei: F004,
        zeile: 10,
        code: 'version-difference',
        meldung: `Maßnahme 1 in Handlungsziel A1 (${IKOE}): Status weicht von ${F000} Zeile 1556 ab – „Kommunaler“ statt „Kommunalen“; übernommen wird die Fassung aus ${F000}.`,
      },
    ]);
    expect(m(IKOE, 'A1', '1').status.split('\n').at(-1)).toBe('- Kommunalen Strategieprozess');
    expect(measure(only004, IKOE, 'A1', '1').status.split('\n').at(-1)).toBe('- Kommunaler Strategieprozess');
  });

  it('reads the same fields from both encodings (footnote "¹" vs "<sup>10</sup>", lists with and without <li>)', () => {
    for (const [code, nr] of [['A2', '1'], ['B2', '1'], ['B2', '2'], ['E1', '1']] as const) {
      const a = m(IKOE, code, nr);
      const b = measure(only004, IKOE, code, nr);
      expect([b.text, b.verantwortlich, b.zielgruppe, b.status, b.bemerkungen, b.fussnoten]).toEqual([
        a.text,
        a.verantwortlich,
        a.zielgruppe,
        a.status,
        a.bemerkungen,
        a.fussnoten,
      ]);
    }
    expect(m(IKOE, 'B2', '1').fussnoten).toEqual(['In Herne angekommen – Anlaufstellen für Bürgerinnen und Bürger aus Rumänien und Bulgarien']);
  });
});

describe('Herne Integrationskonzept – warnings', () => {
  it('reports numbering, structure and wording problems found in reading the documents', () => {
    expect(warningsOf('number-format').map((w) => w.zeile)).toEqual([80, 391]);
    expect(warningsOf('missing-number').map((w) => [w.zeile, w.meldung])).toEqual([
      [539, 'In Handlungsziel B1 (Bildung) fehlt Maßnahme 1; die Zählung beginnt bei 2.'],
    ]);
    expect(warningsOf('duplicate-number')).toHaveLength(0);
    expect(warningsOf('leitziel-mismatch').map((w) => w.zeile)).toEqual([537]);
    expect(warningsOf('composite-measure').map((w) => w.zeile)).toEqual([1797]);
    expect(warningsOf('missing-field').map((w) => w.zeile)).toEqual([1846]); // JeKits without status
    const variants = warningsOf('text-variant').map((w) => w.meldung.replace(/ \(\d+×.*?\):/, ':').replace(/; übernommen.*$/, ''));
    expect(variants).toEqual([
      'Leitziel A (Ausbildung und Arbeit) abweichend gedruckt: „Herneer“ statt „Herner“',
      'Leitziel A (Ausbildung und Arbeit) abweichend gedruckt: „Heraner“ statt „Herner“',
      'Handlungsziel A1 (Ausbildung und Arbeit) abweichend gedruckt: „Ausbildungsangebote“ statt „Ausbildungsplatzangebote“',
      'Handlungsziel A4 (Ausbildung und Arbeit) abweichend gedruckt: „Auch“ statt „Insbesondere auch“',
      'Leitziel D (Ausbildung und Arbeit) abweichend gedruckt: „Akteure/-innen“ statt „Akteure*innen“',
      'Handlungsziel D6 (Ausbildung und Arbeit) abweichend gedruckt: der Text ist der von Handlungsziel D5',
      'Leitziel B (Bildung) abweichend gedruckt: „Interkulturelle Öffnung der Bildungseinrichtungen“ statt „In Herne zählt jede individuelle Bildungsbiografie“', // diff excerpts ignore the final period
      'Handlungsziel A2 (Gesundheit) abweichend gedruckt: „Pflegende“ statt „Pflegerische“',
      'Handlungsziel B1 (Gesundheit) abweichend gedruckt: ohne „und Mädchen“',
      expect.stringMatching(/^Handlungsziel B3 \(Gesundheit\) abweichend gedruckt: /),
      'Leitziel D (Gesundheit) abweichend gedruckt: „psychosoziale“ statt „psychosozialen“',
      'Handlungsziel B2 (Wohnen und Stadtentwicklung) abweichend gedruckt: „verringert“ statt „beseitigt“',
    ]);
    expect(warningsOf('text-variant')[0]!.meldung).toContain('(4×, erstmals hier)'); // "Herneer" in four records
    expect(warningsOf('text-variant')[6]!.meldung).toContain('(19×, erstmals hier)');
  });

  it('every warning names a file and a line, in German, without personal data', () => {
    expect(result.warnings).toHaveLength(22);
    for (const w of result.warnings) {
      expect([F000, F004]).toContain(w.datei);
      expect(w.zeile).toBeGreaterThan(0);
      expect(w.meldung).not.toMatch(/@|\d{4,5} \d{2} \d{2}/);
    }
  });
});
