/** `vielfalt user create --actor …`: contributors bound to actors from the command line. */
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db';
import { actors, municipalities, userActorScopes, users } from '../../src/lib/server/db/schema';
import { preparedDataDir, runCli } from '../helpers/cli';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('vielfalt user create --actor', () => {
  it('binds a contributor to actors given by name or slug and explains mistakes in German', async () => {
    const dir = preparedDataDir();
    dirs.push(dir);
    const setup = await openDatabase({ engine: 'pglite', dataDir: dir });
    const [m] = await setup.db.insert(municipalities).values({ slug: 'herne', name: 'Herne' }).returning();
    await setup.db.insert(actors).values([
      { municipalityId: m!.id, name: 'Volkshochschule', slug: 'volkshochschule' },
      { municipalityId: m!.id, name: 'Jobcenter Herne', slug: 'jobcenter-herne' },
    ]);
    await setup.close();

    const pw = ['--password', 'Grüne Bäume am Kanal 2026'];
    const noActor = await runCli(['user', 'create', '--email', 'b@herne.de', '--role', 'beitragende', ...pw], { DATA_DIR: dir });
    expect(noActor.code).toBe(2);
    expect(noActor.stderr).toMatch(/mindestens einen Akteur/);
    const wrongRole = await runCli(['user', 'create', '--email', 'b@herne.de', '--actor', 'volkshochschule', ...pw], { DATA_DIR: dir });
    expect(wrongRole.code).toBe(2);
    expect(wrongRole.stderr).toMatch(/nur für Beitragende/);
    const unknown = await runCli(['user', 'create', '--email', 'b@herne.de', '--role', 'beitragende', '--actor', 'Gibt es nicht', ...pw], { DATA_DIR: dir });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unbekannter Akteur: „Gibt es nicht“/);

    const ok = await runCli(
      ['user', 'create', '--email', 'b@herne.de', '--role', 'beitragende', '--actor', 'volkshochschule', '--actor', 'Jobcenter Herne', ...pw],
      { DATA_DIR: dir },
    );
    expect(ok.stderr + ok.stdout).toMatch(/Konto angelegt: b@herne\.de \(Rolle: beitragende, Akteure: volkshochschule, Jobcenter Herne\)/);
    expect(ok.code).toBe(0);

    const check = await openDatabase({ engine: 'pglite', dataDir: dir });
    try {
      const scopes = await check.db
        .select({ name: actors.name })
        .from(userActorScopes)
        .innerJoin(users, eq(users.id, userActorScopes.userId))
        .innerJoin(actors, eq(actors.id, userActorScopes.actorId))
        .where(eq(users.email, 'b@herne.de'));
      expect(scopes.map((s) => s.name).sort()).toEqual(['Jobcenter Herne', 'Volkshochschule']);
    } finally {
      await check.close();
    }
  }, 120_000);
});
