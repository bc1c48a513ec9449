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
