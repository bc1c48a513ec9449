import { expect } from 'vitest';
import { describeEachEngine } from '../../../../tests/helpers/db';
import { seededDatabase } from '../../../../tests/helpers/seed';
import { readContentVersion } from '../cache/content-version';
import { parseSearchParams, searchMeasures } from '../search';
import { searchConfigFor } from '../search/translated';
import { unitId } from './fields';
import { localizeRows } from './localize';
import { saveTranslation } from './save-translation';
import { sourceHash } from './status';
import type { Db } from '../db/connection';
import type { Seed } from '../../../../tests/helpers/seed';

async function translate(db: Db, s: Seed, field: 'title' | 'description', german: string, lang: string, value: string) {
  await saveTranslation(db, s.users.redaktion, s.catalogueId, {
    unit: unitId({ entityType: 'measure', entityId: s.measures.m1, field }),
    lang,
    value,
    sourceHash: sourceHash(german),
  });
}

const search = (db: Db, q: string, lang?: string) => searchMeasures(db, parseSearchParams(new URLSearchParams({ q })).state, { municipality: 'herne', lang });

describeEachEngine('public pages in the reader’s language', (engine) => {
  const { s, test } = seededDatabase(engine);

  test('translated fields where current, German marked as fallback elsewhere', async (db) => {
    await translate(db, s, 'title', 'Sprachförderung in Kitas', 'ar', 'دعم اللغة في دور الحضانة');
    const rows = [{ id: s.measures.m1, title: 'Sprachförderung in Kitas', description: 'Die Kitas bieten alltagsintegrierte Sprachförderung an.' }];
    const ar = (await localizeRows(db, 'ar', 'measure', rows, ['title', 'description'])).get(s.measures.m1)!;
    expect(ar.title).toEqual({ text: 'دعم اللغة في دور الحضانة', lang: 'ar', fallback: false, machine: false });
    expect(ar.description).toMatchObject({ lang: 'de', fallback: true, text: rows[0]!.description });
    // German readers: no fallback notes.
    const de = (await localizeRows(db, 'de', 'measure', rows, ['title'])).get(s.measures.m1)!;
    expect(de.title).toEqual({ text: 'Sprachförderung in Kitas', lang: 'de', fallback: false, machine: false });
    // An outdated translation is not shown.
    const changed = (await localizeRows(db, 'ar', 'measure', [{ ...rows[0]!, title: 'Sprachförderung in allen Kitas' }], ['title'])).get(s.measures.m1)!;
    expect(changed.title).toMatchObject({ lang: 'de', fallback: true });
  });

  test('publishing a translation moves the content version on (the page cache keys on it)', async (db) => {
    const before = await readContentVersion(db);
    await translate(db, s, 'title', 'Sprachförderung in Kitas', 'en', 'Language support in day-care centres');
    expect(await readContentVersion(db)).toBeGreaterThan(before);
  });

  test('search matches translations in the reader’s language with its configuration; German always included', async (db) => {
    expect(await searchConfigFor(db, 'en')).toBe('english');
    expect(await searchConfigFor(db, 'fa')).toBe('simple');
    await translate(db, s, 'title', 'Sprachförderung in Kitas', 'en', 'Language support in day-care centres');
    await translate(db, s, 'description', 'Die Kitas bieten alltagsintegrierte Sprachförderung an.', 'ar', 'تقدم دور الحضانة دعمًا لغويًا متكاملًا في الحياة اليومية.');
    // English stemming: "centre" finds "centres".
    expect((await search(db, 'centre', 'en')).items.map((i) => i.id)).toEqual([s.measures.m1]);
    expect((await search(db, 'centre')).items.map((i) => i.id)).not.toContain(s.measures.m1);
    expect((await search(db, 'الحضانة', 'ar')).items.map((i) => i.id)).toEqual([s.measures.m1]);
    // Another language's translation does not match.
    expect((await search(db, 'centre', 'ar')).items.map((i) => i.id)).not.toContain(s.measures.m1);
    // German words keep working on a page read in English.
    for (const q of ['Sprachförderung', 'Eltern', 'Kitas']) {
      const german = (await search(db, q)).items.map((i) => i.id);
      expect(german.length).toBeGreaterThan(0);
      expect((await search(db, q, 'en')).items.map((i) => i.id)).toEqual(expect.arrayContaining(german));
    }
  });
});
