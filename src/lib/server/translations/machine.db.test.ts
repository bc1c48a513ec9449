import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect } from 'vitest';
import { describeEachEngine } from '../../../../tests/helpers/db';
import { seededDatabase } from '../../../../tests/helpers/seed';
import { ForbiddenError } from '../auth/policy';
import { deepl, libreTranslate, machineTranslatorFromEnv, MachineTranslationError } from './machine';
import { machineTranslate } from './machine-translate';
import { loadTranslationOverview } from './overview';
import { saveTranslation } from './save-translation';

/** A local stand-in for LibreTranslate and DeepL: "[xx] <text>"; records what it was asked. */
const requests: { path: string; body: Record<string, unknown>; auth: string | undefined }[] = [];
let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>;
      requests.push({ path: req.url ?? '', body, auth: req.headers.authorization });
      res.setHeader('content-type', 'application/json');
      if (req.url === '/fail/translate') {
        res.statusCode = 503;
        res.end('{}');
      } else if (req.url === '/translate') {
        res.end(JSON.stringify({ translatedText: (body.q as string[]).map((t) => `[${String(body.target)}] ${t}`) }));
      } else if (req.url === '/v2/translate') {
        res.end(JSON.stringify({ translations: (body.text as string[]).map((t) => ({ text: `[${String(body.target_lang)}] ${t}` })) }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describeEachEngine('machine translation', (engine) => {
  const { s, test } = seededDatabase(engine);

  test('providers from the environment; none configured → null', async () => {
    expect(machineTranslatorFromEnv({})).toBeNull();
    expect(machineTranslatorFromEnv({ LIBRETRANSLATE_URL: base })!.name).toContain('LibreTranslate');
    expect(machineTranslatorFromEnv({ DEEPL_API_KEY: 'k:fx', DEEPL_API_URL: base })!.name).toBe('DeepL');
    expect(await deepl('secret', base).translate(['Hallo'], 'en')).toEqual(['[EN-GB] Hallo']);
    expect(requests.at(-1)).toMatchObject({ path: '/v2/translate', auth: 'DeepL-Auth-Key secret', body: { source_lang: 'DE', target_lang: 'EN-GB' } });
    await expect(deepl('secret', base).translate(['Hallo'], 'fa')).rejects.toBeInstanceOf(MachineTranslationError);
    await expect(libreTranslate(`${base}/fail`).translate(['Hallo'], 'en')).rejects.toThrow('HTTP 503');
  });

  test('missing fields are pre-translated and marked "maschinell"; current translations are left alone', async (db) => {
    const before = await loadTranslationOverview(db, s.catalogueId, 'ar');
    const kept = before.units[0]!;
    await saveTranslation(db, s.users.redaktion, s.catalogueId, { unit: kept.id, lang: 'ar', value: 'ترجمة بشرية', sourceHash: kept.hash });
    await expect(machineTranslate(db, s.users.beitragende, s.catalogueId, 'ar', libreTranslate(base))).rejects.toBeInstanceOf(ForbiddenError);
    const result = await machineTranslate(db, s.users.redaktion, s.catalogueId, 'ar', libreTranslate(base));
    expect(result.translated).toBe(before.total - 1);
    const after = await loadTranslationOverview(db, s.catalogueId, 'ar');
    expect(after.counts).toMatchObject({ aktuell: 1, maschinell: before.total - 1, fehlt: 0 });
    expect(after.units.find((u) => u.id === kept.id)!.translation!.value).toBe('ترجمة بشرية');
    const m = after.units.find((u) => u.status === 'maschinell')!;
    expect(m.translation!.value).toBe(`[ar] ${m.text}`);
    // A person approves by saving: aktuell.
    await saveTranslation(db, s.users.redaktion, s.catalogueId, { unit: m.id, lang: 'ar', value: m.translation!.value, sourceHash: m.hash });
    expect((await loadTranslationOverview(db, s.catalogueId, 'ar')).counts.aktuell).toBe(2);
  });
});
