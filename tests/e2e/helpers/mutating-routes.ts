/**
 * Every route that changes data, for the authorisation matrix (tests/e2e/authz-matrix.spec.ts).
 * Append an entry for each new form action or endpoint: the matrix signs in as every role (and
 * anonymously) and checks that allowed roles get through and everyone else gets 403 or a
 * redirect to /anmelden — and that a forbidden request leaves the data unchanged.
 *
 * Bodies should be valid (a forbidden request must be refused for its role, not for bad input);
 * use `setup` to create what the request needs (e.g. a throwaway account) and `unique()` for
 * values that must not collide between runs.
 */
import type { APIRequestContext } from '@playwright/test';
import { seedUsers, uniqueEmail, PASSWORD, type RoleName } from './users';

export type MatrixRole = RoleName | 'anonymous';

/** A measures table with the key columns only and no rows, base64 as /admin/import carries it. */
const EMPTY_TABLE = Buffer.from('\uFEFF"ID";"Version"\r\n').toString('base64url');
export const MATRIX_ROLES: readonly MatrixRole[] = ['admin', 'redaktion', 'beitragende', 'lesend', 'anonymous'];

export interface MatrixContext {
  /** Request context of the role under test (already signed in, Origin header set). */
  request: APIRequestContext;
  /** Unique text for this attempt. */
  unique: (prefix?: string) => string;
}

export type Values = Record<string, string>;
type OrFn<T> = T | ((values: Values) => T);

export interface MutatingRoute {
  /** Short description shown in the test title. */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path; a function gets the values from `setup`. */
  path: OrFn<string>;
  /** SvelteKit form action name (sent as `?/name`); omit for the default action or an endpoint. */
  action?: string;
  /** Form fields (sent as application/x-www-form-urlencoded); repeat a field with an array. */
  form?: OrFn<Record<string, string | string[]>>;
  /** JSON body instead of form fields. */
  json?: OrFn<unknown>;
  /** Roles that may do it; all others must be refused. */
  allowed: readonly MatrixRole[];
  /** Creates what the request needs; runs before the attempt with the role's context. */
  setup?: (ctx: MatrixContext) => Promise<Values>;
  /** Statuses that also count as "refused" for this route (e.g. 404 for /einrichtung once set up). */
  refusedStatuses?: readonly number[];
}

const SIGNED_IN: readonly MatrixRole[] = ['admin', 'redaktion', 'beitragende', 'lesend'];
/** A well-formed id that names nothing (routes that must refuse before looking anything up). */
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A throwaway account to act on (created through /test-setup). */
async function throwawayUser(ctx: MatrixContext): Promise<Values> {
  const [user] = await seedUsers(ctx.request, [{ email: uniqueEmail('matrix-target'), password: PASSWORD, role: 'lesend' }]);
  return { userId: user!.id };
}

export const MUTATING_ROUTES: MutatingRoute[] = [
  // --- accounts (auth) -------------------------------------------------------------------
  { name: 'logout', method: 'POST', path: '/abmelden', allowed: SIGNED_IN },
  {
    name: 'change own password',
    method: 'POST',
    path: '/konto',
    action: 'password',
    form: { current: PASSWORD, password: 'Ein neues Matrix-Passwort 2026', confirm: 'Ein neues Matrix-Passwort 2026' },
    allowed: SIGNED_IN,
  },
  { name: 'logout everywhere', method: 'POST', path: '/konto', action: 'everywhere', allowed: SIGNED_IN },
  {
    name: 'invite a user',
    method: 'POST',
    path: '/admin/benutzer',
    action: 'invite',
    form: () => ({ email: uniqueEmail('matrix-invite'), name: 'Matrix', role: 'lesend' }),
    allowed: ['admin'],
  },
  {
    name: 'change role and scopes',
    method: 'POST',
    path: (v) => `/admin/benutzer/${v.userId}`,
    action: 'update',
    form: { name: 'Geändert', role: 'redaktion' },
    setup: throwawayUser,
    allowed: ['admin'],
  },
  { name: 'deactivate a user', method: 'POST', path: (v) => `/admin/benutzer/${v.userId}`, action: 'deactivate', setup: throwawayUser, allowed: ['admin'] },
  { name: 'reactivate a user', method: 'POST', path: (v) => `/admin/benutzer/${v.userId}`, action: 'reactivate', setup: throwawayUser, allowed: ['admin'] },
  { name: 'create a password link', method: 'POST', path: (v) => `/admin/benutzer/${v.userId}`, action: 'link', setup: throwawayUser, allowed: ['admin'] },
  // Not a change of content, but it writes the audit log (audit.export).
  { name: 'export the audit log', method: 'GET', path: '/admin/protokoll.csv', allowed: ['admin'] },
  // Reports, read-only: checked here too so every role is walked (report.read: not contributors).
  { name: 'read the gap analysis', method: 'GET', path: '/admin/luecken?katalog=integrationskonzept', allowed: ['admin', 'redaktion', 'lesend'] },
  { name: 'export a gap list', method: 'GET', path: '/admin/luecken.csv?liste=luecken', allowed: ['admin', 'redaktion', 'lesend'] },
  { name: 'read the steering group report', method: 'GET', path: '/admin/berichte/lenkungsgruppe?katalog=integrationskonzept', allowed: ['admin', 'redaktion', 'lesend'] },
  { name: 'download the steering group report as PDF', method: 'GET', path: '/admin/berichte/lenkungsgruppe.pdf?katalog=integrationskonzept', allowed: ['admin', 'redaktion', 'lesend'] },
  // Table import: a header-only CSV (valid, changes nothing), carried as the preview carries it.
  { name: 'preview a table import', method: 'POST', path: '/admin/import', action: 'vorschau', form: { inhalt: EMPTY_TABLE }, allowed: ['admin', 'redaktion'] },
  { name: 'apply a table import', method: 'POST', path: '/admin/import', action: 'uebernehmen', form: { inhalt: EMPTY_TABLE }, allowed: ['admin', 'redaktion'] },
  // Closed once any account exists: 404 for everyone.
  {
    name: 'first-admin set-up (closed)',
    method: 'POST',
    path: '/einrichtung',
    form: () => ({ email: uniqueEmail('matrix-setup'), name: 'X', password: PASSWORD, confirm: PASSWORD }),
    allowed: [],
    refusedStatuses: [404],
  },
  // --- editions -----------------------------------------------------------------------------
  {
    name: 'freeze an edition',
    method: 'POST',
    path: '/admin/ausgaben',
    action: 'freeze',
    form: (v) => ({ catalogueId: v.catalogueId!, label: `Matrix-Ausgabe ${v.unique}`, standDate: '2025-01-01', katalog: 'integrationskonzept' }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.base()),
    allowed: ['admin', 'redaktion'],
  },
  // Personal API tokens: every signed-in user may create their own.
  { name: 'create an API token', method: 'POST', path: '/admin/api-schluessel', action: 'create', form: (v) => ({ name: `Matrix ${v.unique}` }), setup: async (ctx) => ({ unique: ctx.unique('t') }), allowed: SIGNED_IN },
  // --- measures, review, history, actors: appended by the editing work ---------------------
  // Each acts on throwaway records made by an editor in `setup` (see editingSetup below).
  {
    name: 'create a measure',
    method: 'POST',
    path: '/admin/massnahmen/neu?katalog=integrationskonzept',
    form: (v) => measureForm(v, { intent: 'draft' }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.base()),
    allowed: ['admin', 'redaktion', 'beitragende'],
  },
  {
    name: 'save a measure',
    method: 'POST',
    path: (v) => `/admin/massnahmen/${v.measureId}`,
    action: 'save',
    form: (v) => measureForm(v, { title: `Geändert ${v.unique}`, version: '1', intent: 'draft' }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.measure('draft')),
    allowed: ['admin', 'redaktion', 'beitragende'],
  },
  {
    name: 'submit a draft measure for review',
    method: 'POST',
    path: (v) => `/admin/massnahmen/${v.measureId}`,
    action: 'submit',
    setup: (ctx) => editingSetup(ctx).then((s) => s.measure('draft')),
    allowed: ['admin', 'redaktion', 'beitragende'],
  },
  {
    name: 'publish a draft measure',
    method: 'POST',
    path: (v) => `/admin/massnahmen/${v.measureId}`,
    action: 'publish',
    setup: (ctx) => editingSetup(ctx).then((s) => s.measure('draft')),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'archive a measure',
    method: 'POST',
    path: (v) => `/admin/massnahmen/${v.measureId}`,
    action: 'archive',
    setup: (ctx) => editingSetup(ctx).then((s) => s.measure('draft')),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'restore an archived measure',
    method: 'POST',
    path: (v) => `/admin/massnahmen/${v.measureId}`,
    action: 'restore',
    setup: (ctx) => editingSetup(ctx).then((s) => s.measure('archived')),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'withdraw a change request (someone else’s)',
    method: 'POST',
    path: (v) => `/admin/massnahmen/${v.measureId}`,
    action: 'withdraw',
    form: (v) => ({ changeRequestId: v.changeRequestId! }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.changeRequest()),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'publish a change request',
    method: 'POST',
    path: (v) => `/admin/pruefung/${v.changeRequestId}`,
    action: 'publish',
    form: { reviewComment: 'Matrix' },
    setup: (ctx) => editingSetup(ctx).then((s) => s.changeRequest()),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'reject a change request',
    method: 'POST',
    path: (v) => `/admin/pruefung/${v.changeRequestId}`,
    action: 'reject',
    form: { reason: 'Matrix-Begründung' },
    setup: (ctx) => editingSetup(ctx).then((s) => s.changeRequest()),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'publish a new measure from review',
    method: 'POST',
    path: (v) => `/admin/pruefung/massnahme/${v.measureId}`,
    action: 'publish',
    setup: (ctx) => editingSetup(ctx).then((s) => s.measure('review')),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'return a new measure to draft',
    method: 'POST',
    path: (v) => `/admin/pruefung/massnahme/${v.measureId}`,
    action: 'reject',
    form: { reason: 'Matrix-Begründung' },
    setup: (ctx) => editingSetup(ctx).then((s) => s.measure('review')),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'restore an earlier revision',
    method: 'POST',
    path: (v) => `/admin/verlauf/massnahme/${v.measureId}`,
    action: 'restore',
    form: (v) => ({ revisionId: v.revisionId! }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.revision()),
    allowed: ['admin', 'redaktion'],
  },
  // --- review cycle (issue 15): "geprüft, unverändert" and review intervals ----------------
  // The set-up measure is published and the contributors' actor is responsible for it.
  {
    name: 'confirm a measure reviewed, unchanged (measure page)',
    method: 'POST',
    path: (v) => `/admin/massnahmen/${v.measureId}`,
    action: 'confirmReview',
    setup: (ctx) => editingSetup(ctx).then((s) => s.published()),
    allowed: ['admin', 'redaktion', 'beitragende'],
  },
  {
    name: 'confirm a measure reviewed, unchanged (due list)',
    method: 'POST',
    path: '/admin/pruefung-faellig',
    action: 'confirm',
    form: (v) => ({ measureId: v.measureId!, query: '' }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.published()),
    allowed: ['admin', 'redaktion', 'beitragende'],
  },
  {
    name: 'set a measure review interval',
    method: 'POST',
    path: (v) => `/admin/massnahmen/${v.measureId}`,
    action: 'reviewInterval',
    form: { reviewIntervalMonths: '24' },
    setup: (ctx) => editingSetup(ctx).then((s) => s.published()),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'set a catalogue review interval',
    method: 'POST',
    path: '/admin/pruefung-faellig',
    action: 'interval',
    form: (v) => ({ catalogueId: v.catalogueId!, reviewIntervalMonths: '12', query: '' }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.base()),
    allowed: ['admin', 'redaktion'],
  },
  // Read-only, every signed-in role (contributors: their actors' measures only).
  { name: 'read the due reviews', method: 'GET', path: '/admin/pruefung-faellig', allowed: SIGNED_IN },
  // --- calls for updates (issue 15): start, remind, close, answer, deal with answers ---------
  // A past deadline: allowed roles get the German validation message (400) and nothing starts,
  // so the matrix leaves no open campaign behind; the role check comes first.
  {
    name: 'start a call for updates',
    method: 'POST',
    path: '/admin/abfragen',
    action: 'start',
    form: (v) => ({ catalogueId: v.catalogueId!, title: 'Matrix-Abfrage', message: '', deadline: '2000-01-01' }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.base()),
    allowed: ['admin', 'redaktion'],
  },
  { name: 'remind a call for updates', method: 'POST', path: `/admin/abfragen/${UNKNOWN_ID}`, action: 'remind', allowed: ['admin', 'redaktion'] },
  { name: 'close a call for updates', method: 'POST', path: `/admin/abfragen/${UNKNOWN_ID}`, action: 'close', allowed: ['admin', 'redaktion'] },
  {
    name: 'answer a request of a call for updates',
    method: 'POST',
    path: `/admin/abfragen/${UNKNOWN_ID}/${UNKNOWN_ID}`,
    action: 'answer',
    form: { [`answer.${UNKNOWN_ID}`]: 'unveraendert' },
    allowed: ['admin', 'redaktion', 'beitragende'],
  },
  {
    name: 'mark an answer of a call for updates dealt with',
    method: 'POST',
    path: '/admin/pruefung',
    action: 'resolveAnswer',
    form: { answerId: UNKNOWN_ID, resolution: '' },
    allowed: ['admin', 'redaktion'],
  },
  { name: 'read the calls for updates', method: 'GET', path: '/admin/abfragen', allowed: SIGNED_IN },
  {
    name: 'create an actor',
    method: 'POST',
    path: '/admin/akteure',
    action: 'create',
    form: () => ({ name: `Matrix-Akteur ${uniqueEmail('a')}`, kind: 'organisation' }),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'rename an actor',
    method: 'POST',
    path: (v) => `/admin/akteure/${v.actorId}`,
    action: 'rename',
    form: (v) => ({ name: `Umbenannt ${v.unique}`, kind: 'netzwerk' }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.actor()),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'add an actor spelling',
    method: 'POST',
    path: (v) => `/admin/akteure/${v.actorId}`,
    action: 'addAlias',
    form: (v) => ({ alias: `MA ${v.unique}` }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.actor()),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'remove an actor spelling',
    method: 'POST',
    path: (v) => `/admin/akteure/${v.actorId}`,
    action: 'removeAlias',
    form: (v) => ({ alias: v.alias! }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.actor(true)),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'merge actors',
    method: 'POST',
    path: (v) => `/admin/akteure/${v.actorId}`,
    action: 'merge',
    form: (v) => ({ targetId: v.targetId! }),
    setup: async (ctx) => {
      const s = await editingSetup(ctx);
      const [a, b] = [await s.actor(), await s.actor()];
      return { ...a, targetId: b.actorId! };
    },
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'create a target group',
    method: 'POST',
    path: '/admin/zielgruppen',
    action: 'create',
    form: () => ({ name: `Matrix-Zielgruppe ${uniqueEmail('z')}` }),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'rename a target group',
    method: 'POST',
    path: '/admin/zielgruppen',
    action: 'rename',
    form: (v) => ({ id: v.targetGroupId!, name: `Umbenannt ${v.unique}` }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.targetGroup()),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'create a structure node',
    method: 'POST',
    path: '/admin/struktur',
    action: 'create',
    form: (v) => ({ catalogueId: v.catalogueId!, parentId: v.nodeId!, type: 'handlungsziel', code: 'Z9', title: `Matrix ${v.unique}`, katalog: 'integrationskonzept' }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.base()),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'rename a structure node',
    method: 'POST',
    path: '/admin/struktur',
    action: 'rename',
    form: (v) => ({ id: v.newNodeId!, title: `Umbenannt ${v.unique}`, katalog: 'integrationskonzept' }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.node()),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'archive a structure node',
    method: 'POST',
    path: '/admin/struktur',
    action: 'archive',
    form: (v) => ({ id: v.newNodeId!, katalog: 'integrationskonzept' }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.node()),
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'restore a structure node',
    method: 'POST',
    path: '/admin/struktur',
    action: 'restore',
    form: (v) => ({ id: v.newNodeId!, katalog: 'integrationskonzept' }),
    setup: (ctx) => editingSetup(ctx).then((s) => s.node(true)),
    allowed: ['admin', 'redaktion'],
  },
  // --- suggestions, notifications, dashboard: appended by the suggestions work ------------
  // The public form is open to everyone; without a signed timestamp it is refused with 400
  // (time check) and does not count towards the per-client rate limit the e2e specs rely on.
  {
    name: 'suggest a measure (public)',
    method: 'POST',
    path: '/vorschlagen',
    form: { title: 'Matrix-Vorschlag', description: 'Vom Berechtigungstest gesendet.' },
    allowed: MATRIX_ROLES,
  },
  // Moderation: the policy is checked before the suggestion is looked up, so an unknown id is
  // refused for the wrong roles and answered 400/404 (not 403) for editors.
  {
    name: 'take a suggestion over as draft',
    method: 'POST',
    path: `/admin/vorschlaege/${UNKNOWN_ID}`,
    action: 'uebernehmen',
    form: { nodeId: UNKNOWN_ID },
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'reject a suggestion',
    method: 'POST',
    path: `/admin/vorschlaege/${UNKNOWN_ID}`,
    action: 'ablehnen',
    form: { reason: 'Matrix-Begründung' },
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'set the retention period of contact data',
    method: 'POST',
    path: '/admin/vorschlaege',
    action: 'aufbewahrung',
    form: { retentionDays: '180' },
    allowed: ['admin'],
  },
  // Saves the text it has: the matrix's admin attempt writes the placeholder-free state back (empty).
  { name: 'legal page text', method: 'POST', path: '/admin/rechtliches', action: 'speichern', form: { page: 'datenschutz', text: '' }, allowed: ['admin'] },
  // --- accessibility (issue 14, BITV NRW) ---------------------------------------------------
  // Public like the suggestion form: without a signed timestamp refused with 400, nothing stored.
  { name: 'report a barrier (public)', method: 'POST', path: '/barrierefreiheit/melden', form: { description: 'Vom Berechtigungstest gesendet.' }, allowed: MATRIX_ROLES },
  // The date is in the future: allowed roles get the German message (400), nothing changes.
  { name: 'accessibility statement review date', method: 'POST', path: '/admin/rechtliches', action: 'geprueft', form: { reviewedOn: '2999-01-01' }, allowed: ['admin'] },
  { name: 'read reported barriers', method: 'GET', path: '/admin/barrieren', allowed: ['admin', 'redaktion'] },
  { name: 'resolve a reported barrier', method: 'POST', path: '/admin/barrieren', action: 'resolve', form: { id: UNKNOWN_ID, resolution: 'Matrix' }, allowed: ['admin', 'redaktion'] },
  // An unknown year's introduction: writes a throwaway review row, no public year changes.
  {
    name: 'annual review introduction',
    method: 'POST',
    path: '/admin/jahresrueckblick',
    action: 'speichern',
    form: { year: '1901', introduction: 'Matrix-Einleitung' },
    allowed: ['admin', 'redaktion'],
  },
  { name: 'mark a notification read', method: 'POST', path: '/admin/benachrichtigungen', action: 'gelesen', form: { id: UNKNOWN_ID }, allowed: SIGNED_IN },
  { name: 'mark all notifications read', method: 'POST', path: '/admin/benachrichtigungen', action: 'alleGelesen', allowed: SIGNED_IN },
  // --- content translations (issue 14) ------------------------------------------------------
  // translation.edit: editors and contributors (as proposals); translation.publish: editors.
  { name: 'read the translation overview', method: 'GET', path: '/admin/uebersetzungen', allowed: ['admin', 'redaktion', 'beitragende'] },
  { name: 'read a catalogue in one language', method: 'GET', path: '/admin/uebersetzungen/integrationskonzept/en', allowed: ['admin', 'redaktion', 'beitragende'] },
  { name: 'download XLIFF', method: 'GET', path: '/admin/uebersetzungen/integrationskonzept/en/xliff?umfang=offen', allowed: ['admin', 'redaktion', 'beitragende'] },
  // Without a file (400 for those allowed): checks the permission, changes nothing.
  { name: 'import XLIFF', method: 'POST', path: '/admin/uebersetzungen/integrationskonzept/en', action: 'xliff', allowed: ['admin', 'redaktion'] },
  // No provider configured on the test server: 400 for those allowed.
  { name: 'machine pre-translation', method: 'POST', path: '/admin/uebersetzungen/integrationskonzept/en', action: 'maschinell', allowed: ['admin', 'redaktion'] },
  { name: 'publish a translation proposal', method: 'POST', path: '/admin/uebersetzungen/integrationskonzept/en', action: 'veroeffentlichen', form: { id: UNKNOWN_ID }, allowed: ['admin', 'redaktion'] },
  { name: 'reject a translation proposal', method: 'POST', path: '/admin/uebersetzungen/integrationskonzept/en', action: 'ablehnen', form: { id: UNKNOWN_ID }, allowed: ['admin', 'redaktion'] },
  {
    name: 'save a translation',
    method: 'POST',
    path: `/admin/uebersetzungen/integrationskonzept/en/bearbeiten?eintrag=measure:${UNKNOWN_ID}`,
    action: 'speichern',
    allowed: ['admin', 'redaktion', 'beitragende'],
  },
  // --- funding (issue 16) ---------------------------------------------------------------
  // The public application is open to everyone; without a signed timestamp it is refused with
  // 400 (time check) and counts towards no rate limit. A private link that names no application
  // is a 404 for everyone: the token, not a session, grants access.
  {
    name: 'apply for funding (public)',
    method: 'POST',
    path: '/foerderung/verfuegungsfonds',
    form: { organisation: 'Matrix e. V.', title: 'Matrix-Antrag', requested: '100' },
    allowed: MATRIX_ROLES,
  },
  {
    name: 'read the funding call (public)',
    method: 'GET',
    path: '/foerderung/verfuegungsfonds',
    allowed: MATRIX_ROLES,
  },
  {
    name: 'answer a funding query through an unknown private link',
    method: 'POST',
    path: '/foerderung/antrag/unbekannter-link-unbekannter-link',
    action: 'antworten',
    form: { answer: 'Matrix-Antwort' },
    allowed: [],
    refusedStatuses: [404],
  },
  // The back office: the Projektbüro (funding.manage: admin, redaktion) acts, the deciding body
  // (lesend) reads. The policy is checked before anything is looked up.
  { name: 'read the funding overview', method: 'GET', path: '/admin/foerderung', allowed: ['admin', 'redaktion', 'lesend'] },
  { name: 'read a funding programme with budget and report', method: 'GET', path: '/admin/foerderung/verfuegungsfonds?jahr=2026', allowed: ['admin', 'redaktion', 'lesend'] },
  { name: 'export the funding report (CSV)', method: 'GET', path: '/admin/foerderung/verfuegungsfonds/bericht.csv?jahr=2026', allowed: ['admin', 'redaktion', 'lesend'] },
  { name: 'read the measures whose funding ends', method: 'GET', path: '/admin/foerderung/auslaufend', allowed: ['admin', 'redaktion', 'lesend'] },
  { name: 'read a funding application', method: 'GET', path: `/admin/foerderung/antraege/${UNKNOWN_ID}`, allowed: ['admin', 'redaktion', 'lesend'] },
  {
    // Version 0 never matches: allowed roles get the conflict message, nothing is changed.
    name: 'edit the funding guidelines',
    method: 'POST',
    path: '/admin/foerderung/verfuegungsfonds',
    action: 'richtlinien',
    form: { guidelines: 'Matrix', criteria: 'Matrix', version: '0' },
    allowed: ['admin', 'redaktion'],
  },
  { name: "read a measure's funding records", method: 'GET', path: `/admin/foerderung/massnahme/${UNKNOWN_ID}`, allowed: ['admin', 'redaktion', 'lesend'] },
  {
    name: 'record funding on a measure',
    method: 'POST',
    path: `/admin/foerderung/massnahme/${UNKNOWN_ID}`,
    action: 'hinzufuegen',
    form: { funder: 'Matrix-Stiftung', amount: '100', isPublic: 'ja' },
    allowed: ['admin', 'redaktion'],
  },
  {
    name: 'remove funding from a measure',
    method: 'POST',
    path: `/admin/foerderung/massnahme/${UNKNOWN_ID}`,
    action: 'entfernen',
    form: { fundingId: UNKNOWN_ID },
    allowed: ['admin', 'redaktion'],
  },
  ...(['rueckfrage', 'vollstaendig', 'entscheiden', 'zuordnen', 'auszahlung'] as const).map(
    (action): MutatingRoute => ({
      name: `funding application: ${action}`,
      method: 'POST',
      path: `/admin/foerderung/antraege/${UNKNOWN_ID}`,
      action,
      form: { question: 'Matrix-Rückfrage?', outcome: 'abgelehnt', decidedOn: '2026-12-01', body: 'Lenkungsgruppe', reasons: 'Matrix-Begründung', measureId: UNKNOWN_ID, payment: '1' },
      allowed: ['admin', 'redaktion'],
    }),
  ),
];

// --- editing work: throwaway records for the matrix -------------------------------------
// Made by an editor's own request context (the role under test may not be allowed to).

const matrixBase = () => `http://127.0.0.1:${process.env.E2E_PORT || 4173}`;
let editorContext: Promise<APIRequestContext> | null = null;
let baseValues: Promise<Values> | null = null;

function editorRequest(): Promise<APIRequestContext> {
  editorContext ??= (async () => {
    const { request } = await import('@playwright/test');
    // accept: text/html — form actions answer like for a browser without JavaScript (303 + Location).
    const editor = await request.newContext({ baseURL: matrixBase(), extraHTTPHeaders: { origin: matrixBase(), accept: 'text/html' } });
    const email = 'matrix-setup-redaktion@test.example';
    await seedUsers(editor, [{ email, password: PASSWORD, role: 'redaktion', name: 'Matrix Setup' }], email);
    return editor;
  })();
  return editorContext;
}

function match(html: string, pattern: RegExp, what: string): string {
  const found = pattern.exec(html)?.[1];
  if (!found) throw new Error(`matrix set-up: ${what} not found`);
  return found;
}

/** The id in the first `?bearbeiten=<uuid>` link after `text` (target group and node lists). */
function editIdAfter(html: string, text: string, what: string): string {
  const at = html.indexOf(text);
  if (at < 0) throw new Error(`matrix set-up: ${what} not listed`);
  return match(html.slice(at), /bearbeiten=([0-9a-f-]{36})/, what);
}

/** Form fields of a complete measure under the first node, responsible: the contributors' actor. */
function measureForm(v: Values, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    catalogueId: v.catalogueId!,
    title: `Matrix-Maßnahme ${v.unique}`,
    description: 'Angelegt vom Berechtigungstest.',
    stateCode: 'geplant',
    'placements.0.nodeId': v.nodeId!,
    'actors.0.actorId': v.contributorActorId!,
    'actors.0.role': 'verantwortlich',
    comment: 'Matrix',
    ...overrides,
  };
}

async function editingSetup(ctx: MatrixContext) {
  const editor = await editorRequest();
  const unique = ctx.unique('m').replace(/@.*/, '');
  const post = async (path: string, form: Record<string, string>) => {
    const response = await editor.post(path, { form, maxRedirects: 0 });
    if (response.status() !== 303) throw new Error(`matrix set-up: ${path} answered ${response.status()}`);
    return response.headers()['location'] ?? '';
  };
  const get = async (path: string) => (await editor.get(path)).text();
  const base = async (): Promise<Values> => {
    baseValues ??= (async () => {
      const html = await get('/admin/massnahmen/neu?katalog=integrationskonzept');
      const actors = await get('/admin/akteure?q=Volkshochschule');
      return {
        catalogueId: match(html, /name="catalogueId" value="([0-9a-f-]{36})"/, 'catalogue'),
        nodeId: match(html, /name="placements\.0\.nodeId"[\s\S]*?<option value="([0-9a-f-]{36})"/, 'node'),
        contributorActorId: match(actors, /href="\/admin\/akteure\/([0-9a-f-]{36})"[^>]*>Volkshochschule Herne</, 'actor Volkshochschule Herne'),
      };
    })();
    return { ...(await baseValues), unique };
  };
  const create = async (v: Values, intent: string) => {
    const location = await post('/admin/massnahmen/neu?katalog=integrationskonzept', measureForm(v, { intent }));
    return match(location, /\/admin\/massnahmen\/([0-9a-f-]{36})/, 'new measure');
  };
  return {
    base,
    async measure(kind: 'draft' | 'review' | 'archived'): Promise<Values> {
      const v = await base();
      const measureId = await create(v, kind === 'review' ? 'submit' : 'draft');
      if (kind === 'archived') await post(`/admin/massnahmen/${measureId}?/archive`, {});
      return { ...v, measureId };
    },
    /** A published measure (the contributors' actor responsible). */
    async published(): Promise<Values> {
      const v = await base();
      return { ...v, measureId: await create(v, 'publish') };
    },
    /** A published measure with the set-up editor's draft change request. */
    async changeRequest(): Promise<Values> {
      const v = await base();
      const measureId = await create(v, 'publish');
      await post(`/admin/massnahmen/${measureId}?/save`, measureForm(v, { version: '1', intent: 'draft', remarks: 'Entwurf einer Änderung' }));
      const page = await get(`/admin/massnahmen/${measureId}`);
      return { ...v, measureId, changeRequestId: match(page, /name="changeRequestId" value="([0-9a-f-]{36})"/, 'change request') };
    },
    /** A published measure with two revisions; `revisionId` is the earlier one. */
    async revision(): Promise<Values> {
      const v = await base();
      const measureId = await create(v, 'publish');
      await post(`/admin/massnahmen/${measureId}?/save`, measureForm(v, { version: '1', intent: 'publish', remarks: 'Zweite Fassung' }));
      const history = await get(`/admin/verlauf/massnahme/${measureId}`);
      return { ...v, measureId, revisionId: match(history, /name="revisionId" value="(\d+)"/, 'revision') };
    },
    async actor(withAlias = false): Promise<Values> {
      const suffix = Math.random().toString(36).slice(2, 7);
      const location = await post('/admin/akteure?/create', { name: `Matrix-Akteur ${unique}-${suffix}`, kind: 'organisation' });
      const actorId = match(location, /\/admin\/akteure\/([0-9a-f-]{36})/, 'actor');
      const alias = `MX ${unique}-${suffix}`;
      if (withAlias) await post(`/admin/akteure/${actorId}?/addAlias`, { alias });
      return { unique, actorId, alias };
    },
    async targetGroup(): Promise<Values> {
      const name = `Matrix-Zielgruppe ${unique}`;
      await post('/admin/zielgruppen?/create', { name });
      return { unique, targetGroupId: editIdAfter(await get('/admin/zielgruppen'), name, 'target group') };
    },
    async node(archived = false): Promise<Values> {
      const v = await base();
      const title = `Matrix-Bereich ${unique}`;
      await post('/admin/struktur?/create', { catalogueId: v.catalogueId!, parentId: v.nodeId!, type: 'handlungsziel', title, katalog: 'integrationskonzept' });
      const newNodeId = editIdAfter(await get('/admin/struktur?katalog=integrationskonzept'), title, 'node');
      if (archived) await post('/admin/struktur?/archive', { id: newNodeId, katalog: 'integrationskonzept' });
      return { ...v, newNodeId };
    },
  };
}
