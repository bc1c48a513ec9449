/**
 * Export for the Integreat CMS (digitalfabrik/integreat-cms): the published measures as a page
 * tree in the shape of Integreat's pages API (v3, `/api/v3/{region}/{language}/pages/`), so a
 * region's editors or a script can create the pages and keep their content current through
 * Integreat's push endpoint (`/api/v3/{region}/{language}/pushpage/`, one API token per page).
 * Tree: catalogue → top-level section (Handlungsfeld, dimension) → measure → task area.
 * Content is HTML that Integreat's editor accepts (p, ul, li, strong, a); every text is escaped.
 * See docs/integreat.md for the mapping and its limits.
 */
import { parseRichText } from '../../components/rich-text';
import { actorHref, catalogueHref, measureHref, sectionHref } from '../../components/paths';
import { slugify } from '../text/slug';
import { groupBy } from '../util/collections';
import type { OpenActor, OpenCatalogue, OpenContact, OpenDataSet, OpenMeasure } from './model';
import { LICENCE } from './profile';
import { escapeHtml } from '../text/escape';

export const INTEGREAT_FORMAT = 'vielfalt-integreat-pages';
export const INTEGREAT_FORMAT_VERSION = 1;

export interface IntegreatPage {
  /** Stable key of the page in Vielfalt ("vielfalt:measure:<uuid>"); Integreat assigns its own numeric id. */
  id: string;
  /** The Vielfalt page the content comes from (canonical source). */
  url: string;
  /** Proposed Integreat path: /{region}/{language}/{slug}/{slug}/…/ */
  path: string;
  /** Integreat page translation slug: unique per region and language. */
  slug: string;
  title: string;
  /** ISO time of the last change (Integreat: `last_updated`). */
  last_updated: string;
  /** Plain text of the content (Integreat: `excerpt`). */
  excerpt: string;
  /** HTML (Integreat: `content`). */
  content: string;
  /** Parent page (id 0 for root pages, as in Integreat's API). */
  parent: { id: string | 0; path: string | null };
  /** Position among siblings, from 1. */
  order: number;
  /** Languages with a translation; Vielfalt content is German only for now. */
  available_languages: Record<string, never>;
  /** Integreat's publication status for the created translation. */
  status: 'PUBLIC';
  /** What the page stands for in Vielfalt. */
  source: { type: 'catalogue' | 'section' | 'measure'; catalogue: string; measure?: string; lastReviewed?: string | null };
}

export interface IntegreatExport {
  format: typeof INTEGREAT_FORMAT;
  formatVersion: typeof INTEGREAT_FORMAT_VERSION;
  region: string;
  language: 'de';
  generatedAt: string;
  licence: { uri: string; title: string; attribution: string };
  pages: IntegreatPage[];
}


/** Plain multi-line catalogue text → HTML paragraphs and lists (line breaks kept as <br>). */
export function richTextHtml(text: string | null | undefined): string {
  return parseRichText(text)
    .map((b) =>
      b.kind === 'paragraph'
        ? `<p>${escapeHtml(b.text).replace(/\n/g, '<br>')}</p>`
        : `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`,
    )
    .join('');
}

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
const labelled = (label: string, html: string) => `<p><strong>${escapeHtml(label)}:</strong> ${html}</p>`;
const plain = (html: string) =>
  html
    .replace(/<br>|<\/p>|<\/li>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{2,}/g, '\n')
    .trim();

// One formatter for all pages (toLocaleDateString builds a new one on every call).
const GERMAN_DATE = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: 'numeric', month: 'long', year: 'numeric' });
const germanDate = (isoDate: string) => GERMAN_DATE.format(new Date(isoDate));

function contactHtml(c: OpenContact): string {
  const parts = [c.kind === 'person' ? c.name : (c.name ?? c.unit), c.kind === 'person' ? c.unit : null]
    .filter((p): p is string => Boolean(p))
    .map(escapeHtml);
  if (c.phone) parts.push(`Telefon ${link(`tel:${c.phone.replace(/[^\d+]/g, '')}`, c.phone)}`);
  if (c.email) parts.push(link(`mailto:${c.email}`, c.email));
  return `<li>${parts.join(', ')}</li>`;
}

function measureContent(m: OpenMeasure, ctx: { origin: string; actors: Map<string, OpenActor>; contacts: Map<string, OpenContact[]> }): string {
  const url = (path: string) => new URL(path, ctx.origin).toString();
  const named = (role: 'verantwortlich' | 'beteiligt') =>
    m.actors
      .filter((a) => a.role === role)
      .flatMap((a) => {
        const actor = ctx.actors.get(a.id);
        return actor ? [link(url(actorHref(actor.slug)), actor.name)] : [];
      });
  const html: string[] = [richTextHtml(m.description)];
  if (m.goals?.trim()) html.push(labelled('Ziele', ''), richTextHtml(m.goals));
  const responsible = named('verantwortlich');
  if (responsible.length) html.push(labelled('Verantwortlich', responsible.join(', ')));
  const involved = named('beteiligt');
  if (involved.length) html.push(labelled('Beteiligt', involved.join(', ')));
  const audience = m.targetGroupText?.trim() || m.targetGroups.map((g) => g.name).join(', ');
  if (audience) html.push(labelled('Zielgruppe', escapeHtml(audience)));
  html.push(labelled('Status', escapeHtml(m.statusText?.trim() ? `${m.state.label} – ${m.statusText.trim()}` : m.state.label)));
  const contacts = [...new Set(m.actors.map((a) => a.id))].flatMap((id) => ctx.contacts.get(id) ?? []);
  if (contacts.length) html.push(labelled('Kontakt', ''), `<ul>${contacts.map(contactHtml).join('')}</ul>`);
  html.push(
    labelled(
      'Stand',
      escapeHtml(germanDate(m.updatedAt)) + (m.lastReviewedAt ? escapeHtml(` (zuletzt geprüft am ${germanDate(m.lastReviewedAt)})`) : ''),
    ),
    `<p>${link(url(measureHref(m.catalogueSlug, m.slug)), 'Diese Maßnahme im Maßnahmenkatalog')}</p>`,
  );
  return html.filter(Boolean).join('');
}

function catalogueContent(c: OpenCatalogue, origin: string): string {
  const facts = [c.publisher ? labelled('Herausgegeben von', escapeHtml(c.publisher)) : '', c.stand ? labelled('Stand', escapeHtml(c.stand)) : ''];
  return [
    c.subtitle ? `<p>${escapeHtml(c.subtitle)}</p>` : '',
    ...facts,
    `<p>${link(new URL(catalogueHref(c.slug), origin).toString(), 'Der vollständige Katalog')}</p>`,
  ].join('');
}

export function buildIntegreatExport(data: OpenDataSet, options: { origin: string; region?: string; generatedAt?: string }): IntegreatExport {
  const { origin } = options;
  const region = options.region ?? data.municipality.slug;
  const url = (path: string) => new URL(path, origin).toString();
  const actors = new Map(data.actors.map((a) => [a.id, a]));
  const contacts = groupBy(data.contacts, (c) => c.actorId);
  // Unique slugs; the next free number per base is remembered, so many equal titles stay linear.
  const taken = new Set<string>();
  const nextFree = new Map<string, number>();
  const slugFor = (text: string) => {
    const base = slugify(text, 60);
    let slug = base;
    for (let n = nextFree.get(base) ?? 2; taken.has(slug); n++) {
      slug = `${base}-${n}`;
      nextFree.set(base, n + 1);
    }
    taken.add(slug);
    return slug;
  };
  const pages: IntegreatPage[] = [];

  const children = new Map<string | 0, number>();
  const add = (page: Omit<IntegreatPage, 'path' | 'order' | 'available_languages' | 'status' | 'excerpt'>, parentPath: string) => {
    const order = (children.get(page.parent.id) ?? 0) + 1;
    children.set(page.parent.id, order);
    const path = `${parentPath}${page.slug}/`;
    const full: IntegreatPage = { ...page, path, order, excerpt: plain(page.content), available_languages: {}, status: 'PUBLIC' };
    pages.push(full);
    return full;
  };
  const root = `/${region}/de/`;

  const byCatalogue = groupBy(data.measures, (m) => m.catalogueId);
  data.catalogues.forEach((c) => {
    const measures = byCatalogue.get(c.id) ?? [];
    if (!measures.length) return;
    const cataloguePage = add(
      {
        id: `vielfalt:catalogue:${c.id}`,
        url: url(catalogueHref(c.slug)),
        slug: slugFor(c.title),
        title: c.title,
        last_updated: c.modified,
        content: catalogueContent(c, origin),
        parent: { id: 0, path: null },
        source: { type: 'catalogue', catalogue: c.slug },
      },
      root,
    );
    const sectionPages = new Map<string, IntegreatPage>();
    for (const s of c.sections) {
      const inSection = measures.filter((m) => m.sectionId === s.id);
      if (!inSection.length) continue;
      sectionPages.set(
        s.id,
        add(
          {
            id: `vielfalt:section:${s.id}`,
            url: url(sectionHref(c.slug, s.slug)),
            slug: slugFor(s.title),
            title: s.title,
            last_updated: inSection.map((m) => m.updatedAt).reduce((a, b) => (a > b ? a : b)),
            content: `<p>${escapeHtml(`${c.title}: ${s.title}`)}</p>`,
            parent: { id: cataloguePage.id, path: cataloguePage.path },
            source: { type: 'section', catalogue: c.slug },
          },
          cataloguePage.path,
        ),
      );
    }
    // Measures before their task areas, so a task area's parent page always exists.
    const measurePages = new Map<string, IntegreatPage>();
    const ordered = [...measures.filter((m) => !m.parentId), ...measures.filter((m) => m.parentId)];
    for (const m of ordered) {
      const parent = (m.parentId && measurePages.get(m.parentId)) || (m.sectionId && sectionPages.get(m.sectionId)) || cataloguePage;
      measurePages.set(
        m.id,
        add(
          {
            id: `vielfalt:measure:${m.id}`,
            url: url(measureHref(m.catalogueSlug, m.slug)),
            slug: slugFor(m.title),
            title: m.number ? `${m.number} ${m.title}` : m.title,
            last_updated: m.updatedAt,
            content: measureContent(m, { origin, actors, contacts }),
            parent: { id: parent.id, path: parent.path },
            source: { type: 'measure', catalogue: c.slug, measure: m.slug, lastReviewed: m.lastReviewedAt },
          },
          parent.path,
        ),
      );
    }
  });

  return {
    format: INTEGREAT_FORMAT,
    formatVersion: INTEGREAT_FORMAT_VERSION,
    region,
    language: 'de',
    generatedAt: options.generatedAt ?? data.modified,
    licence: { uri: LICENCE.uri, title: LICENCE.title, attribution: data.municipality.name },
    pages,
  };
}
