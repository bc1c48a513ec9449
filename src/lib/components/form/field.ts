/** Ids for aria-describedby: only those that are set, or undefined when none is (no empty attribute). */
export function describedBy(...ids: (string | null | undefined | false)[]): string | undefined {
  const list = ids.filter(Boolean);
  return list.length ? list.join(' ') : undefined;
}

/** The ids a field's hint, note and error get, so fields and groups name them the same way. */
export const hintId = (id: string) => `${id}-hint`;
export const noteId = (id: string) => `${id}-note`;
export const errorId = (id: string) => `${id}-error`;

/** aria-describedby of a field: hint, note, error (those shown), then any extra id (e.g. a form-level message). */
export function fieldDescribedBy(id: string, shown: { hint?: unknown; note?: unknown; error?: unknown }, extra?: string | null): string | undefined {
  return describedBy(shown.hint ? hintId(id) : null, shown.note ? noteId(id) : null, shown.error ? errorId(id) : null, extra);
}

/** What every field of the family takes besides its control's own attributes. */
export interface FieldProps {
  id: string;
  label: string;
  hint?: string | null;
  /** Extra remark under the control (e.g. the merge hint). */
  note?: string | null;
  error?: string | null;
  /** Text of the "optional" marker after the label, e.g. "(optional)". */
  optional?: string | null;
  /** Accessible name of a visible "*" after the label of required fields. */
  requiredMark?: string | null;
  /** A further id for aria-describedby (e.g. a form-level message). */
  describedBy?: string | null;
}

const FIELD_KEYS = ['label', 'hint', 'note', 'error', 'optional', 'requiredMark', 'describedBy'] as const;
type FrameKey = (typeof FIELD_KEYS)[number];

/** Splits a control's props into the Field frame's (label, hint …) and the attributes for the control itself. */
export function splitField<P extends Omit<FieldProps, 'id'>>(props: P): [Omit<FieldProps, 'id'>, Omit<P, FrameKey>] {
  const frame: Record<string, unknown> = {};
  const attributes: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) ((FIELD_KEYS as readonly string[]).includes(key) ? frame : attributes)[key] = value;
  return [frame as Omit<FieldProps, 'id'>, attributes as Omit<P, FrameKey>];
}
