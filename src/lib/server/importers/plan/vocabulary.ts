/**
 * Controlled vocabularies derived from printed wording. The wording always stays on the measure;
 * these functions only propose the structured value, which editors can correct later.
 */

/** Structured state from the printed status text; "unbekannt" when nothing is evident. */
export function stateFromStatusText(status: string | null | undefined): string {
  const s = (status ?? '').toLowerCase();
  if (!s.trim()) return 'unbekannt';
  // Order matters: "wurde eingestellt" beats "Regelangebot" mentioned in the same cell.
  if (/\b(eingestellt|abgeschafft|beendet|ausgelaufen|nicht mehr (angeboten|durchgeführt))\b/.test(s)) return 'eingestellt';
  if (/regelangebot|dauerhaft|fortlaufend|kontinuierlich|regelmäßig|jährlich|stetig/.test(s)) return 'dauerhaft';
  if (/\b(geplant|in planung|planungsphase|vorgesehen|in vorbereitung)\b/.test(s)) return 'geplant';
  if (/\b(umgesetzt|abgeschlossen|erledigt|eingeführt|eingerichtet|erfolgt)\b/.test(s)) return 'umgesetzt';
  if (/\b(läuft|laufend|wird durchgeführt|in umsetzung|findet statt|werden angeboten|wird angeboten)\b/.test(s)) return 'laufend';
  return 'unbekannt';
}

const MAX_GROUP_LENGTH = 60;

/**
 * Splits a Zielgruppe cell into target groups for the vocabulary: on commas, semicolons, line
 * breaks and bullets, never on "und" ("Jugendliche und deren Eltern" is one group). Long
 * explanatory phrases are not vocabulary and are left to the printed wording.
 */
export function splitTargetGroups(text: string | null | undefined): { name: string; wording: string }[] {
  if (!text) return [];
  const seen = new Set<string>();
  const result: { name: string; wording: string }[] = [];
  for (const raw of text.split(/[,;\n]|\s-\s|^-\s/m)) {
    const wording = raw.replace(/^[-•*]\s*/, '').replace(/\s+/g, ' ').trim().replace(/[.:]$/, '');
    if (wording.length < 3 || wording.length > MAX_GROUP_LENGTH) continue;
    if (/^(z\.\s?b|u\.\s?a|etc|usw)\b/i.test(wording)) continue;
    const name = wording.charAt(0).toUpperCase() + wording.slice(1);
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ name, wording });
  }
  return result;
}

/** A title for records printed without one: the first sentence, cut at a word boundary. */
export function titleFromText(text: string, maxLength = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = flat.match(/^(.+?[.!?])(\s|$)/)?.[1] ?? flat;
  if (sentence.length <= maxLength) return sentence;
  const cut = sentence.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')} …`;
}
