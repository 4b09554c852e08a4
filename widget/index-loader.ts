// The widget's index, kept in IndexedDB with its version. A page with a cached index is ready at
// once from the cache and revalidates in the background (a newer index replaces it for the next
// lookups); a first visit fetches it. After the first load the widget answers offline too.
// Everything from the network or from storage is checked against the schema before use.
import { get, set } from 'idb-keyval';
import { parseIndex } from '../core/index/schema';
import type { GuidanceIndex } from '../core/index/types';
import { ignore } from '../core/errors/ignore';

export interface LoadedIndex {
  index: GuidanceIndex;
  from: 'network' | 'cache';
}

interface CachedIndex {
  version: number;
  built: string;
  index: unknown;
}

export interface LoadOptions {
  fetchImpl?: typeof fetch;
  /** Called when the background revalidation found a newer index than the cached one. */
  onUpdate?: (index: GuidanceIndex) => void;
}

const cacheKey = (url: string) => `mx-lookup-index:${url}`;

/** Whether `index` is newer than the cached one (a higher version, or the same version built later). */
const isNewer = (index: GuidanceIndex, than: CachedIndex | undefined) =>
  !than || index.version > than.version || (index.version === than.version && index.built > than.built);

async function fetchIndex(url: string, fetchImpl: typeof fetch): Promise<GuidanceIndex> {
  const response = await fetchImpl(url, { cache: 'no-cache', credentials: 'omit' });
  if (!response.ok) throw new Error(`the guidance index answered HTTP ${response.status}`);
  const parsed = parseIndex(await response.json());
  if (!parsed.ok) throw new Error(`the guidance index is not valid (${parsed.problems[0] ?? 'unknown problem'})`);
  return parsed.index;
}

/** `run()`'s promise, with a synchronous throw (idb-keyval opening IndexedDB in a private window) as its rejection. */
const later = <T>(run: () => Promise<T>): Promise<T> => Promise.resolve().then(run);

/** Stores `index` unless the cache holds the same or a newer one; returns whether it was newer. */
async function store(url: string, index: GuidanceIndex, cached: CachedIndex | undefined): Promise<boolean> {
  // Never replace a newer cached index with an older one served by a stale cache or mirror.
  if (!isNewer(index, cached)) return false;
  await later(() => set(cacheKey(url), { version: index.version, built: index.built, index } satisfies CachedIndex)).catch(ignore('the cache only serves the next visit; this one has the index'));
  return true;
}

export async function loadIndex(url: string, options: LoadOptions = {}): Promise<LoadedIndex> {
  const fetchImpl = options.fetchImpl ?? fetch;
  const cached = await later(() => get<CachedIndex>(cacheKey(url))).catch(ignore('without IndexedDB (a private window) the index is fetched'));
  const fromCache = cached ? parseIndex(cached.index) : undefined;
  if (cached && fromCache?.ok) {
    void fetchIndex(url, fetchImpl)
      .then(async (index) => {
        if (await store(url, index, cached)) options.onUpdate?.(index);
      })
      .catch(ignore('offline or a bad answer: the cached index stays'));
    return { index: fromCache.index, from: 'cache' };
  }
  try {
    const index = await fetchIndex(url, fetchImpl);
    await store(url, index, undefined);
    return { index, from: 'network' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Guidance could not be loaded: ${reason}.`);
  }
}
