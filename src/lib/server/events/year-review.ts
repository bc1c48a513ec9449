/**
 * The Jahresrückblick generated from the catalogue: the printed review's sections (Neues,
 * öffentliche Veranstaltungen, Projekte an Schulen, Fachtage und Qualifizierungen, Netzwerke,
 * laufende Angebote, Integrationsrat) filled with the year's published events, offers, networks
 * and bodies, figures per section and the editable introduction (annual_reviews). The HTML page
 * and the PDF (the editions' Typst path, via yearReviewPrintDocument) show the same model.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { annualReviews, REVIEW_SECTIONS, type ReviewSection } from '../db/schema';
import { findMunicipalityId } from '../catalogue/municipality';
import { getNetwork, listEvents, listNetworks, listOffers, type EventDetail, type NetworkDetail, type OfferSummary } from './queries';
import type { PrintDocument, PrintSection } from '../exports/print-document';
import { printText } from '../exports/print-document';
import { createTranslator, type MessageKey } from '../../i18n/translator';
import { formatDate } from '../../i18n/format';
import { SECTION_HEADINGS } from '../../components/events/sections';

export interface YearReviewSection {
  key: ReviewSection;
  events: EventDetail[];
  offers: OfferSummary[];
  networks: NetworkDetail[];
  figures: { events: number; participants: number; offers: number; networks: number; sessions: number };
}

export interface YearReview {
  year: number;
  title: string | null;
  introduction: string | null;
  sections: YearReviewSection[];
}

export async function buildYearReview(db: Db, municipality: string, year: number): Promise<YearReview | null> {
  const mid = await findMunicipalityId(db, municipality);
  if (!mid) return null;
  const [stored] = await db
    .select()
    .from(annualReviews)
    .where(and(eq(annualReviews.municipalityId, mid), eq(annualReviews.year, year)));
  const [events, offers, networkList] = await Promise.all([
    listEvents(db, municipality, { zeit: 'alle', jahr: year, zielgruppe: null, stadtteil: null }),
    listOffers(db, municipality, { zielgruppe: null, sprache: null, stadtteil: null }),
    listNetworks(db, municipality),
  ]);
  const networks = (await Promise.all(networkList.map((n) => getNetwork(db, n.slug, municipality)))).filter((n): n is NetworkDetail => Boolean(n));
  const chronological = [...events].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title, 'de'));
  const sections = REVIEW_SECTIONS.map((key): YearReviewSection => {
    const sectionEvents = chronological.filter((e) => (e.section ?? 'oeffentliche_veranstaltungen') === key);
    const sectionOffers = key === 'laufende_angebote' ? offers : [];
    const sectionNetworks = key === 'netzwerke' ? networks.filter((n) => n.kind !== 'gremium') : key === 'integrationsrat' ? networks.filter((n) => n.kind === 'gremium' && n.sessions.length) : [];
    return {
      key,
      events: sectionEvents,
      offers: sectionOffers,
      networks: sectionNetworks,
      figures: {
        events: sectionEvents.length,
        participants: sectionEvents.reduce((n, e) => n + (e.participants ?? 0), 0),
        offers: sectionOffers.length,
        networks: sectionNetworks.length,
        sessions: sectionNetworks.reduce((n, x) => n + x.sessions.length, 0),
      },
    };
  });
  return { year, title: stored?.title ?? null, introduction: stored?.introduction ?? null, sections };
}

const dateLabel = (e: EventDetail, locale: string) => {
  const fmt = (iso: string, month: boolean) =>
    new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : locale, month ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${iso}T12:00:00Z`),
    );
  const start = fmt(e.startDate, e.dateIsMonth);
  const end = e.endDate && e.endDate !== e.startDate ? fmt(e.endDate, e.dateIsMonth) : null;
  return end && end !== start ? `${start} – ${end}` : start;
};

/** One line per event, as the HTML page and the PDF print it. */
export function eventLine(e: EventDetail, locale = 'de'): string {
  return [dateLabel(e, locale), e.title, e.venueName, e.participants ? `${e.participants} Teilnehmende` : null].filter(Boolean).join(' · ');
}

export function yearReviewPrintDocument(review: YearReview, locale = 'de', now = new Date()): PrintDocument {
  const t = createTranslator(locale);
  const k = (key: string, vars?: Record<string, string | number>) => t(`events.review.${key}` as MessageKey, vars);
  let n = 0;
  const sections: PrintSection[] = review.sections.map((s) => {
    const figures = [
      s.figures.events ? `${k('eventsCount')}: ${s.figures.events}` : null,
      s.figures.participants ? `${k('participantsSum')}: ${s.figures.participants}` : null,
      s.figures.offers ? `${k('offersCount')}: ${s.figures.offers}` : null,
      s.figures.networks ? `${k('networksCount')}: ${s.figures.networks}` : null,
      s.figures.sessions ? `${k('sessionsCount')}: ${s.figures.sessions}` : null,
    ].filter(Boolean);
    const lines = [
      ...(figures.length ? [`${k('figures')}: ${figures.join(' · ')}`, ''] : []),
      ...s.events.map((e) => eventLine(e, locale)),
      ...s.offers.map((o) => [o.title, o.summary].filter(Boolean).join(' – ')),
      ...s.networks.flatMap((x) => [
        x.name,
        ...x.sessions.map((session) => `  ${formatDate(session.date, locale)}${session.label ? ` (${session.label})` : ''}`),
      ]),
    ];
    return {
      anchor: `abschnitt-${++n}`,
      level: 1,
      heading: SECTION_HEADINGS[s.key],
      body: printText(lines.length ? lines.join('\n') : k('none')),
      measures: [],
      sections: [],
    };
  });
  return {
    lang: locale,
    title: review.title ?? k('title', { year: review.year }),
    subtitle: k('generated', { year: review.year }),
    publisher: null,
    stand: String(review.year),
    selection: null,
    foreword: review.introduction ? printText(review.introduction) : null,
    generated: formatDate(now, locale),
    labels: {
      publisher: t('catalogue.publisher'),
      stand: t('catalogue.stand'),
      toc: t('catalogue.toc'),
      foreword: k('intro'),
      page: t('export.pdf.page'),
      pageOf: t('export.pdf.pageOf'),
      newMarker: t('measure.new'),
      references: t('measure.references'),
      generated: t('export.pdf.generated'),
    },
    sections,
    measureCount: 0,
  };
}
