import { describe, expect, it } from 'vitest';
import { splitTargetGroups, stateFromStatusText, titleFromText } from './vocabulary';

describe('stateFromStatusText', () => {
  it.each([
    ['Regelangebot', 'dauerhaft'],
    ['Dieses Regelangebot ist stets auf das laufende Ausbildungsjahr bezogen', 'dauerhaft'],
    ['Das Buchungsportal „Impiris“ wird … abgeschafft.', 'eingestellt'],
    ['Die Maßnahme ist in Planung.', 'geplant'],
    ['Das Angebot wurde erfolgreich umgesetzt.', 'umgesetzt'],
    ['Die Kurse laufen', 'unbekannt'],
    ['Zeitraum 01.05.2018 – 31.08.2019 - Maßnahme ist beendet; Neustart: 26.08.2019- 08.11.2020 (dritter Durchlauf)', 'laufend'],
    ['Innerhalb des Projektes ist der zweite Meilenstein für die Bibliotheken beendet.', 'unbekannt'],
    ['Laufender Prozess', 'laufend'],
    ['Befristet bis zum 31.12.2019', 'laufend'],
    ['Diese Maßnahme stellt ein unbefristetes Angebot dar.', 'dauerhaft'],
    ['Regelaufgabe', 'dauerhaft'],
    ['Das Projekt wurde in 2019 durchgeführt.', 'umgesetzt'],
    ['Das Angebot wurde in 2019 durchgeführt; eine Fortführung für 2020 ist geplant.', 'geplant'],
    ['Bestimmte Maßnahmen werden im Laufe des Jahres 2020 begonnen: Ferienprogramme an Schulen', 'geplant'],
    ['Das wöchentliche Gruppenangebot hat von Mai bis September 2019 an der Jugendkunstschule Wanne-Eickel e.V. stattgefunden.', 'umgesetzt'],
    ['Seit 2017', 'laufend'],
    ['Aus terminlichen Gründen wurde die Maßnahme verschoben.', 'unbekannt'],
    ['', 'unbekannt'],
  ])('%s → %s', (text, state) => {
    expect(stateFromStatusText(text)).toBe(state);
  });
});

describe('splitTargetGroups', () => {
  it('splits lists but keeps "und" phrases together', () => {
    expect(splitTargetGroups('Schülerinnen und Schüler, Schulen,  Unternehmen, Betriebe').map((g) => g.name)).toEqual([
      'Schülerinnen und Schüler',
      'Schulen',
      'Unternehmen',
      'Betriebe',
    ]);
    expect(splitTargetGroups('Jugendliche und deren Eltern').map((g) => g.name)).toEqual(['Jugendliche und deren Eltern']);
  });
  it('drops explanatory phrases and duplicates', () => {
    const groups = splitTargetGroups(
      'Jugendliche im Übergang Schule-Beruf, vor allem Jugendliche mit Startschwierigkeiten und ohne adäquate Anschlussperspektive; Eltern; eltern',
    );
    expect(groups.map((g) => g.name)).toEqual(['Jugendliche im Übergang Schule-Beruf', 'Eltern']);
  });
});

describe('splitTargetGroups: only lists are split', () => {
  const names = (text: string) => splitTargetGroups(text).map((g) => g.name);
  it('keeps a relative clause with the group it describes', () => {
    expect(names('Väter mit und ohne Migrationshintergrund, deren Kinder die Grundschule besuchen')).toEqual([
      'Väter mit und ohne Migrationshintergrund',
    ]);
    expect(
      names('Alle Interessierten, die sich im Rahmen der Berufsorientierung, aber auch generell über neue Berufe, Ausbildungsmöglichkeiten usw. informieren möchten.'),
    ).toEqual(['Alle Interessierten']);
  });
  it('reads lower-case bullets as the continuation of the line before', () => {
    expect(names('Mitarbeiter/Innen\n- der Stadtverwaltung Herne,\n- der Schulen und\n- der Kindertagesstätten,\ndie mit Migranten kommunizieren müssen.')).toEqual([
      'Mitarbeiter/Innen',
    ]);
    expect(names('- Lehrer*innen, welche diese Schüler*innen unterrichten\n- Eltern')).toEqual(['Lehrer*innen', 'Eltern']);
  });
  it('unwraps a group in parentheses and keeps commas inside parentheses', () => {
    expect(names('Neu zugewanderte Kinder und Jugendliche, Schulen, (neu zugezogene Erwachsene)')).toEqual([
      'Neu zugewanderte Kinder und Jugendliche',
      'Schulen',
      'Neu zugezogene Erwachsene',
    ]);
    expect(names('Multiplikatoren/-innen (Schule, Eltern), (werdende) Eltern')).toEqual(['Multiplikatoren/-innen (Schule, Eltern)', '(werdende) Eltern']);
  });
  it('drops focus particles and later explanatory sentences, keeps the printed wording', () => {
    expect(splitTargetGroups('Wohnungswirtschaft, private Bauherren; mittelbar Mieter/-innen')).toEqual([
      { name: 'Wohnungswirtschaft', wording: 'Wohnungswirtschaft' },
      { name: 'Private Bauherren', wording: 'private Bauherren' },
      { name: 'Mieter/-innen', wording: 'mittelbar Mieter/-innen' },
    ]);
    expect(names('KiTas, die viele Kinder besuchen. Dies gilt besonders für Familien')).toEqual(['KiTas']);
    expect(names('Schüler/-innen der 4. Klassen an der o.g. Grundschule')).toEqual(['Schüler/-innen der 4. Klassen an der o.g. Grundschule']);
    expect(names('Väter mit Migrationshintergrund\nÖffnung einer Gruppe für alle Väter')).toEqual(['Väter mit Migrationshintergrund']);
  });
});

describe('titleFromText', () => {
  it('takes the first sentence', () => {
    expect(titleFromText('Die Kammern werben. Weitere Sätze folgen.')).toBe('Die Kammern werben.');
  });
  it('does not end the sentence at abbreviations', () => {
    expect(
      titleFromText('Die Kammern werben ihrem gesetzlichen Auftrag gemäß (z.B. Berufsbildungsgesetz, Handwerksordnung u.a.) für Plätze. Zweiter Satz.'),
    ).toBe('Die Kammern werben ihrem gesetzlichen Auftrag gemäß (z.B. Berufsbildungsgesetz, Handwerksordnung u.a.) für Plätze.');
    expect(titleFromText('Es gibt ca. 1300 Plätze. Mehr.')).toBe('Es gibt ca. 1300 Plätze.');
    expect(titleFromText('Angebote der VHS, z. B. Kurse. Weiteres.')).toBe('Angebote der VHS, z. B. Kurse.');
  });
  it('cuts long sentences at a word', () => {
    const title = titleFromText('a '.repeat(100), 20);
    expect(title.endsWith(' …')).toBe(true);
    expect(title.length).toBeLessThanOrEqual(22);
  });
});
