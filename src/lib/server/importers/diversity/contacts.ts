/**
 * The appendix "Anlaufstellen und Ansprechpersonen": one section per office (heading,
 * description, "Kontakt:" block with person or office line, address, phone, e-mail).
 *
 * These are personal data: callers must not copy names, numbers or addresses into warnings.
 */
import type { DivKontakt, ImportWarning } from '../types';
import { buildText, type Line } from './text';

const KONTAKT = /^Kontakt(?:e|person(?:en)?)?\s*:\s*(.*)$/i;
const TELEFON = /^(?:Telefon|Tel\.?|Fon)\b[^:]*:\s*(.+)$/i;
const EMAIL_LABEL = /^E-?Mail\b[^:]*:\s*(.+)$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const ADDRESS = /\b\d{5}\s+\p{L}/u;
const NAME_PART = "[A-ZÄÖÜ][a-zäöüßéèç'-]+";
const PERSON = new RegExp(
  `^(?:(?:Frau|Herr|Dr\\.|Prof\\.)\\s+)*${NAME_PART}(?:\\s+(?:von\\s+|van\\s+|de\\s+|zu\\s+)?${NAME_PART}){1,2}$`,
);
const OFFICE_WORD =
  /büro|stelle|rat\b|zentrum|beratung|vertretung|stadt|herne|geschäftsführung|team|abteilung|fachbereich|dienst|verwaltung|kommunal|netzwerk|tisch/i;

export function looksLikePersonName(text: string): boolean {
  return PERSON.test(text) && !OFFICE_WORD.test(text);
}

function isContactish(text: string): boolean {
  return KONTAKT.test(text) || TELEFON.test(text) || EMAIL_LABEL.test(text) || EMAIL.test(text);
}

/** A section heading: short, no sentence end, followed by a description or by "Kontakt:". */
function isHeading(lines: Line[], i: number): boolean {
  const text = lines[i]?.text.trim() ?? '';
  if (!text || text.length > 100 || /[.:!?,;]$/.test(text) || text.startsWith('- ') || isContactish(text)) return false;
  if (ADDRESS.test(text)) return false;
  let k = i + 1;
  while (k < lines.length && !lines[k]!.text.trim()) k++;
  const next = lines[k]?.text.trim() ?? '';
  if (KONTAKT.test(next)) return true;
  return next.length >= 60 && !next.startsWith('- ') && !isContactish(next);
}

export function parseContacts(
  lines: Line[],
  datei: string,
  warnings: ImportWarning[],
): DivKontakt[] {
  const headings: number[] = [];
  for (let i = 0; i < lines.length; i++) if (isHeading(lines, i)) headings.push(i);
  const kontakte: DivKontakt[] = [];
  headings.forEach((h, idx) => {
    const end = headings[idx + 1] ?? lines.length;
    const heading = lines[h]!;
    const section = lines.slice(h + 1, end);
    const k = section.findIndex((l) => KONTAKT.test(l.text.trim()));
    if (k < 0) {
      warnings.push({
        datei,
        zeile: heading.zeile,
        code: 'contact-missing',
        meldung: `Anhang: Abschnitt „${heading.text.trim()}“ hat keinen Kontaktblock.`,
      });
      return;
    }
    const kontakt: DivKontakt = {
      organisationseinheit: heading.text.trim(),
      name: null,
      telefon: null,
      email: null,
      stelle: null,
      anschrift: null,
      beschreibung: buildText(section.slice(0, k)),
      quelle: { datei, zeile: heading.zeile },
    };
    const block: string[] = [];
    const inline = KONTAKT.exec(section[k]!.text.trim())?.[1]?.trim();
    if (inline) block.push(inline);
    for (const l of section.slice(k + 1)) if (l.text.trim()) block.push(l.text.trim());
    const unread: string[] = [];
    for (const text of block) {
      let m: RegExpExecArray | null;
      if ((m = TELEFON.exec(text))) kontakt.telefon ??= m[1]!.trim();
      else if ((m = EMAIL_LABEL.exec(text))) kontakt.email ??= m[1]!.trim();
      else if (EMAIL.test(text)) kontakt.email ??= text;
      else if (ADDRESS.test(text)) kontakt.anschrift ??= text;
      else if (!kontakt.name && looksLikePersonName(text)) kontakt.name = text;
      else if (!kontakt.stelle) kontakt.stelle = text;
      else unread.push(text);
    }
    if (unread.length > 0) {
      warnings.push({
        datei,
        zeile: heading.zeile,
        code: 'contact-extra-lines',
        meldung: `Anhang: ${unread.length} weitere Zeile(n) im Kontaktblock von „${kontakt.organisationseinheit}“ nicht zugeordnet.`,
      });
    }
    const missing = [
      kontakt.name || kontakt.stelle ? null : 'Name/Stelle',
      kontakt.telefon ? null : 'Telefon',
      kontakt.email ? null : 'E-Mail',
    ].filter(Boolean);
    if (missing.length > 0) {
      warnings.push({
        datei,
        zeile: heading.zeile,
        code: 'contact-incomplete',
        meldung: `Anhang: Kontakt „${kontakt.organisationseinheit}“ ohne ${missing.join(', ')}.`,
      });
    }
    kontakte.push(kontakt);
  });
  return kontakte;
}
