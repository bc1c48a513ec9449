import { describe, expect, it } from 'vitest';
import { ImportError, type IkMassnahme, type IntegrationskonzeptCatalogue, type ParseResult } from '../types';
import {
  BOLD_TAB_RECORD,
  GAP_RECORD,
  MARKDOWN_RECORD,
  PARAGRAPH_RECORD,
  PLAIN_RECORDS,
  T,
  TITLE_BLOCK,
  doc,
  plainRecord,
} from './fixtures';
import { looksLikeIntegrationskonzept, parseIntegrationskonzept } from './parse';

function parse(text: string, name = 'test.txt'): ParseResult<IntegrationskonzeptCatalogue> {
  return parseIntegrationskonzept([{ name, text }]);
}

function measure(result: ParseResult<IntegrationskonzeptCatalogue>, feld: string, code: string, nummer: string): IkMassnahme {
  const f = result.catalogues[0]!.handlungsfelder.find((x) => x.name === feld);
  const hz = f?.leitziele.flatMap((l) => l.handlungsziele).find((h) => h.code === code);
  const m = hz?.massnahmen.find((x) => x.nummer === nummer);
  if (!m) throw new Error(`Maßnahme ${feld}/${code}/${nummer} fehlt`);
  return m;
}

function codes(result: ParseResult<IntegrationskonzeptCatalogue>): string[] {
  return result.warnings.map((w) => w.code ?? '');
}

describe('title block and foreword', () => {
  it('go to the catalogue, not to records', () => {
    const r = parse(doc(TITLE_BLOCK, BOLD_TAB_RECORD));
    const c = r.catalogues[0]!;
    expect(c.kind).toBe('integrationskonzept');
    expect(c.title).toBe('Vielfalt in Teststadt – Gesamtstädtisches Integrationskonzept');
    expect(c.subtitle).toBe('Aktualisierung der Maßnahmen');
    expect(c.stand).toBe('Mai 2020');
    expect(c.herausgeber).toBe('Stadt Teststadt – Der Oberbürgermeister\nKommunales Integrationszentrum');
    expect(c.vorwort).toBe('Erster Absatz des Vorworts mit fetten Wörtern.\n\nZweiter Absatz.');
    expect(c.quelle).toEqual({ datei: 'test.txt', zeile: 2 });
    expect(c.handlungsfelder.map((f) => f.name)).toEqual(['Bildung']);
  });

  it('a file without title block gets a default title and a warning', () => {
    const r = parse(BOLD_TAB_RECORD);
    expect(r.catalogues[0]!.title).toBe('Gesamtstädtisches Integrationskonzept');
    expect(codes(r)).toContain('missing-title');
  });
});

describe('record encodings', () => {
  it('<b>Label</b><TAB>value with Verantwortlich inline after the measure text', () => {
    const m = measure(parse(BOLD_TAB_RECORD), 'Bildung', 'A1', '1');
    expect(m.text).toBe('Elterncafés an Schulen.');
    expect(m.verantwortlichText).toBe('FB 31 und Jobcenter');
    expect(m.verantwortlich).toEqual(['Fachbereich Schule und Weiterbildung', 'Jobcenter']);
    expect(m.akteure).toEqual([
      { name: 'Fachbereich Schule und Weiterbildung', alias: 'FB 31' },
      { name: 'Jobcenter', alias: null },
    ]);
    expect(m.zielgruppe).toBe('Eltern neu zugewanderter Kinder');
    // two spaces in a cell were a line break of the table
    expect(m.status).toBe('Regelangebot\nSeit 2016 an zwei Schulen');
    expect(m.bemerkungen).toBe('');
    expect(m.luecke).toBe(false);
    expect(m.quelle).toEqual({ datei: 'test.txt', zeile: 5 });
  });

  it('<p><b>Label</b></p> cells: bullets, paragraphs, entities, links, label variants', () => {
    const m = measure(parse(PARAGRAPH_RECORD), 'Bildung', 'A1', '2');
    expect(m.text).toBe('Angebote:\n- Elternabende\n- Sprechtage & Beratung');
    expect(m.verantwortlichText).toBe('Agentur für Arbeit, JobCenter u. a.');
    expect(m.verantwortlich).toEqual(['Agentur für Arbeit', 'Jobcenter']);
    expect(m.zielgruppe).toBe('Jugendliche');
    expect(m.status).toBe('Erster Absatz.\n\nZweiter Absatz mit Link.'); // "Projektstatus"
    expect(m.bemerkungen).toBe('Siehe auch Handlungsziel A1, Maßnahme 1.'); // "Bemerkung"
  });

  it('markdown headings, values in following paragraphs, "- " bullets, hard line breaks, escapes', () => {
    const m = measure(parse(MARKDOWN_RECORD), 'Bildung', 'A1', '3.1');
    expect(m.text).toBe('Es gibt Internetseiten:\n- Die Lehrstellenbörse: http://www.example.org\n- Das Portal example.net der IHK');
    expect(m.verantwortlichText).toBe('Arbeiterwohlfahrt (AWO), Fachbereich Soziales/Seniorenberatung');
    expect(m.verantwortlich).toEqual(['Arbeiterwohlfahrt Ruhr-Mitte (AWO)', 'Fachbereich Soziales/Seniorenberatung']);
    expect(m.zielgruppe).toBe('Eltern_Schule-Gruppen');
    expect(m.status).toBe('Erster Absatz.\n\nZweiter Absatz.');
    expect(m.bemerkungen).toBe('');
  });

  it('plain Label<TAB>value rows (004), Verantwortlich as its own row, list without <li>', () => {
    const r = parse(PLAIN_RECORDS);
    const m = measure(r, 'Gesundheit', 'B2', '4');
    expect(m.text).toBe('Vorsorge in KiTas.');
    expect(m.verantwortlich).toEqual(['Kommunales Integrationszentrum']);
    expect(m.status).toBe('Läuft:\n- Punkt eins\n- Punkt zwei');
  });

  it('label and value on separate lines (Leitziel, Handlungsziel, Maßnahme, Verantwortlich)', () => {
    const r = parse(PLAIN_RECORDS);
    const lz = r.catalogues[0]!.handlungsfelder[0]!.leitziele.find((l) => l.letter === 'C')!;
    expect(lz.text).toBe('Alle sind gut informiert.');
    expect(lz.handlungsziele[0]!.text).toBe('Sprachmittler stehen bereit.');
    const m = measure(r, 'Gesundheit', 'C1', '1');
    expect(m.text).toBe('Pool an Sprachmittlern');
    expect(m.verantwortlich).toEqual(['Kommunales Integrationszentrum']);
    expect(m.akteure).toEqual([{ name: 'Kommunales Integrationszentrum', alias: 'KI' }]);
    // a missing Status row leaves the field empty and is reported
    expect(m.status).toBe('');
    expect(r.warnings.find((w) => w.code === 'missing-field')?.meldung).toMatch(/Maßnahme 1 in Handlungsziel C1 \(Gesundheit\) ohne Status/);
  });

  it('one record switching encoding halfway (markdown, then <b>Label</b><TAB>value)', () => {
    const text = doc(
      '## Handlungsfeld Gesundheit',
      '',
      '### Leitziel A:',
      '',
      '**Die Dienste sind sensibilisiert.**',
      '',
      '### Handlungsziel A1:',
      '',
      'Fachkräfte sind qualifiziert.',
      '',
      '### Maßnahme 2:',
      '',
      'Das KI beteiligt sich am Demenztag.',
      '',
      '**Verantwortlich: Fachbereich Gesundheitsmanagement in Kooperation mit dem Kommunalen Integrationszentrum (KI)**',
      '',
      `<b>Zielgruppe</b>${T}Fachleute`,
      `<b>Status</b>${T}Jährlich.`,
      `<b>Bemerkungen</b>${T}Das KI ist im AK Demenz.`,
      '',
    );
    const m = measure(parse(text), 'Gesundheit', 'A1', '2');
    expect(m.text).toBe('Das KI beteiligt sich am Demenztag.');
    expect(m.verantwortlich).toEqual(['Fachbereich Gesundheitsmanagement/Gesundheitsförderung', 'Kommunales Integrationszentrum']);
    expect([m.zielgruppe, m.status, m.bemerkungen]).toEqual(['Fachleute', 'Jährlich.', 'Das KI ist im AK Demenz.']);
  });
});

describe('numbering', () => {
  it('normalises "4 :", ": 1" and keeps "3.1" as printed, with a warning for irregular spellings', () => {
    const r = parse(doc(PLAIN_RECORDS, MARKDOWN_RECORD));
    expect(measure(r, 'Gesundheit', 'B2', '4').nummer).toBe('4');
    expect(measure(r, 'Gesundheit', 'C1', '1').nummer).toBe('1');
    expect(measure(r, 'Bildung', 'A1', '3.1').nummer).toBe('3.1');
    const formats = r.warnings.filter((w) => w.code === 'number-format').map((w) => w.meldung);
    expect(formats).toEqual([
      expect.stringContaining('„Maßnahme 4 :“'),
      expect.stringContaining('„Maßnahme : 1“'),
    ]);
  });

  it('reports repeated and missing numbers', () => {
    const r = parse(
      doc(
        plainRecord({ feld: 'Bildung', lz: 'A', hz: 'A1', nr: '1', text: 'Eins.' }),
        plainRecord({ feld: 'Bildung', lz: 'A', hz: 'A1', nr: '3', text: 'Drei.' }),
        plainRecord({ feld: 'Bildung', lz: 'A', hz: 'A1', nr: '3', text: 'Noch eine drei.' }),
      ),
    );
    const hz = r.catalogues[0]!.handlungsfelder[0]!.leitziele[0]!.handlungsziele[0]!;
    expect(hz.massnahmen.map((m) => m.nummer)).toEqual(['1', '3', '3']);
    expect(r.warnings.filter((w) => w.code === 'duplicate-number')).toEqual([
      // records are 9 lines + a blank line: the measures stand in lines 5, 14 and 23
      { datei: 'test.txt', zeile: 23, code: 'duplicate-number', meldung: 'Maßnahme 3 in Handlungsziel A1 (Bildung) doppelt vergeben (auch test.txt Zeile 14).' },
    ]);
    expect(r.warnings.find((w) => w.code === 'missing-number')).toMatchObject({
      zeile: 14,
      meldung: 'In Handlungsziel A1 (Bildung) fehlt Maßnahme 2; die Zählung springt auf 3.',
    });
  });
});

describe('gaps', () => {
  it('"Es wurde keine explizite Maßnahme formuliert" stays an entry with luecke: true and its fields', () => {
    const r = parse(GAP_RECORD);
    const m = measure(r, 'Interkulturelle Öffnung der Stadtverwaltung Herne', 'B2', '1');
    expect(m.luecke).toBe(true);
    expect(m.text).toBe('Es wurde keine explizite Maßnahme formuliert.');
    expect(m.verantwortlich).toEqual(['Alle städtischen Fachbereiche']);
    expect(m.zielgruppe).toBe('Einwohner/-innen');
    expect(m.status).toBe('Sprachmittler im InHa-Projekt und 19 weitere.');
  });

  it('"Eine Maßnahme wurde nicht formuliert, da …" is a gap too', () => {
    const r = parse(
      plainRecord({ feld: 'Kultur', lz: 'B', hz: 'B3', nr: '1', text: 'Eine Maßnahme wurde nicht formuliert, da es sich um eine Daueraufgabe handelt.' }),
    );
    expect(measure(r, 'Kultur', 'B3', '1').luecke).toBe(true);
  });

  it('footnote markers leave the text; the footnote texts go to the goal or the measure', () => {
    const r = parse(GAP_RECORD);
    const hz = r.catalogues[0]!.handlungsfelder[0]!.leitziele[0]!.handlungsziele[0]!;
    expect(hz.text).toBe('Informationswege sind unkompliziert.');
    expect(hz.fussnoten).toEqual(['Gemeint sind alle Wege.']);
    expect(hz.massnahmen[0]!.fussnoten).toEqual(['In Herne angekommen']);
    expect(codes(r)).not.toContain('footnote');
  });
});

describe('goal texts', () => {
  it('are deduplicated (first wording kept) and differing wordings are reported once each', () => {
    const r = parse(
      doc(
        plainRecord({ feld: 'Arbeit', lz: 'A', lzText: 'Plätze sind dem Herner Bedarf entsprechend vorhanden.', hz: 'A1', nr: '1', text: 'Eins.' }),
        plainRecord({ feld: 'Arbeit', lz: 'A', lzText: 'Plätze sind dem Herneer Bedarf entsprechend vorhanden', hz: 'A1', nr: '2', text: 'Zwei.' }),
        plainRecord({ feld: 'Arbeit', lz: 'A', lzText: 'Plätze sind dem Herneer Bedarf entsprechend vorhanden.', hz: 'A1', nr: '3', text: 'Drei.' }),
        plainRecord({ feld: 'Arbeit', lz: 'A', lzText: 'Plätze sind dem Herner Bedarf entsprechend vorhanden', hz: 'A1', nr: '4', text: 'Vier.' }),
      ),
    );
    const f = r.catalogues[0]!.handlungsfelder[0]!;
    expect(f.leitziele).toHaveLength(1);
    expect(f.leitziele[0]!.text).toBe('Plätze sind dem Herner Bedarf entsprechend vorhanden.');
    expect(f.leitziele[0]!.quelle).toEqual({ datei: 'test.txt', zeile: 3 });
    expect(f.leitziele[0]!.handlungsziele[0]!.massnahmen).toHaveLength(4);
    const variants = r.warnings.filter((w) => w.code === 'text-variant');
    expect(variants).toEqual([
      {
        datei: 'test.txt',
        zeile: 12, // Leitziel line of the second record
        code: 'text-variant',
        meldung:
          'Leitziel A (Arbeit) abweichend gedruckt (2×, erstmals hier): „Herneer“ statt „Herner“; übernommen wird die erste Fassung (test.txt Zeile 3).',
      },
    ]);
  });

  it('identifies a Handlungsziel by code: wrong Leitziel letter and a copied goal text are reported', () => {
    const r = parse(
      doc(
        plainRecord({ feld: 'Bildung', lz: 'A', lzText: 'Leitziel A Text.', hz: 'A1', hzText: 'Text A1.', nr: '1', text: 'Eins.' }),
        plainRecord({ feld: 'Bildung', lz: 'A', lzText: 'Leitziel A Text.', hz: 'B1', hzText: 'Text B1.', nr: '1', text: 'Zwei.' }),
        plainRecord({ feld: 'Bildung', lz: 'B', lzText: 'Leitziel B Text.', hz: 'B1', hzText: 'Text A1.', nr: '2', text: 'Drei.' }),
      ),
    );
    const f = r.catalogues[0]!.handlungsfelder[0]!;
    expect(f.leitziele.map((l) => [l.letter, l.text, l.handlungsziele.map((h) => h.code)])).toEqual([
      ['A', 'Leitziel A Text.', ['A1']],
      ['B', 'Leitziel B Text.', ['B1']],
    ]);
    expect(f.leitziele[1]!.handlungsziele[0]!.massnahmen.map((m) => m.nummer)).toEqual(['1', '2']);
    expect(r.warnings.find((w) => w.code === 'leitziel-mismatch')?.meldung).toBe(
      'Handlungsziel B1 (Bildung) steht unter „Leitziel A“; nach dem Code Leitziel B zugeordnet.',
    );
    expect(r.warnings.find((w) => w.code === 'text-variant')?.meldung).toContain('der Text ist der von Handlungsziel A1');
  });

  it('takes the Handlungsfeld from the record, not from the chapter heading', () => {
    const r = parse(
      doc(
        '# **Handlungsfeld Bildung**',
        '',
        plainRecord({ feld: 'Bildung', lz: 'A', hz: 'A1', nr: '1', text: 'Eins.' }),
        // no chapter heading before this section
        plainRecord({ feld: 'Kultur', lz: 'A', hz: 'A2', nr: '1', text: 'Kultur eins.' }),
      ),
    );
    expect(r.catalogues[0]!.handlungsfelder.map((f) => [f.name, f.leitziele[0]!.handlungsziele[0]!.code])).toEqual([
      ['Bildung', 'A1'],
      ['Kultur', 'A2'],
    ]);
  });
});

describe('offers grouped under one measure', () => {
  it('several Verantwortlich rows in one record become angebote', () => {
    const r = parse(
      doc(
        '## Handlungsfeld Kultur',
        '',
        `<b>Leitziel C:</b> <b>Kinder partizipieren.</b>${T}`,
        `<b>Handlungsziel C3:</b> Talente zeigen sich.${T}`,
        `<b>Maßnahme 1:</b>${T}`,
        `Bestehende Angebote werden beworben:${T}`,
        `<b>Bemerkung:</b>${T}`,
        `Im Folgenden einzelne Angebote.${T}`,
        `<b>Verantwortlich:</b>${T}<b>Kulturbüro</b>`,
        `${T}Kulturrucksack`,
        `<b>Zielgruppe</b>${T}Kinder`,
        `<b>Projektstatus</b>${T}Fortlaufend.`,
        '',
        `<b>Verantwortlich:</b>${T}<b>Stadtbibliothek</b> SommerLeseclub / Leseclub Junior`,
        `<b>Zielgruppe</b>${T}Schüler/-innen`,
        `<b>Projektstatus</b>${T}Regelangebot.`,
        '',
      ),
    );
    const m = measure(r, 'Kultur', 'C3', '1');
    expect(m.text).toBe('Bestehende Angebote werden beworben:');
    expect(m.bemerkungen).toBe('Im Folgenden einzelne Angebote.');
    expect(m.verantwortlich).toEqual(['Kulturbüro', 'Stadtbibliothek Herne']);
    expect(m.angebote?.map((o) => [o.titel, o.verantwortlich, o.zielgruppe, o.status])).toEqual([
      ['Kulturrucksack', ['Kulturbüro'], 'Kinder', 'Fortlaufend.'],
      ['SommerLeseclub / Leseclub Junior', ['Stadtbibliothek Herne'], 'Schüler/-innen', 'Regelangebot.'],
    ]);
    expect(codes(r)).toContain('composite-measure');
  });
});

describe('cross-references', () => {
  const ikoe = 'Interkulturelle Öffnung der Stadtverwaltung Herne';
  const text = doc(
    plainRecord({ feld: 'Bildung', lz: 'A', hz: 'A1', nr: '1', text: 'Eltern-Schule-Gruppen an Grundschulen mit Müttern.' }),
    plainRecord({
      feld: 'Bildung',
      lz: 'A',
      hz: 'A1',
      nr: '2',
      text: 'Trauma und Resilienz: Veranstaltungsreihen für Fachkräfte aus KiTa und Schule.',
      bemerkungen: 'Siehe auch Handlungsziel A1, Maßnahme 1. Diese Maßnahme ist auch im Handlungsfeld Gesundheit unter dem Handlungsziel D1 als Maßnahme 1 aufgeführt.',
    }),
    plainRecord({ feld: ikoe, lz: 'B', hz: 'B2', nr: '1', text: 'Es wurde keine explizite Maßnahme formuliert.' }),
    plainRecord({ feld: ikoe, lz: 'B', hz: 'B2', nr: '2', text: 'Implementierung eines Sprach- und Kulturmittlerpools in der Stadtverwaltung.' }),
    plainRecord({
      feld: 'Gesundheit',
      lz: 'D',
      hz: 'D1',
      nr: '1',
      text: 'Trauma und Resilienz: Veranstaltungsreihen für Fachkräfte aus KiTa und Schule.',
      bemerkungen: 'Diese Maßnahme ist auch im Handlungsfeld Bildung unter dem Handlungsziel A1 als Maßnahme 12 aufgeführt.',
    }),
    plainRecord({
      feld: 'Gesundheit',
      lz: 'D',
      hz: 'D1',
      nr: '2',
      text: 'Ein Pool an Sprach- und Kulturmittlern steht bereit.',
      bemerkungen: 'Es handelt sich um ein Angebot, das im Handlungsfeld IKÖ beschrieben ist.',
      status: 'Siehe auch Handlungsfeld Bildung, Leitziel A, Handlungsziel A1, Maßnahme 1',
    }),
    plainRecord({
      feld: 'Gesundheit',
      lz: 'D',
      hz: 'D1',
      nr: '3',
      text: 'Schwimmkurse für Frauen im Stadtteil.',
      status: 'Es handelt sich um die gleiche Maßnahme wie unter Handlungsziel D1, Maßnahme 2.',
    }),
    plainRecord({ feld: 'Gesundheit', lz: 'D', hz: 'D1', nr: '4', text: 'Kurse im Stadtteil (siehe D1 Maßnahme 3).' }),
  );
  const r = parse(text);

  it('resolves same-field, other-field and abbreviated-field references', () => {
    expect(measure(r, 'Bildung', 'A1', '2').querverweise).toEqual([
      {
        handlungsfeld: null,
        handlungsziel: 'A1',
        nummer: '1',
        text: 'Siehe auch Handlungsziel A1, Maßnahme 1.',
        ziel: { handlungsfeld: 'Bildung', handlungsziel: 'A1', nummer: '1' },
      },
      {
        handlungsfeld: 'Gesundheit',
        handlungsziel: 'D1',
        nummer: '1',
        text: 'Diese Maßnahme ist auch im Handlungsfeld Gesundheit unter dem Handlungsziel D1 als Maßnahme 1 aufgeführt.',
        ziel: { handlungsfeld: 'Gesundheit', handlungsziel: 'D1', nummer: '1' },
      },
    ]);
    expect(measure(r, 'Gesundheit', 'D1', '2').querverweise.find((q) => q.handlungsfeld === 'Bildung')?.ziel).toEqual({
      handlungsfeld: 'Bildung',
      handlungsziel: 'A1',
      nummer: '1',
    });
    expect(measure(r, 'Gesundheit', 'D1', '4').querverweise[0]).toMatchObject({ text: 'siehe D1 Maßnahme 3', ziel: { handlungsziel: 'D1', nummer: '3' } });
  });

  it('reports a reference to a missing measure and names the evident target', () => {
    const q = measure(r, 'Gesundheit', 'D1', '1').querverweise[0]!;
    expect(q).toMatchObject({ handlungsfeld: 'Bildung', handlungsziel: 'A1', nummer: '12', ziel: null });
    const w = r.warnings.find((x) => x.code === 'unresolved-reference' && x.meldung.includes('Maßnahme 12'))!;
    expect(w.meldung).toMatch(/Handlungsziel A1 hat keine Maßnahme 12; gemeint ist offenbar Handlungsziel A1, Maßnahme 2 \(„Trauma und Resilienz/);
    expect(w.zeile).toBe(46); // the Bemerkungen row of Gesundheit D1/1
  });

  it('reports a reference that names only a Handlungsfeld, with the evident target', () => {
    const q = measure(r, 'Gesundheit', 'D1', '2').querverweise.find((x) => x.handlungsfeld === ikoe)!;
    expect(q).toMatchObject({ handlungsziel: null, nummer: null, ziel: null, text: 'Es handelt sich um ein Angebot, das im Handlungsfeld IKÖ beschrieben ist.' });
    expect(r.warnings.find((w) => w.code === 'unresolved-reference' && w.meldung.includes('nennt nur'))?.meldung).toMatch(
      /nennt nur das Handlungsfeld Interkulturelle Öffnung der Stadtverwaltung Herne, keine Maßnahme; gemeint ist offenbar Handlungsfeld Interkulturelle Öffnung der Stadtverwaltung Herne, Handlungsziel B2, Maßnahme 2/,
    );
  });

  it('does not question "die gleiche Maßnahme" when no other measure fits better', () => {
    const q = measure(r, 'Gesundheit', 'D1', '3').querverweise[0]!;
    expect(q.ziel).toEqual({ handlungsfeld: 'Gesundheit', handlungsziel: 'D1', nummer: '2' });
    // D1/2 ("Pool an Sprach- und Kulturmittlern") and D1/3 (swimming) differ, but no other measure fits better either
    expect(r.warnings.some((w) => w.code === 'suspicious-reference')).toBe(false);
  });

  it('names the evident target when "die gleiche Maßnahme" points at an unrelated one', () => {
    const r2 = parse(
      doc(
        plainRecord({ feld: 'Gesundheit', lz: 'B', hz: 'B1', nr: '6', text: 'Im Projekt InHa werden Zugewanderte aus Südosteuropa zur Krankenversicherung beraten.' }),
        plainRecord({ feld: 'Gesundheit', lz: 'B', hz: 'B1', nr: '7', text: 'Der Turnverein bietet ein Schwimmangebot für Frauen an.' }),
        plainRecord({
          feld: 'Gesundheit',
          lz: 'B',
          hz: 'B3',
          nr: '1',
          text: 'Im Projekt InHa werden Zugewanderte aus Südosteuropa zur Krankenversicherung beraten.',
          status: 'Es handelt sich um die gleiche Maßnahme wie unter Leitziel B, Handlungsziel B1, Maßnahme 7, allerdings für Männer.',
        }),
      ),
    );
    // the printed target exists and stays the resolved target …
    expect(measure(r2, 'Gesundheit', 'B3', '1').querverweise[0]!.ziel).toEqual({ handlungsfeld: 'Gesundheit', handlungsziel: 'B1', nummer: '7' });
    // … but the warning says which measure is meant
    expect(r2.warnings.find((w) => w.code === 'suspicious-reference')?.meldung).toMatch(
      /„Leitziel B, Handlungsziel B1, Maßnahme 7“ \(„Der Turnverein .*\) ist nicht die gleiche Maßnahme; gemeint ist offenbar Handlungsziel B1, Maßnahme 6/,
    );
  });

  it('every reference is resolved or reported', () => {
    const all = r.catalogues[0]!.handlungsfelder.flatMap((f) => f.leitziele.flatMap((l) => l.handlungsziele.flatMap((h) => h.massnahmen.flatMap((m) => m.querverweise))));
    expect(all).toHaveLength(7);
    const unresolved = all.filter((q) => !q.ziel);
    expect(unresolved).toHaveLength(2);
    expect(r.warnings.filter((w) => w.code === 'unresolved-reference')).toHaveLength(2);
  });
});

describe('merging a second document', () => {
  const base = doc(
    TITLE_BLOCK,
    plainRecord({ feld: 'Bildung', lz: 'A', hz: 'A1', nr: '1', text: 'Eins.', status: 'Kommunalen Strategieprozess' }),
    plainRecord({ feld: 'Bildung', lz: 'A', hz: 'A1', nr: '2', text: 'Zwei.' }),
  );
  const extract = doc(
    plainRecord({ feld: 'Bildung', lz: 'A', hz: 'A1', nr: '1', text: 'Eins.', status: 'Kommunaler Strategieprozess' }),
    plainRecord({ feld: 'Bildung', lz: 'A', hz: 'A1', nr: '3', text: 'Drei (nur im Auszug).' }),
  );
  const r = parseIntegrationskonzept([
    { name: 'extract.txt', text: extract },
    { name: 'main.txt', text: base },
  ]);
  const hz = r.catalogues[0]!.handlungsfelder[0]!.leitziele[0]!.handlungsziele[0]!;

  it('the file with the title block is primary; same measures are not duplicated', () => {
    expect(r.catalogues).toHaveLength(1);
    expect(r.catalogues[0]!.quelle.datei).toBe('main.txt');
    expect(hz.massnahmen.map((m) => [m.nummer, m.quelle.datei])).toEqual([
      ['1', 'main.txt'],
      ['2', 'main.txt'],
      ['3', 'extract.txt'],
    ]);
    expect(hz.massnahmen[0]!.status).toBe('Kommunalen Strategieprozess');
    expect(hz.massnahmen[0]!.weitereQuellen).toEqual([{ datei: 'extract.txt', zeile: 5 }]);
  });

  it('reports differences, additional and missing records', () => {
    expect(r.warnings.find((w) => w.code === 'version-difference')).toEqual({
      datei: 'extract.txt',
      zeile: 8,
      code: 'version-difference',
      meldung:
        'Maßnahme 1 in Handlungsziel A1 (Bildung): Status weicht von main.txt Zeile 29 ab – „Kommunaler“ statt „Kommunalen“; übernommen wird die Fassung aus main.txt.',
    });
    expect(r.warnings.find((w) => w.code === 'additional-record')?.meldung).toBe(
      'Maßnahme 3 in Handlungsziel A1 (Bildung) steht nur in extract.txt, nicht in main.txt; übernommen.',
    );
    expect(r.warnings.find((w) => w.code === 'missing-in-secondary')?.meldung).toBe(
      'Maßnahme 2 in Handlungsziel A1 (Bildung) aus main.txt Zeile 35 fehlt in extract.txt.',
    );
  });
});

describe('broken files', () => {
  function error(text: string, name = 'x.txt'): ImportError {
    try {
      parse(text, name);
    } catch (e) {
      if (e instanceof ImportError) return e;
      throw e;
    }
    throw new Error('no ImportError');
  }

  it('empty file', () => {
    const e = error('  \n\n', 'leer.txt');
    expect([e.datei, e.zeile]).toEqual(['leer.txt', 1]);
    expect(e.message).toBe('leer.txt:1: Die Datei ist leer.');
  });

  it('binary file with NUL bytes names the line', () => {
    const e = error('Handlungsfeld Bildung\nLeitziel A: x\n\0\0\u0001PK', 'bin.txt');
    expect([e.datei, e.zeile]).toEqual(['bin.txt', 3]);
    expect(e.message).toMatch(/NUL/);
  });

  it('another kind of document', () => {
    const e = error('\n\nDIVERSITY\n\nbei der Stadtverwaltung Herne\n\nMaßnahmen-Katalog\n', 'div.txt');
    expect([e.datei, e.zeile]).toEqual(['div.txt', 3]);
    expect(e.message).toMatch(/Kein Gesamtstädtisches Integrationskonzept/);
  });

  it('truncated so that no record is complete', () => {
    const text = doc(TITLE_BLOCK, '## Handlungsfeld Bildung', '', `<b>Leitziel A:</b> Text.${T}`, `<b>Handlungsziel A1:</b> Text.${T}`, '<b>Maßnah');
    const e = error(text, 'cut.txt');
    expect([e.datei, e.zeile]).toEqual(['cut.txt', 24]);
    expect(e.message).toMatch(/Kein vollständiger Datensatz/);
  });

  it('a truncated last record is skipped with a warning when others are complete', () => {
    const text = doc(BOLD_TAB_RECORD, '## Handlungsfeld Bildung', '', `<b>Leitziel A:</b> Text.${T}`, `<b>Handlungsziel A2:</b> Text.${T}`);
    const r = parse(text);
    expect(r.catalogues[0]!.handlungsfelder[0]!.leitziele[0]!.handlungsziele.map((h) => h.code)).toEqual(['A1']);
    expect(r.warnings.find((w) => w.code === 'incomplete-record')).toMatchObject({ zeile: 12 });
  });

  it('no files at all', () => {
    expect(() => parseIntegrationskonzept([])).toThrow(ImportError);
  });
});

describe('looksLikeIntegrationskonzept', () => {
  it('detects the measure tables and rejects other texts', () => {
    expect(looksLikeIntegrationskonzept(BOLD_TAB_RECORD)).toBe(true);
    expect(looksLikeIntegrationskonzept(MARKDOWN_RECORD)).toBe(true);
    expect(looksLikeIntegrationskonzept('# Abschlussbericht\n\nMaßnahme 1 im Handlungsfeld Bildung')).toBe(false);
    expect(looksLikeIntegrationskonzept('')).toBe(false);
    expect(looksLikeIntegrationskonzept(`Leitziel A: x\n\0`)).toBe(false);
  });
});

describe('warnings', () => {
  it('contain no e-mail addresses or phone numbers', () => {
    const r = parseIntegrationskonzept([
      { name: 'a.txt', text: doc(TITLE_BLOCK, plainRecord({ feld: 'Bildung', lz: 'A', hz: 'A1', nr: '1', text: 'Eins.', status: 'Anfragen an info@example.org' })) },
      { name: 'b.txt', text: plainRecord({ feld: 'Bildung', lz: 'A', hz: 'A1', nr: '1', text: 'Eins.', status: 'Anfragen an max.muster@example.org oder 02325 65 89 313' }) },
    ]);
    const w = r.warnings.find((x) => x.code === 'version-difference')!;
    expect(w.meldung).not.toMatch(/@|02325/);
    expect(w.meldung).toContain('[E-Mail]');
  });
});
