// Signed guidance sources: the published files (manifest, delta), a client's configuration of a
// source, and what a sync reports. DESIGN.md "Sync client rules" is the contract.
import type { Entry, GuidanceIndex, Lexicon } from '../index/types';

export const MANIFEST_FORMAT = 'mx-lookup-source';
export const DELTA_FORMAT = 'mx-lookup-delta';

/** A file of a published source: where (relative to the manifest), its SHA-256 (hex) and size in bytes. */
export interface FileRef {
  url: string;
  sha256: string;
  size: number;
}

/** `manifest.json` of a source folder, signed with the source's Ed25519 key. */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  formatVersion: 1;
  /** The publisher's id of the source (also the `source` of its indexes). */
  source: string;
  /** Monotonic; each publish increases it. */
  version: number;
  /** ISO 8601 time of publishing. */
  published: string;
  /** SHA-256 (hex) of the canonical JSON of the index of this version: what a delta must produce. */
  index: { sha256: string; entries: number };
  bundle: FileRef;
  /** Deltas from recent versions to this one. */
  deltas: (FileRef & { from: number })[];
  /** Base64 Ed25519 signature over the signing text of every other field (see verify.ts). */
  signature: string;
}

export type UnsignedManifest = Omit<Manifest, 'signature'>;

/** A delta file: what turns version `from` into version `to`. */
export interface Delta {
  format: typeof DELTA_FORMAT;
  source: string;
  from: number;
  to: number;
  built: string;
  /** Entries added or changed, whole. */
  upsert: Entry[];
  /** Ids of removed entries. */
  remove: string[];
  nearWords: { add: string[]; remove: string[] };
  /** The word statistics of version `to`, when they differ from those of `from` (absent: unchanged). */
  wordStats?: Pick<Lexicon, 'frequency' | 'commonDerived'>;
}

/** A source as a client is configured to follow it. */
export interface SourceConfig {
  /** Local id (a slug); the key of its stored index and status. */
  id: string;
  name: string;
  manifestUrl: string;
  /** The pinned Ed25519 public key, base64 of 32 bytes. */
  publicKey: string;
  /** Higher wins when two sources have an entry with the same id; the bundled index is the lowest. */
  priority: number;
  enabled: boolean;
  /** Set by hospital IT through managed storage: shown locked. */
  managed?: boolean;
}

export type SyncResultKind = 'full' | 'delta' | 'not-modified' | 'refused' | 'failed';

/** What one sync did. `bytes` counts body bytes received (0 for a 304). */
export interface SyncOutcome {
  result: SyncResultKind;
  /** The installed version after the sync (undefined while none was ever installed). */
  version?: number;
  bytes: number;
  /** Why it refused or failed, in words a user understands; also notes a broken delta that was replaced by the full bundle. */
  reason?: string;
  /** The newly installed index, for full and delta results. */
  index?: GuidanceIndex;
}

/** What a client keeps about a source between syncs (small; the index is stored apart). */
export interface SourceState {
  /** Version of the installed index (undefined: none installed yet). */
  version?: number;
  /** ETag of the manifest of the installed version, for If-None-Match. */
  etag?: string;
  /** Publisher's source id of the installed index. */
  source?: string;
  /** Entries of the installed index. */
  entries?: number;
  /** SHA-256 of the canonical JSON of the installed index, as its manifest gave it. */
  sha256?: string;
  /** The public key the installed index was verified with (a new key starts afresh). */
  publicKey?: string;
  status: SyncStatus;
}

export interface SyncStatus {
  /** ISO time of the last sync attempt, and of the last one that succeeded (installed or confirmed current). */
  lastAttempt?: string;
  lastSuccess?: string;
  lastResult?: SyncResultKind;
  /** The last error, in words a user understands (cleared by a success). */
  lastError?: string;
  /** Failures in a row (drives the back-off). */
  failures: number;
  /** ISO time before which a scheduled sync is not attempted (a user's "Sync now" ignores it). */
  nextAttempt?: string;
  /** Body bytes received by the last sync. */
  lastBytes?: number;
}

/**
 * Where a client keeps each source's installed index and state. `writeIndex` must replace the
 * index atomically (readers see the old one or the new one, never a mix) and keep the previous
 * good one; the sync client writes the index before the state.
 */
export interface SyncStorage {
  readIndex(sourceId: string): Promise<GuidanceIndex | undefined>;
  writeIndex(sourceId: string, index: GuidanceIndex): Promise<void>;
  readState(sourceId: string): Promise<SourceState | undefined>;
  writeState(sourceId: string, state: SourceState): Promise<void>;
}

/** What the sync client needs from its host: injected, so it runs in a service worker, a page and Node. */
export interface SyncDeps {
  fetch: typeof fetch;
  storage: SyncStorage;
  /** Current time in ms since the epoch. */
  now: () => number;
  /** A number in [0, 1) for the back-off jitter. */
  random: () => number;
  /** A signal that aborts after `ms` (default: AbortSignal.timeout). */
  timeout?: (ms: number) => AbortSignal;
  limits?: Partial<SyncLimits>;
}

export interface SyncLimits {
  /** Per request, ms. */
  timeoutMs: number;
  manifestBytes: number;
  /** Largest bundle or delta accepted. */
  bundleBytes: number;
  /** After a success, the next scheduled sync waits this long (± jitter). */
  refreshMs: number;
  /** Back-off after the first failure, doubled per failure up to `maxBackoffMs`. */
  backoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_LIMITS: SyncLimits = {
  timeoutMs: 30_000,
  manifestBytes: 256 * 1024,
  bundleBytes: 50 * 1024 * 1024,
  refreshMs: 6 * 3600_000,
  backoffMs: 5 * 60_000,
  maxBackoffMs: 24 * 3600_000,
};
