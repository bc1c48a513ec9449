/** Client-safe helpers for word-diff segments (the server builds them in revisions/diff.ts). */
import type { DiffSegment } from '$lib/server/revisions/diff';

export function side(segments: readonly DiffSegment[], which: 'before' | 'after'): DiffSegment[] {
  return segments.filter((s) => s.kind === 'same' || s.kind === (which === 'before' ? 'removed' : 'added'));
}
