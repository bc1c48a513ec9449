import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { createTestDatabase, describeEachEngine, type TestDatabase } from '../../../../tests/helpers/db';
import { users } from '../db/schema';
import { resolveSession } from './sessions';
import { firstStartHint, setupAvailable, setupFirstAdmin, SetupClosedError, setupUrl } from './setup';

describeEachEngine('first administrator (/einrichtung)', (engine) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(engine);
  });
  afterEach(async () => {
    await database.destroy();
    vi.restoreAllMocks();
  });

  const input = { email: 'it@herne.de', name: 'IT', password: 'Grüne Bäume am Kanal 2026', confirm: 'Grüne Bäume am Kanal 2026' };

  it('creates the first admin, signs them in, and is closed afterwards', async () => {
    const { db } = database;
    expect(await setupAvailable(db)).toBe(true);
    const { userId, session } = await setupFirstAdmin(db, input);
    expect((await resolveSession(db, session.token))?.user).toMatchObject({ id: userId, role: 'admin', email: 'it@herne.de' });
    expect(await setupAvailable(db)).toBe(false);
    await expect(setupFirstAdmin(db, { ...input, email: 'zweite@herne.de' })).rejects.toThrow(SetupClosedError);
    expect(await db.select().from(users)).toHaveLength(1);
  });

  it('checks the password rules and the repetition', async () => {
    const { db } = database;
    await expect(setupFirstAdmin(db, { ...input, password: 'kurz', confirm: 'kurz' })).rejects.toThrow(/mindestens 12 Zeichen/);
    await expect(setupFirstAdmin(db, { ...input, confirm: 'anders als oben 123' })).rejects.toThrow(/stimmen nicht überein/);
    expect(await setupAvailable(db)).toBe(true);
  });

  it('logs one start-up hint while no account exists', async () => {
    const { db } = database;
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const level = process.env.LOG_LEVEL;
    delete process.env.LOG_LEVEL;
    try {
      expect(await firstStartHint(db, { PORT: '3000' })).toBe('http://localhost:3000/einrichtung');
      expect(write).toHaveBeenCalledTimes(1);
      expect(String(write.mock.calls[0]![0])).toContain('http://localhost:3000/einrichtung');
      await setupFirstAdmin(db, input);
      expect(await firstStartHint(db)).toBeNull();
      expect(write).toHaveBeenCalledTimes(1);
    } finally {
      if (level !== undefined) process.env.LOG_LEVEL = level;
    }
    expect(setupUrl({ ORIGIN: 'https://vielfalt.herne.de/' })).toBe('https://vielfalt.herne.de/einrichtung');
  });
});
