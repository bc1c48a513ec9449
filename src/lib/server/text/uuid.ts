/** Ids in URLs and forms are checked before they reach a query (PostgreSQL rejects a malformed uuid). */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
