import { expect } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describeEachEngine } from '../../../../tests/helpers/db';
import { newMeasureInput, seededDatabase } from '../../../../tests/helpers/seed';
import type { Db } from '../db/connection';
import { loadMeasureSnapshots } from '../catalogue/snapshot';
import { editableFromSnapshot } from '../catalogue/editable-measure';
import { updateMeasure } from '../editing/measures/update-measure';
import { createMeasure } from '../editing/measures/create-measure';
import { archiveMeasure } from '../editing/measures/archive-measure';
import { publishChange } from '../editing/workflow/publish-change';
import { publishMeasure } from '../editing/workflow/publish-measure';
import { createTranslator } from '../../i18n/translator';
import { refreshSearchIndex } from '../search';
import { catalogueFeed, municipalityFeed, searchFeed, type FeedContext, type FeedResult } from './index';

const ATOM = 'http://www.w3.org/2005/Atom';
const ctx: FeedContext = { origin: 'https://vielfalt.herne.example', municipality: 'herne', t: createTranslator('de'), locale: 'de' };

interface Entry {
  id: string;
  title: string;
  updated: string;
  summary: string;
  content?: string;
  link: { '@_href': string }[];
}

/** Text of a `type="html"` element (the parser gives it with its attribute). */
function html(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const v = value as { '#text': string; '@_type': string };
  expect(v['@_type']).toBe('html');
  return v['#text'];
}

/** Parses with a real XML parser: well-formedness first, then the Atom elements every feed needs. */
function parseAtom(result: FeedResult) {
  if (result.status !== 'ok') throw new Error(`feed: ${result.status}`);
  expect(XMLValidator.validate(result.xml)).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link', cdataPropName: false as never }).parse(result.xml);
  const feed = doc.feed;
  expect(feed['@_xmlns']).toBe(ATOM);
  for (const required of ['id', 'title', 'updated', 'author']) expect(feed[required], required).toBeTruthy();
  expect(new Date(feed.updated).toString()).not.toBe('Invalid Date');
  const entries: Entry[] = (feed.entry ?? []).map((e: Record<string, unknown>) => ({
    ...e,
    title: html(e.title),
    summary: html(e.summary),
    content: html(e.content),
  }));
  for (const e of entries) {
    expect(e.id).toMatch(/^tag:vielfalt\.herne\.example,2024:vielfalt:measure:[0-9a-f-]{36}:revision:\d+$/);
    expect(e.link[0]!['@_href']).toMatch(/^https:\/\/vielfalt\.herne\.example\/kataloge\//);
    expect(new Date(e.updated).toString()).not.toBe('Invalid Date');
  }
  return { feed, entries };
}

async function current(db: Db, id: string) {
  const snapshot = (await loadMeasureSnapshots(db, [id])).get(id)!;
  return { ...editableFromSnapshot(snapshot), version: snapshot.version };
}

describeEachEngine('change feeds', (engine) => {
  const { s, test } = seededDatabase(engine);

  test('a published change is the first entry of its catalogue’s feed, within the same minute', async (db) => {
    const before = parseAtom(await catalogueFeed(db, 'integrationskonzept', ctx));
    // The import published three measures (the gap record included).
    expect(before.entries.map((e) => e.summary)).toEqual(['Neu veröffentlicht.', 'Neu veröffentlicht.', 'Neu veröffentlicht.']);

    const base = await current(db, s.measures.m1);
    const saved = await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, description: 'Sprachförderung auch in der Tagespflege & im Familienzentrum.', stateCode: 'laufend' });
    expect(saved).toMatchObject({ status: 'saved', workflowState: 'veroeffentlicht' });
    const publishedAt = Date.now();

    const { feed, entries } = parseAtom(await catalogueFeed(db, 'integrationskonzept', ctx));
    expect(entries).toHaveLength(4);
    const [first] = entries;
    expect(first!.title).toBe('Sprachförderung in Kitas');
    expect(first!.summary).toBe('Geändert: Beschreibung, Umsetzungsstand.');
    // Plain text, escaped as HTML inside the type="html" element.
    expect(first!.content).toBe('<p>Sprachförderung auch in der Tagespflege &amp; im Familienzentrum.</p>');
    expect(first!.link[0]!['@_href']).toBe('https://vielfalt.herne.example/kataloge/integrationskonzept/massnahme/1-sprachfoerderung-in-kitas');
    expect(Math.abs(new Date(first!.updated).getTime() - publishedAt)).toBeLessThan(60_000);
    expect(new Date(feed.updated).getTime()).toBe(new Date(first!.updated).getTime());
    expect(feed.title).toBe('Änderungen: Gesamtstädtisches Integrationskonzept – Vielfalt in Herne');
    expect(feed.author.name).toBe('Kommunales Integrationszentrum');
    expect(feed.link.map((l: Record<string, string>) => [l['@_rel'], l['@_href']])).toEqual([
      ['alternate', 'https://vielfalt.herne.example/kataloge/integrationskonzept'],
      ['self', 'https://vielfalt.herne.example/kataloge/integrationskonzept/feed.atom'],
    ]);
  });

  test('a change request counts once it is published; drafts and changes in review never appear', async (db) => {
    const base = await current(db, s.measures.m1);
    const proposed = await updateMeasure(db, s.users.beitragende, s.measures.m1, { ...base, title: 'Geheimer Entwurfstitel' }, { comment: 'interne Notiz' });
    if (proposed.status !== 'proposed') throw new Error('expected a change request');
    const draft = await createMeasure(db, s.users.beitragende, newMeasureInput(s, { title: 'Unveröffentlichte Lesepaten' }));
    expect(draft.workflowState).toBe('entwurf');
    const archivedDraft = await createMeasure(db, s.users.redaktion, newMeasureInput(s, { title: 'Verworfener Entwurf', number: '4' }));
    await archiveMeasure(db, s.users.redaktion, archivedDraft.id);

    await refreshSearchIndex(db);
    for (const result of [await catalogueFeed(db, 'integrationskonzept', ctx), await municipalityFeed(db, ctx), await searchFeed(db, new URLSearchParams(), ctx)]) {
      const { entries } = parseAtom(result);
      if (result.status !== 'ok') throw new Error();
      for (const secret of ['Geheimer Entwurfstitel', 'interne Notiz', 'Unveröffentlichte Lesepaten', 'Verworfener Entwurf', 'Bernd', 'Rita'])
        expect(result.xml).not.toContain(secret);
      expect(entries.every((e) => e.summary.startsWith('Neu veröffentlicht.'))).toBe(true);
    }

    // Published: the change shows, described against the published state before it.
    await publishChange(db, s.users.redaktion, proposed.changeRequestId, { comment: 'Redaktionsnotiz' });
    const { entries } = parseAtom(await catalogueFeed(db, 'integrationskonzept', ctx));
    expect(entries[0]).toMatchObject({ title: 'Geheimer Entwurfstitel', summary: 'Geändert: Titel.' });
    expect(entries).toHaveLength(4);

    // Archiving a published measure is a public change, linked to the catalogue (its page is gone).
    await archiveMeasure(db, s.users.redaktion, s.measures.m2);
    const after = parseAtom(await catalogueFeed(db, 'integrationskonzept', ctx)).entries;
    expect(after[0]).toMatchObject({ title: 'Elterncafés', summary: 'Archiviert: nicht mehr im Katalog.' });
    expect(after[0]!.content).toBeUndefined();
    expect(after[0]!.link[0]!['@_href']).toBe('https://vielfalt.herne.example/kataloge/integrationskonzept');
  });

  test('a search feed lists only the changes of measures the search finds', async (db) => {
    const created = await createMeasure(db, s.users.beitragende, newMeasureInput(s));
    await publishMeasure(db, s.users.redaktion, created.id);
    const base = await current(db, s.measures.m1);
    await updateMeasure(db, s.users.redaktion, s.measures.m1, { ...base, remarks: 'Neue Bemerkung' });
    // Search documents are rebuilt at commit; the test's transaction never commits.
    await refreshSearchIndex(db);

    const titles = async (query: string) => parseAtom(await searchFeed(db, new URLSearchParams(query), ctx)).entries.map((e) => e.title);
    expect(await titles('status=geplant')).toEqual(['Mehrsprachige Lesepaten']);
    expect(await titles('q=Lesepaten')).toEqual(['Mehrsprachige Lesepaten']);
    expect(await titles('status=dauerhaft&sort=nummer&seite=3')).toEqual(['Sprachförderung in Kitas', 'Elterncafés', 'Sprachförderung in Kitas']);
    // Without filters: every published measure except the gap record (as on /suche).
    expect(await titles('')).toEqual(['Sprachförderung in Kitas', 'Mehrsprachige Lesepaten', 'Elterncafés', 'Sprachförderung in Kitas']);

    const { feed, entries } = parseAtom(await searchFeed(db, new URLSearchParams('status=geplant&q=Lesepaten'), ctx));
    expect(feed.title).toBe('Änderungen: Suche „Lesepaten“ · Umsetzungsstand: geplant – Vielfalt in Herne');
    expect(entries[0]!.summary).toBe('Neu veröffentlicht. Katalog: Gesamtstädtisches Integrationskonzept.');
    const self = feed.link.find((l: Record<string, string>) => l['@_rel'] === 'self');
    expect(self['@_href']).toBe('https://vielfalt.herne.example/suche/feed.atom?q=Lesepaten&status=geplant');
  });

  test('invalid filters are refused with the search page’s messages; unknown catalogues are not found', async (db) => {
    const result = await searchFeed(db, new URLSearchParams('richtung=oben&seite=x'), ctx);
    expect(result.status).toBe('invalid');
    if (result.status !== 'invalid') return;
    expect(result.errors.map((e) => e.param).sort()).toEqual(['richtung', 'seite']);
    expect(await catalogueFeed(db, 'gibt-es-nicht', ctx)).toEqual({ status: 'notFound' });
  });
});
