import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { renderAtom, xmlSafe, type FeedDocument } from './atom';

const doc = (overrides: Partial<FeedDocument> = {}): FeedDocument => ({
  id: 'tag:vielfalt.example,2024:vielfalt:catalogue:1:changes',
  title: 'Änderungen: Kita & Schule <neu>',
  subtitle: 'Untertitel',
  selfUrl: 'https://vielfalt.example/suche/feed.atom?q=Kita&status=laufend',
  pageUrl: 'https://vielfalt.example/suche?q=Kita&status=laufend',
  updated: new Date('2026-12-04T10:00:00Z'),
  author: 'Stadt Herne',
  language: 'de',
  entries: [
    {
      id: 'tag:vielfalt.example,2024:vielfalt:measure:m:revision:7',
      title: 'Kita & Schule <b>fett</b> ]]> Ende',
      url: 'https://vielfalt.example/kataloge/a/massnahme/b',
      updated: new Date('2026-12-04T10:00:00Z'),
      summary: 'Geändert: Titel.',
      content: 'Erster Absatz\nmit Umbruch.\n\nZweiter "Absatz" \u0001mit Steuerzeichen\u0007.',
    },
  ],
  ...overrides,
});

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, isArray: (n) => n === 'entry' || n === 'link' }).parse(xml).feed;

describe('Atom rendering', () => {
  it('writes well-formed Atom whatever the texts contain', () => {
    const xml = renderAtom(doc());
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@_xml:lang']).toBe('de');
    expect(feed.title).toBe('Änderungen: Kita & Schule <neu>');
    expect(feed.link.map((l: Record<string, string>) => l['@_href'])).toEqual([
      'https://vielfalt.example/suche?q=Kita&status=laufend',
      'https://vielfalt.example/suche/feed.atom?q=Kita&status=laufend',
    ]);
    const [entry] = feed.entry;
    // type="html": plain text is escaped as HTML, so no markup of the measure's text survives.
    expect(entry.title['@_type']).toBe('html');
    expect(entry.title['#text']).toBe('Kita &amp; Schule &lt;b&gt;fett&lt;/b&gt; ]]&gt; Ende');
    expect(entry.content['#text']).toBe('<p>Erster Absatz<br>mit Umbruch.</p><p>Zweiter &quot;Absatz&quot; mit Steuerzeichen.</p>');
    expect(entry.id).toBe('tag:vielfalt.example,2024:vielfalt:measure:m:revision:7');
    expect(entry.updated).toBe('2026-12-04T10:00:00.000Z');
  });

  it('an empty feed is still valid Atom', () => {
    const xml = renderAtom(doc({ entries: [] }));
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parse(xml).entry).toBeUndefined();
  });

  it('drops only what XML 1.0 cannot carry', () => {
    expect(xmlSafe('a\u0000b\u0008c\td\ne\rf\uFFFEg😀')).toBe('abc\td\ne\rfg😀');
    expect(xmlSafe('lone \uD800 surrogate')).toBe('lone  surrogate');
  });
});
