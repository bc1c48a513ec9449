import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachEngine } from '../../../../../tests/helpers/db';
import { actorAliases, actors, measureActors, nodes, revisions, targetGroups, userActorScopes } from '../../db/schema';
import { ForbiddenError } from '../../auth/policy';
import { getCatalogueDetail } from '../../catalogue/queries';
import { createNode } from '../nodes/create-node';
import { renameNode } from '../nodes/rename-node';
import { archiveNode } from '../nodes/archive-node';
import { restoreNode } from '../nodes/restore-node';
import { createActor } from './create-actor';
import { renameActor } from './rename-actor';
import { addActorAlias } from './add-actor-alias';
import { removeActorAlias } from './remove-actor-alias';
import { mergeActors } from './merge-actors';
import { createTargetGroup } from './create-target-group';
import { renameTargetGroup } from './rename-target-group';
import { restoreRevision } from '../measures/restore-revision';
import { WorkflowError } from '../errors';
import { seededDatabase } from '../../../../../tests/helpers/seed';

describeEachEngine('structure and vocabulary', (engine) => {
  const { s, test } = seededDatabase(engine);

  test('nodes: create, rename, archive (only when empty), restore', async (db) => {
    await expect(
      createNode(db, s.users.beitragende, { catalogueId: s.catalogueId, parentId: s.nodes.lzA, type: 'handlungsziel', title: 'X' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const created = await createNode(db, s.users.redaktion, {
      catalogueId: s.catalogueId,
      parentId: s.nodes.lzA,
      type: 'handlungsziel',
      code: 'A3',
      title: 'Handlungsziel A3',
      body: 'Übergänge gestalten.',
    });
    expect(created.slug).toBe('a3-handlungsziel-a3');
    const [row] = await db.select().from(nodes).where(eq(nodes.id, created.id));
    expect(row!.position).toBe(4);
    await renameNode(db, s.users.redaktion, created.id, { code: 'A3', title: 'Handlungsziel A3', body: 'Übergänge Kita–Schule gestalten.' });
    let tree = (await getCatalogueDetail(db, 'integrationskonzept', 'herne'))!.tree;
    expect(tree[0]!.children[0]!.children.map((n) => n.code)).toEqual(['A1', 'A2', 'A3']);
    await expect(archiveNode(db, s.users.redaktion, s.nodes.hzA1)).rejects.toBeInstanceOf(WorkflowError);
    await expect(archiveNode(db, s.users.redaktion, s.nodes.lzA)).rejects.toBeInstanceOf(WorkflowError);
    await archiveNode(db, s.users.redaktion, created.id);
    tree = (await getCatalogueDetail(db, 'integrationskonzept', 'herne'))!.tree;
    expect(tree[0]!.children[0]!.children.map((n) => n.code)).toEqual(['A1', 'A2']);
    await restoreNode(db, s.users.redaktion, created.id);
    const revs = await db.select().from(revisions).where(eq(revisions.entityId, created.id));
    expect(revs.map((r) => r.comment)).toEqual(['Bereich angelegt', 'Bereich umbenannt', 'Bereich archiviert', 'Bereich wiederhergestellt']);
  });

  test('actors: create, rename keeps the old name as alias, aliases, duplicates refused', async (db) => {
    await expect(createActor(db, s.users.beitragende, { name: 'Verein' }, { municipality: 'herne' })).rejects.toBeInstanceOf(ForbiddenError);
    const created = await createActor(db, s.users.redaktion, { name: 'Integrationsagentur', kind: 'organisation' }, { municipality: 'herne' });
    await expect(createActor(db, s.users.redaktion, { name: 'integrationsagentur' }, { municipality: 'herne' })).rejects.toMatchObject({ fields: { name: expect.any(String) } });
    await renameActor(db, s.users.redaktion, created.id, { name: 'Integrationsagentur Herne', kind: 'organisation' });
    await addActorAlias(db, s.users.redaktion, created.id, 'IA');
    expect((await db.select().from(actorAliases).where(eq(actorAliases.actorId, created.id))).map((a) => a.alias).sort()).toEqual([
      'IA',
      'Integrationsagentur',
    ]);
    await expect(addActorAlias(db, s.users.redaktion, s.otherActorId, 'IA')).rejects.toMatchObject({ fields: { alias: expect.stringContaining('Integrationsagentur Herne') } });
    await removeActorAlias(db, s.users.redaktion, created.id, 'IA');
    expect(await db.select().from(actorAliases).where(eq(actorAliases.actorId, created.id))).toHaveLength(1);
  });

  test('merging actors moves links and scopes; old revisions naming the duplicate restore onto the target', async (db) => {
    const [m1Revision] = await db.select().from(revisions).where(eq(revisions.entityId, s.measures.m1));
    const result = await mergeActors(db, s.users.redaktion, s.actorId, s.otherActorId);
    expect(result.measures).toBe(2);
    expect(await db.select().from(actors).where(eq(actors.id, s.actorId))).toHaveLength(0);
    const links = await db.select().from(measureActors).where(eq(measureActors.measureId, s.measures.m1));
    expect(links).toEqual([expect.objectContaining({ actorId: s.otherActorId, wording: 'FB 51' })]);
    const scopes = await db.select().from(userActorScopes).where(eq(userActorScopes.userId, s.users.beitragende.id));
    expect(scopes.map((x) => x.actorId)).toEqual([s.otherActorId]);
    const aliases = (await db.select().from(actorAliases).where(eq(actorAliases.actorId, s.otherActorId))).map((a) => a.alias);
    expect(aliases).toContain('Fachbereich Kinder-Jugend-Familie');
    // The import revision still names the merged actor: restoring maps it.
    await db.update(measureActors).set({ wording: 'geändert' }).where(eq(measureActors.measureId, s.measures.m1));
    const restored = await restoreRevision(db, s.users.redaktion, m1Revision!.id);
    expect(restored.changed).toBe(true);
    const after = await db.select().from(measureActors).where(eq(measureActors.measureId, s.measures.m1));
    expect(after).toEqual([expect.objectContaining({ actorId: s.otherActorId, wording: 'FB 51' })]);
  });

  test('target groups: create and rename', async (db) => {
    await expect(createTargetGroup(db, s.users.beitragende, { name: 'Senioren' }, { municipality: 'herne' })).rejects.toBeInstanceOf(ForbiddenError);
    const created = await createTargetGroup(db, s.users.redaktion, { name: 'Seniorinnen und Senioren' }, { municipality: 'herne' });
    await expect(createTargetGroup(db, s.users.redaktion, { name: 'Kinder' }, { municipality: 'herne' })).rejects.toMatchObject({ fields: { name: expect.any(String) } });
    await renameTargetGroup(db, s.users.redaktion, created.id, { name: 'Ältere Menschen', description: 'ab 65' });
    const [row] = await db.select().from(targetGroups).where(eq(targetGroups.id, created.id));
    expect(row).toMatchObject({ name: 'Ältere Menschen', slug: 'seniorinnen-und-senioren' });
  });
});
