/**
 * The import writer's one sync step for keyed records (structure nodes, contacts): each planned
 * record is found again by its import key; a new one is inserted, one whose imported content
 * equals the stored columns is left alone, any other is updated. New and updated records get a
 * revision (the caller collects them and writes them at the end, attributed to "Import").
 * Statements are batched: inserts in chunks, then one update per changed record.
 */
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/connection';
import { contacts, nodes } from '../../db/schema';
import { hashValue } from '../../text/hash';
import { chunks } from '../../util/collections';

export interface SyncCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export const emptyCounts = (): SyncCounts => ({ created: 0, updated: 0, unchanged: 0 });

/** Whether the stored row already holds these imported values (only the columns in `values` count). */
export function sameContent(stored: Record<string, unknown>, values: Record<string, unknown>): boolean {
  const current = Object.fromEntries(Object.keys(values).map((k) => [k, stored[k]]));
  return hashValue(current) === hashValue(values);
}

type SyncedTable = typeof nodes | typeof contacts;

export interface SyncSpec<T extends SyncedTable, P, V extends Record<string, unknown>> {
  table: T;
  /** Planned records, in plan order (their index is their position). */
  planned: readonly P[];
  /** Stored records by import key. */
  existing: ReadonlyMap<string, { id: string } & Record<string, unknown>>;
  key: (record: P) => string;
  /** The imported columns of a record; called in plan order, so it may use ids of records before it. */
  values: (record: P, position: number) => V;
  /** The full row of a new record (id, import key, slug …); may note the new id for later records. */
  newRow: (record: P, id: string, values: V) => T['$inferInsert'] & { id: string };
  /** Collects the revision of a created or updated record. */
  revision: (id: string, state: unknown) => void;
}

export async function syncRecords<T extends SyncedTable, P, V extends Record<string, unknown>>(
  db: Db,
  spec: SyncSpec<T, P, V>,
): Promise<SyncCounts> {
  const counts = emptyCounts();
  const inserts: (T['$inferInsert'] & { id: string })[] = [];
  const updates: { id: string; values: V }[] = [];
  for (const [position, record] of spec.planned.entries()) {
    const values = spec.values(record, position);
    const stored = spec.existing.get(spec.key(record));
    if (!stored) {
      const row = spec.newRow(record, crypto.randomUUID(), values);
      inserts.push(row);
      spec.revision(row.id, row);
      counts.created++;
    } else if (sameContent(stored, values)) {
      counts.unchanged++;
    } else {
      updates.push({ id: stored.id, values });
      counts.updated++;
    }
  }
  // New records first: an updated node may now hang under a new one.
  for (const part of chunks(inserts)) await db.insert(spec.table).values(part as never);
  for (const u of updates) {
    const table = spec.table as SyncedTable;
    const [row] = await db
      .update(table)
      .set({ ...u.values, updatedAt: new Date() } as never)
      .where(eq(table.id, u.id))
      .returning();
    spec.revision(u.id, row);
  }
  return counts;
}
