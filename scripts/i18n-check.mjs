#!/usr/bin/env node
/**
 * Checks the message catalogues of one or more languages against German, per area file:
 * missing keys, keys German does not have, plural forms the language does not use, lost
 * {{placeholders}}, empty strings. `node scripts/i18n-check.mjs fa ru` (no argument: all).
 * The files: src/lib/i18n/locales/<lang>.json (core) and <lang>.<area>.json, each holding the
 * same top-level namespaces as its German counterpart. A top-level "_meta" object (who drafted
 * the file, e.g. {"machineDrafted": true}) is not a message.
 */
import fs from 'node:fs';
import path from 'node:path';

const DIR = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'src', 'lib', 'i18n', 'locales');
const PLURAL = /_(zero|one|two|few|many|other)$/;
const areas = fs.readdirSync(DIR).filter((f) => /^de(\.[a-z-]+)?\.json$/.test(f)).map((f) => f.slice(2, -5)); // '' or '.admin'
const langs = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [...new Set(fs.readdirSync(DIR).map((f) => f.split('.')[0]))].filter((l) => l !== 'de').sort();

const read = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null);
function flatten(tree, prefix = '') {
  return Object.entries(tree).flatMap(([k, v]) => (k === '_meta' && !prefix ? [] : typeof v === 'string' ? [[`${prefix}${k}`, v]] : flatten(v, `${prefix}${k}.`)));
}

let problems = 0;
for (const lang of langs) {
  const categories = new Set(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);
  const report = [];
  for (const area of areas) {
    const de = new Map(flatten(read(path.join(DIR, `de${area}.json`))));
    const file = path.join(DIR, `${lang}${area}.json`);
    const own = read(file);
    if (!own) {
      report.push(`${lang}${area}.json: missing file`);
      continue;
    }
    const values = new Map(flatten(own));
    const deBases = new Set([...de.keys()].map((k) => k.replace(PLURAL, '')));
    for (const [key] of de) {
      const b = key.replace(PLURAL, '');
      if (PLURAL.test(key)) {
        // Each plural category of the language must exist for a plural key of German.
        for (const c of categories) if (!values.has(`${b}_${c}`)) report.push(`${lang}${area}.json: missing ${b}_${c}`);
      } else if (!values.has(key)) report.push(`${lang}${area}.json: missing ${key}`);
    }
    for (const [key, value] of values) {
      const b = key.replace(PLURAL, '');
      if (!deBases.has(b)) report.push(`${lang}${area}.json: unknown key ${key}`);
      const suffix = PLURAL.exec(key)?.[1];
      if (suffix && !categories.has(suffix)) report.push(`${lang}${area}.json: ${lang} has no plural "${suffix}" (${key})`);
      if (!value.trim()) report.push(`${lang}${area}.json: empty ${key}`);
      const source = de.get(key) ?? de.get(`${b}_other`) ?? '';
      for (const p of source.match(/\{\{\w+\}\}/g) ?? []) if (p !== '{{count}}' && !value.includes(p)) report.push(`${lang}${area}.json: ${key} lacks ${p}`);
    }
  }
  problems += report.length;
  console.log(`${lang}: ${report.length ? `${report.length} problem(s)` : 'complete'}`);
  for (const line of report.slice(0, 50)) console.log(`  ${line}`);
  if (report.length > 50) console.log(`  … and ${report.length - 50} more`);
}
process.exit(problems ? 1 : 0);
