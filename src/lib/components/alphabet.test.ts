import { describe, expect, it } from 'vitest';
import { foldForMatch, groupByInitial, initialOf } from './alphabet';

describe('alphabetical grouping', () => {
  it('files names under their first letter without accents', () => {
    expect(initialOf('Ärztekammer')).toBe('A');
    expect(initialOf('„Herne mit Respekt“')).toBe('H');
    expect(initialOf('3. Welt Laden')).toBe('#');
    expect(initialOf('')).toBe('#');
  });

  it('groups A–Z first, other initials last, names sorted within', () => {
    const groups = groupByInitial(['Volkshochschule', 'Agentur für Arbeit', '1. FC', 'AWO', 'Ärztekammer'], (n) => n);
    expect(groups).toEqual([
      { letter: 'A', items: ['Agentur für Arbeit', 'Ärztekammer', 'AWO'] },
      { letter: 'V', items: ['Volkshochschule'] },
      { letter: '#', items: ['1. FC'] },
    ]);
  });

  it('folds case and accents for matching', () => {
    expect(foldForMatch('Büro')).toBe('buro');
    expect(foldForMatch('Kinder').includes(foldForMatch('KIND'))).toBe(true);
  });
});
