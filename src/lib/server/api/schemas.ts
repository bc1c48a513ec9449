/**
 * The Zod schemas of REST API v1: request parameters and bodies (validated by the router) and
 * responses (what the presenters produce; the contract test validates live answers against the
 * JSON Schema generated from them). `openapi.ts` turns the same objects into the OpenAPI
 * document, so documentation and validation cannot drift apart.
 *
 * Every named schema is registered in `apiSchemas` with its component id.
 */
import { z } from 'zod';
import { ACTOR_KINDS, CATALOGUE_KINDS, NODE_TYPES, WORKFLOW_STATES } from '../db/schema';
import { measureInput } from '../catalogue/measure-input';

export const apiSchemas = z.registry<{ id: string; description?: string }>();

function named<T extends z.ZodType>(id: string, schema: T, description?: string): T {
  apiSchemas.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

const nullableString = z.string().nullable();
const url = z.string().describe('Absolute URL of the public page');

// ---------------------------------------------------------------------------
// Errors and pagination
// ---------------------------------------------------------------------------

export const Problem = named(
  'Problem',
  z.looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string(),
    errors: z
      .array(z.object({ param: z.string().optional(), field: z.string().optional(), message: z.string() }))
      .optional()
      .describe('Invalid parameters (`param`) or body fields (`field`), each with a German message'),
  }),
  'RFC 9457 problem details (application/problem+json); German titles and messages.',
);

export const PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Not a number at all ("abc", "Infinity"): the same German message as a fraction. */
const WHOLE_NUMBER = { message: 'Bitte eine ganze Zahl angeben.' };

export const PageQuery = z.object({
  page: z.coerce.number(WHOLE_NUMBER).int('Bitte eine ganze Zahl angeben.').min(1, 'Die Seite beginnt bei 1.').max(10_000, 'Höchstens 10000.').default(1),
  limit: z.coerce
    .number(WHOLE_NUMBER)
    .int('Bitte eine ganze Zahl angeben.')
    .min(1, 'Mindestens 1.')
    .max(MAX_PAGE_SIZE, `Höchstens ${MAX_PAGE_SIZE}.`)
    .default(PAGE_SIZE),
});
export type PageQuery = z.output<typeof PageQuery>;

const pageMeta = {
  total: z.number().int().min(0),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  pageCount: z.number().int().min(0),
};

// ---------------------------------------------------------------------------
// Catalogues, editions, nodes
// ---------------------------------------------------------------------------

export const Catalogue = named(
  'Catalogue',
  z.object({
    id: z.uuid(),
    slug: z.string(),
    kind: z.enum(CATALOGUE_KINDS),
    title: z.string(),
    subtitle: nullableString,
    publisher: nullableString,
    stand: nullableString.describe('"Stand" as printed, e.g. "Oktober 2019"'),
    measureCount: z.number().int(),
    gapCount: z.number().int(),
    sectionCount: z.number().int(),
    url,
  }),
);

export const EditionSummary = named(
  'EditionSummary',
  z.object({
    id: z.uuid(),
    slug: z.string(),
    label: z.string(),
    stand: nullableString,
    standDate: nullableString.describe('ISO date (YYYY-MM-DD)'),
    frozenAt: z.string().describe('ISO timestamp'),
    url,
  }),
  'A frozen edition (Ausgabe): immutable, browsable forever at `url`.',
);

export const CatalogueDetail = named(
  'CatalogueDetail',
  z.object({ ...Catalogue.shape, description: nullableString, editions: z.array(EditionSummary) }),
);

export const CatalogueList = named('CatalogueList', z.object({ items: z.array(Catalogue) }));
export const EditionList = named('EditionList', z.object({ items: z.array(EditionSummary) }));

export const EditionMeasure = named(
  'EditionMeasure',
  z.object({
    id: z.uuid(),
    slug: z.string(),
    number: nullableString,
    title: z.string(),
    description: z.string(),
    goals: nullableString,
    targetGroupText: nullableString,
    statusText: nullableString,
    state: z.object({ code: z.string(), label: z.string() }),
    remarks: nullableString,
    responsibleText: nullableString,
    directionInward: z.boolean(),
    directionOutward: z.boolean(),
    isNew: z.boolean().describe('"neu": added since the previous edition'),
    isGap: z.boolean(),
    extraFields: z.array(z.object({ key: z.string(), value: z.string() })),
    actors: z.array(z.object({ name: z.string(), slug: z.string(), role: z.string(), wording: nullableString })),
    targetGroups: z.array(z.object({ name: z.string(), slug: z.string() })),
    placements: z.array(z.object({ nodeId: z.uuid(), path: z.array(z.string()), number: nullableString, isPrimary: z.boolean() })),
    references: z.array(z.object({ wording: nullableString, toMeasureId: z.uuid().nullable() })),
    parentMeasureId: z.uuid().nullable(),
    lastReviewedAt: nullableString,
    updatedAt: z.string(),
  }),
);

export interface EditionNodeShape {
  id: string;
  type: (typeof NODE_TYPES)[number];
  code: string | null;
  title: string;
  body: string | null;
  slug: string;
  children: EditionNodeShape[];
  measures: { id: string; number: string | null }[];
}

export const EditionNode: z.ZodType<EditionNodeShape> = named(
  'EditionNode',
  z.object({
    id: z.uuid(),
    type: z.enum(NODE_TYPES),
    code: nullableString,
    title: z.string(),
    body: nullableString,
    slug: z.string(),
    get children() {
      return z.array(EditionNode);
    },
    measures: z.array(z.object({ id: z.uuid(), number: nullableString })),
  }),
);

export const Edition = named(
  'Edition',
  z.object({
    ...EditionSummary.shape,
    foreword: nullableString,
    note: nullableString,
    content: z.object({
      format: z.literal(1),
      catalogue: z.object({
        id: z.uuid(),
        slug: z.string(),
        kind: z.enum(CATALOGUE_KINDS),
        title: z.string(),
        subtitle: nullableString,
        publisher: nullableString,
        description: nullableString,
      }),
      tree: z.array(EditionNode),
      measures: z.array(EditionMeasure),
    }),
  }),
  'A frozen edition with its full content, as it was frozen.',
);

export const Node = named(
  'Node',
  z.object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    type: z.enum(NODE_TYPES),
    code: nullableString,
    title: z.string(),
    body: nullableString,
    slug: z.string(),
    position: z.number().int(),
    url,
  }),
  'A structure node: Handlungsfeld, Leitziel, Handlungsziel, dimension, Dezernat, unit, chapter.',
);
export const NodeList = named('NodeList', z.object({ items: z.array(Node), ...pageMeta }));

// ---------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------

const FacetValue = z.object({
  value: z.string(),
  label: z.string(),
  count: z.number().int(),
  selected: z.boolean(),
  context: nullableString.optional(),
});

export const SearchItem = named(
  'SearchItem',
  z.object({
    id: z.uuid(),
    title: z.string(),
    number: nullableString,
    catalogue: z.object({ slug: z.string(), title: z.string(), kind: z.string() }),
    url,
    snippet: z.array(z.object({ text: z.string(), hit: z.boolean() })),
    place: nullableString,
    state: z.object({ code: z.string(), label: z.string() }),
    isNew: z.boolean(),
    isGap: z.boolean(),
    directionInward: z.boolean(),
    directionOutward: z.boolean(),
    responsible: z.array(z.string()),
    updatedAt: z.string(),
    score: z.number().nullable(),
  }),
);

export const SearchResult = named(
  'SearchResult',
  z.object({
    ...pageMeta,
    sort: z.enum(['relevanz', 'nummer', 'aenderung']),
    items: z.array(SearchItem),
    facets: z.record(z.string(), z.array(FacetValue)).describe('Per facet (katalog, handlungsfeld, ziel, dimension, zielgruppe, akteur, einheit, richtung, status, neu) its values with counts'),
    query: z.object({
      text: z.string(),
      suggestion: nullableString,
      corrections: z.array(z.object({ from: z.string(), to: z.array(z.string()) })),
      matchedAllTerms: z.boolean(),
    }),
  }),
  'Search result: the same search as /suche, with facet counts.',
);

/** Query parameters of GET /measures (documented here; parsed by search/params.ts with German messages). */
export const SearchQuery = z.object({
  q: z.string().optional().describe('Words to search for (German stemming, typo tolerant)'),
  katalog: z.string().optional().describe('Catalogue slugs (repeat or comma-separate)'),
  handlungsfeld: z.string().optional().describe('Handlungsfeld slugs'),
  ziel: z.string().optional().describe('Leitziel/Handlungsziel slugs'),
  dimension: z.string().optional().describe('Diversity dimension slugs'),
  zielgruppe: z.string().optional().describe('Target group slugs'),
  akteur: z.string().optional().describe('Actor slugs'),
  einheit: z.string().optional().describe('Organisational unit slugs'),
  richtung: z.string().optional().describe('innen, aussen'),
  status: z.string().optional().describe('State codes (geplant, laufend, umgesetzt …)'),
  neu: z.string().optional().describe('"ja": only measures marked neu'),
  luecken: z.string().optional().describe('"ja": include gaps'),
  sort: z.enum(['relevanz', 'nummer', 'aenderung']).optional(),
  page: z.string().optional().describe('Page, from 1'),
  limit: z.string().optional().describe('Page size, 1–50 (default 10)'),
});

export const Measure = named(
  'Measure',
  z.object({
    id: z.uuid(),
    slug: z.string(),
    catalogue: z.object({ slug: z.string(), title: z.string(), kind: z.enum(CATALOGUE_KINDS), stand: nullableString }),
    number: nullableString,
    title: z.string(),
    description: z.string(),
    goals: nullableString,
    targetGroupText: nullableString,
    statusText: nullableString,
    state: z.object({ code: z.string(), label: z.string() }),
    remarks: nullableString,
    responsibleText: nullableString,
    directionInward: z.boolean(),
    directionOutward: z.boolean(),
    isNew: z.boolean(),
    isGap: z.boolean(),
    extraFields: z.array(z.object({ key: z.string(), value: z.string() })),
    lastReviewedAt: nullableString,
    updatedAt: z.string().describe('ISO timestamp of the last change ("Stand")'),
    version: z.number().int().describe('Send it back with PUT (optimistic locking)'),
    placements: z.array(z.object({ nodeId: z.uuid(), path: z.array(z.string()), number: nullableString, isPrimary: z.boolean() })),
    actors: z.array(z.object({ id: z.uuid(), slug: z.string(), name: z.string(), role: z.enum(['verantwortlich', 'beteiligt']), wording: nullableString })),
    targetGroups: z.array(z.object({ slug: z.string(), name: z.string() })),
    references: z.array(z.object({ id: z.uuid(), catalogueSlug: z.string(), slug: z.string(), title: z.string(), wording: nullableString })),
    url,
  }),
  'A published measure.',
);

// ---------------------------------------------------------------------------
// Actors and target groups
// ---------------------------------------------------------------------------

export const Actor = named(
  'Actor',
  z.object({
    slug: z.string(),
    name: z.string(),
    kind: z.enum(ACTOR_KINDS),
    measureCount: z.number().int(),
    responsibleCount: z.number().int(),
    aliases: z.array(z.string()),
    url,
  }),
);
export const ActorQuery = PageQuery.extend({
  q: z.string().trim().max(100, 'Höchstens 100 Zeichen.').optional().describe('Filter by name or short alias'),
});

export const ActorList = named('ActorList', z.object({ items: z.array(Actor), ...pageMeta }));

const MeasureLink = z.object({
  id: z.uuid(),
  catalogueSlug: z.string(),
  slug: z.string(),
  number: nullableString,
  title: z.string(),
  url,
});

export const ActorDetail = named(
  'ActorDetail',
  z.object({
    ...Actor.shape,
    description: nullableString,
    parent: z.object({ slug: z.string(), name: z.string() }).nullable(),
    children: z.array(z.object({ slug: z.string(), name: z.string() })),
    measures: z.array(z.object({ ...MeasureLink.shape, roles: z.array(z.enum(['verantwortlich', 'beteiligt'])) })),
  }),
);

export const TargetGroup = named('TargetGroup', z.object({ slug: z.string(), name: z.string(), measureCount: z.number().int(), url }));
export const TargetGroupList = named('TargetGroupList', z.object({ items: z.array(TargetGroup), ...pageMeta }));
export const TargetGroupDetail = named(
  'TargetGroupDetail',
  z.object({ ...TargetGroup.shape, description: nullableString, measures: z.array(MeasureLink) }),
);

// ---------------------------------------------------------------------------
// Writes (personal API token)
// ---------------------------------------------------------------------------

const comment = z.string().trim().max(2_000, 'Höchstens 2000 Zeichen.').optional();

export const CreateMeasureBody = z.object({
  measure: measureInput,
  publish: z.boolean().default(false).describe('Publish directly (Redaktion/Admin); contributors submit for review instead'),
  comment,
});

export const UpdateMeasureBody = z.object({
  measure: measureInput,
  version: z.number().int().min(1).describe('The version the change is based on (from GET /measures/{id})'),
  intent: z.enum(['publish', 'submit', 'draft']).optional(),
  comment,
});

export const PublishMeasureBody = z.object({
  version: z.number().int().min(1).optional(),
  comment,
});

export const MeasureCreated = named(
  'MeasureCreated',
  z.object({ id: z.uuid(), slug: z.string(), workflowState: z.enum(WORKFLOW_STATES) }),
);

export const MeasureSaved = named(
  'MeasureSaved',
  z.union([
    z.object({ status: z.literal('saved'), id: z.uuid(), slug: z.string(), version: z.number().int(), workflowState: z.enum(WORKFLOW_STATES), changed: z.boolean() }),
    z.object({ status: z.literal('proposed'), changeRequestId: z.uuid(), state: z.enum(['entwurf', 'in_pruefung']), changed: z.boolean() }),
  ]),
  'Saved in place, or (contributors editing a published measure) proposed as a change request.',
);

export const MeasurePublished = named('MeasurePublished', z.object({ version: z.number().int(), slug: z.string() }));
