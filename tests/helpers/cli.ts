/** Runs the real `vielfalt` CLI in a child process, as an administrator would. */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}, input?: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'vielfalt.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** A data directory with a migrated database (copied from the run's template). */
export function preparedDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vielfalt-cli-'));
  fs.cpSync(inject('pgliteTemplateDir'), dir, { recursive: true });
  fs.rmSync(path.join(dir, 'vielfalt.lock'), { force: true });
  fs.rmSync(path.join(dir, 'ready'), { force: true });
  return dir;
}
