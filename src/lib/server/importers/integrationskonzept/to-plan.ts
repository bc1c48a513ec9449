/**
 * Integration concept → import plan: Handlungsfeld → Leitziel → Handlungsziel as nodes, each
 * printed measure (and gap) as a measure under its Handlungsziel. Offers grouped under a measure
 * become its child measures. Cross-references stay links between the two printed records
 * (docs/architecture.md says why).
 */
import { slugify, uniqueSlug } from '../../text/slug';
import type { ImportPlan, PlannedActorLink, PlannedMeasure, PlannedNode, PlannedReference } from '../plan/types';
import { splitTargetGroups, stateFromStatusText, titleFromText } from '../plan/vocabulary';
import { measureTitle } from '../plan/titles';
import type { IkAkteur, IkMassnahme, IntegrationskonzeptCatalogue, Quelle } from '../types';

const fieldKey = (name: string) => `hf:${slugify(name, 50)}`;
const goalRef = (field: string, code: string, nummer: string) => `${slugify(field, 50)}|${code.toUpperCase()}|${nummer}`;

function actorLinks(akteure: IkAkteur[] | undefined, names: string[]): PlannedActorLink[] {
  const list = akteure?.length ? akteure : names.map((name) => ({ name, alias: null }));
  return list.map((a) => ({ name: a.name, role: 'verantwortlich', wording: a.alias ?? a.name }));
}

/** The publisher's name without the address block printed after it ("Postfach …", "Telefon: …"). */
export function publisherName(herausgeber: string | undefined): string | null {
  if (!herausgeber) return null;
  return herausgeber.split(/\s+(?=Postfach\b|Telefon\b|Fax\b|E-Mail\b|Internet\b|\d{5}\s)/)[0]!.trim() || null;
}

const source = (q: Quelle, title: string) => ({ file: q.datei, line: q.zeile, document: title });

export function integrationskonzeptToPlan(c: IntegrationskonzeptCatalogue): ImportPlan {
  const nodes: PlannedNode[] = [];
  const measures: PlannedMeasure[] = [];
  const keys = new Set<string>();
  const keyByRef = new Map<string, string>();
  const pending: { measure: PlannedMeasure; refs: IkMassnahme['querverweise'] }[] = [];

  for (const hf of c.handlungsfelder) {
    const hfKey = fieldKey(hf.name);
    nodes.push({
      key: hfKey,
      parentKey: null,
      type: 'handlungsfeld',
      code: null,
      title: hf.name,
      body: null,
      source: hf.quelle ? source(hf.quelle, c.title) : null,
    });
    for (const lz of hf.leitziele) {
      const lzKey = `${hfKey}/lz:${lz.letter}`;
      nodes.push({
        key: lzKey,
        parentKey: hfKey,
        type: 'leitziel',
        code: lz.letter,
        title: `Leitziel ${lz.letter}`,
        body: lz.text,
        source: lz.quelle ? source(lz.quelle, c.title) : null,
      });
      for (const hz of lz.handlungsziele) {
        const hzKey = `${lzKey}/hz:${hz.code}`;
        nodes.push({
          key: hzKey,
          parentKey: lzKey,
          type: 'handlungsziel',
          code: hz.code,
          title: `Handlungsziel ${hz.code}`,
          body: hz.fussnoten?.length ? `${hz.text}\n\n${hz.fussnoten.join('\n')}` : hz.text,
          source: hz.quelle ? source(hz.quelle, c.title) : null,
        });
        for (const m of hz.massnahmen) {
          // Repeated numbers are real in the document: the second record gets "#2" in its key.
          const key = uniqueSlug(`${hzKey}/m:${m.nummer || 'ohne-nummer'}`, keys);
          if (!keyByRef.has(goalRef(hf.name, hz.code, m.nummer))) keyByRef.set(goalRef(hf.name, hz.code, m.nummer), key);
          const measure: PlannedMeasure = {
            key,
            parentKey: null,
            placements: [{ nodeKey: hzKey, number: m.nummer || null }],
            number: m.nummer || null,
            title: measureTitle(m.titel, m.text || (m.luecke ? 'Es wurde keine explizite Maßnahme formuliert.' : `Maßnahme ${m.nummer}`)),
            slugHint: slugify(`${hf.name.split(/\s+/)[0]} ${hz.code} massnahme ${m.nummer} ${titleFromText(m.text, 50)}`, 80),
            description: m.text,
            goals: null,
            targetGroupText: m.zielgruppe || null,
            statusText: m.status || null,
            stateCode: m.luecke ? 'unbekannt' : stateFromStatusText(m.status),
            remarks: m.bemerkungen || null,
            responsibleText: m.verantwortlichText ?? (m.verantwortlich.join(', ') || null),
            directionInward: false,
            directionOutward: false,
            isNew: false,
            isGap: m.luecke,
            extra: {
              ...(m.fussnoten?.length ? { fussnoten: m.fussnoten } : {}),
              ...(m.weitereQuellen?.length ? { weitereQuellen: m.weitereQuellen } : {}),
            },
            source: source(m.quelle, c.title),
            actors: actorLinks(m.akteure, m.verantwortlich),
            targetGroups: m.luecke ? [] : splitTargetGroups(m.zielgruppe),
            references: [],
          };
          measures.push(measure);
          pending.push({ measure, refs: m.querverweise });
          (m.angebote ?? []).forEach((a, i) =>
            measures.push({
              key: `${key}/angebot:${i + 1}`,
              parentKey: key,
              placements: [{ nodeKey: hzKey, number: null }],
              number: m.nummer ? `${m.nummer}.${i + 1}` : null,
              title: titleFromText(a.titel),
              description: a.titel,
              goals: null,
              targetGroupText: a.zielgruppe || null,
              statusText: a.status || null,
              stateCode: stateFromStatusText(a.status),
              remarks: null,
              responsibleText: a.verantwortlichText || null,
              directionInward: false,
              directionOutward: false,
              isNew: false,
              isGap: false,
              extra: {},
              source: source(a.quelle, c.title),
              actors: actorLinks(a.akteure, a.verantwortlich),
              targetGroups: splitTargetGroups(a.zielgruppe),
              references: [],
            }),
          );
        }
      }
    }
  }

  // Resolve cross-references once every measure has its key.
  for (const { measure, refs } of pending) {
    measure.references = refs.map(
      (r): PlannedReference => ({
        wording: r.text ?? null,
        target: { handlungsfeld: r.handlungsfeld, handlungsziel: r.handlungsziel, nummer: r.nummer },
        toKey: r.ziel ? (keyByRef.get(goalRef(r.ziel.handlungsfeld, r.ziel.handlungsziel, r.ziel.nummer)) ?? null) : null,
      }),
    );
  }

  return {
    kind: 'integrationskonzept',
    slug: 'integrationskonzept',
    title: c.title,
    subtitle: c.subtitle ?? null,
    publisher: publisherName(c.herausgeber),
    stand: c.stand,
    description: c.vorwort ?? null,
    // The full imprint (address, phone, e-mail of the office) as printed.
    extra: c.herausgeber ? { impressum: c.herausgeber } : {},
    position: 0,
    edition: { label: `Stand ${c.stand}`, stand: c.stand, sourceFile: c.quelle.datei },
    nodes,
    measures,
    contacts: [],
  };
}
