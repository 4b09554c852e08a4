// The sync client's storage in a browser (the extension's service worker and the widget's page):
// IndexedDB through idb-keyval, in a database of its own. Each source has two index slots and a
// pointer: a new index goes into the slot not in use and the pointer moves to it in the same
// transaction, so readers see the old index or the new one, never a mix, and the previous good
// index stays in the other slot (without reading it back first: indexes are megabytes).
import { createStore, get, setMany, type UseStore } from 'idb-keyval';
import { hasIndexHeader } from '../core/index/schema';
import type { GuidanceIndex } from '../core/index/types';
import type { SourceState, SyncStorage } from '../core/sync/types';

export class IdbSyncStorage implements SyncStorage {
  private readonly store: UseStore;

  constructor(database = 'mx-lookup-sync') {
    this.store = createStore(database, 'sources');
  }

  private async slotInUse(sourceId: string): Promise<'a' | 'b' | undefined> {
    const slot = await get<unknown>(`slot:${sourceId}`, this.store);
    return slot === 'a' || slot === 'b' ? slot : undefined;
  }

  /**
   * The installed index of a source; falls back to the previous one. The sync client checked it
   * against the whole schema before writing it and IndexedDB writes are atomic, so only its header
   * is checked here: a full pass would cost every service-worker wake 50-200 ms per source.
   */
  async readIndex(sourceId: string): Promise<GuidanceIndex | undefined> {
    const slot = await this.slotInUse(sourceId);
    if (!slot) return undefined;
    const order = slot === 'a' ? ['a', 'b'] : ['b', 'a'];
    for (const name of order) {
      const candidate = await get<unknown>(`index-${name}:${sourceId}`, this.store);
      if (candidate === undefined) continue;
      if (hasIndexHeader(candidate)) return candidate;
    }
    return undefined;
  }

  async writeIndex(sourceId: string, index: GuidanceIndex): Promise<void> {
    const next = (await this.slotInUse(sourceId)) === 'a' ? 'b' : 'a';
    await setMany(
      [
        [`index-${next}:${sourceId}`, index],
        [`slot:${sourceId}`, next],
      ],
      this.store,
    );
  }

  async readState(sourceId: string): Promise<SourceState | undefined> {
    const state = await get<SourceState>(`state:${sourceId}`, this.store);
    return state && typeof state === 'object' && typeof state.status?.failures === 'number' ? state : undefined;
  }

  async writeState(sourceId: string, state: SourceState): Promise<void> {
    await setMany([[`state:${sourceId}`, state]], this.store);
  }
}

/**
 * Storage for one page, when IndexedDB cannot be used (some private windows, storage blocked by
 * the browser's settings): a source still syncs, checked as always, and answers on this page; it
 * is downloaded again on the next.
 */
export class PageSyncStorage implements SyncStorage {
  private readonly indexes = new Map<string, GuidanceIndex>();
  private readonly states = new Map<string, SourceState>();

  async readIndex(sourceId: string): Promise<GuidanceIndex | undefined> {
    return this.indexes.get(sourceId);
  }

  async writeIndex(sourceId: string, index: GuidanceIndex): Promise<void> {
    this.indexes.set(sourceId, index);
  }

  async readState(sourceId: string): Promise<SourceState | undefined> {
    return this.states.get(sourceId);
  }

  async writeState(sourceId: string, state: SourceState): Promise<void> {
    this.states.set(sourceId, structuredClone(state));
  }
}

/** IndexedDB when it opens; otherwise storage for this page only, with the reason in words. */
export async function openSyncStorage(database = 'mx-lookup-sync'): Promise<{ storage: SyncStorage; problem?: string }> {
  try {
    const storage = new IdbSyncStorage(database);
    await storage.readState('\u0000open'); // opening the database is what fails in a private window
    return { storage };
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { storage: new PageSyncStorage(), problem: `This browser does not let the page keep the guidance source (IndexedDB: ${why}); it is downloaded for this page only.` };
  }
}
