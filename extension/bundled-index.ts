// The index shipped inside the extension, as the background loads it on a cold start. Fetching
// and parsing the 850 KB file from the package takes a stopped service worker 100-150 ms; reading
// the already parsed object back from IndexedDB takes about 45 ms. So the first load keeps a copy
// there, keyed by a fingerprint of the bundled file (computed at build time), and later cold
// starts read the copy. Any failure falls back to the file.
import { clear, createStore, get, set, type UseStore } from 'idb-keyval';
import { hasIndexHeader } from '../core/index/schema';
import { extensionUrl } from './platform';

declare const __MX_BUNDLED_INDEX_HASH__: string;

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
    const copy = await get<unknown>(key, copyStore()).catch(() => undefined);
    if (hasIndexHeader(copy)) return copy;
  }
  const index = await fromPackage();
  if (key !== 'none' && hasIndexHeader(index)) {
    // Only this build's copy is kept.
    void clear(copyStore())
      .then(() => set(key, index, copyStore()))
      .catch(() => undefined);
  }
  return index;
}
