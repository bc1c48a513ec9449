/**
 * The readable API page (/api), derived from the OpenAPI document: operations by tag with their
 * parameters and responses, and the data structures with their fields. Plain data for a
 * server-rendered page (no Swagger UI, nothing loaded from a CDN).
 */
import { buildOpenApiDocument } from './openapi';

type Json = Record<string, unknown>;

export interface DocsField {
  name: string;
  type: string;
  required: boolean;
  description: string | null;
}

export interface DocsOperation {
  id: string;
  method: string;
  path: string;
  summary: string;
  auth: boolean;
  parameters: (DocsField & { in: string })[];
  body: DocsField[] | null;
  responses: { status: string; description: string; schema: string | null }[];
}

export interface DocsView {
  title: string;
  version: string;
  base: string;
  groups: { tag: string; operations: DocsOperation[] }[];
  schemas: { name: string; description: string | null; fields: DocsField[] }[];
}

const refName = (ref: string) => ref.split('/').at(-1) ?? ref;

/** A short type label: "string", "integer | null", "EditionSummary[]", "entwurf | in_pruefung". */
export function typeText(schema: Json | undefined): string {
  if (!schema) return 'any';
  if (typeof schema.$ref === 'string') return refName(schema.$ref);
  if (Array.isArray(schema.enum)) return schema.enum.map(String).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const);
  const union = (schema.anyOf ?? schema.oneOf) as Json[] | undefined;
  if (union) return union.map((s) => typeText(s)).join(' | ');
  if (schema.type === 'array') return `${typeText(schema.items as Json | undefined)}[]`;
  if (schema.type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object')
    return `{ [key]: ${typeText(schema.additionalProperties as Json)} }`;
  if (typeof schema.type === 'string') return schema.format ? `${schema.type} (${schema.format})` : schema.type;
  return 'object';
}

function fieldsOf(schema: Json | undefined): DocsField[] {
  const properties = (schema?.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    type: typeText(property),
    required: required.has(name),
    description: typeof property.description === 'string' ? property.description : null,
  }));
}

export function buildDocsView(): DocsView {
  const doc = buildOpenApiDocument() as Json & {
    info: { title: string; version: string };
    servers: { url: string }[];
    paths: Record<string, Record<string, Json>>;
    components: { schemas: Record<string, Json> };
  };
  const groups = new Map<string, DocsOperation[]>();
  for (const [path, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const tag = (op.tags as string[])[0] ?? '';
      const body = (op.requestBody as Json | undefined)?.content as Record<string, { schema: Json }> | undefined;
      const operation: DocsOperation = {
        id: String(op.operationId),
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ''),
        auth: Array.isArray(op.security),
        parameters: ((op.parameters as Json[]) ?? []).map((p) => ({
          name: String(p.name),
          in: String(p.in),
          required: Boolean(p.required),
          type: typeText(p.schema as Json),
          description: typeof p.description === 'string' ? p.description : null,
        })),
        body: body ? fieldsOf(body['application/json']?.schema) : null,
        responses: Object.entries(op.responses as Record<string, Json>).map(([status, response]) => {
          const content = response.content as Record<string, { schema: Json }> | undefined;
          const schema = content ? Object.values(content)[0]?.schema : undefined;
          return { status, description: String(response.description ?? ''), schema: schema ? typeText(schema) : null };
        }),
      };
      groups.set(tag, [...(groups.get(tag) ?? []), operation]);
    }
  return {
    title: doc.info.title,
    version: doc.info.version,
    base: doc.servers[0]?.url ?? '/api/v1',
    groups: [...groups].map(([tag, operations]) => ({ tag, operations })),
    schemas: Object.entries(doc.components.schemas).map(([name, schema]) => ({
      name,
      description: typeof schema.description === 'string' ? schema.description : null,
      fields: fieldsOf(schema),
    })),
  };
}
