import { describe, expect, it } from 'vitest';
import {
  buildText,
  decodeEntities,
  dehyphenate,
  isShortForm,
  normalizeTitle,
  stripMarkup,
  titleSimilarity,
  toLines,
  type Line,
} from './text';

const L = (...texts: string[]): Line[] => texts.map((text, i) => ({ text, zeile: i + 1 }));

describe('markup and entities', () => {
  it('decodes named and numeric entities, leaves unknown ones', () => {
    expect(decodeEntities('Kinder &amp; Jugend &#8222;neu&#8220; &#x2013; &auml;&szlig; &foo;')).toBe(
      'Kinder & Jugend „neu“ – äß &foo;',
    );
  });

  it('strips HTML tags, keeps paragraph, line and list structure', () => {
    expect(stripMarkup('<p>Eins</p><p>Zwei<br/>Drei</p>')).toBe('\n\nEins\n\n\n\nZwei\nDrei\n\n');
    expect(stripMarkup('<ul><li>A</li><li><b>B</b></li></ul>')).toBe('\n\n- A\n- B\n');
    expect(stripMarkup('<span class="x">Text</span> &lt;b&gt;')).toBe('Text <b>');
  });

  it('keeps link texts and autolink addresses, drops link targets', () => {
    expect(stripMarkup('([Stadt Herne - Leichte Sprache](#))')).toBe('(Stadt Herne - Leichte Sprache)');
    expect(stripMarkup('([vhs Herne: Sprachen \\(vhs-herne.de\\)](http://vhs-herne.de)).')).toBe(
      '(vhs Herne: Sprachen (vhs-herne.de)).',
    );
    expect(stripMarkup('anzuregen (<https://aktionswoche.seelischegesundheit.net/>).')).toBe(
      'anzuregen (https://aktionswoche.seelischegesundheit.net/).',
    );
  });

  it('removes Markdown emphasis and headings but not gender stars', () => {
    expect(stripMarkup('5. *Vielfalt (an-)erkennen und nachhaltig nutzen*')).toBe('5. Vielfalt (an-)erkennen und nachhaltig nutzen');
    expect(stripMarkup('## **2. Geschlecht**')).toBe('2. Geschlecht');
    expect(stripMarkup('Bürger*innen und trans* Mitarbeitende, für alle**“')).toBe('Bürger*innen und trans* Mitarbeitende, für alle**“');
  });
});

describe('toLines', () => {
  it('drops page numbers and footers, reports them, keeps line numbers', () => {
    const seen: number[] = [];
    const lines = toLines('Text\n12\n\fSeite 3 von 9\nmehr\u00a0Text\u00ad', (z) => seen.push(z));
    expect(seen).toEqual([2, 3]);
    expect(lines.map((l) => l.text)).toEqual(['Text', '', '', 'mehr Text']);
    expect(lines[3]!.zeile).toBe(4);
  });

  it('normalises bullet characters, keeps leading tabs of table rows', () => {
    const lines = toLines('• Punkt\n\tTitel\t•\t\n* Stern\r\nBürger*innen');
    expect(lines.map((l) => l.text)).toEqual(['- Punkt', '\tTitel\t•', '- Stern', 'Bürger*innen']);
  });
});

describe('buildText', () => {
  it('joins paragraphs with a blank line and lines inside a paragraph with a newline', () => {
    expect(buildText(L('Absatz  eins', 'Zeile\tzwei', '', '', 'Absatz drei'))).toBe('Absatz eins\nZeile zwei\n\nAbsatz drei');
  });

  it('does not split a bullet list at a blank line (page break)', () => {
    expect(buildText(L('Ziele', '', '- a', '- b', '', '- c', '', 'Zielgruppe: x'))).toBe('Ziele\n\n- a\n- b\n- c\n\nZielgruppe: x');
  });

  it('splits a list flattened into running text', () => {
    const seen: number[] = [];
    const text = buildText(L('Aufgaben sind u. a.: - Kontakt, ggf. Kolleg*innen - Ermittlung - Dokumentation, usw.'), (z) => seen.push(z));
    expect(text).toBe('Aufgaben sind u. a.:\n- Kontakt, ggf. Kolleg*innen\n- Ermittlung\n- Dokumentation, usw.');
    expect(seen).toEqual([1]);
    expect(buildText(L('HIN - Herner Integrationsnetzwerk'))).toBe('HIN - Herner Integrationsnetzwerk');
  });
});

describe('titles', () => {
  it('joins cell-break hyphenation but not "Aus- und"', () => {
    expect(dehyphenate('Kommunales Reaktions- management')).toBe('Kommunales Reaktionsmanagement');
    expect(dehyphenate('Fachliteratur „Queer Pa- pier für die Jugendarbeit“')).toBe('Fachliteratur „Queer Papier für die Jugendarbeit“');
    expect(dehyphenate('Inklusions- und behinderungsrelevante Themen')).toBe('Inklusions- und behinderungsrelevante Themen');
  });

  it('treats quotes, dashes, "&" and case as typography', () => {
    expect(normalizeTitle('Arbeitskreis „Gender & Diversität“')).toBe(normalizeTitle('Arbeitskreis Gender und Diversität'));
    expect(normalizeTitle('HIN – Herner Integrationsnetzwerk')).toBe(normalizeTitle('HIN - Herner Integrationsnetzwerk'));
    expect(normalizeTitle('sexuellen')).not.toBe(normalizeTitle('sexueller'));
  });

  it('recognises short forms and abbreviations', () => {
    expect(isShortForm('DV BEM', 'Dienstvereinbarung zum Betrieblichen Eingliederungsmanagement (BEM)')).toBe(true);
    expect(isShortForm('AGG-Schulung für Azubis', 'AGG-Schulung für Auszubildende zu Beginn der Ausbildung')).toBe(true);
    expect(isShortForm('Beirat für Menschen mit Behinderung', 'Beirat für Menschen mit Behinderungen')).toBe(false);
    expect(titleSimilarity('Sprachkurse der VHS', 'Sprachkurse der Volkshochschule')).toBe(1 * 0.75 + 0.25);
    expect(titleSimilarity('Speisen', 'Auswahl der Speisen für Aus- und Fortbildungsveranstaltungen')).toBeGreaterThan(0.5);
    expect(titleSimilarity('Gesundheitswoche', 'Palermos Pottcast')).toBe(0);
  });
});
