/**
 * Cross-references between measures, as the Integrationskonzept prints them:
 *
 * - "Siehe auch Handlungsziel B1, Maßnahme 2."                       (same Handlungsfeld)
 * - "Siehe auch Handlungsfeld Bildung, Leitziel A, Handlungsziel A1, Maßnahme 4"
 * - "Siehe auch: Handlungsfeld IKÖ Handlungsziel B2 Maßnahme 1"
 * - "(siehe A2 Maßnahme 1)", "(siehe Leitziel D, Handlungsziel D3, Maßnahme 1)"
 * - "Diese Maßnahme ist auch im Handlungsfeld Gesundheit unter dem Handlungsziel D1 als Maßnahme 1 aufgeführt."
 * - "Es handelt sich um die gleiche Maßnahme wie unter Handlungsziel A2, Maßnahme 1."
 * - "Es handelt sich um ein Angebot, das im Handlungsfeld IKÖ beschrieben ist."  (field only)
 *
 * `kind` says what the sentence claims: "siehe" = a related measure, "gleich" = the same
 * measure listed again (then the texts should be alike, which the parser checks).
 */

export interface FoundReference {
  /** The sentence (or parenthesis) holding the reference, as printed. */
  text: string;
  /** Handlungsfeld as printed after "Handlungsfeld", null when the field is not named. */
  handlungsfeldPrinted: string | null;
  /** The known Handlungsfeld it names (full name), null when not named or unknown. */
  handlungsfeld: string | null;
  leitziel: string | null;
  handlungsziel: string | null;
  nummer: string | null;
  kind: 'siehe' | 'gleich';
}

/** Short names of Handlungsfelder used in references → start of the full name. */
export const FIELD_ALIASES: Record<string, string> = {
  IKÖ: 'Interkulturelle Öffnung',
  IKOE: 'Interkulturelle Öffnung',
};

/**
 * The Handlungsfeld a reference names: `rest` is the text after "Handlungsfeld ". Returns the
 * full name of a known field and how much of `rest` it used, or null.
 */
export function resolveFieldName(rest: string, names: string[]): { name: string; length: number } | null {
  for (const [alias, start] of Object.entries(FIELD_ALIASES)) {
    const m = new RegExp(`^${alias}(?![\\p{L}])`, 'u').exec(rest);
    if (m) {
      const name = names.find((n) => n.startsWith(start));
      if (name) return { name, length: m[0].length };
    }
  }
  const lower = rest.toLowerCase();
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    if (lower.startsWith(name.toLowerCase()) && !/^[\p{L}]/u.test(rest.slice(name.length))) return { name, length: name.length };
  }
  // A shortened name: "Interkulturelle Öffnung" for "Interkulturelle Öffnung der Stadtverwaltung Herne".
  const words = rest.split(/\s+/);
  let best: { name: string; length: number } | null = null;
  for (let n = 1; n <= Math.min(6, words.length); n++) {
    const prefix = words.slice(0, n).join(' ').replace(/[,.;:]+$/, '');
    if (prefix.length < 5) continue;
    const hits = names.filter((name) => name.toLowerCase().startsWith(prefix.toLowerCase()));
    if (hits.length === 1) best = { name: hits[0]!, length: rest.indexOf(words[n - 1]!) + words[n - 1]!.replace(/[,.;:]+$/, '').length };
    else if (hits.length === 0) break;
  }
  return best;
}

const TRIGGER = /\b(siehe(?:\s+auch)?:?|(?:die\s+)?gleiche\s+Maßnahme\s+wie(?:\s+unter)?|auch\s+im\s+Handlungsfeld|im\s+Handlungsfeld)(?![\p{L}])/giu;
const STOP = /\s+(?:unter|Handlungsziel|Leitziel|Maßnahme|beschrieben|aufgeführt|dargestellt|ist|sind)\b|[,.;:)]/;

/** The references printed in one piece of text. */
export function findReferences(text: string, fieldNames: string[]): FoundReference[] {
  const found: FoundReference[] = [];
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
    const start = m.index;
    // the sentence or parenthesis around the trigger
    const before = text.slice(0, start);
    const openParen = before.lastIndexOf('(');
    const closeParen = before.lastIndexOf(')');
    const inParen = openParen > closeParen && text.indexOf(')', start) > -1;
    const sentenceStart = inParen
      ? openParen + 1
      : Math.max(
          before.lastIndexOf('\n') + 1,
          // sentence ends before the trigger; the look-ahead needs the trigger's first letter
          ...[...text.slice(0, start + 1).matchAll(/[.!?]\s+(?=[A-ZÄÖÜ„])/g)].map((x) => (x.index ?? 0) + x[0].length),
        );
    const after = text.slice(start);
    const endMatch = inParen ? /\)/.exec(after) : /[.!?](?=\s|$)|\n|$/.exec(after);
    const end = start + (endMatch ? endMatch.index : after.length);
    const window = text.slice(start, end);
    const sentence = text.slice(sentenceStart, inParen ? end : end + (text[end] === '.' ? 1 : 0)).trim();

    const trigger = (m[1] ?? '').toLowerCase();
    let handlungsfeldPrinted: string | null = null;
    let handlungsfeld: string | null = null;
    let afterField = '';
    const fm = /Handlungsfeld\s+/.exec(window);
    if (fm) {
      const rest = window.slice(fm.index + fm[0].length);
      const known = resolveFieldName(rest, fieldNames);
      if (known) {
        handlungsfeldPrinted = rest.slice(0, known.length).trim();
        handlungsfeld = known.name;
        afterField = rest.slice(known.length);
      } else {
        const stop = STOP.exec(rest);
        handlungsfeldPrinted = (stop ? rest.slice(0, stop.index) : rest).trim() || null;
        afterField = stop ? rest.slice(stop.index) : '';
      }
    }
    const leitziel = /\bLeitziel\s+([A-Z])(?![\p{L}\d])/u.exec(window)?.[1] ?? null;
    const handlungsziel =
      /\bHandlungsziel\s+([A-Z]\s?\d{1,2})(?!\d)/.exec(window)?.[1]?.replace(/\s/g, '') ??
      /(?<![\p{L}\d])([A-Z]\d{1,2}),?\s+Maßnahme\s+\d/u.exec(window)?.[1] ??
      null;
    const nummer = /\bMaßnahme\s+(\d+(?:\.\d+)?)(?![\d])/.exec(window)?.[1] ?? null;

    const namedOnly = /^\s*(?:beschrieben|aufgeführt|dargestellt|enthalten)/.test(afterField);
    const isFieldTrigger = trigger.endsWith('handlungsfeld');
    if (isFieldTrigger && !nummer && !handlungsziel && !namedOnly) continue; // "die Akteure im Handlungsfeld Bildung …"
    if (!isFieldTrigger && !nummer && !handlungsziel && !handlungsfeldPrinted) continue; // "siehe Internet: …"

    const kind: FoundReference['kind'] =
      trigger.includes('gleiche') || (isFieldTrigger && /aufgeführt|beschrieben|dargestellt/.test(window)) ? 'gleich' : 'siehe';
    found.push({ text: sentence, handlungsfeldPrinted, handlungsfeld, leitziel, handlungsziel, nummer, kind });
    TRIGGER.lastIndex = Math.max(end, TRIGGER.lastIndex);
  }
  return found;
}

// ---------------------------------------------------------------------------
// Text similarity, to name the evident target of a broken reference
// ---------------------------------------------------------------------------

const STOPWORDS = new Set(
  'aber alle allen auch auf aus bei beim bereits dabei damit dass dem den denen der des die dies diese diesem diesen dieser dieses durch eine einem einen einer eines oder ohne sich sind sowie über unter und vom von vor wird werden wurde wurden zum zur zwischen nach noch nicht nur mehr mit hier sein seine ihre ihren ihrer ihrem haben hat wenn auch kann können sollen soll jeweils handelt'.split(
    ' ',
  ),
);

/** Word stems (first six letters of words with four letters or more, stop words left out). */
export function stems(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(/[\p{L}]{4,}/gu) ?? []) {
    if (!STOPWORDS.has(w)) out.add(w.slice(0, 6));
  }
  return out;
}

/** Share of the stems of `source` that occur in `candidate` (0…1). */
export function containment(source: string, candidate: string): number {
  const s = stems(source);
  if (s.size === 0) return 0;
  const c = stems(candidate);
  let hit = 0;
  for (const x of s) if (c.has(x)) hit++;
  return hit / s.size;
}
