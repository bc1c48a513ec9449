/**
 * The generated Jahresrückblick 2023 over the real annual review 002: every imported event of
 * 2023 is in it, in the HTML model's sections and in the text extracted from its PDF.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine, freshDatabaseEachTest } from '../../../../tests/helpers/db';
import { pdfText } from '../../../../tests/helpers/pdf';
import { ensureMunicipality } from '../catalogue/municipality';
import { inTransaction } from '../db/transaction';
import { events } from '../db/schema';
import { projectPath } from '../util/project-root';
import { parseJahresrueckblick } from '../importers/jahresrueckblick/parse';
import { writeJahresrueckblick } from '../importers/jahresrueckblick/write';
import { renderPdf, stopPdfWorker } from '../exports/pdf/render';
import { buildYearReview, yearReviewPrintDocument } from './year-review';
import { eventsCalendar } from './ical';
import { listEvents } from './queries';
import { parseArts, searchDirectory } from './directory-search';
import ICAL from 'ical.js';

const FILE = '002_f4ed1d705e4e74d9.txt';
const doc = () => parseJahresrueckblick({ name: FILE, text: fs.readFileSync(path.join(projectPath('data/sources/herne'), FILE), 'utf8') }).document;

afterAll(async () => {
  await stopPdfWorker();
});

describeEachEngine('the generated annual review', (engine) => {
  const database = freshDatabaseEachTest(engine);

  it('contains every imported event of 2023, with figures per section, in the PDF text too', async () => {
    await inTransaction(database.db, async (tx) => writeJahresrueckblick(tx, doc(), { municipalityId: await ensureMunicipality(tx, 'herne'), comment: 'Test' }));
    const imported = (await database.db.select().from(events)).filter((e) => e.startDate.startsWith('2023'));
    expect(imported.length).toBe(19);
    const review = (await buildYearReview(database.db, 'herne', 2023))!;
    expect(review.introduction).toMatch(/^wir freuen uns sehr/);
    const inSections = review.sections.flatMap((s) => s.events.map((e) => e.title));
    expect(inSections.sort()).toEqual(imported.map((e) => e.title).sort());
    const figures = Object.fromEntries(review.sections.map((s) => [s.key, s.figures]));
    expect(figures.oeffentliche_veranstaltungen!.events).toBe(4);
    expect(figures.fachtage!.events).toBe(9);
    expect(figures.laufende_angebote!.offers).toBe(14);
    expect(figures.integrationsrat!.sessions).toBe(5);

    const { pdf } = await renderPdf(yearReviewPrintDocument(review));
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Jahresrückblick 2023');
    for (const e of imported) expect(text, e.title).toContain(e.title.replace(/\s+/g, ' '));
    for (const heading of ['Öffentliche Veranstaltungen', 'Fachtage, Workshops, Qualifizierungen', 'Laufende KI-Angebote', 'Integrationsrat']) expect(text).toContain(heading);
  }, 120_000);

  it('writes an iCalendar feed that a maintained parser reads back with the same dates', async () => {
    await inTransaction(database.db, async (tx) => writeJahresrueckblick(tx, doc(), { municipalityId: await ensureMunicipality(tx, 'herne'), comment: 'Test' }));
    const list = await listEvents(database.db, 'herne', { zeit: 'alle', jahr: 2023, zielgruppe: 'frauen', stadtteil: null });
    expect(list.map((e) => e.startDate)).toEqual(['2023-03-22', '2023-03-16', '2023-03-08']);
    const ics = eventsCalendar(list, { name: 'Test', origin: 'https://vielfalt.example', eventPath: (s) => `/veranstaltungen/${s}`, prodId: 'Test' });
    const vevents = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(vevents.map((v) => v.summary)).toEqual(list.map((e) => e.title));
    const infoTag = vevents.find((v) => v.summary === 'Info-Tag für multikulturelle Frauen')!;
    expect(infoTag.startDate.toString()).toBe('2023-03-16T10:00:00');
    expect(infoTag.endDate.toString()).toBe('2023-03-16T15:00:00');
    expect(infoTag.location).toBe('Innovationszentrum, Westring 303, 44629 Herne');
    const bleibCool = vevents.find((v) => v.summary.startsWith('Bleib cool'))!;
    expect(bleibCool.startDate.isDate).toBe(true);
    expect(bleibCool.startDate.toString()).toBe('2023-03-22');
    expect(bleibCool.endDate.toString()).toBe('2023-03-23');
  });

  it('finds offers, events and networks for the search with the facet "Art"', async () => {
    await inTransaction(database.db, async (tx) => writeJahresrueckblick(tx, doc(), { municipalityId: await ensureMunicipality(tx, 'herne'), comment: 'Test' }));
    const all = await searchDirectory(database.db, 'herne', 'Herkules', []);
    expect(all.hits).toEqual([expect.objectContaining({ art: 'veranstaltung', title: 'Herkules-Fest', meta: '2023-06-17' })]);
    // Umlauts folded: "vater" finds "Echte Väter".
    expect((await searchDirectory(database.db, 'herne', 'echte vater', [])).hits.map((h) => h.title)).toEqual(['Projekt „Echte Väter“']);
    const onlyNetworks = await searchDirectory(database.db, 'herne', 'Vielfalt KiTa', parseArts(new URLSearchParams('art=netzwerk&art=unbekannt')));
    expect(onlyNetworks.hits.every((h) => h.art === 'netzwerk')).toBe(true);
    expect(onlyNetworks.hits.map((h) => h.title)).toContain('AK Vielfalt – Bildung und Erziehung in der KiTa');
    // The counts per kind stay those of the whole query, for the facet.
    expect(onlyNetworks.counts.angebot).toBeGreaterThan(0);
    expect((await searchDirectory(database.db, 'herne', '%', [])).hits).toEqual([]);
  });
});
