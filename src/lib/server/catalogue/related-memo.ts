/**
 * "Related measures" are ranked by trigram similarity over every published title of the
 * municipality: the most expensive part of a measure page on a cache miss. The ranking can only
 * change when published content changes, so it is kept per measure for one content version
 * (cache/content-version.ts) and recomputed only after the next publication, import, archive
 * or restore. Bounded (LRU): one small entry per measure.
 */
import { LRUCache } from 'lru-cache';

/** One candidate of the ranking, before already linked measures are dropped. */
export interface RelatedCandidate {
  id: string;
  sameNode: boolean;
  sameActor: boolean;
  similarity: number;
}

export class RelatedMemo {
  readonly #entries: LRUCache<string, { version: bigint; candidates: RelatedCandidate[] }>;

  constructor(maxMeasures = 20_000) {
    this.#entries = new LRUCache({ max: maxMeasures });
  }

  /** The ranking computed for this measure at this content version, if any. */
  get(measureId: string, version: bigint): RelatedCandidate[] | undefined {
    const entry = this.#entries.get(measureId);
    return entry && entry.version === version ? entry.candidates : undefined;
  }

  set(measureId: string, version: bigint, candidates: RelatedCandidate[]): void {
    this.#entries.set(measureId, { version, candidates });
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** What a caller that follows the content version hands to `getMeasureDetail`. */
export interface RelatedMemoScope {
  memo: RelatedMemo;
  /** The content version the caller knows now (null: unknown, nothing is memoised). */
  version: bigint | null;
}

/** The web server's memo (one per process, like the page cache). */
export const relatedMemo = new RelatedMemo();
