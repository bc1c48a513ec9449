/** Alphabetical grouping of names for the actor and target-group lists. */

/** The letter a name is filed under: first letter without accents (Ä → A), else "#". */
export function initialOf(name: string): string {
  const match = /\p{L}|\p{N}/u.exec(name);
  if (!match) return '#';
  const letter = match[0].normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
  return /^[A-Z]$/.test(letter) ? letter : '#';
}

/** Groups items by initial, letters A–Z first, "#" (digits, other scripts) last; items sorted by name. */
export function groupByInitial<T>(items: readonly T[], name: (item: T) => string): { letter: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  const sorted = [...items].sort((a, b) => name(a).localeCompare(name(b), 'de', { sensitivity: 'base' }));
  for (const item of sorted) {
    const letter = initialOf(name(item));
    groups.set(letter, [...(groups.get(letter) ?? []), item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)))
    .map(([letter, list]) => ({ letter, items: list }));
}

/** Case- and accent-insensitive "contains" (ä matches a), for filtering short lists. */
export function foldForMatch(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
