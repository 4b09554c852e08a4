// What a cold start of the background reads: a snapshot of the matcher it built last (keyed by
// the matcher code, the bundled index and the installed sources, so it is never a stale one), or
// else the index shipped inside the extension. Fetching
// and parsing the 850 KB file from the package takes a stopped service worker 100-150 ms; reading
// the already parsed object back from IndexedDB takes about 45 ms. So the first load keeps a copy
// there, keyed by a fingerprint of the bundled file (computed at build time), and later cold
// starts read the copy. Any failure falls back to the file.
import { clear, createStore, get, set, type UseStore } from 'idb-keyval';
import { hasIndexHeader } from '../core/index/schema';
import type { SnapshotStore } from './lookup-service';
import { extensionUrl } from './platform';
import { ignore } from '../core/errors/ignore';

declare const __MX_BUNDLED_INDEX_HASH__: string;
declare const __MX_MATCHER_CODE_HASH__: string;

let store: UseStore | undefined;
const copyStore = () => (store ??= createStore('mx-lookup-bundled', 'index'));

async function fromPackage(): Promise<unknown> {
  const response = await fetch(extensionUrl('/guidance-index.json'));
  if (!response.ok) throw new Error(`bundled index missing (${response.status})`);
  return response.json();
}

export async function loadBundledIndex(): Promise<unknown> {
  const key = typeof __MX_BUNDLED_INDEX_HASH__ === 'string' ? __MX_BUNDLED_INDEX_HASH__ : 'none';
  if (key !== 'none') {
    const copy = await get<unknown>(key, copyStore()).catch(ignore('the copy only speeds up a cold start; the packaged file is read instead'));
    if (hasIndexHeader(copy)) return copy;
  }
  const index = await fromPackage();
  if (key !== 'none' && hasIndexHeader(index)) {
    // Only this build's copy is kept.
    void clear(copyStore())
      .then(() => set(key, index, copyStore()))
      .catch(ignore('the copy only speeds up the next cold start'));
  }
  return index;
}

let snapshotStore: UseStore | undefined;
const snapshotDb = () => (snapshotStore ??= createStore('mx-lookup-matcher', 'snapshot'));

/** The matcher snapshots of the LookupService: only the latest one is kept. */
export function matcherSnapshots(layerKeys: () => Promise<string[]>): SnapshotStore {
  return {
    async key() {
      if (typeof __MX_MATCHER_CODE_HASH__ !== 'string' || typeof __MX_BUNDLED_INDEX_HASH__ !== 'string' || __MX_BUNDLED_INDEX_HASH__ === 'none') return undefined;
      return [__MX_MATCHER_CODE_HASH__, __MX_BUNDLED_INDEX_HASH__, ...(await layerKeys())].join('|');
    },
    load: (key) => get<unknown>(key, snapshotDb()),
    async save(key, snapshot) {
      await clear(snapshotDb());
      await set(key, snapshot, snapshotDb());
    },
  };
}
