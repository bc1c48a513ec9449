import { describe, expect, it } from 'vitest';
import { containment, findReferences, resolveFieldName } from './references';
import { cellToText, compareKey, normValue, titleCase } from './text';

describe('cellToText', () => {
  it('paragraphs become "\\n\\n", list items "- " lines, inline tags and entities go', () => {
    expect(cellToText('<p>Eins <b>fett</b> &amp; <u>unterstrichen</u>.</p> <p>Zwei&nbsp;&#8211; drei</p>').text).toBe('Eins fett & unterstrichen.\n\nZwei – drei');
    expect(cellToText('Ziele: <ul style="x"><li>• Afrika</li><li>- Türkei</li></ul> (Musik)').text).toBe('Ziele:\n- Afrika\n- Türkei\n(Musik)');
  });

  it('reads lists written without <li> (004) up to the next paragraph', () => {
    expect(cellToText('<p>Mitarbeiter/Innen</p> <ul style="list-style-type: none"> - der Stadtverwaltung, - der Schulen und <p>die mit Praxisanleiter/-innen arbeiten.</p>').text).toBe(
      'Mitarbeiter/Innen\n- der Stadtverwaltung,\n- der Schulen und\ndie mit Praxisanleiter/-innen arbeiten.',
    );
  });

  it('keeps ordered list numbers as printed', () => {
    expect(cellToText('Für <ol><li>1. KiTa-Gruppen,</li><li>2. Erwachsene</li></ol> gibt es Einführungen.').text).toBe('Für\n1. KiTa-Gruppen,\n2. Erwachsene\ngibt es Einführungen.');
  });

  it('takes footnote markers out of the text and reports them', () => {
    expect(cellToText('Bildungskette“ <sup>7</sup> bieten')).toEqual({ text: 'Bildungskette“  bieten', markers: ['7'] });
    expect(cellToText('(InHa-Projekt¹) gibt es')).toEqual({ text: '(InHa-Projekt) gibt es', markers: ['1'] });
  });

  it('drops markdown emphasis, escapes and link targets but keeps gender stars', () => {
    expect(cellToText('### **Akteure*innen** im [Portal](http://x.de) <http://y.de> Eltern\\_Schule').text).toBe('Akteure*innen im Portal http://y.de Eltern_Schule');
  });
});

describe('normValue / compareKey / titleCase', () => {
  it('two spaces before a capital were a line break in the cell', () => {
    expect(normValue('Regelangebot  Die Agentur ist in der Markgrafenstraße 9')).toBe('Regelangebot\nDie Agentur ist in der Markgrafenstraße 9');
    expect(normValue('Schulen,  Unternehmen,   Betriebe')).toBe('Schulen, Unternehmen, Betriebe');
    expect(normValue('Eins.\n\n\n\nZwei.')).toBe('Eins.\n\nZwei.');
  });

  it('compares printings regardless of spacing and a final period', () => {
    expect(compareKey('Herner  Bedarf vorhanden.')).toBe(compareKey('Herner Bedarf vorhanden'));
    expect(compareKey('Herner Bedarf')).not.toBe(compareKey('Herneer Bedarf'));
  });

  it('title-cases an all-capital heading only', () => {
    expect(titleCase('VIELFALT IN HERNE')).toBe('Vielfalt in Herne');
    expect(titleCase('Vielfalt in Herne')).toBe('Vielfalt in Herne');
  });
});

describe('findReferences', () => {
  const felder = ['Ausbildung und Arbeit', 'Bildung', 'Interkulturelle Öffnung der Stadtverwaltung Herne'];

  it('ignores "im Handlungsfeld …" in ordinary sentences and "siehe" without a target', () => {
    expect(findReferences('Die Akteure/-innen im Handlungsfeld Ausbildung und Arbeit prüfen die Möglichkeiten.', felder)).toEqual([]);
    expect(findReferences('26 Bildungspartnerschaften (siehe Internet: Bildungspartner NRW), darüber hinaus 7.', felder)).toEqual([]);
  });

  it('reads the printed forms', () => {
    expect(findReferences('Text. Siehe auch Handlungsziel B1, Maßnahme 2.', felder)).toEqual([
      { text: 'Siehe auch Handlungsziel B1, Maßnahme 2.', handlungsfeldPrinted: null, handlungsfeld: null, leitziel: null, handlungsziel: 'B1', nummer: '2', kind: 'siehe' },
    ]);
    expect(findReferences('Sprachmittler.\nSiehe auch: Handlungsfeld IKÖ Handlungsziel B2 Maßnahme 1', felder)[0]).toMatchObject({
      handlungsfeldPrinted: 'IKÖ',
      handlungsfeld: 'Interkulturelle Öffnung der Stadtverwaltung Herne',
      handlungsziel: 'B2',
      nummer: '1',
    });
    expect(findReferences('FRANKA (siehe Leitziel D, Handlungsziel D3, Maßnahme 1)', felder)[0]).toMatchObject({
      text: 'siehe Leitziel D, Handlungsziel D3, Maßnahme 1',
      leitziel: 'D',
      handlungsziel: 'D3',
      nummer: '1',
    });
    expect(findReferences('Es handelt sich um die gleiche Maßnahme wie unter Handlungsziel A1, Maßnahme 4.', felder)[0]).toMatchObject({ kind: 'gleich', handlungsziel: 'A1', nummer: '4' });
    expect(findReferences('Ein Angebot, das im Handlungsfeld Interkulturelle Öffnung beschrieben ist.', felder)[0]).toMatchObject({
      kind: 'gleich',
      handlungsfeld: 'Interkulturelle Öffnung der Stadtverwaltung Herne',
      handlungsziel: null,
      nummer: null,
    });
  });

  it('resolves field names, abbreviations and shortened names', () => {
    expect(resolveFieldName('Bildung, Leitziel A', felder)).toEqual({ name: 'Bildung', length: 7 });
    expect(resolveFieldName('IKÖ Handlungsziel B2', felder)?.name).toBe('Interkulturelle Öffnung der Stadtverwaltung Herne');
    expect(resolveFieldName('Kultur unter dem Handlungsziel', felder)).toBeNull();
  });

  it('containment measures shared word stems', () => {
    expect(containment('Pool an Sprach- und Kulturmittlern', 'Implementierung eines Sprach- und Kulturmittlerpools')).toBeGreaterThan(0.6);
    expect(containment('Schwimmangebot für Frauen', 'Implementierung eines Sprach- und Kulturmittlerpools')).toBe(0);
  });
});
