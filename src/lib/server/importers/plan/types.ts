/**
 * An import plan is the kind-neutral form of a parsed catalogue: nodes, measures and contacts
 * with stable import keys. Each document kind converts its own model into a plan
 * (`<kind>/to-plan.ts`); one writer (`write.ts`) puts any plan into the database. That is how
 * three document kinds share one pipeline: one transaction, one idempotency rule, one report.
 */
import type { ActorRole, CatalogueKind, NodeType, SourceRef } from '../../db/schema';

export interface PlannedNode {
  /** Stable within the catalogue, e.g. "hf:bildung/lz:A/hz:A1". */
  key: string;
  parentKey: string | null;
  type: NodeType;
  code: string | null;
  title: string;
  body: string | null;
  /** For organisational units: the actor the node stands for (canonical name). */
  actorName?: string | null;
  source: SourceRef | null;
}

export interface PlannedActorLink {
  /** Canonical actor name. */
  name: string;
  role: ActorRole;
  /** Wording as printed. */
  wording: string | null;
  aliases?: string[];
}

export interface PlannedReference {
  wording: string | null;
  target: { handlungsfeld?: string | null; handlungsziel?: string | null; nummer?: string | null };
  /** Import key of the target measure, when resolved. */
  toKey: string | null;
}

export interface PlannedMeasure {
  key: string;
  /** For nested task areas: the parent measure's key. */
  parentKey: string | null;
  /** Nodes the measure hangs under; the first is its primary place. */
  placements: { nodeKey: string; number: string | null }[];
  number: string | null;
  title: string;
  /** A preferred slug base (else derived from number and title). */
  slugHint?: string;
  description: string;
  goals: string | null;
  targetGroupText: string | null;
  statusText: string | null;
  stateCode: string;
  remarks: string | null;
  responsibleText: string | null;
  directionInward: boolean;
  directionOutward: boolean;
  isNew: boolean;
  isGap: boolean;
  extra: Record<string, unknown>;
  source: SourceRef | null;
  actors: PlannedActorLink[];
  targetGroups: { name: string; wording: string }[];
  references: PlannedReference[];
}

export interface PlannedContact {
  key: string;
  unitText: string | null;
  /** Canonical actor name of the unit, when known. */
  actorName: string | null;
  kind: 'person' | 'anlaufstelle';
  name: string | null;
  phone: string | null;
  email: string | null;
  source: SourceRef | null;
}

export interface ImportPlan {
  kind: CatalogueKind;
  slug: string;
  title: string;
  subtitle: string | null;
  publisher: string | null;
  stand: string | null;
  description: string | null;
  extra: Record<string, unknown>;
  position: number;
  edition: { label: string; stand: string | null; sourceFile: string | null };
  nodes: PlannedNode[];
  measures: PlannedMeasure[];
  contacts: PlannedContact[];
  /** Actor kinds known from the document (e.g. city units). */
  actorKinds?: Record<string, 'organisation' | 'stadt' | 'netzwerk'>;
}
