/**
 * The back office's navigation: each entry is shown only to users who may use it (rules from
 * policy.ts; the pages themselves still check on every request).
 */
import { can, type Action, type SessionUser } from './policy';

export type AdminNavKey =
  | 'tasks'
  | 'notifications'
  | 'measures'
  | 'review'
  | 'reviewDue'
  | 'campaigns'
  | 'gaps'
  | 'steering'
  | 'suggestions'
  | 'barriers'
  | 'funding'
  | 'actors'
  | 'targetGroups'
  | 'structure'
  | 'editions'
  | 'apiTokens'
  | 'import'
  | 'sourceImport'
  | 'users'
  | 'translations'
  | 'legal'
  | 'yearReview'
  | 'audit';

interface NavEntry {
  key: AdminNavKey;
  href: string;
  /** Needed permission; null: every signed-in user. */
  action: Action | null;
}

export const ADMIN_NAV: readonly NavEntry[] = [
  { key: 'tasks', href: '/admin', action: null },
  // Contributors see the measures of their actors, the steering group reads drafts.
  { key: 'measures', href: '/admin/massnahmen', action: 'draft.read' },
  // Due reviews: contributors see those of their actors, the steering group reads them.
  { key: 'reviewDue', href: '/admin/pruefung-faellig', action: 'draft.read' },
  { key: 'review', href: '/admin/pruefung', action: 'measure.publish' },
  // Calls for updates: contributors answer the requests to their actors, the steering group reads.
  { key: 'campaigns', href: '/admin/abfragen', action: 'draft.read' },
  // The gap analysis is a report: the steering group reads it too.
  { key: 'gaps', href: '/admin/luecken', action: 'report.read' },
  { key: 'steering', href: '/admin/berichte/lenkungsgruppe', action: 'report.read' },
  { key: 'suggestions', href: '/admin/vorschlaege', action: 'suggestion.moderate' },
  // Barriers reported from the accessibility statement are moderated like suggestions.
  { key: 'barriers', href: '/admin/barrieren', action: 'suggestion.moderate' },
  // Funding: the Projektbüro manages it, the deciding body (Lenkungsgruppe) reads it.
  { key: 'funding', href: '/admin/foerderung', action: 'funding.read' },
  { key: 'notifications', href: '/admin/benachrichtigungen', action: null },
  { key: 'actors', href: '/admin/akteure', action: 'vocabulary.manage' },
  { key: 'targetGroups', href: '/admin/zielgruppen', action: 'vocabulary.manage' },
  { key: 'structure', href: '/admin/struktur', action: 'structure.edit' },
  { key: 'editions', href: '/admin/ausgaben', action: 'edition.freeze' },
  // Personal API tokens act with their owner's role: every signed-in user may have some.
  { key: 'apiTokens', href: '/admin/api-schluessel', action: null },
  { key: 'import', href: '/admin/import', action: 'measure.import' },
  { key: 'sourceImport', href: '/admin/quelldokumente', action: 'measure.import' },
  { key: 'yearReview', href: '/admin/jahresrueckblick', action: 'measure.publish' },
  { key: 'translations', href: '/admin/uebersetzungen', action: 'translation.edit' },
  { key: 'users', href: '/admin/benutzer', action: 'user.manage' },
  { key: 'legal', href: '/admin/rechtliches', action: 'settings.manage' },
  { key: 'audit', href: '/admin/protokoll', action: 'audit.read' },
];

export interface AdminNavItem {
  key: AdminNavKey;
  href: string;
}

export function adminNavFor(user: SessionUser | null): AdminNavItem[] {
  if (!user) return [];
  return ADMIN_NAV.filter((e) => e.action === null || can(user, e.action)).map(({ key, href }) => ({ key, href }));
}
