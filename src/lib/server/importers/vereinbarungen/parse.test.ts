import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ImportError, type Vereinbarung, type VereinbarungenCatalogue } from '../types';
import { crossCheckTitles, parseAnlage, type AnlageEintrag } from './appendix';
import { canonicalActor, findActors, normalizeActors, splitActors } from './actors';
import { looksLikeVereinbarungen, parseVereinbarungen, parseVereinbarungenFile } from './parse';

const SOURCE = '001_f19880d6793d593d.txt';
const readSource = (name: string) => fs.readFileSync(fileURLToPath(new URL(`../../../../../data/sources/herne/${name}`, import.meta.url)), 'utf8');

/** A minimal report: a numbered subchapter with the given lines. */
function doc(...lines: string[]): string {
  return ['**Projekt „Testprojekt“  ', '(2016-2019)**', '', '# ***Abschlussbericht***', '', '### 4.1 Testkapitel', '', 'Einleitung des Kapitels.', '', ...lines].join('\n');
}

/** A box body with the four labelled sections. */
function body(o: { bedarf?: string; massnahme?: string; beteiligte?: string; vereinbarung?: string; extra?: string[] } = {}): string[] {
  return [
    '',
    `**Bedarf:** ${o.bedarf ?? 'Ein Bedarf.'}`,
    '',
    `**Maßnahme:** ${o.massnahme ?? 'Eine Maßnahme.'}`,
    '',
    `**Beteiligte:** ${o.beteiligte ?? 'Jobcenter Herne'}`,
    '',
    `**Vereinbarung:** ${o.vereinbarung ?? 'Eine Vereinbarung.'}`,
    '',
    ...(o.extra ?? []),
  ];
}

function parseText(text: string, name = 'fixture.txt') {
  return parseVereinbarungenFile({ name, text });
}

function all(c: VereinbarungenCatalogue): Vereinbarung[] {
  return c.kapitel.flatMap((k) => k.vereinbarungen);
}

function only(text: string): Vereinbarung {
  const list = all(parseText(text).catalogue);
  expect(list).toHaveLength(1);
  return list[0]!;
}

// ---------------------------------------------------------------------------------------------
// Box encodings
// ---------------------------------------------------------------------------------------------

describe('box header variants', () => {
  it('HTML row with separator: title, one-line agreement, bold actors, all sections', () => {
    const text = doc(
      '<b>Broschüre „Arbeitshilfe“</b>\t<i>Eine Aktualisierung erfolgt durch den <b>Fachbereich 41 (Sonstige Hilfen)</b>.</i>',
      '---\t---',
      ...body({
        bedarf: 'Bedarf &amp; Beratungswege für Ansprechpartner\\*innen.',
        massnahme: 'Die Broschüre wurde **gemeinsam** entwickelt.',
        beteiligte: 'Fachbereich 31 (Bildungsbüro, Kommunales Integrationszentrum), Arbeiterwohlfahrt (AWO), Stadtsporthund (SSB)',
        vereinbarung: 'Die Aktualisierung erfolgt durch den **Fachbereich 41 (Sonstige Hilfen)**.',
      }),
    );
    const v = only(text);
    expect(v).toMatchObject({
      kurztitel: 'Broschüre „Arbeitshilfe“',
      kurzvereinbarung: 'Eine Aktualisierung erfolgt durch den Fachbereich 41 (Sonstige Hilfen).',
      bedarf: 'Bedarf & Beratungswege für Ansprechpartner*innen.',
      massnahme: 'Die Broschüre wurde gemeinsam entwickelt.',
      beteiligte: ['Bildungsbüro', 'Kommunales Integrationszentrum', 'Arbeiterwohlfahrt', 'Stadtsportbund'],
      vereinbarung: 'Die Aktualisierung erfolgt durch den Fachbereich 41 (Sonstige Hilfen).',
      verantwortlich: ['Sonstige Hilfen (Fachbereich Soziales)'],
      finanzierungsvorbehalt: null,
      quelle: { datei: 'fixture.txt', zeile: 10 },
    });
    expect(v.beteiligteText).toBe('Fachbereich 31 (Bildungsbüro, Kommunales Integrationszentrum), Arbeiterwohlfahrt (AWO), Stadtsporthund (SSB)');
  });

  it('<p>-wrapped cells and a ⚡ funding caveat', () => {
    const v = only(
      doc(
        '<p><b>Informationsheft „Willkommen in Herne“</b></p>\t<p><i>Das <b>Bildungsbüro</b> aktualisiert das Heft.</i></p>',
        '--\t---',
        ...body({ vereinbarung: 'Das **Bildungsbüro** aktualisiert das Heft.', extra: ['⚡ Sollte das Heft weiter benötigt werden, muss eine Finanzierung gefunden werden.', ''] }),
      ),
    );
    expect(v.kurztitel).toBe('Informationsheft „Willkommen in Herne“');
    expect(v.kurzvereinbarung).toBe('Das Bildungsbüro aktualisiert das Heft.');
    expect(v.verantwortlich).toEqual(['Bildungsbüro']);
    expect(v.vereinbarung).toBe('Das Bildungsbüro aktualisiert das Heft.');
    expect(v.finanzierungsvorbehalt).toBe('Sollte das Heft weiter benötigt werden, muss eine Finanzierung gefunden werden.');
  });

  it('funding caveat whose icon was lost (a leading space) is still recognised', () => {
    const v = only(
      doc(
        '<b>Summerschool</b>\t<i>Die Organisation übernehmen <b>Volkshochschule und Kulturbüro.</b></i>',
        '---------------------\t---',
        ...body({ vereinbarung: 'Organisation durch die **Volkshochschule** in Kooperation mit dem **Kulturbüro**' }),
        ' Die Durchführung ist abhängig von einer Förderung.',
        '',
      ),
    );
    expect(v.verantwortlich).toEqual(['Volkshochschule', 'Kulturbüro']);
    // No sentence end, but the next line is the caveat, not a continuation.
    expect(v.vereinbarung).toBe('Organisation durch die Volkshochschule in Kooperation mit dem Kulturbüro');
    expect(v.finanzierungsvorbehalt).toBe('Die Durchführung ist abhängig von einer Förderung.');
  });

  it('whole-cell bold agreement: the actors named in it are responsible', () => {
    const v = only(
      doc(
        '<b>Dialogforum</b>\t<b><i>Kulturbüro, Jugendförderung und Stadtsportbund organisieren das jährliche Abstimmungsforum</i></b>',
        '--\t--',
        ...body(),
      ),
    );
    expect(v.kurzvereinbarung).toBe('Kulturbüro, Jugendförderung und Stadtsportbund organisieren das jährliche Abstimmungsforum');
    expect(v.verantwortlich).toEqual(['Kulturbüro', 'Jugendförderung', 'Stadtsportbund']);
  });

  it('two header rows without separator: one agreement per row sharing the body', () => {
    const { catalogue, warnings } = parseText(
      doc(
        '<b>Integreat-App</b>\t<i>Pressebüro, Bildungsbüro und Integrationsscouts aktualisieren und pflegen die App</i>',
        '<b>„Basiswissen Deutschland“ in der Integreat-App</b>\t<i>Volkshochschule und Integrationsscouts aktualisieren diesen Inhalt regelmäßig</i>',
        ...body({ bedarf: 'Gemeinsamer Bedarf.', vereinbarung: 'Das **Pressebüro** pflegt die App.' }),
      ),
    );
    const [a, b] = all(catalogue);
    expect(all(catalogue)).toHaveLength(2);
    expect(a!.kurztitel).toBe('Integreat-App');
    expect(b!.kurztitel).toBe('„Basiswissen Deutschland“ in der Integreat-App');
    expect(a!.bedarf).toBe('Gemeinsamer Bedarf.');
    expect(b!.bedarf).toBe('Gemeinsamer Bedarf.');
    expect(a!.gemeinsamMit).toEqual(['„Basiswissen Deutschland“ in der Integreat-App']);
    expect(b!.quelle.zeile).toBe(a!.quelle.zeile + 1);
    expect(warnings.map((w) => w.code)).toContain('gemeinsamer-kasten');
  });

  it('markdown header: bold title paragraph and italic agreement with bold actor', () => {
    const v = only(doc('**Ordner „Neubeginn Herne“**', '', '*Der **Fachbereich 41 (Sonstige Hilfen)** aktualisiert die Inhalte beider Versionen.*', ...body()));
    expect(v.kurztitel).toBe('Ordner „Neubeginn Herne“');
    expect(v.kurzvereinbarung).toBe('Der Fachbereich 41 (Sonstige Hilfen) aktualisiert die Inhalte beider Versionen.');
    expect(v.verantwortlich).toEqual(['Sonstige Hilfen (Fachbereich Soziales)']);
    expect(v.quelle.zeile).toBe(10);
  });

  it('markdown header with a line break in the title and a plain agreement paragraph', () => {
    const v = only(doc('**Bildungsdaten  ', 'der Geflüchteten**', '', 'Über die **Statistikstelle** wird eine Datenbank aufgebaut', ...body()));
    expect(v.kurztitel).toBe('Bildungsdaten der Geflüchteten');
    expect(v.kurzvereinbarung).toBe('Über die Statistikstelle wird eine Datenbank aufgebaut');
    expect(v.verantwortlich).toEqual(['Statistikstelle']);
  });

  it('title cell with a list and bulleted agreements (FIPS)', () => {
    const v = only(
      doc(
        '<p><b>„FIPS“ (Flüchtlinge integrieren psychosozial):</b></p> <ul style="list-style-type: none"> <li>• Sprechstunde</li> <li>• Schulungen</li> </ul>\t<ul style="list-style-type: none"> <li>• <i>Beratung über die <b>Soforthilfe Herne</b></i></li> <li>• <i>Transfer durch Projekt „Healing Classrooms“ des <b>KI</b></i></li> </ul>',
        '---\t--',
        ...body({
          vereinbarung: 'Folgende Vereinbarungen sind getroffen worden:',
          extra: ['- **Beratung:** Künftig über die **Soforthilfe Herne**.', '- **Netzwerkarbeit:** Im Projekt „FRANKA“.', '', '- **Schulungen:** Durch das **Kommunale Integrationszentrum**.', ''],
        }).map((l) => l.replace('**Vereinbarung:**', '**Vereinbarungen:**').replace('**Maßnahme:**', '**Maßnahmen:**')),
      ),
    );
    expect(v.kurztitel).toBe('„FIPS“ (Flüchtlinge integrieren psychosozial)');
    expect(v.stichpunkte).toEqual(['Sprechstunde', 'Schulungen']);
    expect(v.kurzvereinbarung).toBe('- Beratung über die Soforthilfe Herne\n- Transfer durch Projekt „Healing Classrooms“ des KI');
    expect(v.verantwortlich).toEqual(['Soforthilfe Herne', 'Kommunales Integrationszentrum']);
    expect(v.massnahme).toBe('Eine Maßnahme.');
    expect(v.vereinbarung).toBe(
      'Folgende Vereinbarungen sind getroffen worden:\n\n- Beratung: Künftig über die Soforthilfe Herne.\n- Netzwerkarbeit: Im Projekt „FRANKA“.\n- Schulungen: Durch das Kommunale Integrationszentrum.',
    );
  });

  it('agreement cell of two <p> paragraphs', () => {
    const v = only(
      doc(
        '<b>Qualifizierung</b>\t<p><i>Abstimmung zwischen dem <b>KI</b> und dem <b>Ehrenamtsbüro</b>.</i></p> <p><i>Der Kalender wird durch das <b>Kommunale Integrationszentrum</b> aktualisiert.</i></p>',
        '---\t--',
        ...body(),
      ),
    );
    expect(v.kurzvereinbarung).toBe('Abstimmung zwischen dem KI und dem Ehrenamtsbüro.\n\nDer Kalender wird durch das Kommunale Integrationszentrum aktualisiert.');
    expect(v.verantwortlich).toEqual(['Kommunales Integrationszentrum', 'Ehrenamtsbüro']);
  });

  it('stray cell in the header row is dropped with a warning', () => {
    const { catalogue, warnings } = parseText(
      doc('<b>Bedarfsanalyse und Maßnahmenabstimmung</b>\t<b>Maß-</b>\t<i>Das <b>Bündnis für Arbeit</b> lädt ein.</i>', '---\t-------------\t---', ...body()),
    );
    const v = all(catalogue)[0]!;
    expect(v.kurztitel).toBe('Bedarfsanalyse und Maßnahmenabstimmung');
    expect(v.kurzvereinbarung).toBe('Das Bündnis für Arbeit lädt ein.');
    expect(warnings.find((w) => w.code === 'artefakt')).toMatchObject({ zeile: 10 });
  });

  it('nested task areas become unteraufgaben (with broken bold and indented bullets)', () => {
    const v = only(
      doc(
        '<b>Handreichung „Schnittstellenmanagement“</b>\t<i>Für Einhaltung sind alle <b>beteiligten Akteure selbst</b> verantwortlich.</i>',
        '--\t---',
        '',
        '**Bedarf:** Abstimmung nötig.',
        '',
        '**Maßnahme:** Kooperationen in drei Aufgabenbereichen:',
        '',
        '- **Strukturiertes Ankommen**  ',
        '**Ziel:** Abgestimmte Prozesse.  ',
        '**Beteiligte:** Fachbereich 24 (Bürgerdienste), Fachbereich 43 Gesundheitsmanagement',
        '- **Sicherstellung ausreichender Kinderbetreuung**  ',
        '**Ziel:** Integration von Eltern  ',
        ' → Bedarfsermittlung',
        '**Beteiligte:** Bobeq, Arbeiterwohlfahrt (AWO)',
        '- **Strukturiertes Beratungsangebot**',
        '',
        '- Ziel:** Abgestimmte Beratung',
        '- Beteiligte:** Caritasverband Herne e.V., Deutsches Rote Kreuz (DRK)',
        '  - **Förderung der beruflichen Integration**',
        '',
        '**Ziel:** Speeddating planen.',
        '',
        '**Beteiligte:** Integration Point (IP), Agentur für Arbeit',
        '',
        '**Beteiligte:** Fachbereich 24 (Ausländer- u. Staatsangehörigkeitswesen), Sprachkursträger Bobeq, Tertia',
        '',
        '**Vereinbarung:** Die Handreichung steht digital zur Verfügung.',
        '',
        'Verantwortlich sind die **mitwirkenden Akteure**.',
      ),
    );
    expect(v.massnahme).toBe('Kooperationen in drei Aufgabenbereichen:');
    expect(v.beteiligte).toEqual(['Ausländer- und Staatsangehörigkeitswesen', 'Bobeq', 'Tertia']);
    expect(v.vereinbarung).toBe('Die Handreichung steht digital zur Verfügung.\n\nVerantwortlich sind die mitwirkenden Akteure.');
    expect(v.verantwortlich).toEqual(['Alle beteiligten Akteure']);
    expect(v.unteraufgaben?.map((u) => [u.kurztitel, u.ziel, u.beteiligte])).toEqual([
      ['Strukturiertes Ankommen', 'Abgestimmte Prozesse.', ['Fachbereich Bürgerdienste', 'Fachbereich Gesundheitsmanagement']],
      ['Sicherstellung ausreichender Kinderbetreuung', 'Integration von Eltern\n→ Bedarfsermittlung', ['Bobeq', 'Arbeiterwohlfahrt']],
      ['Strukturiertes Beratungsangebot', 'Abgestimmte Beratung', ['Caritasverband Herne e.V.', 'Deutsches Rotes Kreuz']],
      ['Förderung der beruflichen Integration', 'Speeddating planen.', ['Integration Point', 'Agentur für Arbeit']],
    ]);
    expect(v.unteraufgaben?.[0]?.quelle.zeile).toBe(17);
  });

  it('repairs paragraphs cut by a page break and keeps bullets as "- " lines', () => {
    const { catalogue, warnings } = parseText(
      doc(
        '<b>Elternangebote</b>\t<i>Unterstützung durch das <b>Familienbüro</b>.</i>',
        '---\t---',
        '',
        '**Bedarf:** Eltern brauchen Orientierung.',
        '',
        '**Maßnahme:** Kosten entstehen z.B. für Sprach-',
        '',
        'mittler und die Raumausstattung. Es begleitet bei Bedarf die',
        '',
        'Eingewöhnungsphase. Umgesetzt wurden:',
        '',
        '• Ein Workshop',
        '- Eine Checkliste',
        '',
        '1. Ein Coaching',
        '2. Eine Qualifizierung',
        '',
        '**Beteiligte:** Schulen',
        '',
        '**Vereinbarung:** Praktische Unterstützung durch das **Familienbüro**.',
      ),
    );
    const v = all(catalogue)[0]!;
    expect(v.massnahme).toBe(
      'Kosten entstehen z.B. für Sprachmittler und die Raumausstattung. Es begleitet bei Bedarf die Eingewöhnungsphase. Umgesetzt wurden:\n\n- Ein Workshop\n- Eine Checkliste\n1. Ein Coaching\n2. Eine Qualifizierung',
    );
    expect(warnings.filter((w) => w.code === 'seitenumbruch').map((w) => w.zeile)).toEqual([17, 19]);
  });

  it('without bold actors anywhere, responsible actors are recognised in the wording (with a warning)', () => {
    const { catalogue, warnings } = parseText(doc('<b>Integrationsbegleiterinnen</b>\t<i>Aktuell wird eine Beteiligung der Stadt Herne geprüft.</i>', '--\t--', ...body()));
    expect(all(catalogue)[0]!.verantwortlich).toEqual(['Stadt Herne']);
    expect(warnings.map((w) => w.code)).toContain('verantwortlich-aus-text');
  });

  it('reports a box without "Vereinbarung" and a missing appendix', () => {
    const { catalogue, warnings } = parseText(doc('<b>Kurz</b>\t<i>Der <b>Jobcenter</b> macht es.</i>', '--\t--', '', '**Bedarf:** Nur ein Bedarf.', ''));
    expect(all(catalogue)[0]!.bedarf).toBe('Nur ein Bedarf.');
    expect(warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['unvollstaendiger-kasten', 'anlage-fehlt']));
  });
});

// ---------------------------------------------------------------------------------------------
// Files that are not this document
// ---------------------------------------------------------------------------------------------

describe('refusing other input', () => {
  const attempt = (text: string, name = 'x.txt') => {
    try {
      parseVereinbarungen([{ name, text }]);
    } catch (error) {
      return error as ImportError;
    }
    throw new Error('expected an ImportError');
  };

  it('empty file', () => {
    const e = attempt('  \n\n');
    expect(e).toBeInstanceOf(ImportError);
    expect(e.datei).toBe('x.txt');
    expect(e.message).toContain('leer');
  });

  it('binary file with NUL bytes names the line', () => {
    const e = attempt('Zeile 1\nZeile 2\n\u0000\u0001\u0002');
    expect(e).toBeInstanceOf(ImportError);
    expect(e.zeile).toBe(3);
  });

  it('truncated report without boxes', () => {
    const truncated = readSource(SOURCE).split('\n').slice(0, 160).join('\n');
    const e = attempt(truncated, SOURCE);
    expect(e).toBeInstanceOf(ImportError);
    expect(e.datei).toBe(SOURCE);
    expect(e.message).toContain('Keine Vereinbarungs-Kästen');
    expect(e.zeile).toBe(144); // "## 4. Ergebnisse"
  });

  it('another document of the collection', () => {
    const other = '000_3e59e29afaedd339.txt';
    const e = attempt(readSource(other), other);
    expect(e).toBeInstanceOf(ImportError);
    expect(e.datei).toBe(other);
  });

  it('boxes outside a numbered chapter', () => {
    const e = attempt(['# Etwas', '', '<b>T</b>\t<i>k</i>', '', '**Bedarf:** x', '', '**Vereinbarung:** y'].join('\n'));
    expect(e.zeile).toBe(5);
  });

  it('looksLikeVereinbarungen tells the report from the other sources', () => {
    expect(looksLikeVereinbarungen(readSource(SOURCE))).toBe(true);
    for (const other of ['000_3e59e29afaedd339.txt', '002_f4ed1d705e4e74d9.txt', '003_bbd5bb4a4c8190b2.txt', '004_7af2113a3dd62404.txt']) {
      expect(looksLikeVereinbarungen(readSource(other))).toBe(false);
    }
    expect(looksLikeVereinbarungen('')).toBe(false);
    expect(looksLikeVereinbarungen('**Bedarf:** a\n**Beteiligte:** b\n**Vereinbarung:** c\u0000')).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Actors
// ---------------------------------------------------------------------------------------------

describe('actor splitter', () => {
  it('expands department units and maps abbreviations, inflections and typos', () => {
    expect(
      normalizeActors(
        'Fachbereich 31 (1 Bildungsbüro, Kommunales Integrationszentrum), Fachbereich 41 (3 Sonstige Hilfen), Deutsches Rote Kreuz (DRK), Stadtsporthund (SSB), Gemeinnützigen Beschäftigungsgesellschaft Herne (GBH), Gesellschaft Freie Sozialarbeit (gfs), Arbeiterwohlfahrt AWO), Eine Welt Zentrum EWZ)',
      ),
    ).toEqual([
      'Bildungsbüro',
      'Kommunales Integrationszentrum',
      'Sonstige Hilfen (Fachbereich Soziales)',
      'Deutsches Rotes Kreuz',
      'Stadtsportbund',
      'Gemeinnützige Beschäftigungsgesellschaft Herne',
      'Gesellschaft Freie Sozialarbeit',
      'Arbeiterwohlfahrt',
      'Eine Welt Zentrum',
    ]);
  });

  it('splits "und" only between known actors and keeps compound names', () => {
    expect(normalizeActors('Industrie- und Handelskammer (IHK), Ausländer- u. Staatsangehörigkeitswesen')).toEqual([
      'Industrie- und Handelskammer',
      'Ausländer- und Staatsangehörigkeitswesen',
    ]);
    expect(normalizeActors('Volkshochschule und Jobcenter')).toEqual(['Volkshochschule', 'Jobcenter Herne']);
    expect(normalizeActors('Evangelische Beratungsstelle, das Frauenhaus und die Gemeinnützige Beschäftigungsgesellschaft (GBH)')).toEqual([
      'Evangelische Beratungsstelle',
      'Frauenhaus',
      'Gemeinnützige Beschäftigungsgesellschaft Herne',
    ]);
    expect(
      normalizeActors('Fachbereich 10 (Ehrenamtsbüro) und die Ehrenamtskoordinatorinnen in der Flüchtlingsarbeit des Caritasverbandes Herne e.V. und des Eine Welt Zentrums (EWZ)'),
    ).toEqual(['Ehrenamtsbüro', 'Ehrenamtskoordinatorinnen in der Flüchtlingsarbeit']);
  });

  it('handles labels, cooperation clauses, member lists and commas inside names', () => {
    expect(normalizeActors('Sprachkursträger: Bobeq, Tertia, Internationaler Bund (IB)')).toEqual(['Bobeq', 'Tertia', 'Internationaler Bund']);
    expect(normalizeActors('Stadtsporthund (SSB) in Kooperation mit: Stadtjugendring (SJR), Sportvereinen und Kulturanbietern in Herne')).toEqual([
      'Stadtsportbund',
      'Stadtjugendring',
      'Sportvereine und Kulturanbieter in Herne',
    ]);
    expect(normalizeActors('Soforthilfe Herne (Caritasverband Herne e.V., St. Elisabeth Gruppe)')).toEqual([
      'Soforthilfe Herne',
      'Caritasverband Herne e.V.',
      'St. Elisabeth Gruppe',
    ]);
    expect(normalizeActors('Fachbereich 42 Kinder, Jugend und Familie, Jobcenter')).toEqual(['Fachbereich Kinder-Jugend-Familie', 'Jobcenter Herne']);
    expect(normalizeActors('Fachbereich 31 (Kommunales Integrationszentrum, hier v.a. Traumapädagogin)')).toEqual(['Kommunales Integrationszentrum']);
  });

  it('keeps unknown actors, cleaned and flagged', () => {
    expect(splitActors('**Jobcenter**, Unbekannter Verein e.V.')).toEqual([
      { name: 'Jobcenter Herne', wording: 'Jobcenter', bekannt: true },
      { name: 'Unbekannter Verein e.V.', wording: 'Unbekannter Verein e.V.', bekannt: false },
    ]);
  });

  it('finds known actors in running text, longest match first', () => {
    expect(findActors('Ehrenamtskoordinatorinnen vom Caritasverband Herne e.V. und dem Eine Welt Zentrum koordinieren die Bedarfe').map((t) => t.name)).toEqual([
      'Ehrenamtskoordinatorinnen in der Flüchtlingsarbeit',
    ]);
    expect(findActors('Das Schulamt für die Stadt Herne und das KI').map((t) => t.name)).toEqual(['Schulamt für die Stadt Herne', 'Kommunales Integrationszentrum']);
    expect(canonicalActor('Kommunalem Integrationszentrum')?.name).toBe('Kommunales Integrationszentrum');
    expect(canonicalActor('Bundesagentur für Arbeit')?.name).toBe('Agentur für Arbeit');
  });
});

// ---------------------------------------------------------------------------------------------
// Cross-check
// ---------------------------------------------------------------------------------------------

describe('crossCheckTitles', () => {
  const v = (kurztitel: string, zeile: number, extra: Partial<Vereinbarung> = {}): Vereinbarung => ({
    kurztitel,
    kurzvereinbarung: '',
    bedarf: '',
    massnahme: '',
    beteiligte: [],
    vereinbarung: '',
    verantwortlich: [],
    finanzierungsvorbehalt: null,
    quelle: { datei: 'f.txt', zeile },
    ...extra,
  });
  const e = (kapitel: string, titel: string, zeile: number, punkte: string[] = []): AnlageEintrag => ({
    kapitel,
    kapitelTitel: kapitel === '4.1' ? 'Eins' : 'Zwei',
    titel,
    punkte,
    kurzvereinbarung: '',
    fett: [],
    zeile,
  });

  it('pairs equal titles, reports differing and one-sided titles with warnings', () => {
    const kapitel = [
      { nummer: '4.1', titel: 'Eins', vereinbarungen: [v('Alpha', 10), v('Beta', 20), v('Gamma', 30)] },
      { nummer: '4.2', titel: 'Zwei', vereinbarungen: [v('Summerschool', 40)] },
    ];
    const anlage = [e('4.1', 'Alpha', 100), e('4.1', 'Gamma', 101), e('4.1', 'Delta', 102), e('4.2', 'Unterstützendes Sprachlernangebot „Summerschool“', 103)];
    const r = crossCheckTitles(kapitel, anlage, 'f.txt');
    expect(r.paare.map((p) => [p.text, p.anlage, p.gleich])).toEqual([
      ['Alpha', 'Alpha', true],
      ['Gamma', 'Gamma', true],
      ['Summerschool', 'Unterstützendes Sprachlernangebot „Summerschool“', false],
    ]);
    expect(r.nurImText).toEqual([{ kapitel: '4.1', titel: 'Beta', zeile: 20 }]);
    expect(r.nurInAnlage).toEqual([{ kapitel: '4.1', titel: 'Delta', zeile: 102 }]);
    expect(r.warnings.map((w) => [w.code, w.zeile])).toEqual([
      ['titel-fehlt-in-anlage', 20],
      ['titel-fehlt-im-text', 102],
      ['titel-abweichung', 40],
    ]);
  });

  it('ignores case, punctuation and dashes; compares listed sub-items', () => {
    const box = v('Handreichung „Schnittstellenmanagement“', 10, {
      unteraufgaben: [v('Strukturierter Übergang Schule Beruf', 11), v('Sicherstellung ausreichender Kinderbetreuung', 12)],
    });
    const r = crossCheckTitles([{ nummer: '4.1', titel: 'Eins', vereinbarungen: [box] }], [e('4.1', 'Handreichung „Schnittstellenmanagement“', 50, ['Strukturierter Übergang Schule – Beruf', 'Sicherstellung von Sprach- und Integrationskursen mit Kinderbetreuung'])], 'f.txt');
    expect(r.abweichungen).toEqual([]);
    expect(r.unteraufgaben).toEqual([
      { kapitel: '4.1', vereinbarung: 'Handreichung „Schnittstellenmanagement“', text: 'Sicherstellung ausreichender Kinderbetreuung', anlage: 'Sicherstellung von Sprach- und Integrationskursen mit Kinderbetreuung', zeileText: 12, zeileAnlage: 50 },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Golden test over the full report
// ---------------------------------------------------------------------------------------------

describe('golden: Abschlussbericht „Integration von Neuzugewanderten“ (001)', () => {
  const text = readSource(SOURCE);
  const { catalogue, warnings, abgleich } = parseText(text, SOURCE);
  const byTitle = (t: string) => {
    const found = all(catalogue).filter((x) => x.kurztitel === t);
    expect(found, t).toHaveLength(1);
    return found[0]!;
  };

  it('catalogue metadata', () => {
    expect(catalogue.kind).toBe('vereinbarungen');
    expect(catalogue.title).toBe('Abschlussbericht – Projekt „Integration von Neuzugewanderten“');
    expect(catalogue.zeitraum).toBe('2016-2019');
    expect(catalogue.stand).toBe('September 2019');
    expect(catalogue.herausgeber).toBe('Stadt Herne, Der Oberbürgermeister');
    expect(catalogue.vorwort).toMatch(/^Mit dem Projekt „Integration von Neuzugewanderten“ hat die Stadtverwaltung im Jahr 2016 einen breit angelegten Partizipationsprozess initiiert/);
    expect(catalogue.vorwort).not.toMatch(/Dudda|Thierhoff/);
    expect(catalogue.quelle).toEqual({ datei: SOURCE, zeile: 1 });
  });

  it('agreements per chapter (42 boxes with "Bedarf", the Integreat box carries two titles)', () => {
    expect(text.match(/^\*\*Bedarf:\*\*/gm)).toHaveLength(42);
    expect(catalogue.kapitel.map((k) => [k.nummer, k.titel, k.vereinbarungen.length])).toEqual([
      ['4.1', 'Verbesserung der Kooperation der Akteure in der Integrationsarbeit', 7],
      ['4.2', 'Integration durch Bildung', 7],
      ['4.3', 'Kinderbetreuung', 3],
      ['4.4', 'Psychosoziale Belastungen', 2],
      ['4.5', 'Gesellschaftliche Teilhabe', 9],
      ['4.6', 'Berufliche Integration', 9],
      ['4.7', 'Ehrenamtliches Engagement in der Flüchtlingsarbeit', 6],
    ]);
    expect(catalogue.kapitel.find((k) => k.nummer === '4.1')!.vereinbarungen.map((x) => [x.kurztitel, x.quelle.zeile])).toEqual([
      ['Broschüre „Arbeitshilfe für Herner Fachkräfte in der Integrationsarbeit für Geflüchtete“', 162],
      ['Handreichung „Schnittstellenmanagement“', 177],
      ['Jourfixe zwischen Integration Point und Migrationsberatungsstellen', 222],
      ['Ordner „Neubeginn Herne“', 233],
      ['Allgemeine Daten zur Flüchtlingsentwicklung', 251],
      ['Daten zur Bewohnerstruktur der Unterkünfte', 262],
      ['Bildungsdaten der Geflüchteten', 273],
    ]);
    expect(catalogue.kapitel.find((k) => k.nummer === '4.4')!.vereinbarungen.map((x) => x.kurztitel)).toEqual([
      '„FIPS“ (Flüchtlinge integrieren psychosozial)',
      'Kunsttherapeutisches Gruppenangebot für psychisch belastete Kinder',
    ]);
    for (const x of all(catalogue)) {
      expect(x.bedarf, x.kurztitel).not.toBe('');
      expect(x.massnahme, x.kurztitel).not.toBe('');
      expect(x.vereinbarung, x.kurztitel).not.toBe('');
      expect(x.beteiligte.length, x.kurztitel).toBeGreaterThan(0);
      expect(x.verantwortlich.length, x.kurztitel).toBeGreaterThan(0);
      expect(x.kurzvereinbarung, x.kurztitel).not.toMatch(/<|\*\*/);
    }
  });

  it('the seven task areas of "Schnittstellenmanagement"', () => {
    const s = byTitle('Handreichung „Schnittstellenmanagement“');
    expect(s.massnahme).toBe('Kooperationen zwischen den Akteuren sind in den folgenden sieben Aufgabenbereichen fest verabredet:');
    expect(s.unteraufgaben?.map((u) => u.kurztitel)).toEqual([
      'Strukturiertes Ankommen der Geflüchteten',
      'Sicherstellung ausreichender Kinderbetreuung',
      'Strukturiertes Beratungsangebot für Geflüchtete',
      'Verbesserung der Integration durch Kultur, Sport und Freizeit',
      'Sicherstellung bedarfsorientierter Sprachkurse',
      'Strukturierter Übergang Schule Beruf',
      'Förderung der beruflichen Integration',
    ]);
    const [ankommen, kinder, beratung, , sprachkurse] = s.unteraufgaben!;
    expect(ankommen!.ziel).toBe('Sicherstellung aufeinander abgestimmter Prozesse und Standards für die sensible Phase des Ankommens.');
    expect(ankommen!.beteiligte).toEqual(['Fachbereich Bürgerdienste', 'Kommunales Integrationszentrum', 'Sonstige Hilfen (Fachbereich Soziales)', 'Fachbereich Gesundheitsmanagement']);
    expect(kinder!.ziel).toBe(
      'Sicherstellung einer zeitnahen erfolgreichen Integration von Eltern, vor allem junger Mütter\n→ Bedarfsermittlung und Sicherstellung von Kinderbetreuung während Integrationskursen und Qualifizierungsmaßnahmen',
    );
    expect(beratung!.beteiligte).toHaveLength(12);
    expect(sprachkurse!.beteiligte).toContain('Tertia');
    // The box-level Beteiligte line follows the last task area.
    expect(s.beteiligteText).toMatch(/^Fachbereich 24 \(Ausländer- u\. Staatsangehörigkeitswesen\), Fachbereich 31 \(Bildungsbüro/);
    expect(s.beteiligte).toHaveLength(29);
    expect(s.vereinbarung).toBe(
      'Die Vereinbarungen in den jeweiligen Aufgabenfeldern stehen allen Beteiligten als Handreichung „Schnittstellenmanagement“ in digitaler Form zur Verfügung.\n\nVerantwortlich für die Einhaltung und ggf. Anpassung sind die in der Kooperation mitwirkenden Akteure.',
    );
    expect(s.verantwortlich).toEqual(['Alle beteiligten Akteure']);
  });

  it('field by field: Broschüre (4.1)', () => {
    const x = byTitle('Broschüre „Arbeitshilfe für Herner Fachkräfte in der Integrationsarbeit für Geflüchtete“');
    expect(x.kurzvereinbarung).toBe('Eine jährliche Aktualisierung erfolgt zukünftig durch den Fachbereich 41 (Sonstige Hilfen). Die Aktualisierung wird allen Trägern digital bereitgestellt.');
    expect(x.bedarf).toMatch(/^Ein abgestimmter Beratungsablauf gewährleistet eine umfassende Informationsversorgung für Geflüchtete\..*Ansprechpartner\*innen und Beratungswege nicht hinreichend einsichtig\.$/);
    expect(x.massnahme.split('\n\n')).toHaveLength(2);
    expect(x.massnahme).toMatch(/um persönliche Daten bereinigte Broschüre „Zuständigkeiten in der Integrationsarbeit für Geflüchtete in Herne“/);
    expect(x.beteiligte).toEqual(['Alle Fachkräfte in der Integrationsarbeit']);
    expect(x.vereinbarung).toBe(
      'Die notwendige jährliche Aktualisierung der Broschüre „Arbeitshilfe für Herner Fachkräfte in der Integrationsarbeit für Geflüchtete“ erfolgt zukünftig durch den Fachbereich 41 (Sonstige Hilfen). Die Aktualisierung wird allen Trägern digital bereitgestellt.',
    );
    expect(x.verantwortlich).toEqual(['Sonstige Hilfen (Fachbereich Soziales)']);
    expect(x.finanzierungsvorbehalt).toBeNull();
  });

  it('field by field: Jourfixe (4.1)', () => {
    const x = byTitle('Jourfixe zwischen Integration Point und Migrationsberatungsstellen');
    expect(x.kurzvereinbarung).toBe('Integration Point und Arbeiterwohlfahrt koordinieren alle drei Monate diesen Termin.');
    expect(x.bedarf).toMatch(/^Die Vielzahl der Akteure aus dem Beratungskontext/);
    expect(x.massnahme).toMatch(/^Der Integration Point und die Arbeiterwohlfahrt \(AWO\) organisieren gemeinschaftlich alle drei Monate einen Jourfixe\./);
    expect(x.beteiligte).toEqual([
      'Integration Point',
      'Bundesamt für Migration und Flüchtlinge',
      'Arbeiterwohlfahrt',
      'Caritasverband Herne e.V.',
      'Deutsches Rotes Kreuz',
      'Eine Welt Zentrum',
      'Gesellschaft Freie Sozialarbeit',
      'Jüdische Gemeinde',
      'Plan B',
      'Bildungsbüro',
      'Kommunales Integrationszentrum',
      'Sonstige Hilfen (Fachbereich Soziales)',
    ]);
    expect(x.vereinbarung).toBe('Der Jourfixe tagt alle drei Monate und wird zukünftig durch den Integration Point und die Arbeiterwohlfahrt organisiert.');
    expect(x.verantwortlich).toEqual(['Integration Point', 'Arbeiterwohlfahrt']);
    expect(x.finanzierungsvorbehalt).toBeNull();
  });

  it('field by field: Ordner „Neubeginn Herne“ (markdown header, 4.1)', () => {
    const x = byTitle('Ordner „Neubeginn Herne“');
    expect(x.kurzvereinbarung).toBe('Der Fachbereich 41 (Sonstige Hilfen) aktualisiert die Inhalte beider Versionen.');
    expect(x.bedarf).toMatch(/^Es bestand einerseits Bedarf, die Geflüchteten nach ihrer Ankunft/);
    expect(x.massnahme.split('\n\n')).toHaveLength(4);
    expect(x.beteiligte).toEqual([
      'Kommunales Integrationszentrum',
      'Sonstige Hilfen (Fachbereich Soziales)',
      'Büro Dezernat III',
      'Jobcenter Herne',
      'Integration Point',
      'Wohlfahrtsverbände',
      'Migrationsberatungsstellen',
    ]);
    expect(x.vereinbarung).toBe(
      'Die Inhalte beider Versionen des Ordners werden zukünftig in Verantwortung des Fachbereiches 41 (Sonstige Hilfen) aktualisiert und den Fachkräften in digitaler Form bereitgestellt. Bei Bedarf kann auch ein Nachdruck erfolgen.',
    );
    expect(x.verantwortlich).toEqual(['Sonstige Hilfen (Fachbereich Soziales)']);
  });

  it('field by field: Summerschool (4.2, funding caveat without icon)', () => {
    const x = byTitle('Summerschool');
    expect(x.kurzvereinbarung).toBe('Die Organisation in den Sommer- und Herbstferien übernehmen Volkshochschule und Kulturbüro.');
    expect(x.bedarf).toMatch(/^Auch für zugewanderte ältere Schüler\*innen im Sekundarstufenalter/);
    expect(x.massnahme).toMatch(/^Für die älteren Schüler\*innen mit Fluchthintergrund wird seit 2017 die „Summerschool“ angeboten\./);
    expect(x.beteiligte).toEqual(['Kommunales Integrationszentrum', 'Volkshochschule', 'Kulturbüro', 'Schulen', 'Ehrenamtliche']);
    expect(x.vereinbarung).toBe('Organisation in den Sommer- und Herbstferien durch die Volkshochschule in Kooperation mit dem Kulturbüro');
    expect(x.verantwortlich).toEqual(['Volkshochschule', 'Kulturbüro']);
    expect(x.finanzierungsvorbehalt).toBe('Die Durchführung ist abhängig von einer Förderung des Deutschen Volkshochschulverbands.');
  });

  it('field by field: FIPS (4.4, list in the title cell, Vereinbarungen as bullets)', () => {
    const x = byTitle('„FIPS“ (Flüchtlinge integrieren psychosozial)');
    expect(x.stichpunkte).toEqual(['Sprechstunde', 'Terminvereinbarung „auf Zuruf“', 'Aufbau eines Netzwerks', 'Schulungen']);
    expect(x.kurzvereinbarung.split('\n')).toHaveLength(3);
    expect(x.kurzvereinbarung).toMatch(/^- Niedrigschwellige Beratung für Betroffene, Angehörige und pädagogisches Fachpersonal über die Soforthilfe Herne\n- Nutzung/);
    expect(x.massnahme).toMatch(/Kindertageeinrichtungen und dem dortigen pädagogischem Fachpersonal/); // page break "Kindertageein-" / "richtungen" joined, typo kept
    expect(x.massnahme).toMatch(/„FRANKA“ \(FrühförderndRessourcenorientiertAchtsamNachhaltigKompetentAltersgerecht\)/);
    expect(x.beteiligte).toEqual([
      'Fachbereich Gesundheitsmanagement',
      'Soforthilfe Herne',
      'Caritasverband Herne e.V.',
      'St. Elisabeth Gruppe',
      'Kommunales Integrationszentrum',
      'Pädagogische Fachkräfte an Kindertageseinrichtungen und Schulen',
      'Grundschulen',
      'Realschulen',
      'Gymnasien',
      'Emschertal-Berufskolleg',
    ]);
    expect(x.vereinbarung.split('\n')).toEqual([
      'Folgende Vereinbarungen sind getroffen worden:',
      '',
      '- Beratung: Künftig erfolgt eine niedrigschwellige Beratung bei Bedarf über die Soforthilfe Herne.',
      '- Netzwerkarbeit: Die im Projekt „FIPS“ aufgebauten Kooperationsstrukturen werden im Förderprojekt „FRANKA“ unter Leitung des Fachbereichs Gesundheitsmanagement nutzbar gemacht und weiterentwickelt.',
      '- Schulungen für pädagogische Fachkräfte: Das Kommunale Integrationszentrum bietet künftig in Kooperation mit dem IRC Veranstaltungsreihen an zum Thema „Trauma und Resilienz in der Schule/im der Kita – Kinder stärken im Auf und Ab des Lebens“.',
    ]);
    expect(x.verantwortlich).toEqual(['Soforthilfe Herne', 'Fachbereich Gesundheitsmanagement', 'Kommunales Integrationszentrum']);
    expect(x.finanzierungsvorbehalt).toBeNull();
  });

  it('field by field: Kurse „Basiswissen Deutschland“ (4.5, responsible completed from the appendix)', () => {
    const x = byTitle('Kurse „Basiswissen Deutschland“');
    expect(x.kurzvereinbarung).toBe('Die Volkshochschule (VHS) richtet in Abstimmung mit dem Fachbereich Soziales Kurse ein');
    expect(x.bedarf).toMatch(/^Es ist essenziell, Neuzugewanderte zeitnah nach ihrer Ankunft/);
    expect(x.beteiligte).toEqual(['Kommunales Integrationszentrum', 'Volkshochschule', 'Sonstige Hilfen (Fachbereich Soziales)']);
    expect(x.vereinbarung).toBe(
      'Bezüglich der Kursplanung steht die Volkshochschule in engem Austausch mit dem Kommunalen Integrationszentrum und dem Fachbereich Soziales und stimmen das Vorgehen gemeinsam ab.',
    );
    // Only "Fachbereich Soziales" is bold in the box; the appendix also marks the Volkshochschule.
    expect(x.verantwortlich).toEqual(['Fachbereich Soziales', 'Volkshochschule']);
    expect(x.anlage).toEqual({
      kurztitel: 'Kurse „Basiswissen Deutschland“',
      kurzvereinbarung: 'Die Volkshochschule (VHS) richtet in Abstimmung mit dem Fachbereich Soziales Kurse ein.',
      quelle: { datei: SOURCE, zeile: 1051 },
    });
    expect(x.finanzierungsvorbehalt).toBeNull();
  });

  it('field by field: Projekt „Integra“ (4.6, ⚡ caveat, responsible only in the appendix)', () => {
    const x = byTitle('Projekt „Integra“');
    expect(x.kurzvereinbarung).toBe('Integra wird in Kooperation von GFS und der Jugendkunstschule Herne e.V. (JKS) umgesetzt.');
    expect(x.bedarf).toBe(
      'Für nicht mehr schulpflichtige junge Menschen bis 27 Jahre existieren in der Regel zu wenige Angebote zur Unterstützung der Integration in den Arbeitsmarkt. Genau hier setzt das Projekt „Integra“ an.',
    );
    expect(x.beteiligte).toEqual(['Gesellschaft Freie Sozialarbeit', 'Jugendkunstschule Herne e.V.']);
    expect(x.vereinbarung).toBe(
      'Sofern neue Landesmittel bewilligt werden, führen die Gesellschaft freie Sozialarbeit (GFS) und die Jugendkunstschule Herne e.V. (JKS) die Maßnahme „Integra“ auch nach 2019 weiter fort.',
    );
    expect(x.verantwortlich).toEqual(['Gesellschaft Freie Sozialarbeit', 'Jugendkunstschule Herne e.V.']);
    expect(x.finanzierungsvorbehalt).toBe('Die Umsetzung 2019 ist gesichert. Eine Weiterführung der Maßnahme ist abhängig von der Bewilligung neuer Landesmittel.');
  });

  it('funding caveats: twelve boxes (five with ⚡, seven whose icon was lost)', () => {
    expect(text.match(/^⚡/gm)).toHaveLength(5);
    expect(text.match(/^ (Die Durchführung|Bei der Umsetzung)/gm)).toHaveLength(7);
    expect(
      all(catalogue)
        .filter((x) => x.finanzierungsvorbehalt)
        .map((x) => x.quelle.zeile),
    ).toEqual([292, 329, 344, 357, 391, 419, 595, 619, 660, 687, 700, 809]);
  });

  it('the two titles of the Integreat box share one body', () => {
    const app = byTitle('Integreat-App');
    const basis = byTitle('„Basiswissen Deutschland“ in der Integreat-App');
    expect(app.verantwortlich).toEqual(['Pressebüro', 'Bildungsbüro', 'Integrationsscouts']);
    expect(basis.verantwortlich).toEqual(['Volkshochschule', 'Integrationsscouts']);
    expect(basis.vereinbarung).toBe(app.vereinbarung);
    expect(app.gemeinsamMit).toEqual(['„Basiswissen Deutschland“ in der Integreat-App']);
  });

  it('cross-check of the short titles against the appendix table', () => {
    const anlage = parseAnlage(text, SOURCE)!;
    expect(anlage.eintraege).toHaveLength(43);
    expect(anlage.kapitel.map((k) => k.nummer)).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7']);
    // The exported cross-check gives the same report as the parser.
    const report = crossCheckTitles(catalogue.kapitel, anlage.eintraege, SOURCE);
    expect(report.abweichungen.map((p) => p.text)).toEqual(abgleich!.abweichungen.map((p) => p.text));

    expect(report.paare).toHaveLength(43);
    expect(report.nurImText).toEqual([]);
    expect(report.nurInAnlage).toEqual([]);
    expect(report.kapitel).toEqual([]);
    expect(report.abweichungen.map((p) => [p.kapitel, p.text, p.anlage])).toEqual([
      ['4.1', 'Handreichung „Schnittstellenmanagement“', 'Handreichung: „Schnittstellenmanagement“ für ausgewählte Handlungsfelder'],
      ['4.2', 'Summerschool', 'Unterstützendes Sprachlernangebot „Summerschool“'],
      [
        '4.2',
        'Handlungsfeld „Bildung“ im Rahmen des gesamtstädtischen Integrationskonzeptes',
        'Verstetigung der Themen im Bereich Bildung im Handlungsfeld „Bildung“ des gesamtstädtischen Integrationskonzeptes',
      ],
      ['4.3', 'Übergangmanagement in die Regel-Kita', 'Übergangsmanagement in die Regel-Kita'],
      ['4.5', 'Trainings für Schüler*innen', 'Trainings für Schüler*innen zu den Themen Wertedialog, Demokratiebildung, Gewaltprävention und Deeskalation'],
      ['4.6', 'Unterstützungsangebote für Geflüchtete im Bereich „Bewerbung“ im „Café O“', 'Hilfe zur Bewerbung im „Café O“ (sollte dann auch entsprechend in Kap 5 geändert werden)'],
      ['4.7', 'Akquise von Einsatzstellen für Ehrenamtliche mit Fluchterfahrung', 'Akquise von Einsatzstellen für Ehrenamtliche mit Fluchthintergrund'],
    ]);
    // The appendix lists the seven task areas inside the title cell; two are worded differently
    // ("Schule – Beruf" vs "Schule Beruf" only differs in the dash).
    expect(report.unteraufgaben.map((u) => [u.text, u.anlage])).toEqual([
      ['Strukturiertes Ankommen der Geflüchteten', 'Strukturiertes Ankommen'],
      ['Sicherstellung ausreichender Kinderbetreuung', 'Sicherstellung von Sprach- und Integrationskursen mit Kinderbetreuung'],
    ]);
    const codes = warnings.map((w) => w.code);
    expect(codes.filter((c) => c === 'titel-abweichung')).toHaveLength(7);
    expect(codes.filter((c) => c === 'unteraufgabe-abweichung')).toHaveLength(2);
    expect(codes).not.toContain('titel-fehlt-in-anlage');
    expect(codes).not.toContain('titel-fehlt-im-text');
  });

  it('warnings: repaired and ambiguous input, no personal data', () => {
    const count = (code: string) => warnings.filter((w) => w.code === code).length;
    expect(count('seitenumbruch')).toBe(10); // 8 paragraphs in boxes + 2 appendix rows
    expect(warnings.find((w) => w.code === 'artefakt')?.zeile).toBe(687);
    expect(count('gemeinsamer-kasten')).toBe(1);
    expect(warnings.filter((w) => w.code === 'verantwortlich-abweichung').map((w) => w.zeile)).toEqual([554]);
    expect(warnings.filter((w) => w.code === 'verantwortlich-aus-text').map((w) => w.zeile)).toEqual([404]);
    expect(count('unvollstaendiger-kasten')).toBe(0);
    for (const w of warnings) {
      expect(w.datei).toBe(SOURCE);
      expect(w.meldung).not.toMatch(/Dudda|Thierhoff|@|\+49|\b0\d{3,4}[ /-]?\d{3,}/);
    }
  });

  it('every printed actor resolves to a canonical actor', () => {
    const unknown = all(catalogue).flatMap((x) =>
      [x.beteiligteText ?? '', ...(x.unteraufgaben ?? []).map((u) => u.beteiligteText ?? '')].flatMap((t) => splitActors(t).filter((a) => !a.bekannt).map((a) => a.name)),
    );
    expect(unknown).toEqual([]);
    const names = new Set(all(catalogue).flatMap((x) => [...x.beteiligte, ...x.verantwortlich, ...(x.unteraufgaben ?? []).flatMap((u) => u.beteiligte)]));
    // Spelling variants collapse: one name each.
    for (const variant of ['Stadtsporthund', 'Deutsches Rote Kreuz (DRK)', 'Jobcenter', 'Berufskollegs', 'Caritasverbandes Herne e.V.', 'Gesellschaft freie Sozialarbeit e.V. (GFS)']) {
      expect(names.has(variant), variant).toBe(false);
    }
    expect(names.has('Stadtsportbund')).toBe(true);
    expect(names.has('Jobcenter Herne')).toBe(true);
  });

  it('parseVereinbarungen returns one catalogue per file', () => {
    const r = parseVereinbarungen([{ name: SOURCE, text }]);
    expect(r.catalogues).toHaveLength(1);
    expect(r.catalogues[0]!.kapitel).toHaveLength(7);
    expect(r.warnings).toEqual(warnings);
  });
});
