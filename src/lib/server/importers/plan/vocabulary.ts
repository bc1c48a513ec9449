/**
 * Controlled vocabularies derived from printed wording. The wording always stays on the measure;
 * these functions only propose the structured value, which editors can correct later.
 */

/**
 * Structured state from the printed status text; "unbekannt" when the wording is not clear.
 * The states describe the measure at the document's Stand: "Befristet bis 31.12.2019" in the
 * October 2019 edition is a running project. Order matters (first match wins):
 * - a stop followed by a restart ("Maßnahme ist beendet; Neustart: 26.08.2019") is running;
 * - a stop beats a "Regelangebot" mentioned in the same cell;
 * - "Regelangebot", "unbefristet" before time-limited wording ("befristet", "Laufzeit");
 * - plans before completions ("wurde 2019 durchgeführt; eine Fortführung ist geplant").
 */
export function stateFromStatusText(status: string | null | undefined): string {
  const s = (status ?? '').toLowerCase().replace(/\s+/g, ' ');
  if (!s.trim()) return 'unbekannt';
  const stopped =
    /\b(eingestellt|abgeschafft|ausgelaufen|nicht mehr (angeboten|durchgeführt))\b/.test(s) ||
    // "der zweite Meilenstein … ist beendet" ends a phase, not the measure
    (/\bbeendet\b/.test(s) && !/meilenstein\w* [^.]*beendet/.test(s));
  const restarted = /\b(neustart|neu gestartet|wieder aufgenommen|erneut gestartet)\b/.test(s);
  if (stopped && restarted) return 'laufend';
  if (stopped) return 'eingestellt';
  if (/regelangebot|regelaufgabe|unbefristet|dauerhaft|fortlaufend|kontinuierlich|regelmäßig|jährlich|stetig|turnusmäßig|fest installiert/.test(s)) return 'dauerhaft';
  if (/\b(geplant|in planung|planungsphase|vorgesehen|in vorbereitung|begonnen werden)\b/.test(s) || /\bwerden\b[^.;]* begonnen\b/.test(s)) return 'geplant';
  if (
    /\b(umgesetzt|abgeschlossen|erledigt|eingeführt|eingerichtet|erfolgte?|verankert|liegt [^.]*vor)\b/.test(s) ||
    /\b(wurden?|ist|sind)\b[^.;]* durchgeführt( worden)?\b/.test(s) ||
    /\bhat\b[^;]{0,120} stattgefunden\b/.test(s) ||
    /\bsteht\b[^.;]* zur verfügung\b/.test(s)
  )
    return 'umgesetzt';
  if (
    /\b(läuft|laufende[rn]?|laufend|wird durchgeführt|in (der )?umsetzung|findet statt|werden angeboten|wird angeboten)\b/.test(s) ||
    /\b(befristet|laufzeit|projektlaufzeit|förderzeitraum|förderphase|verlängert|verlängerung|bewilligt|fortgesetzt|fortgeführt|weitergeführt|besteht|gesichert bis|gefördert)\b/.test(s) ||
    /\b(werden|wird)\b[^.;]* (angeboten|entwickelt)\b/.test(s) ||
    /\bfindet\b[^.;]* statt\b/.test(s) ||
    /\bseit (\d{4}|\w+ \d{4})\b/.test(s) ||
    /^\d{2}\.\d{2}\.\d{4} ?[–-] ?\d{2}\.\d{2}\.\d{4}/.test(s)
  )
    return 'laufend';
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
