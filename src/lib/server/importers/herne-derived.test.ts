/**
 * What the importer derives from Herne's documents besides their wording (issue 19): the
 * target-group and actor vocabularies, the structured state and the titles. Read from the real
 * documents through the same pipeline as `vielfalt import --dry-run`; the expected values were
 * checked against the printed cells (quoted in the assertions).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSources } from './pipeline';
import { readSourceFile } from './read-source';
import type { PlannedMeasure } from './plan/types';
import { slugify } from '../text/slug';

const DIR = path.join(path.dirname(new URL(import.meta.url).pathname), '../../../../data/sources/herne');
const parsed = parseSources(fs.readdirSync(DIR).map((f) => readSourceFile(path.join(DIR, f))));
const all = parsed.plans.flatMap((p) => p.measures.map((m) => ({ kind: p.kind, m })));
const measures = all.map((x) => x.m);
const counted = measures.filter((m) => !m.isGap);
const byTitle = (title: string): PlannedMeasure => {
  const found = measures.filter((m) => m.title === title);
  expect(found, title).toHaveLength(1);
  return found[0]!;
};
const byTarget = (text: string) => measures.filter((m) => m.targetGroupText === text);

describe('target groups from the Zielgruppe cells', () => {
  const names = [...new Set(measures.flatMap((m) => m.targetGroups.map((g) => g.name)))];

  it('has no fragments of clauses split at commas', () => {
    for (const fragment of ['Deren Kinder die Grundschule besuchen', 'Der Schulen und', 'Aber auch generell über neue Berufe', '(neu zugezogene Erwachsene)'])
      expect(names).not.toContain(fragment);
    // A group never starts with a relative pronoun, conjunction or focus particle, nor ends in "und".
    expect(names.filter((n) => /^(Die|Der|Deren|Dessen|Welche|Aber|Und|Insbesondere|Vor allem|Primär|Mittelbar)\s/.test(n))).toEqual([]);
    expect(names.filter((n) => /\s(und|oder)$/.test(n) || /^\(/.test(n) && !/^\([^)]*\)\s\S/.test(n))).toEqual([]);
  });

  it('keeps the group a clause describes, with the printed wording', () => {
    for (const m of byTarget('Väter mit und ohne Migrationshintergrund, deren Kinder die Grundschule besuchen'))
      expect(m.targetGroups).toEqual([{ name: 'Väter mit und ohne Migrationshintergrund', wording: 'Väter mit und ohne Migrationshintergrund' }]);
    const [alle] = measures.filter((m) => m.targetGroupText?.startsWith('Alle Interessierten, die sich im Rahmen der Berufsorientierung'));
    expect(alle!.targetGroups.map((g) => g.name)).toEqual(['Alle Interessierten']);
    const [staff] = measures.filter((m) => m.targetGroupText?.startsWith('Mitarbeiter/Innen\n- der Stadtverwaltung Herne,'));
    expect(staff!.targetGroups.map((g) => g.name)).toEqual(['Mitarbeiter/Innen']);
    const [newcomers] = byTarget('Neu zugewanderte Kinder und Jugendliche, Schulen, (neu zugezogene Erwachsene)');
    expect(newcomers!.targetGroups).toEqual([
      { name: 'Neu zugewanderte Kinder und Jugendliche', wording: 'Neu zugewanderte Kinder und Jugendliche' },
      { name: 'Schulen', wording: 'Schulen' },
      { name: 'Neu zugezogene Erwachsene', wording: '(neu zugezogene Erwachsene)' },
    ]);
  });

  it('still splits real lists', () => {
    const [list] = byTarget('Theater, Museen, Veranstalter/-innen von Fotoausstellungen, Bibliotheken, Comedy- und Kabarettveranstalter/-innen');
    expect(list!.targetGroups).toHaveLength(5);
  });

  it('counts 160 target groups (161 names; "Lehrer*innen" and "Lehrer/-innen" share one entry)', () => {
    expect(names).toHaveLength(161);
    expect(new Set(names.map((n) => slugify(n, 60))).size).toBe(160);
  });
});

describe('actors across the three documents', () => {
  const linked = new Set(measures.flatMap((m) => m.actors.map((a) => a.name)));
  const units = new Set(parsed.plans.flatMap((p) => [...p.nodes.map((n) => n.actorName), ...p.contacts.map((c) => c.actorName)]).filter(Boolean));

  it('names each actor once, whichever document printed it', () => {
    for (const [canonical, variants] of [
      ['Bobeq', ['bobeq']],
      ['Caritasverband Herne e.V.', ['Caritasverband Herne']],
      ['Deutsches Rotes Kreuz (DRK)', ['Deutsches Rotes Kreuz']],
      ['Fachbereich Kinder-Jugend-Familie', ['Fachbereich Kinder – Jugend – Familie']],
      ['Jobcenter', ['Jobcenter Herne']],
      ['Arbeiterwohlfahrt Ruhr-Mitte (AWO)', ['Arbeiterwohlfahrt']],
      ['Jugendkunstschule Wanne-Eickel e. V. (JKS)', ['Jugendkunstschule Herne e.V.']],
    ] as const) {
      expect(linked.has(canonical), canonical).toBe(true);
      for (const v of variants) expect(linked.has(v) || units.has(v), v).toBe(false);
    }
    // No two names that differ only in case.
    const lower = [...linked].map((n) => n.toLowerCase());
    expect(lower.length - new Set(lower).size).toBe(0);
  });

  it('links no pseudo-actors', () => {
    for (const pseudo of ['Alle Akteure', 'Alle beteiligten Akteure', 'weitere Netzwerkpartner/-innen', 'Alle städtischen Fachbereiche'])
      expect(linked.has(pseudo), pseudo).toBe(false);
    // The printed wording stays on the measure.
    expect(measures.some((m) => /alle beteiligten Akteure/i.test(m.responsibleText ?? ''))).toBe(true);
  });

  it('links the units the diversity catalogue names in its Verantwortlich cell', () => {
    const leichteSprache = byTitle('Leichte Sprache');
    expect(leichteSprache.responsibleText).toBe('Büro des Oberbürgermeisters, Pressebüro');
    expect(leichteSprache.actors.map((a) => a.name)).toEqual(['Büro des Oberbürgermeisters', 'Pressebüro']);
    // Sub-units printed with their number ("42/3 Jugendförderung") are found too; people are not actors.
    expect(all.filter((x) => x.kind === 'diversity' && x.m.actors.some((a) => a.name === 'Inklusionsbüro')).length).toBeGreaterThan(5);
    expect(linked.has('Rasmus Nell')).toBe(false);
  });

  it('leaves no contact unit without a measure but four', () => {
    expect([...units].filter((u) => !linked.has(u!)).sort()).toEqual([
      'Beschwerdestelle nach §13 AGG',
      'Betriebliche Sozial- und Suchtberatung (BSB)',
      'Schwerbehindertenvertretung',
      'Stabsstelle Zukunft der Gesellschaft – Kampagne „Herne mit Respekt“',
    ]);
  });
});

describe('structured state (Umsetzungsstand) from the printed status', () => {
  it('maps the clear wording: 150 of 299 measures stay "unbekannt", 136 of them print no status', () => {
    expect(counted).toHaveLength(299);
    const unknown = counted.filter((m) => m.stateCode === 'unbekannt');
    expect(unknown).toHaveLength(150);
    expect(unknown.filter((m) => !m.statusText)).toHaveLength(136);
    const byState = Object.fromEntries(['geplant', 'laufend', 'umgesetzt', 'dauerhaft', 'eingestellt'].map((s) => [s, counted.filter((m) => m.stateCode === s).length]));
    expect(byState).toEqual({ geplant: 8, laufend: 35, umgesetzt: 17, dauerhaft: 88, eingestellt: 1 });
  });

  it('does not mark a restarted measure "eingestellt"', () => {
    const [restarted] = measures.filter((m) => m.statusText?.includes('Maßnahme ist beendet; Neustart: 26.08.2019'));
    expect(restarted!.stateCode).toBe('laufend');
    const [stopped] = counted.filter((m) => m.stateCode === 'eingestellt');
    expect(stopped!.statusText).toContain('Das Buchungsportal „Impiris“ wird wegen zu geringer Beteiligung der Firmen zum Ende des Schuljahres 2018/2019 abgeschafft.');
  });

  it('reports every measure left "unbekannt" despite a printed status, and catalogues without status once', () => {
    const unmapped = parsed.warnings.filter((w) => w.code === 'state-unmapped');
    expect(unmapped).toHaveLength(counted.filter((m) => m.stateCode === 'unbekannt' && m.source?.file.startsWith('000')).length);
    expect(unmapped.find((w) => w.zeile === 1649)?.meldung).toContain('„Aus terminlichen Gründen wurde die Maßnahme verschoben.“');
    expect(parsed.warnings.filter((w) => w.code === 'state-not-printed').map((w) => w.datei).sort()).toEqual(['001_f19880d6793d593d.txt', '003_bbd5bb4a4c8190b2.txt']);
  });
});

describe('titles of the integration concept', () => {
  it('takes a bold or quoted title instead of swallowing the description', () => {
    const sparten = byTitle('Spartenübergreifende Projekte');
    expect(sparten.description.startsWith('Spartenübergreifende Projekte Fortlaufende spartenübergreifende Projekte')).toBe(true);
    byTitle('Vater-Kind-Musikgruppe');
    byTitle('„Sprachlernkisten für den Start“');
    byTitle('talentCAMPus');
  });

  it('does not cut a title at a full stop inside it', () => {
    byTitle('„Tausend Bilder und eins. Comic als ästhetische Praxis in der postmigrantischen Gesellschaft“');
    expect(measures.filter((m) => m.title === '„Tausend Bilder und eins.')).toEqual([]);
  });
});
