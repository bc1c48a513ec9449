/** Code lists the vocabulary forms offer (mirrors db/schema.ts, which client code must not import). */
export const ACTOR_KIND_VALUES = ['organisation', 'stadt', 'netzwerk', 'unbekannt'] as const;
export const NODE_TYPE_VALUES = ['handlungsfeld', 'leitziel', 'handlungsziel', 'dimension', 'dezernat', 'organisationseinheit', 'kapitel'] as const;
