import { describe, expect, it } from 'vitest';
import { ACTORS, actorKey, canonicalActor, normaliseActors, splitActors } from './actors';

describe('splitActors', () => {
  it.each([
    ['FB 31 und Jobcenter', ['FB 31', 'Jobcenter']],
    ['Agentur für Arbeit, JobCenter', ['Agentur für Arbeit', 'JobCenter']],
    ['Fachbereich Umwelt und Stadtplanung; Fachbereich Stadtentwicklung', ['Fachbereich Umwelt und Stadtplanung', 'Fachbereich Stadtentwicklung']],
    ['Integration Point, JobCenter u. FB 31/4 (VHS)', ['Integration Point', 'JobCenter', 'FB 31/4 (VHS)']],
    ['Kommunales Integrationszentrum / gfi', ['Kommunales Integrationszentrum', 'gfi']],
    ['gfi/ Kommunales Integrationszentrum', ['gfi', 'Kommunales Integrationszentrum']],
  ])('%s', (cell, expected) => {
    expect(splitActors(cell)).toEqual(expected);
  });

  it('drops "u. a." / "u.a." (and others) and lead-ins such as "z. B." and "Zuständige Stellen wie"', () => {
    expect(splitActors('Agentur für Arbeit, Industrie- und Handelskammer (IHK) u.a.')).toEqual(['Agentur für Arbeit', 'Industrie- und Handelskammer (IHK)']);
    expect(splitActors('Jobcenter u. a.')).toEqual(['Jobcenter']);
    expect(splitActors('Träger, z.B. AWO und Caritas')).toEqual(['Träger', 'AWO', 'Caritas']);
    expect(splitActors('Zuständige Stellen wie Industrie- und Handelskammer (IHK), Handwerkskammer, Kreishandwerkerschaft Herne')).toEqual([
      'Industrie- und Handelskammer (IHK)',
      'Handwerkskammer',
      'Kreishandwerkerschaft Herne',
    ]);
  });

  it('keeps parentheses and quotations together', () => {
    expect(splitActors('Kommunales Integrationszentrum in Kooperation mit der Ruhr-Universität Bochum (Prof. X mit Studierenden, Tutoren und Lehrkräften)')).toEqual([
      'Kommunales Integrationszentrum',
      'Ruhr-Universität Bochum (Prof. X mit Studierenden, Tutoren und Lehrkräften)',
    ]);
    expect(splitActors('Koordinierungsstelle „Kein Abschluss ohne Anschluss, Wege und Ziele“ (KAoA)')).toEqual([
      'Koordinierungsstelle „Kein Abschluss ohne Anschluss, Wege und Ziele“ (KAoA)',
    ]);
    expect(splitActors('Stadtsportbund (SSB) – Abteilung Sportjugend')).toEqual(['Stadtsportbund (SSB) – Abteilung Sportjugend']);
  });

  it('does not split names that contain "und", "," or "/"', () => {
    expect(splitActors('Fachbereich Personal und Zentraler Service, Fachbereich Kinder-Jugend-Familie')).toEqual([
      'Fachbereich Personal und Zentraler Service',
      'Fachbereich Kinder-Jugend-Familie',
    ]);
    expect(splitActors('Gesellschaft freie Sozialarbeit (GFS), FB 42 Kinder, Jugend und Familie der Stadt Herne')).toEqual([
      'Gesellschaft freie Sozialarbeit (GFS)',
      'FB 42 Kinder, Jugend und Familie der Stadt Herne',
    ]);
    expect(splitActors('Bundesagentur für Arbeit (BA) und Industrie- und Handelskammer (IHK)')).toEqual([
      'Bundesagentur für Arbeit (BA)',
      'Industrie- und Handelskammer (IHK)',
    ]);
    expect(splitActors('Fachbereich Gesundheitsmanagement/Gesundheitsförderung')).toEqual(['Fachbereich Gesundheitsmanagement/Gesundheitsförderung']);
    expect(splitActors('Volkshochschule /Weiterbildungsberatungsstelle')).toEqual(['Volkshochschule /Weiterbildungsberatungsstelle']);
  });

  it('splits "in Kooperation mit" / "im Verbund mit" and drops the article', () => {
    expect(splitActors('Gesellschaft freie Sozialarbeit e. v. (GFS) im Verbund mit dem Caritasverband, dem DRK und der Diakonie')).toEqual([
      'Gesellschaft freie Sozialarbeit e. v. (GFS)',
      'Caritasverband',
      'DRK',
      'Diakonie',
    ]);
    expect(splitActors('Gleichstellungsstelle in Kooperation mit dem Kommunalen Integrationszentrum (KI)')).toEqual([
      'Gleichstellungsstelle',
      'Kommunalen Integrationszentrum (KI)',
    ]);
  });

  it('reads a long run of spaces (a line break of the table cell) as a separator, but not inside a name', () => {
    expect(splitActors('Kommunales Integrationszentrum                                           Schulberatungsstelle Herne')).toEqual([
      'Kommunales Integrationszentrum',
      'Schulberatungsstelle Herne',
    ]);
    expect(splitActors('Fachbereich Personal und Zentraler Service, Fachbereich          Kinder-Jugend-Familie')).toEqual([
      'Fachbereich Personal und Zentraler Service',
      'Fachbereich Kinder-Jugend-Familie',
    ]);
  });

  it('separates a second name glued on after a parenthesis or before "Fachbereich"', () => {
    expect(splitActors('Gleichstellungsstelle, Kommunales Integrationszentrum (KI) weitere Netzwerkpartner/-innen')).toEqual([
      'Gleichstellungsstelle',
      'Kommunales Integrationszentrum (KI)',
      'weitere Netzwerkpartner/-innen',
    ]);
    expect(splitActors('Fachbereich Gesundheitsmanagement/First Mover Fachbereich Umwelt und Stadtplanung/Stadtteilmanagement')).toEqual([
      'Fachbereich Gesundheitsmanagement/First Mover',
      'Fachbereich Umwelt und Stadtplanung/Stadtteilmanagement',
    ]);
  });

  it('returns nothing for an empty cell', () => {
    expect(splitActors('   ')).toEqual([]);
  });
});

describe('canonicalActor', () => {
  it.each([
    ['KI', 'Kommunales Integrationszentrum'],
    ['Kommunales Integrationszentrum (KI)', 'Kommunales Integrationszentrum'],
    ['dem Kommunalen Integrationszentrum', 'Kommunales Integrationszentrum'],
    ['JobCenter', 'Jobcenter'],
    ['KAOA', 'Koordinierungsstelle „Kein Abschluss ohne Anschluss“ (KAoA)'],
    ['Koordinierungsstelle KAoA', 'Koordinierungsstelle „Kein Abschluss ohne Anschluss“ (KAoA)'],
    ['Koordinierungsstelle „Kein Abschluss ohne Anschluss“ (KAOA)', 'Koordinierungsstelle „Kein Abschluss ohne Anschluss“ (KAoA)'],
    // typo in the source ("ohne Abschluss")
    ['Koordinierungsstelle „Kein Abschluss ohne Abschluss“ (KAoA)', 'Koordinierungsstelle „Kein Abschluss ohne Anschluss“ (KAoA)'],
    ['Grundschole Claudiusstraße', 'Grundschule Claudiusstraße'],
    ['FB 42 Kinder, Jugend und Familie der Stadt Herne', 'Fachbereich Kinder-Jugend-Familie'],
    ['FB 31/4 (VHS)', 'Volkshochschule Herne'],
    ['Volkshochschule /Weiterbildungsberatungsstelle', 'Weiterbildungsberatungsstelle der VHS'],
    ['Volkshochschule/Weiterbildungsberatungsstelle', 'Weiterbildungsberatungsstelle der VHS'],
    ['Stadtbücherei Herne', 'Stadtbibliothek Herne'],
    ['Gesellschaft freie Sozialarbeit e. v. (GFS)', 'Gesellschaft freie Sozialarbeit (GFS)'],
    ['Fachbereich Umwelt und Stadtplanung (Bündnis für Wohnen)', 'Fachbereich Umwelt und Stadtplanung'],
  ])('%s → %s (original wording kept as alias)', (printed, canonical) => {
    expect(canonicalActor(printed)).toEqual({ name: canonical, alias: printed });
  });

  it('has no alias when the printed name is the canonical one', () => {
    expect(canonicalActor('Kommunales Integrationszentrum')).toEqual({ name: 'Kommunales Integrationszentrum', alias: null });
    expect(canonicalActor('  Jobcenter ')).toEqual({ name: 'Jobcenter', alias: null });
  });

  it('spells out "FB" for unknown Fachbereiche and keeps unknown names', () => {
    expect(canonicalActor('FB 32/2')).toEqual({ name: 'Fachbereich 32/2', alias: 'FB 32/2' });
    expect(canonicalActor('Tertia')).toEqual({ name: 'Tertia', alias: null });
  });

  it('table: no alias is claimed by two canonical actors', () => {
    const owner = new Map<string, string>();
    for (const actor of ACTORS) {
      for (const spelling of [actor.name, ...actor.aliases]) {
        const key = actorKey(spelling);
        expect(owner.get(key) ?? actor.name, `${spelling}`).toBe(actor.name);
        owner.set(key, actor.name);
      }
    }
  });
});

describe('normaliseActors', () => {
  it('splits, canonicalises and removes duplicates', () => {
    expect(normaliseActors('Kommunales Integrationszentrum (KI), KI und JobCenter')).toEqual([
      { name: 'Kommunales Integrationszentrum', alias: 'Kommunales Integrationszentrum (KI)' },
      { name: 'Jobcenter', alias: 'JobCenter' },
    ]);
  });
});
