import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectPath } from '../util/project-root';
import { testRoutesEnabled } from './e2e-switch';

describe('test-only routes', () => {
  it('are on only for the e2e server and never in production', () => {
    expect(testRoutesEnabled({ VIELFALT_E2E: '1' })).toBe(true);
    expect(testRoutesEnabled({ VIELFALT_E2E: '1', NODE_ENV: 'production' })).toBe(false);
    expect(testRoutesEnabled({})).toBe(false);
    expect(testRoutesEnabled({ VIELFALT_E2E: 'true' })).toBe(false);
    expect(testRoutesEnabled({ NODE_ENV: 'development' })).toBe(false);
  });

  it('npm start runs the server as production', () => {
    const start = fs.readFileSync(projectPath('scripts/start.js'), 'utf8');
    const setsProduction = start.indexOf("process.env.NODE_ENV ||= 'production'");
    expect(setsProduction).toBeGreaterThan(-1);
    // Before the server module is loaded, so the routes see it.
    expect(setsProduction).toBeLessThan(start.indexOf("import(pathToFileURL(path.join(root, 'build', 'index.js'))"));
  });

  it('every handler of every test-only route checks the switch before anything else', () => {
    const routes = fs.readdirSync(projectPath('src/routes')).filter((d) => d.startsWith('test-'));
    expect(routes.sort()).toEqual(['test-fehler', 'test-setup']);
    for (const route of routes) {
      const dir = projectPath(`src/routes/${route}`);
      for (const file of fs.readdirSync(dir).filter((f) => /^\+(page\.server|server)\.ts$/.test(f))) {
        const source = fs.readFileSync(path.join(dir, file), 'utf8');
        expect(source, `${route}/${file}`).toMatch(/function enabled\(\): void \{\n\s+if \(!testRoutesEnabled\(\)\) error\(404, /);
        const handlers = [...source.matchAll(/^export const (\w+)[^=]*= (?:async )?\([^)]*\) => \{\n(.*)$/gm)];
        expect(handlers.length, `${route}/${file} exports handlers`).toBeGreaterThan(0);
        for (const [, name, firstLine] of handlers) expect(firstLine!.trim(), `${route}/${file} ${name}`).toBe('enabled();');
        expect(source, `${route}/${file} has no other exports`).not.toMatch(/^export (?!const (GET|POST|PUT|PATCH|DELETE|load)\b)/m);
      }
    }
  });
});
