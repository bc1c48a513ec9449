import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../util/project-root';
import { readVerfuegungsfonds } from './seed-programme';

describe('Verfügungsfonds from the project report (001)', () => {
  const name = fs.readdirSync(projectPath('data/sources/herne')).find((f) => f.startsWith('001_'))!;
  const text = fs.readFileSync(projectPath(`data/sources/herne/${name}`), 'utf8');

  it('reads budget, cap, body, six areas and three criteria with the source line', () => {
    const p = readVerfuegungsfonds({ name, text })!;
    expect(p.annualBudgetCents).toBe(16_000_000);
    expect(p.capCents).toBe(500_000);
    expect(p.title).toBe('Verfügungsfonds „Integration von Neuzugewanderten“');
    expect(p.decidingBody).toBe('Lenkungsgruppe des Projekts „Integration von Neuzugewanderten“');
    expect(p.areas).toEqual([
      'Förderung eines strukturierten Ankommens',
      'Schulprojekte',
      'Verbesserung der gesellschaftlichen Teilhabe',
      'Förderung der psychosozialen Gesundheit',
      'Unterstützung der sprachlichen und beruflichen Integration',
      'Förderung des ehrenamtlichen Engagements in der Flüchtlingsarbeit',
    ]);
    expect(p.criteria).toHaveLength(3);
    expect(p.source).toMatchObject({ file: name, line: 884 });
    expect(text.split('\n')[p.source.line - 1]).toBe('## 5. Verfügungsfonds');
    expect(p.guidelines).toContain('Anträge konnten sowohl von Trägern, Initiativen als auch von städtischen Einrichtungen gestellt werden.');
  });

  it('other documents have no Verfügungsfonds', () => {
    expect(readVerfuegungsfonds({ name: 'x.txt', text: '# Integrationskonzept\n\nText' })).toBeNull();
  });
});
