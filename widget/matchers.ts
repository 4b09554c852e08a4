// The widget's matchers, one per index object: built from it, or restored from the snapshot the
// cache keeps beside a whole index (index-loader.ts), so a return visit does not build one. With
// the matcher itself this is a chunk of its own, fetched while the index is read or downloads.
import type { GuidanceIndex } from '../core/index/types';
import { buildMatcher, restoreMatcher, type Matcher } from '../core/match/matcher';

export { buildMatcher };

/** The matcher code's fingerprint (the build's): a snapshot made by other code is built again. */
declare const __MX_MATCHER_CODE_HASH__: string;
const MATCHER_CODE = typeof __MX_MATCHER_CODE_HASH__ === 'string' ? __MX_MATCHER_CODE_HASH__ : 'unbuilt';

/** The matcher of each index object: the snapshot cached beside a whole index is of the matcher already answering from it. */
const matcherOf = new WeakMap<GuidanceIndex, Matcher>();

/** The near words an index still waits for (its matching part came without them). */
export interface PendingNearWords {
  nearWordsPending: boolean;
  nearWordsArrived: Promise<string[]>;
}

/**
 * The matcher of `index`. Built before the index's near words have arrived, it corrects no
 * misspelling until they do; then it is completed in place and `completed` is told.
 */
export function matcherFor(index: GuidanceIndex, near: PendingNearWords | null, completed: (matcher: Matcher) => void): Matcher {
  const known = matcherOf.get(index);
  if (known) return known;
  const matcher = buildMatcher(index, { nearWordsPending: near?.nearWordsPending === true });
  matcherOf.set(index, matcher);
  if (near?.nearWordsPending)
    void near.nearWordsArrived.then((words) => {
      matcher.completeNearWords(words);
      completed(matcher);
    });
  return matcher;
}

/** What the cache keeps beside a whole index: the snapshot of its matcher, with the code that made it. */
interface KeptMatcher {
  code: string;
  snapshot: unknown;
}

/** The snapshot to keep beside `index` (a whole index) in the cache: of its matcher, built now if none was. */
export function matcherToKeep(index: GuidanceIndex): KeptMatcher {
  return { code: MATCHER_CODE, snapshot: matcherFor(index, null, () => undefined).snapshot() };
}

/**
 * The matcher the cache kept beside `index`, restored; undefined when there is none or it was made
 * by other matcher code, in another snapshot format or from another index (IndexedDB keeps one
 * object for both: the snapshot's index is `index` itself).
 */
export function restoredMatcher(kept: unknown, index: GuidanceIndex): Matcher | undefined {
  const candidate = kept as Partial<KeptMatcher> | null | undefined;
  if (candidate?.code !== MATCHER_CODE) return undefined;
  const matcher = restoreMatcher(candidate.snapshot);
  if (matcher?.index !== index) return undefined;
  matcherOf.set(index, matcher);
  return matcher;
}
