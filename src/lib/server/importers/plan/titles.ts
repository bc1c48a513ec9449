/**
 * Titles of records that the documents print without a title field. The integration concept
 * prints most measures as running text, but some start with a title of their own: in bold
 * (found by the scanner), in quotes ("„Sprachlernkisten für den Start“ Materialkisten für …") or
 * as a name before the first sentence ("talentCAMPus Die VHS bietet …"). Without that, the first
 * sentence of the text is the title.
 */
import { titleFromText } from './vocabulary';

const OPEN_QUOTE = '„“"';
const CLOSE_FOR: Record<string, string> = { '„': '“', '“': '”', '"': '"' };

/** A title printed at the start of the text without markup, or null. */
export function leadingTitle(text: string): string | null {
  const flat = text.replace(/\s+/g, ' ').trim();
  const open = flat.charAt(0);
  if (OPEN_QUOTE.includes(open)) {
    const close = flat.indexOf(CLOSE_FOR[open]!, 1);
    // A quoted name followed by a new sentence or a colon: "„FIT in Deutsch“: Umsetzung …".
    if (close > 1 && close <= 100 && /^:?\s+\p{Lu}/u.test(flat.slice(close + 1))) return flat.slice(0, close + 1);
    return null;
  }
  // "talentCAMPus Die VHS bietet …": a name of one or two words, then a sentence opened by an article.
  const named = /^(\S+(?: \S+)?) (?:Die|Der|Das) \p{Lu}/u.exec(flat);
  if (named && !/[.,:;]$/.test(named[1]!) && /\p{Lu}/u.test(named[1]!.slice(1))) return named[1]!;
  return null;
}

/** Closes a quotation the title opens but does not close ("„Tausend Bilder und eins. Comic …"). */
function balanceQuotes(title: string): string {
  const opens = (title.match(/„/g) ?? []).length;
  const closes = (title.match(/[“”]/g) ?? []).length;
  return opens > closes ? `${title}“` : title;
}

/** The title of a measure: as printed in bold, else a leading title in the text, else its first sentence. */
export function measureTitle(printedTitle: string | null | undefined, text: string): string {
  if (printedTitle?.trim()) return balanceQuotes(printedTitle.trim());
  return leadingTitle(text) ?? titleFromText(text);
}
