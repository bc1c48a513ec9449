/**
 * Diversity catalogue → import plan: dimensions, under each the Dezernate and their offices as
 * nodes (offices linked to actors); a measure listed under several dimensions is one measure
 * placed under several nodes. Contact points go to the contacts model, linked to their unit.
 */
import { slugify, uniqueSlug } from '../../text/slug';
import type { ImportPlan, PlannedContact, PlannedMeasure, PlannedNode } from '../plan/types';
import type { DiversityCatalogue } from '../types';

export function diversityToPlan(c: DiversityCatalogue): ImportPlan {
  const nodes: PlannedNode[] = [];
  const nodeKeys = new Set<string>();
  const measures = new Map<string, PlannedMeasure>();
  const actorKinds: Record<string, 'stadt'> = {};

  const ensureNode = (node: PlannedNode) => {
    if (!nodeKeys.has(node.key)) {
      nodeKeys.add(node.key);
      nodes.push(node);
    }
    return node.key;
  };

  for (const d of c.dimensionen) {
    const dimKey = ensureNode({ key: `d:${d.nummer}`, parentKey: null, type: 'dimension', code: d.nummer, title: d.name, body: null, source: null });
    for (const m of d.massnahmen) {
      let placeKey = dimKey;
      if (m.dezernat) {
        placeKey = ensureNode({
          key: `${dimKey}/dz:${slugify(m.dezernat, 40)}`,
          parentKey: dimKey,
          type: 'dezernat',
          code: null,
          title: m.dezernat,
          body: null,
          source: null,
        });
      }
      if (m.organisationseinheit) {
        actorKinds[m.organisationseinheit] = 'stadt';
        placeKey = ensureNode({
          key: `${placeKey}/oe:${slugify(m.organisationseinheit, 50)}`,
          parentKey: placeKey,
          type: 'organisationseinheit',
          code: null,
          title: m.organisationseinheit,
          body: null,
          actorName: m.organisationseinheit,
          source: null,
        });
      }
      const existing = measures.get(m.id);
      if (existing) {
        existing.placements.push({ nodeKey: placeKey, number: null });
        continue;
      }
      measures.set(m.id, {
        key: `m:${m.id}`,
        parentKey: null,
        placements: [{ nodeKey: placeKey, number: null }],
        number: null,
        title: m.titel,
        description: m.beschreibung,
        goals: m.ziele_zielgruppen || null,
        targetGroupText: null,
        statusText: null,
        stateCode: 'unbekannt',
        remarks: null,
        responsibleText: m.verantwortlich || null,
        directionInward: m.wirkrichtung.includes('innen'),
        directionOutward: m.wirkrichtung.includes('aussen'),
        isNew: m.neu,
        isGap: false,
        extra: {},
        source: { file: m.quelle.datei, line: m.quelle.zeile, document: c.title },
        actors: m.organisationseinheit
          ? [{ name: m.organisationseinheit, role: 'verantwortlich', wording: m.verantwortlich || m.organisationseinheit }]
          : [],
        targetGroups: [],
        references: [],
      });
    }
  }

  const contactKeys = new Set<string>();
  const contacts: PlannedContact[] = c.kontakte.map((k) => {
    if (k.organisationseinheit) actorKinds[k.organisationseinheit] = 'stadt';
    return {
      key: uniqueSlug(`kontakt:${slugify(k.organisationseinheit || 'ohne-einheit', 50)}`, contactKeys),
      unitText: k.organisationseinheit || null,
      actorName: k.organisationseinheit || null,
      kind: k.name ? 'person' : 'anlaufstelle',
      name: k.name,
      phone: k.telefon,
      email: k.email,
      source: k.quelle ? { file: k.quelle.datei, line: k.quelle.zeile } : null,
    };
  });

  return {
    kind: 'diversity',
    slug: 'diversity-massnahmenkatalog',
    title: c.title,
    subtitle: c.auflage ?? null,
    publisher: c.herausgeber ?? null,
    stand: c.stand,
    description: c.vorwort ?? null,
    extra: c.einleitung ? { einleitung: c.einleitung } : {},
    position: 1,
    edition: { label: c.auflage ? `${c.auflage}, Stand ${c.stand}` : `Stand ${c.stand}`, stand: c.stand, sourceFile: c.quelle.datei },
    nodes,
    measures: [...measures.values()],
    contacts,
    actorKinds,
  };
}
