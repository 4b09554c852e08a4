// A signed guidance source followed by <mx-lookup> (its `source` and `key` attributes). This module
// is loaded with import() only by a widget that has a `source`, so the sync client, Ed25519 and
// the sync storage cost nothing to the pages that do not follow one.
//
// The widget answers at once from what is installed (the default index merged with the source's
// index kept in IndexedDB), syncs when a sync is due, and swaps in a new merge after an install.
// Every widget of a page following the same source over the same default index shares one merge
// and one sync.
import { openSyncStorage } from '../components/sync-storage';
import type { GuidanceIndex } from '../core/index/types';
import type { Matcher } from '../core/match/matcher';
import { isDue, syncSource } from '../core/sync/client';
import { manifestUrlProblem, sourceStorageId } from '../core/sync/config';
import { mergeLayers } from '../core/sync/merge';
import type { SourceConfig, SourceState, SyncDeps, SyncOutcome, SyncResultKind } from '../core/sync/types';
import { parsePublicKey } from '../core/sync/verify';
import { ignore } from '../core/errors/ignore';

/** The source's layer lies above the default index (priority 0), so its entries replace the default ones with the same id. */
export const SOURCE_PRIORITY = 10;

/** How often an open page checks whether its source is due for a sync. */
const RECHECK_MS = 30 * 60_000;

/** The default index a source is merged with, as the widget shares it; `onReplace` listeners run after a newer index replaced it. */
export interface BaseIndex {
  readonly index: GuidanceIndex;
  readonly matcher: Matcher;
  readonly onReplace: Set<() => void>;
}

/** The `sync-status` of a widget following a source. */
export type SyncStatus = 'ok' | 'failed' | 'refused';

/** How a sync went, as the widget reports it (the `mx-lookup-sync` event and the `sync-status` attribute). */
export interface SyncReport {
  result: SyncResultKind;
  /** The installed version of the source (undefined while none was ever installed). */
  version?: number;
  reason?: string;
  status: SyncStatus;
  /** Whether an index of the source is installed (and answers), whatever this sync did. */
  installed: boolean;
}

export interface FollowedIndex {
  /** The merged matcher; replaced in place when the source or the default index changes. */
  matcher: Matcher;
  /** This page's sync, or when none was due, the last sync as stored. */
  synced: Promise<SyncReport>;
}

/**
 * The configuration of the source a widget follows; throws an error saying what is wrong with its
 * attributes. The local id is a slug of the manifest URL plus a hash of the URL and the key, so
 * every page following the same source with the same key shares its installed index, two long
 * URLs never share one, and a new key starts afresh (nothing installed under the old key answers).
 */
export function widgetSourceConfig(manifestUrl: string, publicKey: string): SourceConfig {
  const url = manifestUrl.trim();
  const urlProblem = manifestUrlProblem(url);
  if (urlProblem) throw new Error(urlProblem);
  if (!publicKey.trim()) throw new Error("The key attribute (the source's public key) is missing.");
  const key = parsePublicKey(publicKey);
  if (!key.ok) throw new Error(`The key attribute is not a usable public key: ${key.message}.`);
  const href = new URL(url).href;
  return { id: sourceStorageId(href, href, publicKey), name: href, manifestUrl: href, publicKey: publicKey.trim(), priority: SOURCE_PRIORITY, enabled: true };
}

/** The default index with the source's installed index above it. */
export function mergeWithSource(base: GuidanceIndex, source: GuidanceIndex): GuidanceIndex {
  return mergeLayers([
    { index: base, priority: 0 },
    { index: source, priority: SOURCE_PRIORITY },
  ]).index;
}

export function statusOf(result: SyncResultKind): SyncReport['status'] {
  return result === 'failed' || result === 'refused' ? result : 'ok';
}

/** The report of a sync that was not due: the last one, as stored. */
export function storedReport(state: SourceState | undefined, installed: boolean): SyncReport {
  const result = state?.status.lastResult ?? 'not-modified';
  return { result, version: state?.version, reason: state?.status.lastError, status: statusOf(result), installed };
}

const followed = new WeakMap<BaseIndex, Map<string, Promise<FollowedIndex>>>();

/** Follows the source at `manifestUrl` over `base`; throws a clear error when `manifestUrl` or `publicKey` is not usable. */
export function followSource(base: BaseIndex, manifestUrl: string, publicKey: string, build: (index: GuidanceIndex) => Matcher): Promise<FollowedIndex> {
  const config = widgetSourceConfig(manifestUrl, publicKey);
  // Without WebCrypto every signature would look wrong: say what is really missing.
  if (!window.isSecureContext || !globalThis.crypto?.subtle)
    throw new Error('The guidance source can be followed only on a secure page (https): checking its signature needs WebCrypto.');
  let sources = followed.get(base);
  if (!sources) followed.set(base, (sources = new Map()));
  const sourceKey = `${config.manifestUrl} ${config.publicKey}`;
  let following = sources.get(sourceKey);
  if (!following) {
    following = follow(base, config, build);
    following.catch(() => sources.delete(sourceKey)); // the next widget tries again
    sources.set(sourceKey, following);
  }
  return following;
}

async function follow(base: BaseIndex, config: SourceConfig, build: (index: GuidanceIndex) => Matcher): Promise<FollowedIndex> {
  const { storage, problem: storageProblem } = await openSyncStorage();
  if (storageProblem) console.warn(`mx-lookup: ${storageProblem}`);
  const deps: SyncDeps = { fetch: window.fetch.bind(window), storage, now: Date.now, random: Math.random };
  const [state, stored] = await Promise.all([
    storage.readState(config.id).catch(ignore('an unreadable state is synced afresh; the sync client keeps the version floor')),
    storage.readIndex(config.id).catch(ignore('without the stored source index the default guidance answers until the source syncs')),
  ]);
  // An index of another source (storage damaged, or reused) never answers for this one.
  let installed = stored && (!state?.source || stored.source === state.source) ? stored : undefined;
  const merged = () => (installed ? build(mergeWithSource(base.index, installed)) : base.matcher);

  const sync = async (): Promise<SyncReport> => {
    let outcome: SyncOutcome;
    try {
      // Tabs of one site share the IndexedDB storage: one sync of a source at a time among them.
      const locks = (navigator as { locks?: { request<T>(name: string, run: () => Promise<T>): Promise<T> } }).locks;
      outcome = locks ? await locks.request(`mx-lookup-sync:${config.id}`, () => syncSource(config, deps)) : await syncSource(config, deps);
    } catch (error) {
      // syncSource reports every network and server fault itself; this is the browser failing (storage, crypto).
      outcome = { result: 'failed', version: installed?.version, bytes: 0, reason: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.index) {
      installed = outcome.index;
      record.matcher = merged();
    }
    const reason = [outcome.reason, storageProblem].filter(Boolean).join(' ') || undefined;
    return { result: outcome.result, version: outcome.version ?? installed?.version, reason, status: statusOf(outcome.result), installed: installed !== undefined };
  };

  const record: FollowedIndex = {
    matcher: merged(),
    // A version recorded as installed whose index cannot be read now syncs at once (the client
    // downloads it again, never below that version) rather than leaving the default guidance to
    // answer in silence until the next refresh.
    synced: isDue(state, deps.now()) || (state?.version !== undefined && !installed) ? sync() : Promise.resolve(storedReport(state, installed !== undefined)),
  };
  base.onReplace.add(() => (record.matcher = merged()));
  // A page left open (a ward PC's guidance tab) checks again every half hour, syncing when due.
  setInterval(() => {
    void storage
      .readState(config.id)
      .then((now) => (isDue(now, deps.now()) ? sync() : undefined))
      .catch(ignore('the next half-hourly check tries again; a sync reports its own result'));
  }, RECHECK_MS);
  return record;
}
