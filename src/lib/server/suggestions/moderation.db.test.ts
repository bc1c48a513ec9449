import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import { describeEachEngine } from '../../../../tests/helpers/db';
import type { Db } from '../db/connection';
import { auditLog, measureNodes, measures, settings, suggestions } from '../db/schema';
import { ForbiddenError, UnauthenticatedError } from '../auth/policy';
import { getCatalogueDetail, getMeasureDetail } from '../catalogue/queries';
import { seededDatabase } from '../../../../tests/helpers/seed';
import { acceptSuggestion, getSuggestion, listPlacementOptions, listSuggestions, ModerationError, rejectSuggestion } from './moderation';

const NOW = new Date('2026-11-23T10:00:00Z');

describeEachEngine('moderating suggestions', (engine) => {
  const { s, test } = seededDatabase(engine);

  async function suggest(db: Db, overrides: Partial<typeof suggestions.$inferInsert> = {}): Promise<string> {
    const [row] = await db
      .insert(suggestions)
      .values({
        municipalityId: s.municipalityId,
        title: 'Sprachcafé im Stadtteilzentrum',
        description: 'Jeden Dienstag treffen sich Menschen zum Deutschsprechen.',
        responsibleText: 'Stadtteilzentrum Pluto',
        targetGroupText: 'Neu Zugewanderte',
        contactName: 'Erika Muster',
        contactEmail: 'erika@example.de',
        consentAt: new Date('2026-11-01T10:00:00Z'),
        purgeAfter: new Date('2027-04-30T10:00:00Z'),
        createdAt: new Date('2026-11-01T10:00:00Z'),
        ...overrides,
      })
      .returning({ id: suggestions.id });
    return row!.id;
  }

  test('accept: a draft measure under the chosen node, not public, linked and audit-logged', async (db) => {
    const id = await suggest(db, { catalogueId: s.catalogueId });
    const { measureId } = await acceptSuggestion(db, s.users.redaktion, id, { nodeId: s.nodes.hzA2 }, NOW);
    const [measure] = await db.select().from(measures).where(eq(measures.id, measureId));
    expect(measure).toMatchObject({
      title: 'Sprachcafé im Stadtteilzentrum',
      description: 'Jeden Dienstag treffen sich Menschen zum Deutschsprechen.',
      responsibleText: 'Stadtteilzentrum Pluto',
      targetGroupText: 'Neu Zugewanderte',
      workflowState: 'entwurf',
      catalogueId: s.catalogueId,
    });
    expect(await db.select().from(measureNodes).where(eq(measureNodes.measureId, measureId))).toEqual([
      expect.objectContaining({ nodeId: s.nodes.hzA2, isPrimary: true }),
    ]);
    // Not public: neither in the catalogue tree nor on its own page.
    expect(await getMeasureDetail(db, 'integrationskonzept', measure!.slug, 'herne')).toBeNull();
    const detail = await getCatalogueDetail(db, 'integrationskonzept', 'herne');
    expect(JSON.stringify(detail)).not.toContain('Sprachcafé');

    const [row] = await db.select().from(suggestions).where(eq(suggestions.id, id));
    expect(row).toMatchObject({ state: 'uebernommen', measureId, decidedBy: s.users.redaktion.id });
    expect(row!.decidedAt!.toISOString()).toBe(NOW.toISOString());
    // The retention period starts again at the decision.
    expect(row!.purgeAfter!.toISOString()).toBe(new Date(NOW.getTime() + 180 * 86_400_000).toISOString());
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'suggestion.accept'));
    expect(entry).toMatchObject({ userId: s.users.redaktion.id, entityType: 'suggestion', entityId: id });
    expect(entry!.details).toMatchObject({ measureId, nodeId: s.nodes.hzA2 });
    expect(JSON.stringify(entry)).not.toContain('erika');

    const shown = await getSuggestion(db, s.users.redaktion, id);
    expect(shown.measure).toMatchObject({ id: measureId, workflowState: 'entwurf' });
    expect(shown.decidedBy).toBe('Rita Redaktion');
  });

  test('accept needs a node; a decided suggestion cannot be decided again', async (db) => {
    const id = await suggest(db);
    await expect(acceptSuggestion(db, s.users.redaktion, id, { nodeId: '' })).rejects.toMatchObject({ code: 'invalid', field: 'nodeId' });
    await expect(
      acceptSuggestion(db, s.users.redaktion, id, { nodeId: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({ field: 'nodeId' });
    await acceptSuggestion(db, s.users.admin, id, { nodeId: s.nodes.hzA1 });
    await expect(acceptSuggestion(db, s.users.redaktion, id, { nodeId: s.nodes.hzA1 })).rejects.toMatchObject({ code: 'alreadyDecided' });
    await expect(rejectSuggestion(db, s.users.redaktion, id, { reason: 'Doppelt' })).rejects.toMatchObject({ code: 'alreadyDecided' });
    expect(await db.select().from(measures).where(eq(measures.title, 'Sprachcafé im Stadtteilzentrum'))).toHaveLength(1);
  });

  test('reject needs a reason, keeps it and logs the decision', async (db) => {
    const id = await suggest(db);
    for (const reason of [undefined, '', '  ', 'x']) {
      const error = await rejectSuggestion(db, s.users.redaktion, id, { reason }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModerationError);
      expect(error).toMatchObject({ field: 'reason', message: expect.stringMatching(/Grund/) });
    }
    await rejectSuggestion(db, s.users.redaktion, id, { reason: ' Bereits als Maßnahme 3.2 enthalten. ' }, NOW);
    const [row] = await db.select().from(suggestions).where(eq(suggestions.id, id));
    expect(row).toMatchObject({ state: 'abgelehnt', reason: 'Bereits als Maßnahme 3.2 enthalten.', measureId: null });
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'suggestion.reject'));
    expect(entry!.details).toEqual({ reason: 'Bereits als Maßnahme 3.2 enthalten.' });
  });

  test('forbidden for lesend, beitragende and anonymous', async (db) => {
    const id = await suggest(db);
    for (const user of [s.users.lesend, s.users.beitragende, s.users.fremd]) {
      await expect(listSuggestions(db, user)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getSuggestion(db, user, id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(acceptSuggestion(db, user, id, { nodeId: s.nodes.hzA1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(rejectSuggestion(db, user, id, { reason: 'Passt nicht' })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(listSuggestions(db, null)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(acceptSuggestion(db, null, id, { nodeId: s.nodes.hzA1 })).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(rejectSuggestion(db, null, id, { reason: 'Passt nicht' })).rejects.toBeInstanceOf(UnauthenticatedError);
    const [row] = await db.select().from(suggestions).where(eq(suggestions.id, id));
    expect(row!.state).toBe('neu');
  });

  test('lists waiting suggestions oldest first, decided ones by decision, with counts', async (db) => {
    const older = await suggest(db, { title: 'Älter', createdAt: new Date('2026-10-01T10:00:00Z') });
    const newer = await suggest(db, { title: 'Neuer', createdAt: new Date('2026-11-10T10:00:00Z') });
    const decided = await suggest(db, { title: 'Entschieden' });
    await rejectSuggestion(db, s.users.redaktion, decided, { reason: 'Kein Bezug zu Herne' });
    const open = await listSuggestions(db, s.users.redaktion);
    expect(open.items.map((i) => i.id)).toEqual([older, newer]);
    expect(open.counts).toEqual({ neu: 2, entschieden: 1 });
    const done = await listSuggestions(db, s.users.redaktion, { filter: 'entschieden' });
    expect(done.items.map((i) => [i.title, i.state])).toEqual([['Entschieden', 'abgelehnt']]);
    await expect(getSuggestion(db, s.users.redaktion, 'kein-uuid')).rejects.toMatchObject({ code: 'notFound' });
  });

  test('offers the leaves of each catalogue structure as placements, with their path', async (db) => {
    const groups = await listPlacementOptions(db);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.options.map((o) => o.nodeId)).toEqual([s.nodes.hzA1, s.nodes.hzA2]);
    expect(groups[0]!.options[0]!.label).toBe('Handlungsfeld Bildung › Leitziel A › Handlungsziel A1: Sprache fördern.');
  });

  test('a configured retention period applies at the decision', async (db) => {
    await db.insert(settings).values({ key: 'suggestions.retentionDays', value: 30 });
    const id = await suggest(db);
    await rejectSuggestion(db, s.users.redaktion, id, { reason: 'Doppelt' }, NOW);
    const [row] = await db.select().from(suggestions).where(eq(suggestions.id, id));
    expect(row!.purgeAfter!.toISOString()).toBe(new Date(NOW.getTime() + 30 * 86_400_000).toISOString());
    // No contact data: nothing to purge later.
    const anonymous = await suggest(db, { contactName: null, contactEmail: null, purgeAfter: null });
    await rejectSuggestion(db, s.users.redaktion, anonymous, { reason: 'Doppelt' }, NOW);
    const [other] = await db.select().from(suggestions).where(eq(suggestions.id, anonymous));
    expect(other!.purgeAfter).toBeNull();
  });
});
