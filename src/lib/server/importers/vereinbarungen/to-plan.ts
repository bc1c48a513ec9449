/**
 * Agreements of a project report → import plan: chapters become nodes, each agreement a measure
 * (title = short title, description = the one-line agreement), its Bedarf/Maßnahme/Vereinbarung/
 * Finanzierungsvorbehalt kind-specific fields, Beteiligte and responsible actors linked with
 * their roles; nested task areas become child measures of their agreement.
 */
import { slugify, uniqueSlug } from '../../text/slug';
import type { ImportPlan, PlannedActorLink, PlannedMeasure, PlannedNode } from '../plan/types';
import type { Vereinbarung, VereinbarungenCatalogue } from '../types';

function actorLinks(v: Vereinbarung): PlannedActorLink[] {
  return [
    ...v.verantwortlich.map((name) => ({ name, role: 'verantwortlich' as const, wording: name })),
    ...v.beteiligte.map((name) => ({ name, role: 'beteiligt' as const, wording: name })),
  ];
}

export function vereinbarungenToPlan(c: VereinbarungenCatalogue): ImportPlan {
  const nodes: PlannedNode[] = [];
  const measures: PlannedMeasure[] = [];
  const keys = new Set<string>();
  const source = (q: { datei: string; zeile: number }) => ({ file: q.datei, line: q.zeile, document: c.title });

  const toMeasure = (v: Vereinbarung, nodeKey: string, parentKey: string | null, number: string | null): PlannedMeasure => {
    const key = uniqueSlug(`${parentKey ?? nodeKey}/v:${slugify(v.kurztitel, 50)}`, keys);
    return {
      key,
      parentKey,
      placements: [{ nodeKey, number }],
      number,
      title: v.kurztitel,
      description: v.kurzvereinbarung,
      goals: v.ziel ?? null,
      targetGroupText: null,
      statusText: null,
      stateCode: 'unbekannt',
      remarks: null,
      responsibleText: v.verantwortlich.join(', ') || null,
      directionInward: false,
      directionOutward: false,
      isNew: false,
      isGap: false,
      extra: {
        bedarf: v.bedarf,
        massnahme: v.massnahme,
        beteiligte: v.beteiligte,
        vereinbarung: v.vereinbarung,
        finanzierungsvorbehalt: v.finanzierungsvorbehalt,
      },
      source: source(v.quelle),
      actors: actorLinks(v),
      targetGroups: [],
      references: [],
    };
  };

  for (const k of c.kapitel) {
    const nodeKey = `k:${k.nummer}`;
    nodes.push({ key: nodeKey, parentKey: null, type: 'kapitel', code: k.nummer, title: k.titel, body: null, source: null });
    k.vereinbarungen.forEach((v, i) => {
      const number = `${k.nummer}.${i + 1}`;
      const parent = toMeasure(v, nodeKey, null, number);
      measures.push(parent);
      (v.unteraufgaben ?? []).forEach((u, j) => measures.push(toMeasure(u, nodeKey, parent.key, `${number}.${j + 1}`)));
    });
  }

  return {
    kind: 'vereinbarungen',
    slug: 'vereinbarungen-neuzugewanderte',
    title: c.title,
    subtitle: null,
    publisher: c.herausgeber ?? null,
    stand: c.stand ?? null,
    description: c.vorwort ?? null,
    extra: {},
    position: 2,
    edition: { label: c.stand ? `Abschlussbericht ${c.stand}` : 'Abschlussbericht', stand: c.stand ?? null, sourceFile: c.quelle.datei },
    nodes,
    measures,
    contacts: [],
  };
}
