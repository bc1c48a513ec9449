/**
 * bench/results.md: one section per benchmark, each with the machine, the date and the command
 * that produced its figures. A benchmark replaces only its own section.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FILE = path.resolve(import.meta.dirname, 'results.md');
const HEADER = '# Benchmark results\n\nWritten by `npm run bench -- <name>`; each section is replaced by its own benchmark.\n';

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.type()} ${os.release()}`;
}

export function writeResults(name: string, section: { command: string; body: string }): void {
  const text = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : HEADER;
  const block = `<!-- ${name} -->\n## ${name}\n\n- Machine: ${machine()}\n- Date: ${new Date().toISOString()}\n- Command: \`${section.command}\`\n\n${section.body.trim()}\n<!-- /${name} -->\n`;
  const re = new RegExp(`<!-- ${name} -->[\\s\\S]*?<!-- /${name} -->\\n`);
  fs.writeFileSync(FILE, re.test(text) ? text.replace(re, block) : `${text.trimEnd()}\n\n${block}`);
}
