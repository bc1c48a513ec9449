/**
 * The production server as benchmarks start it: its own process (scripts/start.js), a data
 * directory of its own (fresh unless one is given), silent logs, ready once `/` answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');

export interface BenchServer {
  child: ChildProcess;
  base: string;
  dataDir: string;
}

/** `dataDir`: an existing directory to reuse (kept on stop); otherwise a fresh one (removed on stop). */
export async function startServer(port: number, env: Record<string, string>, dataDir?: string): Promise<BenchServer & { ownDir: boolean }> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-bench-'));
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.js')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', ORIGIN: `http://127.0.0.1:${port}`, LOG_LEVEL: 'silent', MAINTENANCE: '0', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      if ((await fetch(`${base}/`)).ok) break;
    } catch {
      // not yet listening
    }
    if (child.exitCode !== null) throw new Error(`server on port ${port} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`server on port ${port} did not start`);
    await new Promise((r) => setTimeout(r, 500));
  }
  return { child, base, dataDir: dir, ownDir: !dataDir };
}

export async function stopServer(server: BenchServer & { ownDir?: boolean }): Promise<void> {
  if (server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await new Promise((r) => server.child.once('exit', r));
  }
  if (server.ownDir !== false) fs.rmSync(server.dataDir, { recursive: true, force: true });
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** A temporary database on the server of `url`, dropped by the returned function. */
export async function temporaryDatabase(url: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg');
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return { url: target.toString(), drop: () => run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
