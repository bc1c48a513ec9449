/**
 * A translated sentence split around one interpolated value, so a page can wrap the value in
 * its own element (`<bdi lang="de">`): German content inside an Arabic sentence keeps its own
 * direction, and the quotation marks of the translation stay where the translation put them.
 */
const MARK = '\u{E000}';

export function around(translate: (params: Record<string, string>) => string, name: string): { before: string; after: string } {
  const text = translate({ [name]: MARK });
  const at = text.indexOf(MARK);
  if (at < 0) return { before: text, after: '' };
  return { before: text.slice(0, at), after: text.slice(at + MARK.length) };
}
