/**
 * Target groups for the vocabulary from a printed Zielgruppe cell. The cell stays on the measure
 * as printed; this only proposes the vocabulary entries, which editors can rename and merge.
 *
 * The cells are often not lists: "Väter mit und ohne Migrationshintergrund, deren Kinder die
 * Grundschule besuchen" is one group with a relative clause, "Mitarbeiter/Innen – der Schulen
 * und – der Kindertagesstätten" one group whose bullets continue it. So a cell is split only
 * where it lists: at line breaks between items, semicolons and commas followed by another item.
 * A comma followed by a clause or an explanation ("die …", "deren …", "insbesondere …") ends the
 * list of that sentence; what follows describes the group before it and is not a group itself.
 */

const MAX_GROUP_LENGTH = 75;

/** Words that open a clause or an explanation after a comma, not a further list item. */
const CLAUSE_START =
  /^(die|der|das|den|dem|deren|dessen|denen|welche[rsmn]?|wo|wenn|weil|dass|damit|um|insbesondere|vor allem|v\.\s?a\.|aber|bevorzugt|besonders|vorwiegend|überwiegend|primär|z\.\s?b\.|u\.\s?a\.|d\.\s?h\.|etc|usw|bzw|also)\b/i;

/** A focus particle before the group ("Insbesondere Asylbewerber", "Primär Schüler/-innen"): not part of the name. */
const FOCUS_PARTICLE = /^(insbesondere( auch)?|vor allem|v\.\s?a\.|primär|mittelbar|unmittelbar|besonders|bevorzugt|vorwiegend|überwiegend)\s+/i;

/** A conjunction left at the start of the last item ("…, und Eltern"). */
const LEADING_CONJUNCTION = /^(und|oder|sowie)\s+/i;

/** An action, not a group: "Öffnung einer Gruppe für alle Väter". */
const ACTION_PHRASE = /^\p{Lu}\p{Ll}+ung\s+(einer|eines|der|des|von)\b/u;

/** "im Bereich Presse, Kultur und Integration": the commas list the field, not groups. */
const FIELD_LIST = /\b(Bereich|Bereichen|Themen|Themenfeldern|Fächern)\s+[^\s,]+$/;

const BULLET = /^[-•*–]\s+/;
const startsLowercase = (s: string) => /^\p{Ll}/u.test(s);

/** Splits at commas outside parentheses. */
function splitTopLevelCommas(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim());
}

/** The first sentence of a line: later sentences explain ("… besucht werden. Dies gilt besonders für …"). */
function firstSentenceOf(line: string): string {
  const abbreviation = /(?:^|[\s(])(?:z\.\s?B|u\.\s?a|d\.\s?h|o\.\s?g|bzw|ggf|ca|usw|etc|städt|evtl|vgl|inkl|[A-Za-zÄÖÜäöü])$/;
  const end = /[.!?](?=\s|$)/g;
  for (let m = end.exec(line); m; m = end.exec(line)) {
    // An ordinal ("der 4. Klassen") or an abbreviation does not end the sentence.
    if (m[0] === '.' && (abbreviation.test(line.slice(0, m.index)) || /\d$/.test(line.slice(0, m.index)))) continue;
    return line.slice(0, m.index);
  }
  return line;
}

/**
 * The lines of the cell that start a group. A bullet or line that starts in lower case continues
 * the line before it ("Mitarbeiter/Innen" / "- der Stadtverwaltung Herne," / "- der Schulen und"),
 * so only that line's head is a group.
 */
function itemLines(text: string): string[] {
  const items: string[] = [];
  let continuing = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (!line) {
      continuing = false;
      continue;
    }
    const bullet = BULLET.test(line);
    const body = line.replace(BULLET, '');
    if (items.length && startsLowercase(body) && (bullet || continuing || CLAUSE_START.test(body))) {
      continuing = true;
      continue;
    }
    continuing = false;
    items.push(body);
  }
  return items;
}

function groupName(wording: string): string | null {
  let name = wording.replace(LEADING_CONJUNCTION, '').replace(FOCUS_PARTICLE, '').replace(/[.:,]$/, '').trim();
  // "(neu zugezogene Erwachsene)": a group written in parentheses; "(werdende) Eltern" stays.
  if (/^\([^()]*\)$/.test(name)) name = name.slice(1, -1).trim();
  if (name.length < 3 || name.length > MAX_GROUP_LENGTH) return null;
  if (/^(z\.\s?b|u\.\s?a|etc|usw)\b/i.test(name) || ACTION_PHRASE.test(name)) return null;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** The groups a Zielgruppe cell lists, each with the wording it was printed with. */
export function splitTargetGroups(text: string | null | undefined): { name: string; wording: string }[] {
  if (!text) return [];
  const seen = new Set<string>();
  const result: { name: string; wording: string }[] = [];
  const add = (wording: string) => {
    const name = groupName(wording);
    if (!name || seen.has(name.toLowerCase())) return;
    seen.add(name.toLowerCase());
    result.push({ name, wording: wording.replace(/[.:,]$/, '').trim() });
  };
  for (const line of itemLines(text))
    for (const sentence of line.split(';')) {
      const pieces = splitTopLevelCommas(firstSentenceOf(sentence.trim()));
      for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i]!;
        if (!piece) continue;
        if (i > 0 && CLAUSE_START.test(piece)) break;
        if (FIELD_LIST.test(piece)) {
          add(pieces.slice(i).join(', '));
          break;
        }
        add(piece);
      }
    }
  return result;
}
