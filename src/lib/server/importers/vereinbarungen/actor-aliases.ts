/**
 * Canonical actors of Herne's final report "Integration von Neuzugewanderten" (2016–2019) with
 * the spellings, inflections, abbreviations and typos the report uses for them.
 *
 * Canonical names follow the report's own most common full wording (organisational units of the
 * city without their "Fachbereich NN" prefix, except where the unit name alone would be
 * ambiguous). A shared, municipality-wide table may replace this one later; keep entries small
 * and evidence-based (every alias below occurs in the report).
 *
 * An alias is either a plain string (matched case-insensitively as a whole phrase, with flexible
 * whitespace) or a RegExp source for inflected forms. Short all-caps abbreviations (≤ 4 letters)
 * are matched case-sensitively.
 */

export type AkteurArt = 'stadt' | 'extern' | 'gruppe';

export interface AkteurAlias {
  /** Canonical name. */
  name: string;
  art: AkteurArt;
  /** Municipal department number ("Fachbereich"), where the report gives it. */
  fachbereich?: string;
  /** Searchable aliases: also found inside running text. */
  aliases: (string | RegExp)[];
  /** Aliases too generic to search for in running text; they only match a whole list item. */
  nurGanz?: (string | RegExp)[];
}

export const AKTEUR_ALIASE: AkteurAlias[] = [
  // --- Stadt Herne: Fachbereiche and their units ------------------------------------------
  { name: 'Stadt Herne', art: 'stadt', aliases: ['Stadt Herne'] },
  { name: 'Büro Dezernat III', art: 'stadt', aliases: ['Büro Dezernat III'] },
  { name: 'Pressebüro', art: 'stadt', fachbereich: '10', aliases: ['Pressebüro', 'Pressebüro der Stadt Herne'] },
  { name: 'Ehrenamtsbüro', art: 'stadt', fachbereich: '10', aliases: [/Ehrenamtsbüros?(?: Herne)?/] },
  { name: 'Kinder- und Jugendparlament', art: 'stadt', fachbereich: '10', aliases: ['Kinder- und Jugendparlament'] },
  { name: 'Bündnis für Arbeit', art: 'stadt', fachbereich: '10', aliases: ['Bündnis für Arbeit'] },
  { name: 'Gleichstellungsstelle', art: 'stadt', aliases: ['Gleichstellungsstelle'] },
  { name: 'Statistikstelle', art: 'stadt', fachbereich: '22', aliases: ['Statistikstelle'] },
  { name: 'Fachbereich Bürgerdienste', art: 'stadt', fachbereich: '24', aliases: ['Fachbereich Bürgerdienste'], nurGanz: ['Bürgerdienste'] },
  {
    name: 'Ausländer- und Staatsangehörigkeitswesen',
    art: 'stadt',
    fachbereich: '24',
    aliases: [/Ausländer-\s*(?:und|u\.)\s*Staatsangehörigkeitswesen/],
  },
  {
    name: 'Fachbereich Schule und Weiterbildung',
    art: 'stadt',
    fachbereich: '31',
    aliases: ['Fachbereich Schule und Weiterbildung'],
    nurGanz: ['Schule und Weiterbildung'],
  },
  { name: 'Bildungsbüro', art: 'stadt', fachbereich: '31', aliases: [/(?:Kommunale[ns]?\s+)?Bildungsbüros?/] },
  { name: 'Schulamt für die Stadt Herne', art: 'stadt', fachbereich: '31', aliases: [/Schulamt(?:es|s)? für die Stadt Herne/] },
  {
    name: 'Kommunales Integrationszentrum',
    art: 'stadt',
    fachbereich: '31',
    aliases: [/Kommunale[nmrs]?\s+Integrationszentrums?(?:\s+\(KI\))?/, 'KI'],
  },
  { name: 'Volkshochschule', art: 'stadt', fachbereich: '31', aliases: [/Volkshochschule(?:\s+\(VHS\))?/, 'VHS'] },
  { name: 'Fachbereich Kultur', art: 'stadt', fachbereich: '32', aliases: ['Fachbereich Kultur'], nurGanz: ['Kultur'] },
  { name: 'Kulturbüro', art: 'stadt', fachbereich: '32', aliases: [/Kulturbüros?/] },
  { name: 'Stadtbibliothek', art: 'stadt', fachbereich: '32', aliases: [/Stadtbibliothek(?:en)?/] },
  { name: 'Städtische Museen', art: 'stadt', fachbereich: '32', aliases: ['Städtische Museen'] },
  { name: 'Städtische Musikschule', art: 'stadt', fachbereich: '32', aliases: ['Städtische Musikschule'] },
  { name: 'Fachbereich Soziales', art: 'stadt', fachbereich: '41', aliases: [/Fachbereich(?:e?s)? Soziales/, 'Sozialamt'], nurGanz: ['Soziales'] },
  { name: 'Sonstige Hilfen (Fachbereich Soziales)', art: 'stadt', fachbereich: '41', aliases: ['Sonstige Hilfen'] },
  {
    name: 'Fachbereich Kinder-Jugend-Familie',
    art: 'stadt',
    fachbereich: '42',
    aliases: [/Fachbereich(?:e?s)? Kinder-\s?Jugend-Familie/],
    nurGanz: ['Kinder-Jugend-Familie'],
  },
  { name: 'Kindertagesbetreuung', art: 'stadt', fachbereich: '42', aliases: ['Kindertagesbetreuung'] },
  { name: 'Jugendförderung', art: 'stadt', fachbereich: '42', aliases: ['Jugendförderung'] },
  { name: 'Familienbüro', art: 'stadt', fachbereich: '42', aliases: [/Familienbüros?/] },
  {
    name: 'Koordination Schulsozialarbeit',
    art: 'stadt',
    fachbereich: '42',
    // "Koordinstierungsstelle" is a typo in the report.
    aliases: ['Koordination Schulsozialarbeit', 'Koordinierungsstelle Schulsozialarbeit', 'Koordinstierungsstelle Schulsozialarbeit'],
  },
  { name: 'Soziale Arbeit an Schulen', art: 'stadt', fachbereich: '42', aliases: ['Soziale Arbeit an Schulen'] },
  {
    name: 'Fachbereich Gesundheitsmanagement',
    art: 'stadt',
    fachbereich: '43',
    aliases: [/(?:Fachbereich(?:e?s)?|FB)\s+Gesundheitsmanagements?/],
    nurGanz: ['Gesundheitsmanagement'],
  },
  { name: 'Gesundheitsförderung', art: 'stadt', fachbereich: '43', aliases: ['Gesundheitsförderung'] },
  { name: 'Kinder- und Jugendgesundheitsdienst', art: 'stadt', fachbereich: '43', aliases: ['Kinder- und Jugendgesundheitsdienst'] },
  { name: 'Stabsstelle Südosteuropa', art: 'stadt', aliases: ['Stabsstelle Südosteuropa'] },
  { name: 'Erziehungs- und Familienberatungsstelle', art: 'stadt', aliases: ['Erziehungs- und Familienberatungsstelle'] },
  { name: 'Integrationsscouts', art: 'stadt', aliases: ['Integrationsscouts'] },

  // --- Welfare associations, migration counselling ---------------------------------------
  {
    name: 'Arbeiterwohlfahrt',
    art: 'extern',
    aliases: [/Arbeiterwohlfahrt(?:\s+Ruhr[- ]Mitte)?(?:\s+\(?AWO\)?)?/, 'AWO'],
  },
  { name: 'Caritasverband Herne e.V.', art: 'extern', aliases: [/Caritasverband(?:es|s)? Herne e\.\s?V\.?/], nurGanz: ['Caritas', 'Caritasverband'] },
  {
    name: 'Deutsches Rotes Kreuz',
    art: 'extern',
    // "Deutsches Rote Kreuz" is a typo in the report.
    aliases: [/Deutsche[sn]? Rote[sn]? Kreuz(?:es)?(?:\s+\(DRK\))?/, 'DRK'],
  },
  { name: 'Eine Welt Zentrum', art: 'extern', aliases: [/Eine[nm]? Welt Zentrums?(?: Herne)?(?:\s+\(?EWZ\)?)?/, 'EWZ'] },
  {
    name: 'Gesellschaft Freie Sozialarbeit',
    art: 'extern',
    aliases: [/Gesellschaft [Ff]reie Sozialarbeit(?: e\.\s?V\.?)?(?:\s+\((?:GFS|gfs)\))?/, 'GFS', 'gfs'],
  },
  { name: 'Jüdische Gemeinde', art: 'extern', aliases: [/Jüdische[n]? Gemeinde(?: Bochum-Herne-Hattingen)?/] },
  { name: 'Plan B', art: 'extern', aliases: [/Plan B(?: Ruhr e\.\s?V\.?)?/] },
  { name: 'Malteser', art: 'extern', aliases: [/Malteser(?: Hilfsdienst e\.\s?V\.?)?/] },
  { name: 'Soforthilfe Herne', art: 'extern', aliases: ['Soforthilfe Herne'] },
  { name: 'St. Elisabeth Gruppe', art: 'extern', aliases: [/(?:St\.\s?)?Elisabeth[- ]?[Gg]ruppe/] },
  {
    name: 'Gesellschaft zur Förderung der Integrationsarbeit in Herne',
    art: 'extern',
    aliases: [/Gesellschaft zur Förderung der Integrationsarbeit in Herne(?:\s+\(gfi\))?/, 'gfi'],
  },
  { name: 'Neubeginn Ruhr', art: 'extern', aliases: ['Neubeginn Ruhr'] },
  {
    name: 'Ehrenamtskoordinatorinnen in der Flüchtlingsarbeit',
    art: 'extern',
    aliases: [
      /Ehrenamtskoordinator(?:inn)?en(?:\s+in der Flüchtlings(?:arbeit|hilfe))?(?:\s+(?:des|vom|von|der)\s+Caritasverband(?:es|s)?\s+Herne e\.\s?V\.?(?:\s+und\s+(?:des|dem)\s+Eine[nm]? Welt Zentrums?(?:\s+\(EWZ\))?)?)?/,
    ],
  },
  { name: 'Evangelische Beratungsstelle', art: 'extern', aliases: ['Evangelische Beratungsstelle'] },
  { name: 'Frauenhaus', art: 'extern', aliases: ['Frauenhaus'] },

  // --- Labour market, education, language courses -------------------------------------------
  { name: 'Integration Point', art: 'extern', aliases: [/Integration Point(?:\s+\(IP\))?/, 'IP'] },
  {
    name: 'Bundesamt für Migration und Flüchtlinge',
    art: 'extern',
    aliases: [/Bundesamt(?:es)? für Migration und Flüchtlinge(?:\s+\(BAMF\))?/, 'BAMF'],
  },
  { name: 'Agentur für Arbeit', art: 'extern', aliases: [/(?:Bundes)?[Aa]gentur für Arbeit/] },
  { name: 'Jobcenter Herne', art: 'extern', aliases: [/Jobcenters?(?: Herne)?/] },
  {
    name: 'Gemeinnützige Beschäftigungsgesellschaft Herne',
    art: 'extern',
    aliases: [/Gemeinnützige[nr]? Beschäftigungsgesellschaft(?: Herne)?(?:\s+\(GBH\))?/, 'GBH'],
  },
  { name: 'Industrie- und Handelskammer', art: 'extern', aliases: [/Industrie- und Handelskammer(?: Mittleres Ruhrgebiet)?(?:\s+\(IHK\))?/, 'IHK'] },
  { name: 'Kreishandwerkerschaft', art: 'extern', aliases: [/Kreishandwerkerschaft(?: Herne)?(?:\s+\(KHW\))?/, 'KHW'] },
  { name: 'Herner Berufskollegs', art: 'extern', aliases: [/(?:Herner )?Berufskollegs/] },
  { name: 'Mulvany-Berufskolleg', art: 'extern', aliases: [/Mulvany[- ]Berufskolleg(?: Herne)?/] },
  { name: 'Emschertal-Berufskolleg', art: 'extern', aliases: [/Emschertal[- ]Berufskolleg/] },
  { name: 'Jugendkunstschule Herne e.V.', art: 'extern', aliases: [/Jugendkunstschule(?: Herne e\.\s?V\.?)?(?:\s+\(JKS\))?/, 'JKS'] },
  { name: 'Stadtsportbund', art: 'extern', aliases: [/Stadtsport(?:bund|hund)(?: Herne)?(?:\s+\(SSB\))?/, 'SSB'] },
  { name: 'Stadtjugendring', art: 'extern', aliases: [/Stadtjugendring(?: Herne)?(?:\s+\(SJR\))?/, 'SJR'] },
  { name: 'Bobeq', art: 'extern', aliases: [/(?:Sprachkursträger:?\s+)?Bobeq(?: gGmbH)?/] },
  { name: 'Tertia', art: 'extern', aliases: [/Tertia(?: Herne)?/] },
  { name: 'Internationaler Bund', art: 'extern', aliases: [/Internationaler Bund(?:\s+\(IB\))?/, 'IB'] },
  { name: 'Polizei Bochum', art: 'extern', aliases: [/(?:Präventionsstelle der )?Polizei Bochum/], nurGanz: ['Polizei', 'Präventionsstelle der Polizei'] },
  { name: 'Weißer Ring', art: 'extern', aliases: [/Weiße[nr]? Ring/] },
  { name: 'Kreativ Quartier Hallenbad', art: 'extern', aliases: [/Kreativ ?Quartier[ /]Hallenbad/] },
  { name: 'Pottporus', art: 'extern', aliases: [/Pottporus(?: e\.\s?V\.?)?/] },
  { name: 'Theaterkohlenpott', art: 'extern', aliases: ['Theaterkohlenpott'] },
  { name: 'Circus Schnick-Schnack', art: 'extern', aliases: [/Circus Schnick[- ]Schnack(?: e\.\s?V\.?)?/] },

  // --- Groups and collectives ------------------------------------------------------------
  { name: 'Sprachkursträger', art: 'gruppe', aliases: [/Sprachkurs-?träger/] },
  { name: 'Wohlfahrtsverbände', art: 'gruppe', aliases: [], nurGanz: ['Wohlfahrtsverbände'] },
  { name: 'Migrationsberatungsstellen', art: 'gruppe', aliases: [], nurGanz: ['Migrationsberatungsstellen'] },
  { name: 'Schulen', art: 'gruppe', aliases: [], nurGanz: ['Schulen'] },
  { name: 'Grundschulen', art: 'gruppe', aliases: [], nurGanz: ['Grundschulen'] },
  { name: 'Realschulen', art: 'gruppe', aliases: [], nurGanz: ['Realschulen'] },
  { name: 'Gymnasien', art: 'gruppe', aliases: [], nurGanz: ['Gymnasien'] },
  { name: 'Kindertageseinrichtungen', art: 'gruppe', aliases: [], nurGanz: ['Kindertageseinrichtungen', 'Kitas'] },
  { name: '„Anker“-Kitas', art: 'gruppe', aliases: [/„Anker“-Kitas(?: unterschiedlicher Trägerschaften)?/] },
  { name: 'Schulsozialarbeiter*innen', art: 'gruppe', aliases: [/Schulsozialarbeiter\*innen/] },
  {
    name: 'Pädagogische Fachkräfte an Kindertageseinrichtungen und Schulen',
    art: 'gruppe',
    aliases: [/Schulsozialarbeiter\*innen\/Pädagogen\*innen verschiedener Kindertageseinrichtungen und Schulen/],
  },
  { name: 'Ehrenamtliche', art: 'gruppe', aliases: [], nurGanz: ['Ehrenamtliche'] },
  { name: 'Freie Träger', art: 'gruppe', aliases: [], nurGanz: ['freie Träger'] },
  { name: 'Freie Träger der Jugendhilfe', art: 'gruppe', aliases: ['Freie Träger der Jugendhilfe'] },
  { name: 'Kommunale Fachbereiche', art: 'gruppe', aliases: ['kommunale Fachbereiche'] },
  { name: 'Vertreter des Arbeitskreises Freie Träger', art: 'gruppe', aliases: ['Vertreter des Arbeitskreises Freie Träger'] },
  { name: 'Vertreter der Jugendsozialarbeit', art: 'gruppe', aliases: ['Vertreter der Jugendsozialarbeit'] },
  { name: 'Sportvereine und Kulturanbieter in Herne', art: 'gruppe', aliases: [/Sportvereinen? und Kulturanbietern? in Herne/] },
  { name: 'Betriebe', art: 'gruppe', aliases: [], nurGanz: ['Betriebe'] },
  { name: 'Krankenkassen', art: 'gruppe', aliases: [], nurGanz: ['Krankenkassen'] },
  { name: 'Alle Fachkräfte in der Integrationsarbeit', art: 'gruppe', aliases: ['Alle Fachkräfte in der Integrationsarbeit'] },
  {
    name: 'Alle beteiligten Akteure',
    art: 'gruppe',
    aliases: [/(?:alle\s+)?(?:beteiligten|mitwirkenden) Akteure(?: selbst)?/],
  },
  { name: 'Alle Akteure', art: 'gruppe', aliases: [/alle[rn]? Akteure/] },
];
