// The sync client's storage in a browser (the extension's service worker and the widget's page):
// IndexedDB through idb-keyval, in a database of its own. Each source has two index slots and a
// pointer: a new index goes into the slot not in use and the pointer moves to it in the same
// transaction, so readers see the old index or the new one, never a mix, and the previous good
// index stays in the other slot (without reading it back first: indexes are megabytes).
import { createStore, get, setMany, type UseStore } from 'idb-keyval';
import { parseIndex } from '../core/index/schema';
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

  /** The installed index of a source, checked against the schema (storage is outside data too); falls back to the previous one. */
  async readIndex(sourceId: string): Promise<GuidanceIndex | undefined> {
    const slot = await this.slotInUse(sourceId);
    if (!slot) return undefined;
    const order = slot === 'a' ? ['a', 'b'] : ['b', 'a'];
    for (const name of order) {
      const candidate = await get<unknown>(`index-${name}:${sourceId}`, this.store);
      if (candidate === undefined) continue;
      const parsed = parseIndex(candidate);
      if (parsed.ok) return parsed.index;
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
