import type { ReviewSection } from '$lib/server/db/schema';

/** Section headings of the annual review as the KI prints them (content, German). */
export const SECTION_HEADINGS: Record<ReviewSection, string> = {
  neues: 'Neues im KI',
  oeffentliche_veranstaltungen: 'Öffentliche Veranstaltungen',
  projekte_an_schulen: 'Ferienprogramme, Projekte an Schulen',
  fachtage: 'Fachtage, Workshops, Qualifizierungen',
  netzwerke: 'Netzwerke, Arbeitskreise',
  laufende_angebote: 'Laufende KI-Angebote',
  integrationsrat: 'Integrationsrat',
};
