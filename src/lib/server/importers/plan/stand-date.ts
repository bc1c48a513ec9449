/**
 * The printed "Stand" of a source document as a calendar date. Imported text counts as
 * checked at its document's date (so a fresh import does not put every measure on the review
 * list as "never checked"); the documents print a month ("Oktober 2019"), a full date
 * ("12.03.2021") or only a year. A month or year means its first day: the earliest date the
 * text can be vouched for, so nothing looks fresher than it is.
 */
const MONTHS = ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'];

function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/** ISO date (YYYY-MM-DD) for a printed Stand, or null when it names no recognisable date. */
export function standDate(stand: string | null | undefined): string | null {
  const text = (stand ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (!text) return null;
  const full = /(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})/.exec(text);
  if (full) return isoDate(Number(full[3]), Number(full[2]), Number(full[1]));
  const month = /(januar|februar|märz|maerz|april|mai|juni|juli|august|september|oktober|november|dezember)\s+(\d{4})/.exec(text);
  if (month) return isoDate(Number(month[2]), MONTHS.indexOf(month[1] === 'maerz' ? 'märz' : month[1]!) + 1, 1);
  const numericMonth = /\b(\d{1,2})\/(\d{4})\b/.exec(text);
  if (numericMonth) return isoDate(Number(numericMonth[2]), Number(numericMonth[1]), 1);
  const year = /^(?:stand:?\s*)?(\d{4})$/.exec(text);
  return year ? isoDate(Number(year[1]), 1, 1) : null;
}
