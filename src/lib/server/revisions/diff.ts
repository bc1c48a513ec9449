/**
 * Word-level diffs for the history and the review queue (pure, no database): each field is
 * compared as text with jsdiff's `diffWords`, producing segments the UI renders side by side
 * (before: unchanged + removed; after: unchanged + added) with <del>/<ins> and text for screen
 * readers — never as HTML.
 */
import { diffWords } from 'diff';

export type SegmentKind = 'same' | 'added' | 'removed';

export interface DiffSegment {
  kind: SegmentKind;
  text: string;
}

export interface FieldDiff {
  /** Field key; the UI labels it (admin.history.field.<key>). */
  field: string;
  before: string;
  after: string;
  changed: boolean;
  segments: DiffSegment[];
}

export function diffText(before: string, after: string): DiffSegment[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  return diffWords(before, after).map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
}

/** Field-by-field diff of two textual descriptions, in the order of `fields` (or of their keys). */
export function diffFields(before: Record<string, string>, after: Record<string, string>, fields?: readonly string[]): FieldDiff[] {
  const keys = fields ?? [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((field) => {
    const a = before[field] ?? '';
    const b = after[field] ?? '';
    return { field, before: a, after: b, changed: a !== b, segments: diffText(a, b) };
  });
}

/** The segments shown in the "before" column (unchanged and removed) or the "after" column (unchanged and added). */
export function side(segments: DiffSegment[], which: 'before' | 'after'): DiffSegment[] {
  return segments.filter((s) => s.kind === 'same' || s.kind === (which === 'before' ? 'removed' : 'added'));
}
