// The widget's index, kept in IndexedDB with its version. A page with a cached index is ready at
// once from the cache and revalidates in the background (a newer index replaces it for the next
// lookups); a first visit fetches it. After the first load the widget answers offline too.
// Everything from the network or from storage is checked against the schema before use.
//
// On the network the index comes in parts when the site has them (guidance/ beside the index, as
// the widget's build writes them): the matching part first (63 kB compressed), so a slow
// connection answers searches in seconds; its near words (25 kB; until they arrive the matcher
// corrects no misspelling) when a search first finds nothing, else first in the background; a
// card's text in a small group when it is opened; every group in the background, after which the whole index is cached for offline use. Parts are gzip
// files decompressed here, so a server that does not compress still sends them small. A site with
// only guidance-index.json gets it whole, as before.
//
// Beside a whole index the cache keeps a snapshot of the matcher built from it (LoadOptions
// `matcherSnapshot`), so a return visit restores the matcher instead of building it.
import { get, set, update } from 'idb-keyval';
import { hasIndexHeader, parseIndex } from '../core/index/schema';
import { cardGroup, CARD_GROUPS, fromMatchPart, fromNearPart, isPartialEntry, MATCH_PART_FORMAT, type CardText } from '../core/index/split';
import type { Entry, GuidanceIndex } from '../core/index/types';
import { ignore } from '../core/errors/ignore';

export interface LoadedIndex {
  index: GuidanceIndex;
  from: 'network' | 'cache';
  /** The cards' text (and near words) still to fetch, when `index` is a matching index; null when it is whole. */
  cards: IndexParts | null;
  /** What the cache kept beside `index` to restore its matcher, unchecked (the matcher's code checks it). */
  matcher?: unknown;
}

interface CachedIndex {
  version: number;
  built: string;
  index: unknown;
  /** The snapshot of `index`'s matcher; it holds `index` itself, which IndexedDB then stores once. */
  matcher?: unknown;
}

export interface LoadOptions {
  fetchImpl?: typeof fetch;
  /** Called when the background revalidation found a newer index than the cached one. */
  onUpdate?: (index: GuidanceIndex, cards: IndexParts | null) => void;
  /** A snapshot of the matcher of `index` (a whole index about to be cached), kept beside it. */
  matcherSnapshot?: (index: GuidanceIndex) => Promise<unknown>;
}

const cacheKey = (url: string) => `mx-lookup-index:${url}`;

/** Whether `index` is newer than the cached one (a higher version, or the same version built later). */
const isNewer = (index: GuidanceIndex, than: CachedIndex | undefined) =>
  !than || index.version > than.version || (index.version === than.version && index.built > than.built);

class HttpError extends Error {
  constructor(readonly status: number) {
    super(`the guidance index answered HTTP ${status}`);
  }
}

/** JSON from `url`, gunzipped first when it is a gzip file (whatever the server said it is). */
async function fetchJson(url: string, fetchImpl: typeof fetch): Promise<unknown> {
  const response = await fetchImpl(url, { cache: 'no-cache', credentials: 'omit' });
  if (!response.ok) throw new HttpError(response.status);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text()) as unknown;
  }
  return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
}

const checked = (raw: unknown): GuidanceIndex => {
  const parsed = parseIndex(raw);
  if (!parsed.ok) throw new Error(`the guidance index is not valid (${parsed.problems[0] ?? 'unknown problem'})`);
  return parsed.index;
};

const partUrl = (indexUrl: string, name: string) => new URL(`guidance/${name}`, indexUrl).href;

/** The matching index from the site's parts, or the whole index where the site has no parts. */
async function fetchIndex(url: string, fetchImpl: typeof fetch): Promise<{ index: GuidanceIndex; cards: IndexParts | null }> {
  try {
    const raw = await fetchJson(partUrl(url, 'match.json.gz'), fetchImpl);
    // A matching part of an earlier build is a plain matching index, its near words in it.
    const isPart = (raw as { format?: unknown } | null)?.format === MATCH_PART_FORMAT;
    const index = checked(isPart ? fromMatchPart(raw) : raw);
    return { index, cards: new IndexParts(url, fetchImpl, index, isPart) };
  } catch (error) {
    if (!(error instanceof HttpError && error.status === 404)) throw error;
  }
  return { index: checked(await fetchJson(url, fetchImpl)), cards: null };
}

/**
 * What a matching index still lacks: the cards' text, fetched a group at a time and filled into the
 * entries themselves, and the lexicon's near words.
 */
export class IndexParts {
  private readonly groups = new Map<number, Promise<Record<string, CardText>>>();
  private near: Promise<string[]> | undefined;
  private nearArrived: (words: string[]) => void = () => undefined;
  /** The near words once they have arrived, however many tries it took (never, without `nearWordsPending`). */
  readonly nearWordsArrived = new Promise<string[]>((done) => (this.nearArrived = done));

  constructor(
    private readonly indexUrl: string,
    private readonly fetchImpl: typeof fetch,
    private readonly index: GuidanceIndex,
    /** Whether the index's near words are still to fetch (guidance/near.json.gz). */
    public nearWordsPending: boolean,
  ) {}

  /** The index's near words, fetched once (again after a failure) and put into its lexicon. */
  nearWords(): Promise<string[]> {
    if (!this.nearWordsPending) return Promise.resolve(this.index.lexicon.nearWords);
    if (!this.near) {
      const loading = fetchJson(partUrl(this.indexUrl, 'near.json.gz'), this.fetchImpl).then((raw) => {
        const words = fromNearPart(raw, this.index);
        this.index.lexicon.nearWords = words;
        this.nearWordsPending = false;
        this.nearArrived(words);
        return words;
      });
      loading.catch(() => (this.near = undefined)); // asked again by the background
      this.near = loading;
    }
    return this.near;
  }

  private group(n: number): Promise<Record<string, CardText>> {
    let loading = this.groups.get(n);
    if (!loading) {
      loading = fetchJson(partUrl(this.indexUrl, `cards-${n}.json.gz`), this.fetchImpl).then((raw) => {
        const cards = (raw as { cards?: unknown } | null)?.cards;
        if (!cards || typeof cards !== 'object') throw new Error(`cards-${n}.json.gz holds no cards`);
        return cards as Record<string, CardText>;
      });
      loading.catch(() => this.groups.delete(n)); // the next card asks again
      this.groups.set(n, loading);
    }
    return loading;
  }

  /** A card a reader is waiting for: the background waits for it before its next group. */
  private wanted: Promise<unknown> = Promise.resolve();

  /** `entry` with its card text (fetched now when it is missing). */
  async fill(entry: Entry): Promise<Entry> {
    if (!isPartialEntry(entry)) return entry;
    const loading = this.group(cardGroup(entry.id));
    this.wanted = loading.catch(ignore('the reader is told; the background goes on'));
    const text = (await loading)[entry.id];
    // Text of another build is checked like the index: it must be what a card can show.
    if (text && typeof text.summary === 'object' && typeof text.keyPoints === 'object' && Array.isArray(text.sources)) Object.assign(entry, text);
    return entry;
  }

  /**
   * Every card of `index` and its near words, one part after the other (a reader's card is fetched
   * beside them): `index` itself made whole (its matcher then is the whole index's), checked.
   */
  async all(index: GuidanceIndex): Promise<GuidanceIndex> {
    await this.nearWords();
    for (let n = 0; n < CARD_GROUPS; n++) {
      await this.wanted; // a reader's card first: on a slow line the two would share it
      await this.group(n);
    }
    for (const entry of index.entries) await this.fill(entry);
    checked(index);
    return index;
  }
}

/** `run()`'s promise, with a synchronous throw (idb-keyval opening IndexedDB in a private window) as its rejection. */
const later = <T>(run: () => Promise<T>): Promise<T> => Promise.resolve().then(run);

/** Stores `index` (with its matcher's snapshot) unless the cache holds the same or a newer one; returns whether it was newer. */
async function store(url: string, index: GuidanceIndex, cached: CachedIndex | undefined, options: LoadOptions): Promise<boolean> {
  // Never replace a newer cached index with an older one served by a stale cache or mirror.
  if (!isNewer(index, cached)) return false;
  const matcher = await options.matcherSnapshot?.(index).catch(ignore('without a snapshot the next visit builds the matcher'));
  await later(() => set(cacheKey(url), { version: index.version, built: index.built, index, matcher } satisfies CachedIndex)).catch(ignore('the cache only serves the next visit; this one has the index'));
  return true;
}

/**
 * Keeps `matcher` (a snapshot of the matcher of the cached `index`, built because the one kept was
 * unusable: other matcher code, or none) beside it, unless the cache holds another index by now.
 */
export async function keepMatcher(url: string, index: GuidanceIndex, matcher: unknown): Promise<void> {
  // Read and written in one transaction, so an index another tab stored meanwhile stays (the throw writes nothing).
  await later(() =>
    update<CachedIndex>(cacheKey(url), (cached) => {
      if (cached?.version !== index.version || cached.built !== index.built) throw new Error('the cache holds another index now');
      return { ...cached, index, matcher };
    }),
  );
}

/** Once every card of a matching index is fetched, the whole index is cached for offline use. */
/** How long the background waits after the widget is ready: the reader's first card should not share a slow line with it. */
const BACKGROUND_DELAY_MS = 3000;

function completeInBackground(url: string, fetched: { index: GuidanceIndex; cards: IndexParts | null }, cached: CachedIndex | undefined, options: LoadOptions): void {
  if (!fetched.cards) return;
  const cards = fetched.cards;
  void new Promise((done) => setTimeout(done, BACKGROUND_DELAY_MS))
    .then(() => cards.all(fetched.index))
    .then((whole) => store(url, whole, cached, options))
    .catch(ignore('offline before every card arrived: the next visit fetches them again'));
}

export async function loadIndex(url: string, options: LoadOptions = {}): Promise<LoadedIndex> {
  const fetchImpl = options.fetchImpl ?? fetch;
  // Asked at once, beside the cache: a first visit waits for it, a return visit revalidates with it.
  const fetching = fetchIndex(url, fetchImpl);
  fetching.catch(ignore('a cached index answers without it; a first visit reports it below'));
  const cached = await later(() => get<CachedIndex>(cacheKey(url))).catch(ignore('without IndexedDB (a private window) the index is fetched'));
  performance.mark('mx-lookup:cache-read', { detail: { found: cached !== undefined } });
  // Checked in full before it was stored: read back, its header is checked (a return visit's ready waits for this).
  const fromCache = cached && hasIndexHeader(cached.index) ? cached.index : undefined;
  if (cached && fromCache) {
    void fetching
      .then(async (fetched) => {
        if (!isNewer(fetched.index, cached)) return;
        if (fetched.cards) completeInBackground(url, fetched, cached, options);
        else if (!(await store(url, fetched.index, cached, options))) return;
        options.onUpdate?.(fetched.index, fetched.cards);
      })
      .catch(ignore('offline or a bad answer: the cached index stays'));
    return { index: fromCache, from: 'cache', cards: null, matcher: cached.matcher };
  }
  try {
    const fetched = await fetching;
    if (fetched.cards) completeInBackground(url, fetched, undefined, options);
    else await store(url, fetched.index, undefined, options);
    return { ...fetched, from: 'network' };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Guidance could not be loaded: ${reason}.`);
  }
}
