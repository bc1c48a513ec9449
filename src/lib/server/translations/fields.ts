/**
 * What can be translated (issue 14): the translatable fields of each entity type, and the
 * content languages with the PostgreSQL text search configuration their search uses.
 * Pure module: routes, the XLIFF code and tests share it.
 */

export const TRANSLATABLE_FIELDS = {
  catalogue: ['title', 'subtitle', 'description'],
  node: ['title', 'body'],
  measure: ['title', 'description', 'goals', 'targetGroupText', 'statusText', 'remarks'],
  actor: ['name', 'description'],
  target_group: ['name', 'description'],
} as const satisfies Record<string, readonly string[]>;

export type TranslatableEntity = keyof typeof TRANSLATABLE_FIELDS;
export type TranslatableField<E extends TranslatableEntity = TranslatableEntity> = (typeof TRANSLATABLE_FIELDS)[E][number];

export const TRANSLATABLE_ENTITIES = Object.keys(TRANSLATABLE_FIELDS) as TranslatableEntity[];

export function isTranslatableEntity(value: unknown): value is TranslatableEntity {
  return typeof value === 'string' && Object.hasOwn(TRANSLATABLE_FIELDS, value);
}

export function isTranslatableField(entity: TranslatableEntity, field: unknown): field is TranslatableField {
  return typeof field === 'string' && (TRANSLATABLE_FIELDS[entity] as readonly string[]).includes(field);
}

/**
 * The languages content is translated into (German is the source). `searchConfig` is the
 * PostgreSQL text search configuration to use when the server has it (checked at run time,
 * search/translated.ts); otherwise `simple` with unaccent.
 */
export const CONTENT_LANGUAGES = [
  { code: 'en', name: 'English', dir: 'ltr', searchConfig: 'english' },
  { code: 'ar', name: 'العربية', dir: 'rtl', searchConfig: 'arabic' },
  { code: 'fa', name: 'فارسی', dir: 'rtl', searchConfig: null },
  { code: 'tr', name: 'Türkçe', dir: 'ltr', searchConfig: 'turkish' },
  { code: 'ru', name: 'Русский', dir: 'ltr', searchConfig: 'russian' },
  { code: 'uk', name: 'Українська', dir: 'ltr', searchConfig: null },
  { code: 'ro', name: 'Română', dir: 'ltr', searchConfig: 'romanian' },
  { code: 'bg', name: 'Български', dir: 'ltr', searchConfig: null },
  { code: 'fr', name: 'Français', dir: 'ltr', searchConfig: 'french' },
] as const satisfies readonly { code: string; name: string; dir: 'ltr' | 'rtl'; searchConfig: string | null }[];

export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number]['code'];

export function isContentLanguage(value: unknown): value is ContentLanguage {
  return typeof value === 'string' && CONTENT_LANGUAGES.some((l) => l.code === value);
}

export function contentLanguage(code: ContentLanguage): (typeof CONTENT_LANGUAGES)[number] {
  return CONTENT_LANGUAGES.find((l) => l.code === code)!;
}

/** One translation unit: a field of an entity. Its id in XLIFF files and forms. */
export interface UnitKey {
  entityType: TranslatableEntity;
  entityId: string;
  field: TranslatableField;
}

export function unitId(key: UnitKey): string {
  return `${key.entityType}:${key.entityId}:${key.field}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses "measure:<uuid>:title" (an XML NMTOKEN, usable as XLIFF unit id); null when it names no translatable field. */
export function parseUnitId(id: string): UnitKey | null {
  const [entityType, entityId, field, ...rest] = id.split(':');
  if (rest.length || !isTranslatableEntity(entityType) || !entityId || !UUID.test(entityId)) return null;
  if (!isTranslatableField(entityType, field)) return null;
  return { entityType, entityId: entityId.toLowerCase(), field };
}
