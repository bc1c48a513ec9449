import fs from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { outlineTitles, pdfString as text, pdfText } from '../../../../../tests/helpers/pdf';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../../tests/helpers/db';
import { createTranslator } from '../../../i18n';
import { ensureMunicipality } from '../../catalogue/municipality';
import { getCatalogueDetail } from '../../catalogue/queries';
import { writeImportPlan } from '../../importers/plan/write';
import { inTransaction } from '../../db/transaction';
import { parseSearchParams } from '../../search';
import { downloadCatalogue, downloadSearch } from '../downloads';
import { loadExportSelection } from '../measures';
import { cataloguePrintDocument } from '../print-document';
import { ARABIC_TEXT, ARABIC_TITLE, exportPlan } from '../test-fixtures';
import { renderPdf, stopPdfWorker } from './render';
import { DEFAULT_MUNICIPALITY } from '../../catalogue/municipality';

const t = createTranslator('de');
const origin = 'https://vielfalt.example';

describeEachEngine('PDF edition', (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await inTransaction(database.db, async (tx) => {
      const municipalityId = await ensureMunicipality(tx, DEFAULT_MUNICIPALITY.slug, DEFAULT_MUNICIPALITY.name);
      await writeImportPlan(tx, exportPlan(), { municipalityId, comment: 'Test-Import' });
    });
  });
  afterAll(async () => {
    await stopPdfWorker();
    await database.destroy();
  });

  it('a whole catalogue: every measure in the text, tagged, with Lang, title and one bookmark per Handlungsfeld', async () => {
    const result = await downloadCatalogue(database.db, 'integrationskonzept', 'pdf', { t, origin, municipality: DEFAULT_MUNICIPALITY.slug });
    if (result.status !== 'ok') throw new Error(result.status);
    const pdf = result.download.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

    const detail = (await getCatalogueDetail(database.db, 'integrationskonzept', DEFAULT_MUNICIPALITY.slug))!;
    const selection = await loadExportSelection(database.db, { catalogueIds: [detail.catalogue.id] });
    const extracted = pdfText(pdf);
    for (const m of selection.measures.filter((x) => !x.isGap)) expect(extracted, m.title).toContain(m.title.replace(/\s+/g, ' '));
    expect(extracted).toContain('Stand: ');
    expect(extracted).toContain('Quelle: test.txt, Zeile 10');
    expect(extracted).toContain(`Herausgeber: ${detail.catalogue.publisher}`);
    expect(extracted).toMatch(/Inhaltsverzeichnis .*Handlungsfeld Bildung \.[ .]*\d+/);
    expect(extracted).toMatch(/Seite 2 von \d+/);

    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(doc.catalog.get(PDFName.of('StructTreeRoot'))).toBeDefined();
    const markInfo = doc.context.lookupMaybe(doc.catalog.get(PDFName.of('MarkInfo')), PDFDict);
    expect(String(markInfo?.get(PDFName.of('Marked')))).toBe('true');
    expect(text(doc.catalog.get(PDFName.of('Lang')))).toBe('de');
    expect(doc.getTitle()).toBe(detail.catalogue.title);
    const top = outlineTitles(doc).filter((o) => o.depth === 0).map((o) => o.title);
    expect(top).toEqual(expect.arrayContaining(['Handlungsfeld Bildung', 'Handlungsfeld Gesundheit']));
    // Measures are bookmarked below their Handlungsziel.
    expect(outlineTitles(doc).some((o) => o.depth > 0 && o.title.includes('Elterncafés'))).toBe(true);
  });

  it('Arabic is shaped and extracts in logical order; cross-references are internal links', async () => {
    const detail = (await getCatalogueDetail(database.db, 'integrationskonzept', DEFAULT_MUNICIPALITY.slug))!;
    const selection = await loadExportSelection(database.db, { catalogueIds: [detail.catalogue.id] });
    const document = cataloguePrintDocument(detail, selection, { t });
    const arabic = document.sections[1]!.sections[0]!.sections[0]!.measures[0]!;
    expect(arabic.title).toEqual({ text: ARABIC_TITLE, dir: 'rtl' });
    const { pdf } = await renderPdf(document);
    if (process.env.KEEP_PDF) fs.writeFileSync(process.env.KEEP_PDF, pdf);
    const extracted = pdfText(pdf);
    expect(extracted).toContain(ARABIC_TITLE);
    // Words in logical (reading) order. The final full stop is left out: it sits at the visual
    // left end of the right-to-left line, and pdftotext's line heuristics put such a neutral
    // character at either end (the page itself is right, see docs/exports.md).
    expect(extracted).toContain(ARABIC_TEXT.replace(/\.$/, ''));
    // The words are not reversed (visual order would start with the last word).
    expect(extracted).not.toContain([...ARABIC_TITLE.split(' ')].reverse().join(' '));
    // Shaped: the font's contextual forms are used, so the text is not drawn letter by letter
    // in isolated forms (U+FE70–U+FEFF presentation forms would appear if it were faked).
    expect(extracted).not.toMatch(/[\uFE70-\uFEFF]/);

    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    const annots = doc.getPages().flatMap((p) => {
      const list = p.node.Annots();
      return list ? list.asArray().map((a) => doc.context.lookup(a, PDFDict)) : [];
    });
    const internal = annots.filter((a) => {
      const action = doc.context.lookupMaybe(a.get(PDFName.of('A')), PDFDict);
      return a.get(PDFName.of('Dest')) !== undefined || String(action?.get(PDFName.of('S'))) === '/GoTo';
    });
    // The TOC entries plus the one resolved cross-reference.
    expect(internal.length).toBeGreaterThan(document.sections.length);
    expect(extracted).toContain('Querverweise: Siehe Maßnahme 1 im Handlungsfeld Bildung');
  });

  it('one Handlungsfeld, and a search view', async () => {
    const one = await downloadCatalogue(database.db, 'integrationskonzept', 'pdf', { t, origin, node: 'gesundheit', municipality: DEFAULT_MUNICIPALITY.slug });
    if (one.status !== 'ok') throw new Error(one.status);
    const oneText = pdfText(one.download.body as Buffer);
    expect(oneText).toContain(ARABIC_TITLE);
    expect(oneText).not.toContain('Elterncafés');

    const parsed = parseSearchParams(new URLSearchParams('q=Elterncafés'));
    const found = await downloadSearch(database.db, parsed.state, 'pdf', { t, origin, municipality: DEFAULT_MUNICIPALITY.slug });
    if (found.status !== 'ok') throw new Error(found.status);
    const searchText = pdfText(found.download.body as Buffer);
    expect(searchText).toContain('Elterncafés');
    expect(searchText).toContain('Suche: „Elterncafés“');
    expect(searchText).not.toContain('Sprachförderung in Kitas Die Kitas');
  });

  it('does not block the event loop while rendering', async () => {
    const detail = (await getCatalogueDetail(database.db, 'integrationskonzept', DEFAULT_MUNICIPALITY.slug))!;
    const selection = await loadExportSelection(database.db, { catalogueIds: [detail.catalogue.id] });
    const document = cataloguePrintDocument(detail, selection, { t });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await Promise.all([renderPdf(document), renderPdf(document), renderPdf(document)]);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
  });
});

