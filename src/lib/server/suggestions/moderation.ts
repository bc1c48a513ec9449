/**
 * Moderation of public suggestions (Redaktion, policy `suggestion.moderate`): list, show,
 * "In Entwurf übernehmen" (a draft measure in a chosen catalogue and node, not public) and
 * "Ablehnen" with a reason. Every use case authorises itself; decisions are audit-logged.
 */
import { and, asc, count, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/connection';
import { auditLog, catalogues, measures, nodes, suggestions, users, type SuggestionState } from '../db/schema';
import { authorize, type SessionUser } from '../auth/policy';
import { nodeLabel } from '../catalogue/queries';
import { createMeasure } from '../editing/measures/create-measure';
import { getRetentionDays } from './settings';
import { inTransaction } from '../db/transaction';

const DAY_MS = 24 * 60 * 60 * 1000;

export type SuggestionFilter = 'neu' | 'entschieden';

export class ModerationError extends Error {
  constructor(
    message: string,
    readonly code: 'notFound' | 'alreadyDecided' | 'invalid',
    /** Form field the message belongs to. */
    readonly field: string | null = null,
  ) {
    super(message);
    this.name = 'ModerationError';
  }
}

export interface SuggestionListItem {
  id: string;
  title: string;
  state: SuggestionState;
  catalogueTitle: string | null;
  createdAt: Date;
  decidedAt: Date | null;
}

export async function listSuggestions(
  db: Db,
  user: SessionUser | null,
  options: { filter?: SuggestionFilter; limit?: number; offset?: number } = {},
): Promise<{ items: SuggestionListItem[]; total: number; counts: Record<SuggestionFilter, number> }> {
  authorize(user, 'suggestion.moderate');
  const filter = options.filter ?? 'neu';
  const where = filter === 'neu' ? eq(suggestions.state, 'neu') : ne(suggestions.state, 'neu');
  const items = await db
    .select({
      id: suggestions.id,
      title: suggestions.title,
      state: suggestions.state,
      catalogueTitle: catalogues.title,
      createdAt: suggestions.createdAt,
      decidedAt: suggestions.decidedAt,
    })
    .from(suggestions)
    .leftJoin(catalogues, eq(catalogues.id, suggestions.catalogueId))
    .where(where)
    // Waiting: oldest first (first come, first served); decided: latest decision first.
    .orderBy(...(filter === 'neu' ? [asc(suggestions.createdAt)] : [desc(suggestions.decidedAt), desc(suggestions.createdAt)]))
    .limit(options.limit ?? 50)
    .offset(options.offset ?? 0);
  const grouped = await db
    .select({ open: sql<boolean>`${suggestions.state} = 'neu'`, n: count() })
    .from(suggestions)
    .groupBy(sql`${suggestions.state} = 'neu'`);
  const counts = { neu: 0, entschieden: 0 };
  for (const g of grouped) counts[g.open ? 'neu' : 'entschieden'] += Number(g.n);
  return { items, total: counts[filter], counts };
}

/** Waiting suggestions, for the dashboard (callers check the policy). */
export async function countOpenSuggestions(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(suggestions).where(eq(suggestions.state, 'neu'));
  return Number(row?.n ?? 0);
}

export interface SuggestionDetail {
  id: string;
  title: string;
  description: string;
  responsibleText: string | null;
  targetGroupText: string | null;
  catalogue: { id: string; slug: string; title: string } | null;
  /** Personal data: shown to moderators only, deleted after the retention period. */
  contactName: string | null;
  contactEmail: string | null;
  consentAt: Date | null;
  purgeAfter: Date | null;
  state: SuggestionState;
  reason: string | null;
  measure: { id: string; slug: string; title: string; catalogueSlug: string; workflowState: string } | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  createdAt: Date;
}

export async function getSuggestion(db: Db, user: SessionUser | null, id: string): Promise<SuggestionDetail> {
  authorize(user, 'suggestion.moderate');
  if (!z.string().uuid().safeParse(id).success) throw new ModerationError('Vorschlag nicht gefunden.', 'notFound');
  const [row] = await db
    .select({
      s: suggestions,
      catalogue: { id: catalogues.id, slug: catalogues.slug, title: catalogues.title },
      decidedByName: sql<string | null>`coalesce(${users.name}, ${users.email})`,
    })
    .from(suggestions)
    .leftJoin(catalogues, eq(catalogues.id, suggestions.catalogueId))
    .leftJoin(users, eq(users.id, suggestions.decidedBy))
    .where(eq(suggestions.id, id));
  if (!row) throw new ModerationError('Vorschlag nicht gefunden.', 'notFound');
  const s = row.s;
  let measure: SuggestionDetail['measure'] = null;
  if (s.measureId) {
    const [m] = await db
      .select({ id: measures.id, slug: measures.slug, title: measures.title, catalogueSlug: catalogues.slug, workflowState: measures.workflowState })
      .from(measures)
      .innerJoin(catalogues, eq(catalogues.id, measures.catalogueId))
      .where(eq(measures.id, s.measureId));
    measure = m ?? null;
  }
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    responsibleText: s.responsibleText,
    targetGroupText: s.targetGroupText,
    catalogue: row.catalogue?.id ? row.catalogue : null,
    contactName: s.contactName,
    contactEmail: s.contactEmail,
    consentAt: s.consentAt,
    purgeAfter: s.purgeAfter,
    state: s.state,
    reason: s.reason,
    measure,
    decidedBy: s.decidedBy ? row.decidedByName : null,
    decidedAt: s.decidedAt,
    createdAt: s.createdAt,
  };
}

export interface PlacementOption {
  nodeId: string;
  /** Path from the catalogue's top level, e.g. "Handlungsfeld Bildung › Leitziel A › Handlungsziel A1". */
  label: string;
}

export interface PlacementGroup {
  catalogueId: string;
  catalogueTitle: string;
  options: PlacementOption[];
}

/**
 * Where a new measure can go: per catalogue, the nodes measures hang under (the leaves of the
 * structure: Handlungsziele, organisational units, chapters), labelled with their path.
 */
export async function listPlacementOptions(db: Db): Promise<PlacementGroup[]> {
  const cats = await db
    .select({ id: catalogues.id, title: catalogues.title })
    .from(catalogues)
    .orderBy(asc(catalogues.position), asc(catalogues.title));
  if (!cats.length) return [];
  const rows = await db
    .select({
      id: nodes.id,
      catalogueId: nodes.catalogueId,
      parentId: nodes.parentId,
      type: nodes.type,
      code: nodes.code,
      title: nodes.title,
      body: nodes.body,
      holdsMeasures: sql<boolean>`exists (select 1 from measure_nodes mn where mn.node_id = ${nodes.id})`,
    })
    .from(nodes)
    .where(isNull(nodes.archivedAt))
    .orderBy(asc(nodes.position), asc(nodes.title));
  const childrenOf = new Map<string | null, typeof rows>();
  for (const r of rows) {
    const list = childrenOf.get(r.parentId) ?? [];
    list.push(r);
    childrenOf.set(r.parentId, list);
  }
  const label = (r: (typeof rows)[number]) => {
    const base = nodeLabel(r);
    if (r.type !== 'handlungsziel' || !r.body) return base;
    const goal = r.body.split('\n')[0]!.trim();
    return `${base}: ${goal.length > 70 ? `${goal.slice(0, 69).trimEnd()}…` : goal}`;
  };
  const groups: PlacementGroup[] = [];
  for (const cat of cats) {
    const options: PlacementOption[] = [];
    const walk = (parentId: string | null, trail: string[]) => {
      for (const r of (childrenOf.get(parentId) ?? []).filter((n) => n.catalogueId === cat.id)) {
        const path = [...trail, label(r)];
        const hasChildren = Boolean(childrenOf.get(r.id)?.length);
        // Measures hang under the leaves of the structure, or where measures already hang.
        if (!hasChildren || r.holdsMeasures) options.push({ nodeId: r.id, label: path.join(' › ') });
        if (hasChildren) walk(r.id, path);
      }
    };
    walk(null, []);
    if (options.length) groups.push({ catalogueId: cat.id, catalogueTitle: cat.title, options });
  }
  return groups;
}

const acceptInput = z.object({
  nodeId: z.string({ message: 'Bitte wählen Sie aus, wo die Maßnahme eingeordnet wird.' }).uuid('Bitte wählen Sie aus, wo die Maßnahme eingeordnet wird.'),
});

const rejectInput = z.object({
  reason: z
    .string({ message: 'Bitte geben Sie einen Grund für die Ablehnung an.' })
    .trim()
    .min(3, 'Bitte geben Sie einen Grund für die Ablehnung an (mindestens 3 Zeichen).')
    .max(2_000, 'Höchstens 2.000 Zeichen.'),
});

function firstIssue(error: z.ZodError): ModerationError {
  const issue = error.issues[0]!;
  return new ModerationError(issue.message, 'invalid', String(issue.path[0] ?? ''));
}

/** Marks a waiting suggestion decided (inside the caller's transaction); refuses a second decision. */
async function claim(tx: Db, user: SessionUser, id: string, state: 'uebernommen' | 'abgelehnt', now: Date, reason: string | null) {
  const [current] = await tx
    .select({ state: suggestions.state, hasContact: sql<boolean>`${suggestions.contactName} is not null or ${suggestions.contactEmail} is not null` })
    .from(suggestions)
    .where(eq(suggestions.id, id));
  if (!current) throw new ModerationError('Vorschlag nicht gefunden.', 'notFound');
  // The retention period starts again at the decision: editors may still need to ask back.
  const purgeAfter = current.hasContact ? new Date(now.getTime() + (await getRetentionDays(tx)) * DAY_MS) : null;
  const [claimed] = await tx
    .update(suggestions)
    .set({ state, reason, decidedBy: user.id, decidedAt: now, purgeAfter })
    .where(and(eq(suggestions.id, id), eq(suggestions.state, 'neu')))
    .returning();
  if (!claimed) throw new ModerationError('Dieser Vorschlag wurde bereits entschieden.', 'alreadyDecided');
  return claimed;
}

/** "In Entwurf übernehmen": a draft measure (not public) under the chosen node; the suggestion links to it. */
export async function acceptSuggestion(
  db: Db,
  user: SessionUser | null,
  id: string,
  input: { nodeId?: unknown },
  now: Date = new Date(),
): Promise<{ measureId: string }> {
  const moderator = authorize(user, 'suggestion.moderate');
  if (!z.string().uuid().safeParse(id).success) throw new ModerationError('Vorschlag nicht gefunden.', 'notFound');
  const parsed = acceptInput.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error);
  const [node] = await db
    .select({ id: nodes.id, catalogueId: nodes.catalogueId })
    .from(nodes)
    .where(and(eq(nodes.id, parsed.data.nodeId), isNull(nodes.archivedAt)));
  if (!node) throw new ModerationError('Bitte wählen Sie aus, wo die Maßnahme eingeordnet wird.', 'invalid', 'nodeId');

  return inTransaction(db, async (tx) => {
    const suggestion = await claim(tx, moderator, id, 'uebernommen', now, null);
    const created = await createMeasure(
      tx,
      moderator,
      {
        catalogueId: node.catalogueId,
        placements: [{ nodeId: node.id }],
        title: suggestion.title,
        description: suggestion.description,
        targetGroupText: suggestion.targetGroupText,
        responsibleText: suggestion.responsibleText,
      },
      { comment: 'Aus einem Vorschlag der Öffentlichkeit übernommen', workflowState: 'entwurf' },
    );
    const measureId = created.id;
    await tx.update(suggestions).set({ measureId }).where(eq(suggestions.id, id));
    await tx.insert(auditLog).values({
      userId: moderator.id,
      action: 'suggestion.accept',
      entityType: 'suggestion',
      entityId: id,
      details: { measureId, catalogueId: node.catalogueId, nodeId: node.id },
    });
    return { measureId };
  });
}

/** "Ablehnen": needs a reason (kept with the suggestion and in the audit log). */
export async function rejectSuggestion(
  db: Db,
  user: SessionUser | null,
  id: string,
  input: { reason?: unknown },
  now: Date = new Date(),
): Promise<void> {
  const moderator = authorize(user, 'suggestion.moderate');
  if (!z.string().uuid().safeParse(id).success) throw new ModerationError('Vorschlag nicht gefunden.', 'notFound');
  const parsed = rejectInput.safeParse(input);
  if (!parsed.success) throw firstIssue(parsed.error);
  await inTransaction(db, async (tx) => {
    await claim(tx, moderator, id, 'abgelehnt', now, parsed.data.reason);
    await tx.insert(auditLog).values({
      userId: moderator.id,
      action: 'suggestion.reject',
      entityType: 'suggestion',
      entityId: id,
      details: { reason: parsed.data.reason },
    });
  });
}
