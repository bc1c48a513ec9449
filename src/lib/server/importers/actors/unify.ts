/**
 * One actor vocabulary across all imported documents. Each document kind resolves its own cells
 * (the project report with its own table, `vereinbarungen/actor-aliases.ts`); this step, run over
 * all plans of an import, maps every name to the shared canonical name (`actors.ts`), so "Jobcenter
 * Herne" from the report and "JobCenter" from the integration concept are one actor. It also
 * - drops pseudo-actors ("Alle Akteure", "weitere Netzwerkpartner/-innen"): they name nobody, so
 *   they stay in the printed Verantwortlich text and do not become actors;
 * - links the units the diversity catalogue names in its Verantwortlich cell besides the office
 *   it files the measure under ("Büro des Oberbürgermeisters, Pressebüro" → also Pressebüro).
 */
import type { ImportPlan, PlannedActorLink } from '../plan/types';
import { AKTEUR_ALIASE } from '../vereinbarungen/actor-aliases';
import { ACTORS, canonicalActor } from './actors';
import { escapeRegex } from '../../text/escape';

/** Names that stand for "everyone involved", not for an actor one could contact. */
const PSEUDO_ACTOR = /^(?:alle|weitere[nr]?|genannten|beteiligten|mitwirkenden|sonstigen?)\s|^(?:netzwerkpartner(?:\/-innen|innen)?|multiplikatoren(?:\/-innen)?)$/i;

export function isPseudoActor(name: string): boolean {
  return PSEUDO_ACTOR.test(name.trim());
}

const sharedName = (name: string) => canonicalActor(name).name;

/**
 * Actor names worth finding in running text: the curated tables (not their groups such as
 * "Schulen", nor abbreviations, which are ambiguous in prose) plus the units a plan itself names.
 */
function textMatchers(plans: ImportPlan[]): { re: RegExp; name: string }[] {
  const phrases = new Map<string, string>();
  const add = (phrase: string) => {
    const p = phrase.trim();
    // "Stadt Herne" is part of many names and sentences ("… der Stadt Herne verankert").
    if (p.length < 6 || p === 'Stadt Herne' || isPseudoActor(p) || /^[A-ZÄÖÜ]{2,6}$/.test(p)) return;
    if (!phrases.has(p)) phrases.set(p, sharedName(p));
  };
  for (const a of ACTORS) for (const p of [a.name, ...a.aliases]) add(p);
  for (const a of AKTEUR_ALIASE) {
    if (a.art === 'gruppe') continue;
    add(a.name);
    for (const alias of a.aliases) if (typeof alias === 'string') add(alias);
  }
  for (const plan of plans) {
    for (const n of plan.nodes) if (n.actorName) add(n.actorName);
    for (const c of plan.contacts) if (c.actorName) add(c.actorName);
  }
  // Longest first, so "Stadtbibliothek Herne" wins over "Stadtbibliothek".
  return [...phrases]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([phrase, name]) => ({
      re: new RegExp(`(?<![\\p{L}\\d])${escapeRegex(phrase).replace(/\s+/g, '\\s+')}(?![\\p{L}\\d])`, 'gu'),
      name,
    }));
}

/** Known actors named in a text, in order of appearance, each once. */
export function actorsNamedIn(text: string, matchers: { re: RegExp; name: string }[]): { name: string; wording: string }[] {
  let rest = text;
  const found: { name: string; wording: string; at: number }[] = [];
  for (const { re, name } of matchers) {
    rest = rest.replace(re, (match: string, at: number) => {
      found.push({ name, wording: match, at });
      // Mask what was found, so a shorter name inside it is not found again.
      return '\u0000'.repeat(match.length);
    });
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.at - b.at)
    .filter((f) => !seen.has(f.name) && seen.add(f.name))
    .map(({ name, wording }) => ({ name, wording }));
}

function unifyLinks(links: PlannedActorLink[]): PlannedActorLink[] {
  const out: PlannedActorLink[] = [];
  for (const link of links) {
    if (isPseudoActor(link.name)) continue;
    const name = sharedName(link.name);
    const aliases = [...new Set([...(link.aliases ?? []), ...(name !== link.name ? [link.name] : [])])];
    out.push({ ...link, name, ...(aliases.length ? { aliases } : {}) });
  }
  return out;
}

/** The plans with one actor vocabulary (see the module comment). Pure: returns new plans. */
export function unifyPlanActors(plans: ImportPlan[]): ImportPlan[] {
  const matchers = textMatchers(plans);
  // What one document knows about an actor's kind holds for the others: the first plan that
  // names an actor creates it.
  const kinds: NonNullable<ImportPlan['actorKinds']> = {};
  for (const plan of plans) for (const [name, kind] of Object.entries(plan.actorKinds ?? {})) kinds[sharedName(name)] ??= kind;
  const actorKinds = Object.keys(kinds).length ? kinds : undefined;
  return plans.map((plan) => {
    const measures = plan.measures.map((m) => {
      let actors = unifyLinks(m.actors);
      if (plan.kind === 'diversity' && m.responsibleText) {
        const linked = new Set(actors.map((a) => a.name));
        const named = actorsNamedIn(m.responsibleText, matchers)
          .filter((a) => !linked.has(a.name))
          .map((a): PlannedActorLink => ({ name: a.name, role: 'verantwortlich', wording: a.wording }));
        actors = [...actors, ...named];
      }
      return { ...m, actors };
    });
    return {
      ...plan,
      ...(actorKinds ? { actorKinds } : {}),
      nodes: plan.nodes.map((n) => (n.actorName ? { ...n, actorName: sharedName(n.actorName) } : n)),
      contacts: plan.contacts.map((c) => (c.actorName ? { ...c, actorName: sharedName(c.actorName) } : c)),
      measures,
    };
  });
}
