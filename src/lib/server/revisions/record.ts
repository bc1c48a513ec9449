/**
 * The revision store: every change to any entity appends the entity's full state after the
 * change, with who, when and why. The table refuses UPDATE and DELETE (trigger), so history can
 * only grow; restoring means appending an older state as a new revision.
 */
import type { Db } from '../db/connection';
import { revisions } from '../db/schema';
import { chunks } from '../util/collections';

export type EntityType = 'catalogue' | 'node' | 'measure' | 'actor' | 'contact' | 'target_group' | 'user' | 'offer' | 'event' | 'network' | 'annual_review' | 'translation' | 'funding_programme';

export interface RevisionInput {
  entityType: EntityType;
  entityId: string;
  state: unknown;
  /** A user, or … */
  authorId?: string | null;
  /** … a label for changes without a user, e.g. "Import". */
  authorLabel?: string | null;
  comment?: string | null;
}


export async function recordRevisions(db: Db, inputs: RevisionInput[]): Promise<void> {
  for (const part of chunks(inputs, 500)) {
    if (!part.length) continue;
    await db.insert(revisions).values(
      part.map((r) => ({
        entityType: r.entityType,
        entityId: r.entityId,
        state: r.state as object,
        authorId: r.authorId ?? null,
        authorLabel: r.authorLabel ?? null,
        comment: r.comment ?? null,
      })),
    );
  }
}
