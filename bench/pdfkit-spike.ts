/**
 * The pdfkit candidate of the PDF engine comparison (docs/exports.md), used only by
 * `npm run bench -- exports --compare`: renders the same print document with pdfkit, as far as
 * pdfkit goes without hand-written layout code — tagged structure (H1–H6, P), /Lang, title,
 * bookmarks, internal links to named destinations, page numbers via buffered pages. What it
 * cannot do without much more code (a table of contents with page numbers needs a second
 * layout pass; right-to-left paragraphs need a bidi implementation) is listed in the docs.
 */
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { PrintDocument, PrintMeasure, PrintSection, PrintText } from '../src/lib/server/exports/print-document';

export async function renderWithPdfkit(d: PrintDocument, fontDir: string): Promise<{ pdf: Buffer; pages: number }> {
  const doc = new PDFDocument({ size: 'A4', margin: 62, tagged: true, lang: d.lang, displayTitle: true, bufferPages: true, pdfVersion: '1.7', info: { Title: d.title, Author: d.publisher ?? '' } });
  doc.registerFont('sans', path.join(fontDir, 'NotoSans-Regular.ttf'));
  doc.registerFont('bold', path.join(fontDir, 'NotoSans-Bold.ttf'));
  doc.registerFont('arabic', path.join(fontDir, 'NotoNaskhArabic-Regular.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));

  const para = (t: PrintText, size = 10) => {
    const rtl = t.dir === 'rtl';
    doc.addStructure(doc.struct('P', {}, () => doc.font(rtl ? 'arabic' : 'sans').fontSize(size).text(t.text, { align: rtl ? 'right' : 'left', features: rtl ? ['rtla'] : [] })));
  };
  const heading = (level: number, text: string, dest?: string) => {
    const tag = `H${Math.min(level, 6)}` as 'H1';
    doc.addStructure(
      doc.struct(tag, {}, () => {
        if (dest) doc.addNamedDestination(dest);
        doc.font('bold').fontSize(18 - Math.min(level, 5) * 2).text(text);
      }),
    );
  };
  doc.addStructure(doc.struct('H1', {}, () => doc.font('bold').fontSize(24).text(d.title)));
  if (d.publisher) para({ text: `${d.labels.publisher}: ${d.publisher}` });
  if (d.stand) para({ text: `${d.labels.stand}: ${d.stand}` });

  const measure = (m: PrintMeasure, level: number, parent: PDFKit.PDFOutline) => {
    parent.addItem(`${m.label}: ${m.title.text}`);
    heading(level, `${m.label}: ${m.title.text}`, m.anchor);
    if (m.description) para(m.description);
    for (const f of m.fields) para({ text: `${f.label}: ${f.value.text}`, dir: f.value.dir });
    for (const r of m.references)
      doc.addStructure(doc.struct('Link', {}, () => doc.font('sans').fontSize(10).text(r.text, r.anchor ? { goTo: r.anchor, underline: true } : {})));
    para({ text: m.standLine }, 8);
  };
  const section = (s: PrintSection, parent: PDFKit.PDFOutline) => {
    if (s.level === 1) doc.addPage();
    const item = parent.addItem(s.heading);
    heading(s.level, s.heading, s.anchor);
    if (s.body) para(s.body);
    for (const m of s.measures) measure(m, s.level + 1, item);
    for (const c of s.sections) section(c, item);
  };
  for (const s of d.sections) section(s, doc.outline);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.font('sans').fontSize(8).text(`${d.labels.page} ${i + 1} ${d.labels.pageOf} ${range.count}`, 62, doc.page.height - 40, { align: 'center', lineBreak: false });
  }
  doc.end();
  await done;
  return { pdf: Buffer.concat(chunks), pages: range.count };
}
