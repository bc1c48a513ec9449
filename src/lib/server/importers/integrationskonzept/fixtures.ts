/**
 * Small inline documents for the parser tests, one per encoding variant found in 000/004.
 * `T` is a tab: the extract separates the two columns of a table row with one.
 */
export const T = '\t';

export const TITLE_BLOCK = [
  '',
  '# VIELFALT IN TESTSTADT',
  '',
  '## Gesamtstädtisches Integrationskonzept',
  '',
  '**Aktualisierung der Maßnahmen**',
  '',
  '**Herausgeber:**',
  '',
  'Stadt Teststadt – Der Oberbürgermeister',
  '',
  'Kommunales Integrationszentrum',
  '',
  'Stand: Mai 2020',
  '',
  '# **Vorwort**',
  '',
  'Erster Absatz des Vorworts mit **fetten** Wörtern.',
  '',
  'Zweiter Absatz.',
  '',
].join('\n');

/** `<b>Label</b><TAB>value`, measure text with inline "Verantwortlich". */
export const BOLD_TAB_RECORD = [
  '## Handlungsfeld Bildung',
  '',
  `<b>Leitziel A:</b> <b>Bildung ist Querschnittsaufgabe.</b>${T}`,
  `<b>Handlungsziel A1:</b> Eltern werden erreicht.${T}`,
  `<b>Maßnahme 1:</b> Elterncafés an Schulen.  <b>Verantwortlich:            FB 31 und Jobcenter</b>${T}`,
  `<b>Zielgruppe</b>${T}Eltern neu zugewanderter Kinder`,
  `<b>Status</b>${T}Regelangebot  Seit 2016 an zwei Schulen`,
  `<b>Bemerkungen</b>${T}`,
  '',
].join('\n');

/** `<p><b>Label</b></p>` cells, bullets as `<ul><li>`, entities, Verantwortlich in its own paragraph. */
export const PARAGRAPH_RECORD = [
  '## Handlungsfeld Bildung',
  '',
  `<p><b>Leitziel A:</b></p> <p>Bildung ist Querschnittsaufgabe.</p>${T}`,
  `<p><b>Handlungsziel A1:</b></p> <p>Eltern werden erreicht.</p>${T}`,
  `<p><b>Maßnahme 2:</b></p> <p>Angebote:</p> <ul style="list-style-type: none"> <li>- Elternabende</li> <li>• Sprechtage &amp; Beratung</li> </ul> <p><b>Verantwortlich:           Agentur für Arbeit, JobCenter u. a.</b></p>${T}`,
  `<p><b>Zielgruppe</b></p>${T}<p>Jugendliche</p>`,
  `<p><b>Projektstatus</b></p>${T}<p>Erster Absatz.</p> <p>Zweiter Absatz mit <a href="http://example.org">Link</a>.</p>`,
  `<p><b>Bemerkung</b></p>${T}<p>Siehe auch <u>Handlungsziel A1, Maßnahme 1.</u></p>`,
  '',
].join('\n');

/** Markdown: `### Label`, value in the next paragraphs, "- " bullets with a hard line break, bold Verantwortlich over two lines. */
export const MARKDOWN_RECORD = [
  '## Handlungsfeld Bildung',
  '',
  '### Leitziel A:',
  '',
  '**Bildung ist Querschnittsaufgabe.**',
  '',
  '### Handlungsziel A1:',
  '',
  'Eltern werden erreicht.',
  '',
  '### Maßnahme 3.1:',
  '',
  'Es gibt Internetseiten:',
  '',
  '- Die Lehrstellenbörse:  ',
  '<http://www.example.org>',
  '- Das Portal [example.net](http://example.net) der IHK',
  '',
  '**Verantwortlich: Arbeiterwohlfahrt (AWO), Fachbereich Soziales/  ',
  'Seniorenberatung**',
  '',
  '### Zielgruppe',
  '',
  'Eltern\\_Schule-Gruppen',
  '',
  '### Status',
  '',
  'Erster Absatz.',
  '',
  'Zweiter Absatz.',
  '',
].join('\n');

/** Plain `Label<TAB>value` rows as in 004, label and value on separate lines, list without <li>. */
export const PLAIN_RECORDS = [
  'Handlungsfeld Gesundheit',
  '',
  `Leitziel B: Alle sind gut informiert.${T}`,
  `Handlungsziel B2: Kinder sind informiert.${T}`,
  `Maßnahme 4 : Vorsorge in KiTas.${T}`,
  `Verantwortlich: Kommunales Integrationszentrum (KI)${T}`,
  `Zielgruppe${T}Kinder`,
  `Status${T}Läuft: <ul style="list-style-type: none"> - Punkt eins - Punkt zwei`,
  '',
  'Handlungsfeld Gesundheit',
  '',
  `<b>Leitziel C:</b>${T}`,
  `<b>Alle sind gut informiert.</b>${T}`,
  `<b>Handlungsziel C1:</b>${T}`,
  `Sprachmittler stehen bereit.${T}`,
  `<b>Maßnahme : 1</b> Pool an Sprachmittlern${T}`,
  `<b>Verantwortlich:</b>${T}<b>KI</b>`,
  `<b>Zielgruppe</b>${T}Fachkräfte`,
  '',
].join('\n');

/** A gap ("Es wurde keine explizite Maßnahme formuliert") with footnote marker and footnote text. */
export const GAP_RECORD = [
  'Handlungsfeld Interkulturelle Öffnung der Stadtverwaltung Herne',
  '',
  `<p><b>Leitziel B:</b> Die Angebote sind kultursensibel.</p>${T}`,
  `<p><b>Handlungsziel B2:</b> Informationswege sind unkompliziert<sup>4</sup>.</p>${T}`,
  `<p><b>Maßnahme 1:</b> Es wurde keine explizite Maßnahme formuliert.</p>${T}`,
  `<p><b>Verantwortlich:</b>     <b>Alle städtischen Fachbereiche</b></p>${T}`,
  `<p><b>Zielgruppe</b></p>${T}<p>Einwohner/-innen</p>`,
  `<p><b>Status</b></p>${T}<p>Sprachmittler im InHa-Projekt¹ und <b>19</b> weitere.</p>`,
  `<p><b>Bemerkungen</b></p>${T}`,
  '',
  '<sup>4</sup> Gemeint sind alle Wege.',
  '',
  '¹ In Herne angekommen',
  '',
].join('\n');

export function doc(...parts: string[]): string {
  return parts.join('\n');
}

/** A minimal record in the plain encoding. */
export function plainRecord(opts: {
  feld: string;
  lz: string;
  lzText?: string;
  hz: string;
  hzText?: string;
  nr: string;
  text: string;
  verantwortlich?: string;
  zielgruppe?: string;
  status?: string;
  bemerkungen?: string;
}): string {
  const lines = [
    `## Handlungsfeld ${opts.feld}`,
    '',
    `<b>Leitziel ${opts.lz}:</b> ${opts.lzText ?? `Leitziel ${opts.lz} Text.`}${T}`,
    `<b>Handlungsziel ${opts.hz}:</b> ${opts.hzText ?? `Handlungsziel ${opts.hz} Text.`}${T}`,
    `<b>Maßnahme ${opts.nr}:</b> ${opts.text}${T}`,
    `<b>Verantwortlich:</b> ${opts.verantwortlich ?? 'Kommunales Integrationszentrum'}${T}`,
    `<b>Zielgruppe</b>${T}${opts.zielgruppe ?? 'Alle'}`,
    `<b>Status</b>${T}${opts.status ?? 'Regelangebot'}`,
  ];
  if (opts.bemerkungen !== undefined) lines.push(`<b>Bemerkungen</b>${T}${opts.bemerkungen}`);
  lines.push('');
  return lines.join('\n');
}
