// Writes docs/openapi.json from the API's route table and Zod schemas (src/lib/server/api).
// Run after changing the API: `npx tsx scripts/openapi.ts`; a test fails while they differ.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOpenApiDocument } from '../src/lib/server/api/openapi';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = path.join(root, 'docs', 'openapi.json');
fs.writeFileSync(target, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
console.log(`geschrieben: ${path.relative(root, target)}`);
