// The widget's index: fetched from its URL and checked against the schema, kept in IndexedDB with
// its version, so that after the first load the widget answers offline too.
import { get, set } from 'idb-keyval';
import { parseIndex } from '../core/index/schema';
import type { GuidanceIndex } from '../core/index/types';

export interface LoadedIndex {
  index: GuidanceIndex;
  from: 'network' | 'cache';
}

interface CachedIndex {
  version: number;
  built: string;
  index: unknown;
}

const cacheKey = (url: string) => `mx-lookup-index:${url}`;

export async function loadIndex(url: string, fetchImpl: typeof fetch = fetch): Promise<LoadedIndex> {
  let networkError: string;
  try {
    const response = await fetchImpl(url, { cache: 'no-cache', credentials: 'omit' });
    if (!response.ok) throw new Error(`the guidance index answered HTTP ${response.status}`);
    const parsed = parseIndex(await response.json());
    if (!parsed.ok) throw new Error(`the guidance index is not valid (${parsed.problems[0] ?? 'unknown problem'})`);
    const cached = await get<CachedIndex>(cacheKey(url)).catch(() => undefined);
    // Never replace a newer cached index with an older one served by a stale cache or mirror.
    if (cached && cached.version > parsed.index.version) {
      const old = parseIndex(cached.index);
      if (old.ok) return { index: old.index, from: 'cache' };
    }
    await set(cacheKey(url), { version: parsed.index.version, built: parsed.index.built, index: parsed.index } satisfies CachedIndex).catch(() => undefined);
    return { index: parsed.index, from: 'network' };
  } catch (error) {
    networkError = error instanceof Error ? error.message : String(error);
  }
  const cached = await get<CachedIndex>(cacheKey(url)).catch(() => undefined);
  const parsed = cached ? parseIndex(cached.index) : undefined;
  if (parsed?.ok) return { index: parsed.index, from: 'cache' };
  throw new Error(`Guidance could not be loaded: ${networkError}.`);
}
