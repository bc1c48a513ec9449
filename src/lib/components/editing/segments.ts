/** Client-safe helpers for word-diff segments (the server builds them in revisions/diff.ts). */
import type { DiffSegment } from '$lib/server/revisions/diff';

export function side(segments: readonly DiffSegment[], which: 'before' | 'after'): DiffSegment[] {
  return segments.filter((s) => s.kind === 'same' || s.kind === (which === 'before' ? 'removed' : 'added'));
}

/** Ids for aria-describedby: only those that are set. */
export function describedBy(...ids: (string | null | undefined | false)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}
