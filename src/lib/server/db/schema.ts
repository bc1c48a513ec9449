/**
 * The one schema of Vielfalt, for PGlite and PostgreSQL alike (drizzle-kit generates the
 * migrations in /drizzle from this file). docs/architecture.md explains its shape.
 *
 * Conventions: every entity has a random UUID primary key; German domain terms stay where they
 * are proper names (Handlungsfeld, Leitziel …) and are stored as code values, not column names.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

const id = () => uuid('id').primaryKey().defaultRandom();
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Where an entity was read from, kept for provenance ("Quelle"). */
export interface SourceRef {
  file: string;
  line: number;
  /** Which edition/document the file belongs to, when known. */
  document?: string;
}

// ---------------------------------------------------------------------------
// Tenancy and catalogues
// ---------------------------------------------------------------------------

export const municipalities = pgTable('municipalities', {
  id: id(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/** Kinds of catalogue: one data model, three document families. */
export const CATALOGUE_KINDS = ['integrationskonzept', 'diversity', 'vereinbarungen'] as const;
export type CatalogueKind = (typeof CATALOGUE_KINDS)[number];

/** Editorial workflow states shared by catalogues' content (issue 7 builds the workflow). */
export const WORKFLOW_STATES = ['entwurf', 'in_pruefung', 'veroeffentlicht', 'archiviert'] as const;
export type WorkflowState = (typeof WORKFLOW_STATES)[number];

export const catalogues = pgTable(
  'catalogues',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    kind: text('kind').$type<CatalogueKind>().notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    publisher: text('publisher'),
    /** "Stand" as printed, e.g. "Oktober 2019". */
    stand: text('stand'),
    /** Foreword / introduction. */
    description: text('description'),
    /** Further fields of the document that have no column (e.g. Einleitung). */
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
    position: integer('position').notNull().default(0),
    /** Review interval of its measures in months ("zuletzt geprüft" + interval = due; review/due.ts). */
    reviewIntervalMonths: integer('review_interval_months').notNull().default(12),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('catalogues_municipality_slug_uq').on(t.municipalityId, t.slug),
    check('catalogues_kind_ck', sql`${t.kind} in ('integrationskonzept', 'diversity', 'vereinbarungen')`),
    check('catalogues_review_interval_ck', sql`${t.reviewIntervalMonths} between 1 and 120`),
  ],
);

/**
 * An edition of a catalogue ("3. Auflage, Stand August 2024"). Two kinds of rows: editions of
 * the source documents, recorded by the importer (no snapshot), and editions frozen by Redaktion
 * (`frozen_at` set): those carry the full published content in `snapshot` and are immutable —
 * a trigger (drizzle/0005_editions_api_tokens.sql) refuses UPDATE and DELETE of frozen rows.
 */
export const editions = pgTable(
  'editions',
  {
    id: id(),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => catalogues.id),
    label: text('label').notNull(),
    stand: text('stand'),
    /** Source document the edition was imported from, if any. */
    sourceFile: text('source_file'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Full catalogue state at freezing time (editions/content.ts: EditionContent). */
    snapshot: jsonb('snapshot'),
    /** URL segment of a frozen edition: /kataloge/{catalogue}/ausgaben/{slug}. */
    slug: text('slug'),
    /** "Stand" as a date (frozen editions); `stand` keeps the printed wording. */
    standDate: date('stand_date'),
    foreword: text('foreword'),
    note: text('note'),
    frozenAt: timestamp('frozen_at', { withTimezone: true }),
    frozenBy: uuid('frozen_by').references((): AnyPgColumn => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('editions_catalogue_label_uq').on(t.catalogueId, t.label),
    uniqueIndex('editions_catalogue_slug_uq').on(t.catalogueId, t.slug),
    check('editions_frozen_ck', sql`${t.frozenAt} is null or (${t.snapshot} is not null and ${t.slug} is not null)`),
  ],
);

// ---------------------------------------------------------------------------
// Structure: typed nodes
// ---------------------------------------------------------------------------

export const NODE_TYPES = [
  'handlungsfeld',
  'leitziel',
  'handlungsziel',
  'dimension',
  'dezernat',
  'organisationseinheit',
  'kapitel',
] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const nodes = pgTable(
  'nodes',
  {
    id: id(),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => catalogues.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => nodes.id),
    type: text('type').$type<NodeType>().notNull(),
    /** Letter, code or number as printed: "A", "A1", "3". */
    code: text('code'),
    title: text('title').notNull(),
    /** Goal text (Leitziel/Handlungsziel) or description. */
    body: text('body'),
    slug: text('slug').notNull(),
    position: integer('position').notNull().default(0),
    /** Organisational units are also actors; the node links to the actor it stands for. */
    actorId: uuid('actor_id').references((): AnyPgColumn => actors.id),
    source: jsonb('source').$type<SourceRef | null>(),
    /** Stable key the importer uses to find this node again. */
    importKey: text('import_key'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('nodes_catalogue_parent_idx').on(t.catalogueId, t.parentId, t.position),
    uniqueIndex('nodes_catalogue_import_key_uq').on(t.catalogueId, t.importKey),
    check(
      'nodes_type_ck',
      sql`${t.type} in ('handlungsfeld', 'leitziel', 'handlungsziel', 'dimension', 'dezernat', 'organisationseinheit', 'kapitel')`,
    ),
  ],
);

// ---------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------

/** Editable code list of structured states (default: geplant, laufend, umgesetzt …). */
export const measureStates = pgTable('measure_states', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  position: integer('position').notNull().default(0),
  isDefault: boolean('is_default').notNull().default(false),
});

export const measures = pgTable(
  'measures',
  {
    id: id(),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => catalogues.id),
    /** A task area nested in a measure (e.g. the seven of Schnittstellenmanagement). */
    parentMeasureId: uuid('parent_measure_id').references((): AnyPgColumn => measures.id),
    /** Number as printed, kept as a string: "3.2", "4". */
    number: text('number'),
    title: text('title').notNull(),
    slug: text('slug').notNull(),
    description: text('description').notNull().default(''),
    /** "Ziele und Zielgruppen" / goals. */
    goals: text('goals'),
    /** Zielgruppe as printed; the controlled vocabulary is in measure_target_groups. */
    targetGroupText: text('target_group_text'),
    /** Status as printed. */
    statusText: text('status_text'),
    stateCode: text('state_code')
      .notNull()
      .default('unbekannt')
      .references(() => measureStates.code),
    remarks: text('remarks'),
    /** Verantwortlich cell as printed (actors are linked in measure_actors). */
    responsibleText: text('responsible_text'),
    directionInward: boolean('direction_inward').notNull().default(false),
    directionOutward: boolean('direction_outward').notNull().default(false),
    isNew: boolean('is_new').notNull().default(false),
    /** "Es wurde keine explizite Maßnahme formuliert": a gap, not a measure. */
    isGap: boolean('is_gap').notNull().default(false),
    /** Kind-specific fields (Bedarf, Vereinbarung, Finanzierungsvorbehalt …). */
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
    lastReviewedAt: date('last_reviewed_at'),
    lastReviewedBy: uuid('last_reviewed_by').references((): AnyPgColumn => users.id),
    /** Overrides the catalogue's review interval (months); null: the catalogue's. */
    reviewIntervalMonths: integer('review_interval_months'),
    source: jsonb('source').$type<SourceRef | null>(),
    workflowState: text('workflow_state').$type<WorkflowState>().notNull().default('veroeffentlicht'),
    /** Optimistic locking: incremented by every save. */
    version: integer('version').notNull().default(1),
    /** Stable key the importer uses to find this measure again, and the hash of what it wrote. */
    importKey: text('import_key'),
    importHash: text('import_hash'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('measures_catalogue_idx').on(t.catalogueId, t.position),
    index('measures_parent_idx').on(t.parentMeasureId),
    uniqueIndex('measures_catalogue_import_key_uq').on(t.catalogueId, t.importKey),
    uniqueIndex('measures_catalogue_slug_uq').on(t.catalogueId, t.slug),
    check(
      'measures_workflow_ck',
      sql`${t.workflowState} in ('entwurf', 'in_pruefung', 'veroeffentlicht', 'archiviert')`,
    ),
    check('measures_review_interval_ck', sql`${t.reviewIntervalMonths} is null or ${t.reviewIntervalMonths} between 1 and 120`),
  ],
);

/** A measure hangs under one or more nodes (the same measure in two Handlungsfelder or dimensions). */
export const measureNodes = pgTable(
  'measure_nodes',
  {
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    nodeId: uuid('node_id')
      .notNull()
      .references(() => nodes.id),
    /** The place the measure was first listed (breadcrumbs use it). */
    isPrimary: boolean('is_primary').notNull().default(false),
    /** Number under this node when it differs from the measure's own. */
    number: text('number'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.nodeId] }), index('measure_nodes_node_idx').on(t.nodeId, t.position)],
);

/** Old slugs, so renamed measures keep working URLs (redirect). */
export const measureSlugs = pgTable(
  'measure_slugs',
  {
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => catalogues.id),
    slug: text('slug').notNull(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.catalogueId, t.slug] })],
);

// ---------------------------------------------------------------------------
// Actors, target groups, cross-references, contacts
// ---------------------------------------------------------------------------

export const ACTOR_KINDS = ['organisation', 'stadt', 'netzwerk', 'unbekannt'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const actors = pgTable(
  'actors',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    kind: text('kind').$type<ActorKind>().notNull().default('unbekannt'),
    /** City units: Fachbereich under Dezernat. */
    parentId: uuid('parent_id').references((): AnyPgColumn => actors.id),
    description: text('description'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('actors_municipality_slug_uq').on(t.municipalityId, t.slug),
    uniqueIndex('actors_municipality_name_uq').on(t.municipalityId, t.name),
  ],
);

/** Abbreviations and spellings of an actor as printed ("FB 31", "JobCenter"). */
export const actorAliases = pgTable(
  'actor_aliases',
  {
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
    alias: text('alias').notNull(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.alias] })],
);

export const ACTOR_ROLES = ['verantwortlich', 'beteiligt'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const measureActors = pgTable(
  'measure_actors',
  {
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
    role: text('role').$type<ActorRole>().notNull(),
    /** Wording as printed in this measure. */
    wording: text('wording'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.measureId, t.actorId, t.role] }),
    index('measure_actors_actor_idx').on(t.actorId),
    check('measure_actors_role_ck', sql`${t.role} in ('verantwortlich', 'beteiligt')`),
  ],
);

/** Controlled vocabulary of target groups; the measure keeps its original wording. */
export const targetGroups = pgTable(
  'target_groups',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    description: text('description'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('target_groups_municipality_slug_uq').on(t.municipalityId, t.slug)],
);

export const measureTargetGroups = pgTable(
  'measure_target_groups',
  {
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    targetGroupId: uuid('target_group_id')
      .notNull()
      .references(() => targetGroups.id),
    wording: text('wording'),
  },
  (t) => [
    primaryKey({ columns: [t.measureId, t.targetGroupId] }),
    index('measure_target_groups_tg_idx').on(t.targetGroupId),
  ],
);

/** Querverweis: a link between measures as printed, resolved when the target is known. */
export const measureReferences = pgTable(
  'measure_references',
  {
    id: id(),
    fromMeasureId: uuid('from_measure_id')
      .notNull()
      .references(() => measures.id),
    toMeasureId: uuid('to_measure_id').references(() => measures.id),
    /** Wording as printed ("Siehe auch Handlungsziel B1, Maßnahme 2"). */
    wording: text('wording'),
    /** What the wording names, kept even when unresolved. */
    target: jsonb('target').$type<{ handlungsfeld?: string | null; handlungsziel?: string | null; nummer?: string | null }>(),
    position: integer('position').notNull().default(0),
  },
  (t) => [index('measure_references_from_idx').on(t.fromMeasureId), index('measure_references_to_idx').on(t.toMeasureId)],
);

export const contacts = pgTable(
  'contacts',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    actorId: uuid('actor_id').references(() => actors.id),
    /** Person or contact point (Anlaufstelle). */
    kind: text('kind').$type<'person' | 'anlaufstelle'>().notNull().default('anlaufstelle'),
    /** The unit as printed. */
    unitText: text('unit_text'),
    name: text('name'),
    phone: text('phone'),
    email: text('email'),
    /** Personal data is shown only while visible; editors can hide it. */
    visible: boolean('visible').notNull().default(true),
    source: jsonb('source').$type<SourceRef | null>(),
    importKey: text('import_key'),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('contacts_municipality_import_key_uq').on(t.municipalityId, t.importKey)],
);

// ---------------------------------------------------------------------------
// Translations: per-language values with the hash of the German source
// ---------------------------------------------------------------------------

export const translations = pgTable(
  'translations',
  {
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    field: text('field').notNull(),
    lang: text('lang').notNull(),
    value: text('value').notNull(),
    /** sha256 of the German source text the translation was made from: differs → outdated. */
    sourceHash: text('source_hash').notNull(),
    /** The German text itself as it was then (issue 14: the outdated list shows before/after). */
    sourceText: text('source_text'),
    /** Made by a machine-translation provider and not yet approved by a person ("maschinell"). */
    machine: boolean('machine').notNull().default(false),
    updatedBy: uuid('updated_by').references((): AnyPgColumn => users.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.entityType, t.entityId, t.field, t.lang] })],
);

// ---------------------------------------------------------------------------
// Users, roles, sessions (the back office builds on these)
// ---------------------------------------------------------------------------

export const ROLES = ['admin', 'redaktion', 'beitragende', 'lesend'] as const;
export type Role = (typeof ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: id(),
    email: text('email').notNull(),
    name: text('name'),
    passwordHash: text('password_hash'),
    role: text('role').$type<Role>().notNull(),
    active: boolean('active').notNull().default(true),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** TOTP second factor (RFC 6238): base32 secret; set while enrolling, in force once `totpEnabledAt` is. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The 30-second step of the last accepted code: a code is accepted once (no replay). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(sql`lower(${t.email})`),
    check('users_role_ck', sql`${t.role} in ('admin', 'redaktion', 'beitragende', 'lesend')`),
  ],
);

/** One-time recovery codes of the second factor (only their SHA-256 is kept). */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull().unique(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

/** Password accepted, second factor pending: a short-lived challenge (only the token's hash is kept). */
export const loginChallenges = pgTable('login_challenges', {
  id: text('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  attempts: integer('attempts').notNull().default(0),
  createdAt: createdAt(),
});

/** Contributors are bound to the actors whose measures they may edit. */
export const userActorScopes = pgTable(
  'user_actor_scopes',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.actorId] })],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the session token; the token itself is only in the cookie. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Absolute timeout; the idle timeout is checked against last_seen_at. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

// ---------------------------------------------------------------------------
// History: append-only revisions and the audit log
// ---------------------------------------------------------------------------

export const revisions = pgTable(
  'revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    /** Full state of the entity after the change. */
    state: jsonb('state').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    /** Shown when there is no user, e.g. "Import". */
    authorLabel: text('author_label'),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [index('revisions_entity_idx').on(t.entityType, t.entityId, t.id)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id').references(() => users.id),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    entityType: text('entity_type'),
    entityId: text('entity_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_at_idx').on(t.at)],
);

/** One row per import run: which files (by hash) and what the report said. */
export const importRuns = pgTable('import_runs', {
  id: id(),
  startedAt: createdAt(),
  files: jsonb('files').$type<{ name: string; sha256: string }[]>().notNull(),
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
});

// ---------------------------------------------------------------------------
// Back office: tokens, rate limits, change requests, suggestions, notifications
// ---------------------------------------------------------------------------

/** One-time links set by administrators: invitations and password resets (only the hash is stored). */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<'invite' | 'reset'>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('auth_tokens_user_idx').on(t.userId)],
);

/**
 * Personal API tokens for the write endpoints of /api/v1: created by a user in the back office
 * and shown once; only the sha256 is stored. A token acts with its owner's current role.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** First characters of the token, so the owner can tell tokens apart. */
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** Fixed-window counters for rate limits (login per address, public forms per client). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull().default(0),
});

export const CHANGE_STATES = ['entwurf', 'in_pruefung', 'veroeffentlicht', 'abgelehnt', 'zurueckgezogen'] as const;
export type ChangeState = (typeof CHANGE_STATES)[number];

/**
 * A proposed change to a measure (or a new measure) that waits for review: the public keeps
 * seeing the published measure until an editor publishes the change.
 */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: id(),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => catalogues.id),
    /** The measure changed; for a new measure, the unpublished measure row. */
    measureId: uuid('measure_id').references(() => measures.id),
    /** measures.version the change was based on: differs at publication → merge needed. */
    baseVersion: integer('base_version'),
    /** Full proposed editable state of the measure. */
    proposed: jsonb('proposed').$type<Record<string, unknown>>().notNull(),
    state: text('state').$type<ChangeState>().notNull().default('entwurf'),
    authorId: uuid('author_id').references(() => users.id),
    comment: text('comment'),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    reviewComment: text('review_comment'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('change_requests_state_idx').on(t.state, t.createdAt),
    index('change_requests_measure_idx').on(t.measureId),
    check(
      'change_requests_state_ck',
      sql`${t.state} in ('entwurf', 'in_pruefung', 'veroeffentlicht', 'abgelehnt', 'zurueckgezogen')`,
    ),
  ],
);

export const SUGGESTION_STATES = ['neu', 'uebernommen', 'abgelehnt'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

/** "Maßnahme vorschlagen": suggestions from the public, moderated by Redaktion. */
export const suggestions = pgTable(
  'suggestions',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    catalogueId: uuid('catalogue_id').references(() => catalogues.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    responsibleText: text('responsible_text'),
    targetGroupText: text('target_group_text'),
    /** Optional contact data, only with explicit consent; deleted after the retention period. */
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    state: text('state').$type<SuggestionState>().notNull().default('neu'),
    reason: text('reason'),
    measureId: uuid('measure_id').references(() => measures.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    purgeAfter: timestamp('purge_after', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('suggestions_state_idx').on(t.state, t.createdAt),
    check('suggestions_state_ck', sql`${t.state} in ('neu', 'uebernommen', 'abgelehnt')`),
  ],
);

/** In-app notifications ("Meine Aufgaben"). */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body'),
    link: text('link'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt)],
);

/** E-mails to send: delivered through SMTP when configured, kept here otherwise. */
export const outbox = pgTable('outbox', {
  id: id(),
  recipient: text('recipient').notNull(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  createdAt: createdAt(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  attempts: integer('attempts').notNull().default(0),
  lastError: text('last_error'),
});

/** Instance settings editable by administrators (e.g. suggestion retention in days). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

/**
 * Scheduled jobs whose state lives in the database (review/scheduler.ts): a run takes the row
 * with `select … for update skip locked`, so of several app instances on one PostgreSQL one runs.
 */
export const scheduledJobs = pgTable('scheduled_jobs', {
  name: text('name').primaryKey(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  /** What the last run did (counts only). */
  lastResult: jsonb('last_result').$type<Record<string, unknown>>(),
});

/** Review reminders sent: one per measure, due date and person, never twice (review/reminders.ts). */
export const reviewReminders = pgTable(
  'review_reminders',
  {
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
    /** The due date reminded of: a new review moves it, and the next reminder is a new row. */
    dueOn: date('due_on').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.measureId, t.dueOn, t.userId] }), index('review_reminders_user_idx').on(t.userId)],
);

// ---------------------------------------------------------------------------
// Yearly call for updates ("Abfrage"): campaigns, one request per answering actor, answers
// ---------------------------------------------------------------------------

/** Redaktion asks every actor answering for a catalogue's measures whether they are still right. */
export const updateCampaigns = pgTable(
  'update_campaigns',
  {
    id: id(),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => catalogues.id),
    title: text('title').notNull(),
    /** The cover letter shown on every request and in the e-mails. */
    message: text('message'),
    /** Answer requested by this date (city time). */
    deadline: date('deadline').notNull(),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
  },
  // One open campaign per catalogue at a time: a second one would ask the same people twice.
  (t) => [uniqueIndex('update_campaigns_open_uq').on(t.catalogueId).where(sql`closed_at is null`)],
);

/** One request per actor of a campaign: the measures it answers for, frozen at the start. */
export const updateRequests = pgTable(
  'update_requests',
  {
    id: id(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => updateCampaigns.id),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
    /** Measure ids asked about (the answering actor's published measures when the campaign started). */
    measureIds: jsonb('measure_ids').$type<string[]>().notNull(),
    /** People reached (contributors bound to the actor) when it was sent; 0: Redaktion must ask otherwise. */
    recipients: integer('recipients').notNull().default(0),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: uuid('answered_by').references(() => users.id),
  },
  (t) => [uniqueIndex('update_requests_campaign_actor_uq').on(t.campaignId, t.actorId)],
);

export const UPDATE_ANSWER_KINDS = ['unveraendert', 'geaendert', 'neu', 'eingestellt'] as const;
export type UpdateAnswerKind = (typeof UPDATE_ANSWER_KINDS)[number];

/**
 * An answer of a request: per measure (unchanged / changed / discontinued) or a new measure.
 * Everything but "unverändert" waits in the review queue until Redaktion has dealt with it.
 */
export const updateAnswers = pgTable(
  'update_answers',
  {
    id: id(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => updateRequests.id),
    /** The measure answered about; null for a new measure. */
    measureId: uuid('measure_id').references(() => measures.id),
    kind: text('kind').$type<UpdateAnswerKind>().notNull(),
    /** New measure: its proposed title. */
    title: text('title'),
    /** What changed, why discontinued, or the new measure's description. */
    note: text('note'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolution: text('resolution'),
  },
  (t) => [
    uniqueIndex('update_answers_request_measure_uq').on(t.requestId, t.measureId),
    index('update_answers_open_idx').on(t.resolvedAt),
    check('update_answers_kind_ck', sql`${t.kind} in ('unveraendert', 'geaendert', 'neu', 'eingestellt')`),
    check('update_answers_measure_ck', sql`(${t.kind} = 'neu') = (${t.measureId} is null)`),
  ],
);

// ===========================================================================
// BEGIN offers, events, networks and bodies (issue 17: the KI's annual review 002)
// ===========================================================================
// Offers (ongoing services), dated events, networks/working groups and bodies (the Integrationsrat
// with its sessions) reuse actors, target groups, contacts and revisions. Imported rows carry an
// import key and the hash of their imported content, like measures: a re-import touches nothing
// that did not change, and a row edited in the app since (latest revision by a user) is left alone.

/** Sections of the printed annual review (Jahresrückblick) an event or offer was published in. */
export const REVIEW_SECTIONS = [
  'neues',
  'oeffentliche_veranstaltungen',
  'projekte_an_schulen',
  'fachtage',
  'netzwerke',
  'laufende_angebote',
  'integrationsrat',
] as const;
export type ReviewSection = (typeof REVIEW_SECTIONS)[number];

export const offers = pgTable(
  'offers',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    description: text('description'),
    /** Languages the offer is given in (German names as printed: "Türkisch"). */
    languages: jsonb('languages').$type<string[]>().notNull().default([]),
    /** Stadtteile / Stadtbezirke where it takes place. */
    districts: jsonb('districts').$type<string[]>().notNull().default([]),
    /** Venues as printed (one per line). */
    venues: jsonb('venues').$type<string[]>().notNull().default([]),
    schedule: text('schedule'),
    funding: text('funding'),
    targetGroupText: text('target_group_text'),
    section: text('section').$type<ReviewSection>(),
    state: text('state').$type<WorkflowState>().notNull().default('veroeffentlicht'),
    importKey: text('import_key'),
    importHash: text('import_hash'),
    source: jsonb('source').$type<SourceRef | null>(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('offers_municipality_slug_uq').on(t.municipalityId, t.slug),
    uniqueIndex('offers_municipality_import_key_uq').on(t.municipalityId, t.importKey),
  ],
);

/** Organiser/partner roles of an actor in an offer or event. */
export const OFFER_EVENT_ROLES = ['veranstalter', 'partner'] as const;
export type OfferEventRole = (typeof OFFER_EVENT_ROLES)[number];

export const offerActors = pgTable(
  'offer_actors',
  {
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
    role: text('role').$type<OfferEventRole>().notNull(),
    wording: text('wording'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.actorId, t.role] }), index('offer_actors_actor_idx').on(t.actorId)],
);

export const offerTargetGroups = pgTable(
  'offer_target_groups',
  {
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    targetGroupId: uuid('target_group_id')
      .notNull()
      .references(() => targetGroups.id),
    wording: text('wording'),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.targetGroupId] }), index('offer_target_groups_tg_idx').on(t.targetGroupId)],
);

/** The measures an offer implements. */
export const offerMeasures = pgTable(
  'offer_measures',
  {
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.measureId] })],
);

/** Contact points of an offer (rows of `contacts`, so their visibility rule applies). */
export const offerContacts = pgTable(
  'offer_contacts',
  {
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.offerId, t.contactId] })],
);

export const events = pgTable(
  'events',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    description: text('description'),
    /** First day (local date in Herne). */
    startDate: date('start_date').notNull(),
    /** Last day, when the event spans several days. */
    endDate: date('end_date'),
    /** Local times "HH:MM", when printed. */
    startTime: text('start_time'),
    endTime: text('end_time'),
    /** True when only the month is known (e.g. "im November 2023"): startDate is the 1st. */
    dateIsMonth: boolean('date_is_month').notNull().default(false),
    venueName: text('venue_name'),
    venueAddress: text('venue_address'),
    district: text('district'),
    participants: integer('participants'),
    registration: text('registration'),
    targetGroupText: text('target_group_text'),
    section: text('section').$type<ReviewSection>(),
    /** The article of the annual review the event was described in. */
    articleTitle: text('article_title'),
    offerId: uuid('offer_id').references(() => offers.id),
    measureId: uuid('measure_id').references(() => measures.id),
    state: text('state').$type<WorkflowState>().notNull().default('veroeffentlicht'),
    importKey: text('import_key'),
    importHash: text('import_hash'),
    source: jsonb('source').$type<SourceRef | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('events_municipality_slug_uq').on(t.municipalityId, t.slug),
    uniqueIndex('events_municipality_import_key_uq').on(t.municipalityId, t.importKey),
    index('events_start_idx').on(t.municipalityId, t.startDate),
  ],
);

export const eventActors = pgTable(
  'event_actors',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
    role: text('role').$type<OfferEventRole>().notNull(),
    wording: text('wording'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.actorId, t.role] }), index('event_actors_actor_idx').on(t.actorId)],
);

export const eventTargetGroups = pgTable(
  'event_target_groups',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    targetGroupId: uuid('target_group_id')
      .notNull()
      .references(() => targetGroups.id),
    wording: text('wording'),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.targetGroupId] }), index('event_target_groups_tg_idx').on(t.targetGroupId)],
);

/** Networks, working groups and bodies (Gremien such as the Integrationsrat). */
export const NETWORK_KINDS = ['netzwerk', 'arbeitskreis', 'gremium'] as const;
export type NetworkKind = (typeof NETWORK_KINDS)[number];
export const NETWORK_STATUSES = ['aktiv', 'umbenannt', 'aufgeloest'] as const;
export type NetworkStatus = (typeof NETWORK_STATUSES)[number];

export const networks = pgTable(
  'networks',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    kind: text('kind').$type<NetworkKind>().notNull().default('netzwerk'),
    description: text('description'),
    /** The actor that stands for the network (actors of kind "netzwerk"), when there is one. */
    actorId: uuid('actor_id').references(() => actors.id),
    leadActorId: uuid('lead_actor_id').references(() => actors.id),
    rhythm: text('rhythm'),
    nextMeeting: date('next_meeting'),
    status: text('status').$type<NetworkStatus>().notNull().default('aktiv'),
    /** The network this one continues (renamed or merged from). */
    predecessorId: uuid('predecessor_id').references((): AnyPgColumn => networks.id),
    /** When it took its current name / replaced its predecessor, as printed ("Nov. 2023"). */
    succeededText: text('succeeded_text'),
    /** Bodies: number of members and term of office. */
    membersCount: integer('members_count'),
    term: text('term'),
    founded: text('founded'),
    state: text('state').$type<WorkflowState>().notNull().default('veroeffentlicht'),
    importKey: text('import_key'),
    importHash: text('import_hash'),
    source: jsonb('source').$type<SourceRef | null>(),
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('networks_municipality_slug_uq').on(t.municipalityId, t.slug),
    uniqueIndex('networks_municipality_import_key_uq').on(t.municipalityId, t.importKey),
    check('networks_status_ck', sql`${t.status} in ('aktiv', 'umbenannt', 'aufgeloest')`),
  ],
);

export const networkMembers = pgTable(
  'network_members',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => actors.id),
    /** As printed, e.g. "Vorsitz", "Mitglied". */
    role: text('role').notNull().default('mitglied'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.networkId, t.actorId] }), index('network_members_actor_idx').on(t.actorId)],
);

/** Session dates of a body (Integrationsrat) or meetings of a network. */
export const networkSessions = pgTable(
  'network_sessions',
  {
    id: id(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    date: date('date').notNull(),
    /** As printed, e.g. "02/2024". */
    label: text('label'),
    source: jsonb('source').$type<SourceRef | null>(),
  },
  (t) => [uniqueIndex('network_sessions_network_date_uq').on(t.networkId, t.date)],
);

/** The editable parts of a generated annual review (Jahresrückblick) per municipality and year. */
export const annualReviews = pgTable(
  'annual_reviews',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    year: integer('year').notNull(),
    title: text('title'),
    introduction: text('introduction'),
    /** Imported from the printed review (source file) or written in the app. */
    source: jsonb('source').$type<SourceRef | null>(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('annual_reviews_municipality_year_uq').on(t.municipalityId, t.year)],
);
// ===========================================================================
// END offers, events, networks and bodies
// ===========================================================================

// ---------------------------------------------------------------------------
// Content translations (issue 14): proposals that wait for review
// ---------------------------------------------------------------------------

export const TRANSLATION_PROPOSAL_STATES = ['in_pruefung', 'veroeffentlicht', 'abgelehnt'] as const;
export type TranslationProposalState = (typeof TRANSLATION_PROPOSAL_STATES)[number];

/**
 * A translation of one field proposed by a contributor (or drafted by a machine): the public
 * keeps seeing the published value in `translations` until an editor publishes the proposal.
 */
export const translationProposals = pgTable(
  'translation_proposals',
  {
    id: id(),
    catalogueId: uuid('catalogue_id')
      .notNull()
      .references(() => catalogues.id),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    field: text('field').notNull(),
    lang: text('lang').notNull(),
    value: text('value').notNull(),
    sourceHash: text('source_hash').notNull(),
    sourceText: text('source_text'),
    machine: boolean('machine').notNull().default(false),
    state: text('state').$type<TranslationProposalState>().notNull().default('in_pruefung'),
    authorId: uuid('author_id').references(() => users.id),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    reviewComment: text('review_comment'),
    createdAt: createdAt(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    index('translation_proposals_catalogue_idx').on(t.catalogueId, t.lang, t.state),
    index('translation_proposals_entity_idx').on(t.entityType, t.entityId, t.field, t.lang),
    check('translation_proposals_state_ck', sql`${t.state} in ('in_pruefung', 'veroeffentlicht', 'abgelehnt')`),
  ],
);

// ---------------------------------------------------------------------------
// Funding (issue 16): programmes (Verfügungsfonds, KOMM-AN …), applications from Träger,
// decisions of the deciding body, and funding on measures. Money is always integer cents.
// ---------------------------------------------------------------------------

/** A cost type of a programme's cost plan ("Honorare", "Sachkosten" …). */
export interface FundingCostType {
  code: string;
  label: string;
}

/** A funding programme; its texts are editable and versioned through `revisions`. */
export const fundingProgrammes = pgTable(
  'funding_programmes',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    funder: text('funder').notNull(),
    /** Who decides the applications (e.g. "Lenkungsgruppe …"). */
    decidingBody: text('deciding_body').notNull(),
    /** Budget per budget year, in cents. */
    annualBudgetCents: bigint('annual_budget_cents', { mode: 'number' }).notNull(),
    /** Cap per application in cents; null: none. */
    capCents: bigint('cap_cents', { mode: 'number' }),
    /** Areas (Förderbereiche) an application is filed under. */
    areas: jsonb('areas').$type<string[]>().notNull().default([]),
    costTypes: jsonb('cost_types').$type<FundingCostType[]>().notNull().default([]),
    /** Decision criteria, one per entry. */
    criteria: jsonb('criteria').$type<string[]>().notNull().default([]),
    /** Conditions / guideline text shown with the call. */
    guidelines: text('guidelines').notNull().default(''),
    /** Programme period (null: open). */
    periodStart: date('period_start'),
    periodEnd: date('period_end'),
    /** Application deadline (inclusive); null: applications any time. */
    applicationDeadline: date('application_deadline'),
    /** Applications accepted through the public form. */
    acceptsApplications: boolean('accepts_applications').notNull().default(true),
    /** Days after the funding period's end at which applicants' personal data is deleted. */
    retentionDays: integer('retention_days').notNull().default(365),
    source: jsonb('source').$type<SourceRef | null>(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('funding_programmes_slug_uq').on(t.municipalityId, t.slug),
    check('funding_programmes_budget_ck', sql`${t.annualBudgetCents} >= 0 and (${t.capCents} is null or ${t.capCents} > 0)`),
  ],
);

export const FUNDING_APPLICATION_STATES = ['eingegangen', 'rueckfrage', 'vollstaendig', 'bewilligt', 'abgelehnt'] as const;
export type FundingApplicationState = (typeof FUNDING_APPLICATION_STATES)[number];

/** One line of an application's cost plan. */
export interface FundingCostLine {
  costType: string;
  description: string;
  amountCents: number;
}

/** An application to a programme, filed by the public without an account. */
export const fundingApplications = pgTable(
  'funding_applications',
  {
    id: id(),
    programmeId: uuid('programme_id')
      .notNull()
      .references(() => fundingProgrammes.id),
    /** Reference number shown to the applicant, e.g. "VF-2026-0007". */
    reference: text('reference').notNull().unique(),
    /** SHA-256 of the applicant's private link token (the token itself is never stored). */
    accessTokenHash: text('access_token_hash').notNull().unique(),
    budgetYear: integer('budget_year').notNull(),
    organisation: text('organisation').notNull(),
    /** Personal data: only with consent, deleted after `purgeAfter`. */
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    area: text('area').notNull(),
    targetGroup: text('target_group').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    costLines: jsonb('cost_lines').$type<FundingCostLine[]>().notNull(),
    requestedCents: bigint('requested_cents', { mode: 'number' }).notNull(),
    otherFunding: text('other_funding'),
    state: text('state').$type<FundingApplicationState>().notNull().default('eingegangen'),
    /** Set by an approval: the amount committed against the budget. */
    approvedCents: bigint('approved_cents', { mode: 'number' }),
    paidCents: bigint('paid_cents', { mode: 'number' }).notNull().default(0),
    measureId: uuid('measure_id').references(() => measures.id),
    purgeAfter: timestamp('purge_after', { withTimezone: true }),
    purgedAt: timestamp('purged_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('funding_applications_programme_idx').on(t.programmeId, t.budgetYear, t.state),
    check('funding_applications_state_ck', sql`${t.state} in ('eingegangen', 'rueckfrage', 'vollstaendig', 'bewilligt', 'abgelehnt')`),
    check(
      'funding_applications_amounts_ck',
      sql`${t.requestedCents} > 0 and (${t.approvedCents} is null or ${t.approvedCents} > 0) and ${t.paidCents} >= 0`,
    ),
  ],
);

/** Queries of the project office and the applicant's answers. */
export const fundingMessages = pgTable(
  'funding_messages',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    /** `rueckfrage` from the office, `antwort` from the applicant. */
    kind: text('kind').$type<'rueckfrage' | 'antwort'>().notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('funding_messages_application_idx').on(t.applicationId, t.createdAt),
    check('funding_messages_kind_ck', sql`${t.kind} in ('rueckfrage', 'antwort')`),
  ],
);

export const FUNDING_DECISIONS = ['bewilligt', 'bewilligt_abweichend', 'abgelehnt'] as const;
export type FundingDecisionOutcome = (typeof FUNDING_DECISIONS)[number];

/** A decision of the deciding body, recorded with its session date and reasons. */
export const fundingDecisions = pgTable(
  'funding_decisions',
  {
    id: id(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => fundingApplications.id, { onDelete: 'cascade' }),
    outcome: text('outcome').$type<FundingDecisionOutcome>().notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }),
    body: text('body').notNull(),
    decidedOn: date('decided_on').notNull(),
    reasons: text('reasons').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('funding_decisions_application_uq').on(t.applicationId),
    check('funding_decisions_outcome_ck', sql`${t.outcome} in ('bewilligt', 'bewilligt_abweichend', 'abgelehnt')`),
  ],
);

/** Funding on a measure: who funds it, until when, and the caveat "abhängig von Fördermitteln". */
export const measureFunding = pgTable(
  'measure_funding',
  {
    id: id(),
    measureId: uuid('measure_id')
      .notNull()
      .references(() => measures.id, { onDelete: 'cascade' }),
    programmeId: uuid('programme_id').references(() => fundingProgrammes.id),
    applicationId: uuid('application_id').references(() => fundingApplications.id),
    funder: text('funder'),
    amountCents: bigint('amount_cents', { mode: 'number' }),
    securedUntil: date('secured_until'),
    /** Renewal rhythm as text ("jährlich", "Förderperiode 2024–2027"). */
    renewal: text('renewal'),
    dependsOnFunding: boolean('depends_on_funding').notNull().default(false),
    caveat: text('caveat'),
    /** Shown on the public measure page. */
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('measure_funding_measure_idx').on(t.measureId),
    uniqueIndex('measure_funding_application_uq').on(t.applicationId),
    check('measure_funding_amount_ck', sql`${t.amountCents} is null or ${t.amountCents} >= 0`),
  ],
);

// ---------------------------------------------------------------------------
// Accessibility (issue 14, BITV NRW): barriers reported by the public ("Barriere melden")
// ---------------------------------------------------------------------------

export const BARRIER_REPORT_STATES = ['neu', 'erledigt'] as const;
export type BarrierReportState = (typeof BARRIER_REPORT_STATES)[number];

/**
 * The feedback mechanism the accessibility statement must offer: a barrier reported on a page,
 * moderated like suggestions; optional contact data only with consent, deleted after retention.
 */
export const barrierReports = pgTable(
  'barrier_reports',
  {
    id: id(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipalities.id),
    /** The page (path or address) the barrier is on, as given. */
    pageUrl: text('page_url'),
    description: text('description').notNull(),
    contactName: text('contact_name'),
    contactEmail: text('contact_email'),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    state: text('state').$type<BarrierReportState>().notNull().default('neu'),
    /** What was done (the answer the statement promises). */
    resolution: text('resolution'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    purgeAfter: timestamp('purge_after', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('barrier_reports_state_idx').on(t.state, t.createdAt),
    check('barrier_reports_state_ck', sql`${t.state} in ('neu', 'erledigt')`),
  ],
);
