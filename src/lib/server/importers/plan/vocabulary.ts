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

export { splitTargetGroups } from './target-groups';

/** Abbreviations whose period does not end a sentence ("z.B.", "u.a.", "ca." …). */
const ABBREVIATION = /(?:^|[\s(])(?:z\.\s?B|u\.\s?a|d\.\s?h|i\.\s?d\.\s?R|o\.\s?g|u\.\s?U|bzw|ggf|ca|Nr|etc|inkl|evtl|usw|vgl|sog|Abs|Std|Tel|bspw|max|min|mind|ff?|[A-ZÄÖÜa-zäöü])$/;

/** The first sentence of a text: ends at . ! ? followed by a capital, unless the period closes an abbreviation. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = /[.!?](?=\s+["„(]?[A-ZÄÖÜ0-9]|\s*$)/g;
  for (let m = end.exec(flat); m; m = end.exec(flat)) {
    const before = flat.slice(0, m.index);
    if (m[0] === '.' && ABBREVIATION.test(before)) continue;
    return flat.slice(0, m.index + 1);
  }
  return flat;
}

/** A title for records printed without one: the first sentence, cut at a word boundary. */
export function titleFromText(text: string, maxLength = 120): string {
  const sentence = firstSentence(text);
  if (sentence.length <= maxLength) return sentence;
  const cut = sentence.slice(0, maxLength);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxLength / 2 ? cut.slice(0, space) : cut).replace(/[,;:]$/, '')} …`;
}
