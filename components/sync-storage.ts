// The sync client's storage in a browser (the extension's service worker and the widget's page):
// IndexedDB through idb-keyval, in a database of its own. A new index and the previous good one
// are written in one transaction, so readers see the old index or the new one, never a mix.
import { createStore, get, getMany, setMany, type UseStore } from 'idb-keyval';
import { parseIndex } from '../core/index/schema';
import type { GuidanceIndex } from '../core/index/types';
import type { SourceState, SyncStorage } from '../core/sync/types';

export class IdbSyncStorage implements SyncStorage {
  private readonly store: UseStore;

  constructor(database = 'mx-lookup-sync') {
    this.store = createStore(database, 'sources');
  }

  /** The installed index of a source, checked against the schema (storage is outside data too); falls back to the previous one. */
  async readIndex(sourceId: string): Promise<GuidanceIndex | undefined> {
    const [current, previous] = await getMany<unknown>([`index:${sourceId}`, `previous:${sourceId}`], this.store);
    for (const candidate of [current, previous]) {
      if (candidate === undefined) continue;
      const parsed = parseIndex(candidate);
      if (parsed.ok) return parsed.index;
    }
    return undefined;
  }

  async writeIndex(sourceId: string, index: GuidanceIndex): Promise<void> {
    const current = await get<unknown>(`index:${sourceId}`, this.store);
    const entries: [IDBValidKey, unknown][] = [[`index:${sourceId}`, index]];
    if (current !== undefined) entries.unshift([`previous:${sourceId}`, current]);
    await setMany(entries, this.store);
  }

  async readState(sourceId: string): Promise<SourceState | undefined> {
    const state = await get<SourceState>(`state:${sourceId}`, this.store);
    return state && typeof state === 'object' && typeof state.status?.failures === 'number' ? state : undefined;
  }

  async writeState(sourceId: string, state: SourceState): Promise<void> {
    await setMany([[`state:${sourceId}`, state]], this.store);
  }
}
