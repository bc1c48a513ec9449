/**
 * Arrays as one query parameter: Drizzle's sql template expands a JS array into a list of
 * parameters, so arrays travel as PostgreSQL array literals (`{"a","b"}`) and are cast in SQL
 * (`${textArray(xs)}::text[]`). Works the same with node-postgres and PGlite.
 */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}
