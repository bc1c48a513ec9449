/**
 * Who may do what: the one place with authorisation rules. Every server action calls
 * `authorize` (or `can`) before it changes anything; the routes' tests walk the matrix.
 *
 * Roles (DOMAIN.md): Administration (users, roles, settings, audit log — and everything else),
 * Redaktion (edits and publishes whole catalogues, moderates suggestions), Beitragende (edit
 * and propose measures of the actors they are bound to; their changes wait for review),
 * Lesend (steering group: reads drafts and reports).
 */
import type { Role } from '../db/schema';

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** Actors a contributor is bound to (empty for other roles). */
  actorIds: string[];
  /** A second factor (TOTP) is in force for the account (set from the session; absent: unknown, treated as none). */
  secondFactor?: boolean;
}

export type Action =
  | 'measure.create' // new measure (contributors: for one of their actors)
  | 'measure.edit' // change content (contributors: measures of their actors, as change request)
  | 'measure.publish' // publish a change or a new measure, decide reviews
  | 'measure.archive' // archive and restore measures
  | 'measure.restoreRevision'
  | 'measure.import' // update measures from an edited CSV/XLSX export (Redaktion, Administration)
  | 'structure.edit' // nodes: Handlungsfelder, Leitziele, dimensions …
  | 'edition.freeze' // freeze a catalogue's published state as an edition (Ausgabe)
  | 'vocabulary.manage' // actors, target groups, state code list
  | 'draft.read' // see unpublished content and change requests
  | 'history.read'
  | 'report.read'
  | 'suggestion.moderate'
  | 'campaign.manage' // start, remind and close a call for updates (Abfrage) of a catalogue
  | 'campaign.answer' // answer a request of a call for updates (contributors: for their actors)
  | 'user.manage'
  | 'audit.read'
  | 'settings.manage'
  | 'translation.edit' // translate content fields (contributors: as proposals that wait for review)
  | 'translation.publish' // publish translations, decide proposals, import XLIFF, machine drafts
  | 'funding.manage' // programmes, applications, queries, recording decisions, budgets (Projektbüro)
  | 'funding.read'; // read applications, decisions, budgets and reports (deciding body: Lenkungsgruppe)

const EDITOR_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'measure.create',
  'measure.edit',
  'measure.publish',
  'measure.archive',
  'measure.restoreRevision',
  'measure.import',
  'structure.edit',
  'edition.freeze',
  'vocabulary.manage',
  'draft.read',
  'history.read',
  'report.read',
  'suggestion.moderate',
  'campaign.manage',
  // Redaktion answers on behalf of an actor that replied by phone or letter.
  'campaign.answer',
  'translation.edit',
  'translation.publish',
  'funding.manage',
  'funding.read',
]);

const READER_ACTIONS: ReadonlySet<Action> = new Set<Action>(['draft.read', 'history.read', 'report.read', 'funding.read']);

/** Resource context for scoped rules: the actors a measure is linked to. */
export interface ResourceScope {
  actorIds?: readonly string[];
}

export function can(user: SessionUser | null | undefined, action: Action, resource: ResourceScope = {}): boolean {
  if (!user) return false;
  switch (user.role) {
    case 'admin':
      return true;
    case 'redaktion':
      return EDITOR_ACTIONS.has(action);
    case 'lesend':
      return READER_ACTIONS.has(action);
    case 'beitragende': {
      if (action === 'draft.read' || action === 'history.read' || action === 'translation.edit') return true;
      if (action !== 'measure.edit' && action !== 'measure.create' && action !== 'campaign.answer') return false;
      // Only for measures of (one of) their actors.
      return (resource.actorIds ?? []).some((id) => user.actorIds.includes(id));
    }
    default:
      return false;
  }
}

/** Whether this user's changes need review before the public sees them. */
export function needsReview(user: SessionUser): boolean {
  return user.role === 'beitragende';
}

export class ForbiddenError extends Error {
  constructor(readonly action: Action) {
    super('Für diese Aktion fehlt Ihnen die Berechtigung.');
    this.name = 'ForbiddenError';
  }
}

export class UnauthenticatedError extends Error {
  constructor() {
    super('Bitte melden Sie sich an.');
    this.name = 'UnauthenticatedError';
  }
}

/** Throws unless the user may perform the action; returns the user for chaining. */
export function authorize(user: SessionUser | null | undefined, action: Action, resource: ResourceScope = {}): SessionUser {
  if (!user) throw new UnauthenticatedError();
  if (!can(user, action, resource)) throw new ForbiddenError(action);
  return user;
}
