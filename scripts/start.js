// `npm start`: build if needed, then serve on http://localhost:3000 (PORT, HOST respected).
// The server opens the database (PGlite in ./data unless DATABASE_URL is set), migrates it and,
// on first start, imports Herne's catalogues.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, root } from './lib/build.js';

ensureBuilt();
process.env.PORT ||= '3000';
// Production: among others, this keeps the test-only routes off (src/lib/server/testing/e2e-switch.ts).
process.env.NODE_ENV ||= 'production';
// Large imports and exports send bigger bodies than adapter-node's 512 KB default.
process.env.BODY_SIZE_LIMIT ||= '10M';
console.log(`Vielfalt startet auf http://localhost:${process.env.PORT} …`);
try {
  await import(pathToFileURL(path.join(root, 'build', 'index.js')).href);
} catch (error) {
  // E.g. "Datenbank wird bereits verwendet …" when another process holds ./data.
  console.error(`Fehler: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
