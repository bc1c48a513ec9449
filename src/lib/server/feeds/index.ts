/**
 * Change feeds (framework-free): Atom feeds of what was published, per catalogue, per search
 * and for the whole municipality.
 * - classify.ts: which revisions are public changes, and what they changed;
 * - changes.ts: the newest public changes of a scope, in one query;
 * - atom.ts: the Atom document (the `feed` library);
 * - feeds.ts: the three feeds.
 */
export { catalogueFeed, municipalityFeed, searchFeed, type FeedContext, type FeedResult } from './feeds';
export { ATOM_CONTENT_TYPE } from './atom';
export { FEED_LIMIT, loadPublicChanges, type PublicChange, type ChangeScope } from './changes';
export { classifyChange, type ChangeKind } from './classify';
