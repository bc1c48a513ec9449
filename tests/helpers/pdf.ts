/** Reading PDFs in tests: text through poppler's pdftotext, structure through pdf-lib. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';

/** pdftotext output with whitespace and bidi control marks normalised. */
export function pdfText(pdf: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-pdf-')), 'out.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
      .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\u2060]/g, '')
      .replace(/\s+/g, ' ');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

export const pdfString = (o: PDFObject | undefined): string | null => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : null);

/** Titles of the PDF outline (bookmarks), depth first. */
export function outlineTitles(doc: PDFDocument): { title: string; depth: number }[] {
  const out: { title: string; depth: number }[] = [];
  const walk = (first: PDFObject | undefined, depth: number) => {
    for (let item = doc.context.lookupMaybe(first, PDFDict); item; item = doc.context.lookupMaybe(item.get(PDFName.of('Next')), PDFDict)) {
      out.push({ title: pdfString(item.get(PDFName.of('Title'))) ?? '', depth });
      walk(item.get(PDFName.of('First')), depth + 1);
    }
  };
  const outlines = doc.context.lookupMaybe(doc.catalog.get(PDFName.of('Outlines')), PDFDict);
  walk(outlines?.get(PDFName.of('First')), 0);
  return out;
}
