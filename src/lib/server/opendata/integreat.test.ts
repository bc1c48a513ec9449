import { describe, expect, it } from 'vitest';
import { buildIntegreatExport, INTEGREAT_FORMAT, richTextHtml } from './integreat';
import { escapeHtml } from '../text/escape';
import { buildOpenData, ORIGIN } from './test-fixtures';

describe('Integreat export', () => {
  const out = buildIntegreatExport(buildOpenData(), { origin: ORIGIN });
  const byTitle = (title: string) => out.pages.find((p) => p.title === title)!;

  it('has the page fields of Integreat’s pages API and a stable header', () => {
    expect(out).toMatchObject({ format: INTEGREAT_FORMAT, formatVersion: 1, region: 'herne', language: 'de' });
    expect(out.licence.uri).toBe('http://dcat-ap.de/def/licenses/dl-by-de/2.0');
    for (const page of out.pages) {
      expect(Object.keys(page).sort()).toEqual(
        ['available_languages', 'content', 'excerpt', 'id', 'last_updated', 'order', 'parent', 'path', 'slug', 'source', 'status', 'title', 'url'].sort(),
      );
      expect(page.path).toMatch(new RegExp(`^/herne/de/(.+/)?${page.slug}/$`));
    }
    // Slugs are unique per region and language, as Integreat requires.
    expect(new Set(out.pages.map((p) => p.slug)).size).toBe(out.pages.length);
  });

  it('builds the tree catalogue → section → measure → task area, parents first', () => {
    expect(out.pages.map((p) => [p.title, out.pages.find((q) => q.id === p.parent.id)?.title ?? null, p.order])).toEqual([
      ['Gesamtstädtisches Integrationskonzept', null, 1],
      ['Bildung', 'Gesamtstädtisches Integrationskonzept', 1],
      ['3 Sprachkurse für Eltern', 'Bildung', 1],
      ['3.1 Kinderbetreuung <während> der Kurse', '3 Sprachkurse für Eltern', 1],
      ['DIVERSITY bei der Stadtverwaltung Herne', null, 2],
      ['Geschlecht', 'DIVERSITY bei der Stadtverwaltung Herne', 1],
      ['Flyer Vielfalt der Geschlechter', 'Geschlecht', 1],
    ]);
    const child = byTitle('3.1 Kinderbetreuung <während> der Kurse');
    expect(child.parent.path).toBe(byTitle('3 Sprachkurse für Eltern').path);
    expect(child.path).toBe('/herne/de/gesamtstaedtisches-integrationskonzept/bildung/sprachkurse-fuer-eltern/kinderbetreuung-waehrend-der-kurse/');
  });

  it('writes the measure as escaped HTML with responsible actors, target group, status, contacts and Stand', () => {
    const page = byTitle('3.1 Kinderbetreuung <während> der Kurse');
    expect(page.content).toContain('<p>Kurse am Vormittag.</p><ul><li>mit Kinderbetreuung</li><li>kostenlos</li></ul>');
    expect(page.content).toContain('<strong>Verantwortlich:</strong> <a href="https://vielfalt.example/akteure/vhs">Volkshochschule Herne</a>');
    expect(page.content).toContain('<strong>Beteiligt:</strong> <a href="https://vielfalt.example/akteure/bgv">Büro für Gleichstellung und Vielfalt</a>');
    expect(page.content).toContain('<strong>Zielgruppe:</strong> Mütter und Väter');
    expect(page.content).toContain('<strong>Status:</strong> laufend – Regelangebot');
    expect(page.content).toContain('<a href="tel:+492323162629">+49 2323 16-2629</a>');
    expect(page.content).toContain('<strong>Stand:</strong> 2. April 2026');
    expect(page.excerpt).toContain('Verantwortlich: Volkshochschule Herne');
    expect(page.excerpt).not.toMatch(/<p>|<strong>/);
    expect(byTitle('3 Sprachkurse für Eltern').content).toContain('(zuletzt geprüft am 1. März 2026)');
    expect(escapeHtml('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
    expect(richTextHtml('<script>\nZeile')).toBe('<p>&lt;script&gt;<br>Zeile</p>');
  });

  it('numbers equal titles to keep slugs unique', () => {
    const data = buildOpenData();
    const first = data.measures[2]!;
    data.measures.push({ ...first, id: 'x1', slug: 'flyer-2' }, { ...first, id: 'x2', slug: 'flyer-3' });
    const slugs = buildIntegreatExport(data, { origin: ORIGIN }).pages.filter((p) => p.title === first.title).map((p) => p.slug);
    expect(slugs).toEqual(['flyer-vielfalt-der-geschlechter', 'flyer-vielfalt-der-geschlechter-2', 'flyer-vielfalt-der-geschlechter-3']);
  });

  it('leaves out catalogues without published measures', () => {
    const data = buildOpenData();
    data.measures = data.measures.filter((m) => m.catalogueSlug !== 'diversity');
    expect(buildIntegreatExport(data, { origin: ORIGIN }).pages.map((p) => p.source.catalogue)).not.toContain('diversity');
  });
});
