/**
 * The layout's import rules (docs/architecture.md, "Where things live"), checked on the real
 * imports of src/lib/server/** and src/routes/** (static, re-exports and dynamic import()):
 * 1. no folder-level import cycle inside src/lib/server (folder = first level below it);
 * 2. only the web adapter (src/lib/server/web/**) imports SvelteKit (@sveltejs/kit, $app/*);
 * 3. routes do not reach the database directly ($lib/server/db, drizzle-orm, the drivers):
 *    they call use cases and queries of the domain folders.
 * The allowlists name today's exceptions, which other work in progress removes; an entry that
 * no longer occurs fails too, so the lists only shrink.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SERVER = 'src/lib/server';

/** Imports allowed to break rule 1 for now, as "importing file -> imported file". */
const CYCLE_ALLOWLIST = new Set<string>([
  // None: logging is a leaf module (log/log.ts) and the SvelteKit adapter lives in web/.
]);

/** Domain files allowed to import SvelteKit for now (rule 2). */
const KIT_ALLOWLIST = new Set<string>([
  // None: only src/lib/server/web/ may.
]);

/** Route imports allowed to reach the database for now (rule 3), as "route file -> specifier". */
const ROUTE_DB_ALLOWLIST = new Set<string>([
  // None today; add none. (The last one, the history page's query, moved into revisions/.)
]);

const KIT_MODULES = /^(@sveltejs\/kit(\/.*)?|\$app\/.+)$/;
const DB_PACKAGES = /^(drizzle-orm(\/.*)?|@electric-sql\/pglite(\/.*)?|pg)$/;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|js)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

interface Import {
  file: string;
  specifier: string;
  /** Project-relative path of the imported file, or null for packages. */
  target: string | null;
}

function resolveTarget(file: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('$lib/')) base = `src/lib/${specifier.slice(5)}`;
  else if (specifier === '$lib') base = 'src/lib';
  else if (specifier.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`, `${base}/index.js`])
    if (fs.existsSync(path.join(ROOT, candidate)) && fs.statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  return base;
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => ({ file, specifier: f.fileName, target: resolveTarget(file, f.fileName) }));
}

/** First folder below src/lib/server ("." for files directly in it), or null outside. */
function serverFolder(file: string | null): string | null {
  if (!file?.startsWith(`${SERVER}/`)) return null;
  const rest = file.slice(SERVER.length + 1).split('/');
  return rest.length > 1 ? rest[0]! : '.';
}

const serverImports = sourceFiles(SERVER).flatMap(importsOf);
const routeImports = sourceFiles('src/routes').flatMap(importsOf);

/** Strongly connected components with more than one folder (Tarjan). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

describe('import rules of the layout', () => {
  it('finds the imports it checks', () => {
    // Guards against a parser or path change that would make every rule pass vacuously.
    expect(serverImports.filter((i) => serverFolder(i.target)).length).toBeGreaterThan(300);
    expect(routeImports.filter((i) => i.specifier.startsWith('$lib/server/')).length).toBeGreaterThan(100);
  });

  it('has no folder-level import cycle inside src/lib/server', () => {
    const edges = new Map<string, Set<string>>();
    const examples = new Map<string, string[]>();
    for (const i of serverImports) {
      const from = serverFolder(i.file);
      const to = serverFolder(i.target);
      if (!from || !to || from === to || CYCLE_ALLOWLIST.has(`${i.file} -> ${i.target}`)) continue;
      if (!edges.has(from)) edges.set(from, new Set());
      edges.get(from)!.add(to);
      const key = `${from} -> ${to}`;
      examples.set(key, [...(examples.get(key) ?? []), `${i.file} imports '${i.specifier}'`]);
    }
    const problems = cycles(edges).map((component) => {
      const inside = [...examples].filter(([key]) => component.includes(key.split(' -> ')[0]!) && component.includes(key.split(' -> ')[1]!));
      return `folders ${component.join(', ')} import each other:\n${inside.map(([key, files]) => `  ${key}: ${files.slice(0, 3).join('; ')}${files.length > 3 ? ` (+${files.length - 3} more)` : ''}`).join('\n')}`;
    });
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('imports SvelteKit only in the web adapter (src/lib/server/web)', () => {
    const offenders = serverImports
      .filter((i) => KIT_MODULES.test(i.specifier) && !i.file.startsWith(`${SERVER}/web/`) && !KIT_ALLOWLIST.has(i.file))
      .map((i) => `${i.file} imports '${i.specifier}'`);
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it('lets routes reach the database only through the domain folders', () => {
    const offenders = routeImports
      .filter((i) => (serverFolder(i.target) === 'db' || DB_PACKAGES.test(i.specifier)) && !ROUTE_DB_ALLOWLIST.has(`${i.file} -> ${i.specifier}`))
      .map((i) => `${i.file} imports '${i.specifier}' (call a use case or query in $lib/server/<area> instead)`);
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it('keeps the allowlists honest: every entry still occurs', () => {
    const cycleEdges = new Set(serverImports.map((i) => `${i.file} -> ${i.target}`));
    const kitFiles = new Set(serverImports.filter((i) => KIT_MODULES.test(i.specifier)).map((i) => i.file));
    const routeDb = new Set(routeImports.map((i) => `${i.file} -> ${i.specifier}`));
    const stale = [
      ...[...CYCLE_ALLOWLIST].filter((e) => !cycleEdges.has(e)),
      ...[...KIT_ALLOWLIST].filter((f) => !kitFiles.has(f)),
      ...[...ROUTE_DB_ALLOWLIST].filter((e) => !routeDb.has(e)),
    ].map((e) => `allowlisted but no longer there, remove it from tests/architecture/imports.test.ts: ${e}`);
    expect(stale, stale.join('\n')).toEqual([]);
  });
});
