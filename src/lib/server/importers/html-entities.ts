/**
 * HTML character references in text extracted from PDFs and Word documents: named (the ones
 * the extractions contain, plus common German ones) and numeric. Unknown names stay as printed.
 * One decoder for every importer.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', shy: '',
  ndash: '–', mdash: '—', bdquo: '„', ldquo: '“', rdquo: '”', sbquo: '‚', lsquo: '‘', rsquo: '’',
  laquo: '«', raquo: '»', hellip: '…', bull: '•', euro: '€', sect: '§', copy: '©', reg: '®', deg: '°',
  sup1: '¹', sup2: '²', sup3: '³',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', egrave: 'è',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const code = Number.parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    // Exact name first (Auml ≠ auml), then case-insensitively for sloppy extractions (&NBSP;).
    return NAMED[ref] ?? NAMED[ref.toLowerCase()] ?? whole;
  });
}
