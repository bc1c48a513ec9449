/**
 * schema.org JSON-LD for the public measure and actor pages, built from the same read models
 * the pages show (published content only; contacts only as published on the page).
 *
 * A measure is a `GovernmentService` (provider: the responsible actors, audience: its target
 * groups, area served: the municipality); `dateModified` ("Stand") belongs to the page, so the
 * service is the `mainEntity` of a `WebPage`. An actor is a `GovernmentOrganization` (city
 * units) or an `Organization`, with the measures it is responsible for as `makesOffer`.
 */
import { actorHref, catalogueHref, measureHref } from '../../components/paths';
import { DEFAULT_MUNICIPALITY } from '../catalogue/municipality';
import type { ActorDetail, ActorLink, MeasureDetail } from '../catalogue/read-models';
import { openDataProfile } from './profile';

type JsonLd = Record<string, unknown>;

/**
 * JSON for a `<script type="application/ld+json">` element: `<`, `>` and `&` are written as
 * \u escapes so no value can close the element (`</script>`) or open a comment; U+2028/2029
 * are escaped for old parsers. The result is still the same JSON.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The element itself, for `{@html}` in `<svelte:head>`. */
export function jsonLdScript(data: unknown): string {
  return `<script type="application/ld+json">${serializeJsonLd(data)}</script>`;
}

export interface PageContext {
  origin: string;
  /** Short place name ("Herne") and the publisher's name ("Stadt Herne"). */
  place: string;
  municipalityName: string;
}

const abs = (origin: string, path: string) => new URL(path, origin).toString();
const compact = (o: JsonLd): JsonLd => Object.fromEntries(Object.entries(o).filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && !v.length)));

function organisation(actor: Pick<ActorLink, 'slug' | 'name' | 'kind'>, origin: string): JsonLd {
  return {
    '@type': actor.kind === 'stadt' ? 'GovernmentOrganization' : 'Organization',
    '@id': `${abs(origin, actorHref(actor.slug))}#akteur`,
    name: actor.name,
    url: abs(origin, actorHref(actor.slug)),
  };
}

function city(ctx: PageContext): JsonLd {
  return { '@type': 'City', name: ctx.place };
}

export function measureJsonLd(measure: MeasureDetail, ctx: PageContext): JsonLd {
  const url = abs(ctx.origin, measureHref(measure.catalogue.slug, measure.slug));
  const responsible = measure.actors.filter((a) => a.role === 'verantwortlich');
  const service = compact({
    '@type': 'GovernmentService',
    '@id': `${url}#massnahme`,
    name: measure.title,
    description: measure.description || measure.goals || undefined,
    identifier: measure.number ?? undefined,
    url,
    serviceType: measure.catalogue.title,
    category: measure.placements.find((p) => p.isPrimary)?.path.map((p) => p.title).join(' › '),
    provider: responsible.map((a) => organisation(a, ctx.origin)),
    // Involved actors (beteiligt) are left out: schema.org has no participant role on a service.
    audience: measure.targetGroups.map((g) => ({ '@type': 'Audience', audienceType: g.name })),
    areaServed: city(ctx),
    serviceOperator: { '@type': 'GovernmentOrganization', name: ctx.municipalityName },
  });
  return compact({
    '@context': 'https://schema.org',
    '@type': 'WebPage',
    '@id': url,
    url,
    name: measure.title,
    inLanguage: 'de',
    dateModified: measure.updatedAt,
    lastReviewed: measure.lastReviewedAt ?? undefined,
    isPartOf: {
      '@type': 'CollectionPage',
      name: measure.catalogue.title,
      url: abs(ctx.origin, catalogueHref(measure.catalogue.slug)),
    },
    // A gap ("keine explizite Maßnahme formuliert") is a page, not a service.
    mainEntity: measure.isGap ? undefined : service,
  });
}

export function actorJsonLd(actor: ActorDetail, ctx: PageContext): JsonLd {
  const url = abs(ctx.origin, actorHref(actor.slug));
  const responsible = actor.groups.flatMap((g) => g.measures.filter((m) => !m.isGap && m.roles.includes('verantwortlich')));
  return compact({
    '@context': 'https://schema.org',
    ...organisation(actor, ctx.origin),
    description: actor.description ?? undefined,
    alternateName: actor.aliases,
    areaServed: city(ctx),
    // Parent and sub-units share the actor's kind (Dezernat › Fachbereich are both city units).
    parentOrganization: actor.parent ? organisation({ ...actor.parent, kind: actor.kind }, ctx.origin) : undefined,
    subOrganization: actor.children.map((c) => organisation({ ...c, kind: actor.kind }, ctx.origin)),
    // Only what the page shows: contacts marked visible.
    contactPoint: actor.contacts.map((c) =>
      compact({
        '@type': 'ContactPoint',
        name: c.name ?? c.unit ?? undefined,
        contactType: c.kind === 'person' ? 'Ansprechperson' : 'Anlaufstelle',
        telephone: c.phone ?? undefined,
        email: c.email ?? undefined,
      }),
    ),
    makesOffer: responsible.map((m) => ({
      '@type': 'Offer',
      itemOffered: {
        '@type': 'GovernmentService',
        '@id': `${abs(ctx.origin, measureHref(m.catalogueSlug, m.slug))}#massnahme`,
        name: m.title,
        url: abs(ctx.origin, measureHref(m.catalogueSlug, m.slug)),
      },
    })),
  });
}

/** Context of the public pages: the default municipality (Vielfalt serves one per instance today). */
export function pageContext(origin: string, municipality: { slug: string; name: string } = DEFAULT_MUNICIPALITY): PageContext {
  return { origin, place: openDataProfile(municipality).place, municipalityName: municipality.name };
}
