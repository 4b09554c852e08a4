// The sync client: brings one source's installed index up to date, or leaves it exactly as it was.
//
//   manifest (conditional GET) → signature (pinned key) → version only goes up
//   → delta from the installed version (hash, schema, apply, result hash) or else the full bundle
//     (size, hash, schema, source and version) → store the index, then the state.
//
// Nothing is stored before every check has passed, and a failure at any step keeps the installed
// index, records a status in words a user understands and backs off with jitter. Fetch, clock,
// randomness and storage are injected (DESIGN.md: core/ is pure).
import { ignore } from '../errors/ignore';
import { parseIndex } from '../index/schema';
import type { GuidanceIndex } from '../index/types';
import { applyDelta, parseDelta, parseManifest } from './files';
import { canonicalJson, parsePublicKey, sha256Hex, verifyManifest } from './verify';
import {
  DEFAULT_LIMITS,
  type FileRef,
  type Manifest,
  type SourceConfig,
  type SourceState,
  type SyncDeps,
  type SyncLimits,
  type SyncOutcome,
  type SyncStatus,
} from './types';

/** A sync step that did not work: `refused` (the answer was wrong) or `failed` (no usable answer). */
class SyncError extends Error {
  constructor(
    readonly kind: 'refused' | 'failed',
    message: string,
  ) {
    super(message);
  }
}

const refuse = (message: string) => new SyncError('refused', message);
const fail = (message: string) => new SyncError('failed', message);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** How long to wait after `failures` failures in a row: doubling from `backoffMs`, capped, with full jitter on the upper half. */
export function backoffDelay(failures: number, limits: SyncLimits, random: () => number): number {
  const base = Math.min(limits.maxBackoffMs, limits.backoffMs * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.5 + random() * 0.5));
}

interface Session {
  config: SourceConfig;
  deps: SyncDeps;
  limits: SyncLimits;
  bytes: number;
}

/** The body of `url`, at most `limit` bytes, with the request timing out after the configured time. */
async function download(
  session: Session,
  url: string,
  what: string,
  limit: number,
  headers: Record<string, string> = {},
): Promise<{ response: Response; body: Uint8Array | null }> {
  const { deps, limits } = session;
  const signal = (deps.timeout ?? ((ms: number) => AbortSignal.timeout(ms)))(limits.timeoutMs);
  let response: Response;
  try {
    response = await deps.fetch(url, { headers, signal, cache: 'no-store', credentials: 'omit', redirect: 'follow' });
  } catch (error) {
    if (signal.aborted) throw fail(`The server did not answer in time (${what}, ${Math.round(limits.timeoutMs / 1000)} s).`);
    throw fail(`Could not reach the server (${what}): offline, or the address is wrong. ${describe(error)}`.trim());
  }
  if (response.status === 304) return { response, body: null };
  if (!response.ok) {
    await response.body?.cancel().catch(ignore('the answer is refused anyway; cancelling its body only frees the connection'));
    throw fail(`The server answered HTTP ${response.status} for the ${what}.`);
  }
  // Content-Length counts compressed bytes when the body is encoded; the streamed count below is what matters then.
  const declared = response.headers.get('content-encoding') ? NaN : Number(response.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    await response.body?.cancel().catch(ignore('the answer is refused anyway; cancelling its body only frees the connection'));
    throw refuse(`The ${what} is larger than allowed (${mb(declared)}; limit ${mb(limit)}).`);
  }
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    const reader = response.body?.getReader();
    if (reader) {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        session.bytes += value.byteLength;
        if (received > limit) {
          await reader.cancel().catch(ignore('the body is over its size limit and refused; cancelling only frees the connection'));
          throw refuse(`The ${what} is larger than allowed (over ${mb(limit)}).`);
        }
        chunks.push(value);
      }
    }
  } catch (error) {
    if (error instanceof SyncError) throw error;
    if (signal.aborted) throw fail(`The server did not finish sending the ${what} in time.`);
    throw fail(`The download of the ${what} was cut off (${received} bytes received).`);
  }
  const body = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return { response, body };
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
  return cause ? `(${cause})` : '';
}

function parseJson(body: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    throw refuse(`The ${what} is not valid JSON.`);
  }
}

/** A file of the manifest: downloaded, its size and SHA-256 checked against the signed manifest. */
async function signedFile(session: Session, manifestUrl: string, ref: FileRef, what: string): Promise<Uint8Array> {
  if (ref.size > session.limits.bundleBytes) throw refuse(`The ${what} is larger than allowed (${mb(ref.size)}; limit ${mb(session.limits.bundleBytes)}).`);
  let url: URL;
  try {
    url = new URL(ref.url, manifestUrl);
  } catch {
    throw refuse(`The manifest gives an invalid address for the ${what}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse(`The manifest gives a non-web address for the ${what}.`);
  const { body } = await download(session, url.href, what, ref.size);
  if (!body) throw fail(`The server answered 304 for the ${what} without being asked.`);
  if (body.byteLength < ref.size) throw fail(`The download of the ${what} was incomplete (${body.byteLength} of ${ref.size} bytes).`);
  if ((await sha256Hex(body)) !== ref.sha256) throw refuse(`The ${what} does not match the checksum in the signed manifest (altered or corrupted); nothing was installed.`);
  return body;
}

function checkIndex(value: unknown, manifest: Manifest, what: string): GuidanceIndex {
  const parsed = parseIndex(value);
  if (!parsed.ok) throw refuse(`The ${what} is not a valid guidance index (${parsed.problems[0] ?? 'unknown problem'}).`);
  const index = parsed.index;
  if (index.source !== manifest.source) throw refuse(`The ${what} belongs to source "${index.source}", not "${manifest.source}".`);
  if (index.version !== manifest.version) throw refuse(`The ${what} has version ${index.version}, but the manifest announces ${manifest.version}.`);
  if (index.entries.length === 0) throw refuse(`The ${what} has no entries; an empty index is never installed.`);
  return index;
}

/** The installed index brought to `manifest.version` through a delta, or undefined (with the reason) when no usable delta exists. */
async function throughDelta(session: Session, manifestUrl: string, manifest: Manifest, installed: GuidanceIndex | undefined): Promise<{ index?: GuidanceIndex; problem?: string }> {
  if (!installed) return {};
  const ref = manifest.deltas.find((d) => d.from === installed.version);
  if (!ref) return {};
  try {
    const body = await signedFile(session, manifestUrl, ref, 'update');
    const delta = parseDelta(parseJson(body, 'update'));
    if (!delta.ok) throw refuse(`The update is not valid (${delta.problem}).`);
    if (delta.value.to !== manifest.version) throw refuse(`The update leads to version ${delta.value.to}, not ${manifest.version}.`);
    let next: GuidanceIndex;
    try {
      next = applyDelta(installed, delta.value);
    } catch (error) {
      throw refuse(`The update does not fit the installed guidance: ${error instanceof Error ? error.message : String(error)}.`);
    }
    if ((await sha256Hex(canonicalJson(next))) !== manifest.index.sha256) throw refuse('The update did not produce the signed guidance.');
    return { index: checkIndex(next, manifest, 'updated guidance') };
  } catch (error) {
    if (error instanceof SyncError) return { problem: error.message };
    throw error;
  }
}

/** Whether a stored value has the shape of a source's state (versions numbers, a status with its failure count). */
function isSourceState(value: unknown): value is SourceState {
  if (!value || typeof value !== 'object') return false;
  const s = value as Partial<SourceState>;
  const optional = (v: unknown, type: string) => v === undefined || typeof v === type;
  return (
    (s.version === undefined || (typeof s.version === 'number' && Number.isInteger(s.version) && s.version >= 0)) &&
    optional(s.source, 'string') &&
    optional(s.sha256, 'string') &&
    optional(s.etag, 'string') &&
    optional(s.publicKey, 'string') &&
    typeof s.status === 'object' &&
    s.status !== null &&
    typeof s.status.failures === 'number'
  );
}

/**
 * Syncs one source. Never throws for anything the network or the server does: the outcome says
 * what happened, the stored state records it, and the installed index is replaced only by one
 * that passed every check. Hosts that can run two syncs of a source at once (several tabs,
 * several `pull` processes) hold a lock around this call; a newer version stored meanwhile is
 * still never overwritten by an older one.
 */
export async function syncSource(config: SourceConfig, deps: SyncDeps): Promise<SyncOutcome> {
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  const session: Session = { config, deps, limits, bytes: 0 };
  const read = await deps.storage.readState(config.id).catch(ignore('an unreadable state starts afresh; the installed index still sets the version floor'));
  // A state of another shape is a damaged one: it starts afresh too, never as a lower floor.
  const stored = isSourceState(read) ? read : undefined;
  // A new public key is a new trust root: nothing installed under the old key counts any more.
  const sameKey = !stored?.publicKey || stored.publicKey === config.publicKey.trim();
  const state: SourceState = stored && sameKey ? stored : { status: { failures: 0 } };
  // The installed index is read even when the state is missing or damaged: its own version is a
  // floor that a damaged state file must never lower (a rollback to an older signed version).
  let installed = sameKey ? await deps.storage.readIndex(config.id).catch(ignore('an unreadable installed index is replaced by the full bundle; the stored version still sets the floor')) : undefined;
  // What storage holds counts only if it is this source's index (a host may keep a fallback there).
  if (installed && state.source && installed.source !== state.source) installed = undefined;
  // Never below what was ever installed, even when storage cannot give the index back right now.
  // With no state, the index's version counts once the manifest shows it is this source's.
  const floorFor = (source: string) => Math.max(state.version ?? -1, installed && (state.source ?? source) === installed.source ? installed.version : -1);
  const startedAt = new Date(deps.now()).toISOString();
  // The source a verified manifest named, once one did: an index of that source is this source's installed one.
  let verifiedSource: string | undefined;
  /** The version installed now, as far as storage tells (the state's, or with a damaged state the index's own). */
  const installedVersion = () => state.version ?? (installed && installed.source === (state.source ?? verifiedSource) ? installed.version : undefined);

  const finish = async (outcome: SyncOutcome, extra: { etag?: string; source?: string; sha256?: string } = {}): Promise<SyncOutcome> => {
    const ok = outcome.result !== 'refused' && outcome.result !== 'failed';
    const failures = ok ? 0 : state.status.failures + 1;
    const wait = ok ? Math.round(limits.refreshMs * (0.9 + deps.random() * 0.2)) : backoffDelay(failures, limits, deps.random);
    const status: SyncStatus = {
      lastAttempt: startedAt,
      lastSuccess: ok ? startedAt : state.status.lastSuccess,
      lastResult: outcome.result,
      lastError: ok ? outcome.reason : outcome.reason ?? 'The sync did not complete.',
      failures,
      nextAttempt: new Date(deps.now() + wait).toISOString(),
      lastBytes: outcome.bytes,
    };
    const installedNow = outcome.index !== undefined;
    const next: SourceState = {
      version: installedNow ? outcome.version : state.version,
      entries: installedNow ? outcome.index?.entries.length : state.entries,
      sha256: installedNow ? extra.sha256 : state.sha256,
      etag: ok ? (extra.etag ?? state.etag) : state.etag,
      source: extra.source ?? state.source,
      publicKey: config.publicKey.trim(),
      status,
    };
    // A state that cannot be saved changes what the next sync knows: say so, never drop it.
    try {
      await deps.storage.writeState(config.id, next);
    } catch (error) {
      const why = `the sync state could not be saved (${error instanceof Error ? error.message : String(error)}); the next sync starts from the installed guidance`;
      return { ...outcome, reason: outcome.reason ? `${outcome.reason} Also, ${why}.` : `${why.charAt(0).toUpperCase()}${why.slice(1)}.` };
    }
    return outcome;
  };

  try {
    const key = parsePublicKey(config.publicKey);
    if (!key.ok) throw refuse(`The source's public key is not usable: ${key.message}.`);
    // Ask with the ETag only when the installed index is the one that ETag belongs to.
    const conditional = installed !== undefined && installed.version === state.version && state.etag !== undefined;
    const headers: Record<string, string> = conditional ? { 'if-none-match': state.etag as string } : {};
    const { response, body } = await download(session, config.manifestUrl, 'manifest', limits.manifestBytes, headers);
    if (!body) {
      if (!conditional) throw fail('The server answered "not modified" without being asked; nothing was installed.');
      return await finish({ result: 'not-modified', version: installed?.version, bytes: session.bytes });
    }
    // Files are named relative to where the manifest really came from (after redirects).
    const manifestUrl = response.url || config.manifestUrl;
    const parsed = parseManifest(parseJson(body, 'manifest'));
    if (!parsed.ok) throw refuse(`The manifest is not valid (${parsed.problem}).`);
    const manifest = parsed.value;
    if (!(await verifyManifest(manifest, key.key)))
      throw refuse("The manifest's signature does not match this source's public key: it was altered, or signed by someone else. Nothing was installed.");
    if (state.source && manifest.source !== state.source)
      throw refuse(`The manifest is for source "${manifest.source}", but this source is "${state.source}"; nothing was installed.`);
    const etag = response.headers.get('etag') ?? undefined;
    verifiedSource = manifest.source;
    const floor = floorFor(manifest.source);
    // The installed index, when it is this source's (with no state to say so, its own source id does).
    const mine = installed && installed.source === manifest.source ? installed : undefined;
    // Lost or damaged state: the installed index is what it records again, whatever this sync ends in.
    if (state.version === undefined && mine) Object.assign(state, { version: mine.version, entries: mine.entries.length, source: manifest.source });
    if (manifest.version < floor)
      throw refuse(`The server offers version ${manifest.version}, older than the installed version ${floor}; an older version is never installed.`);
    if (mine && manifest.version === mine.version && (!state.sha256 || state.sha256 === manifest.index.sha256)) {
      state.sha256 ??= manifest.index.sha256;
      return await finish(
        { result: 'not-modified', version: mine.version, bytes: session.bytes, ...(stored ? {} : { reason: 'The stored sync state could not be read; the installed guidance was kept and recorded again.' }) },
        { etag, source: manifest.source },
      );
    }

    const viaDelta = manifest.version > (mine?.version ?? -1) ? await throughDelta(session, manifestUrl, manifest, mine) : {};
    let index = viaDelta.index;
    let result: 'delta' | 'full' = 'delta';
    if (!index) {
      result = 'full';
      const bundle = await signedFile(session, manifestUrl, manifest.bundle, 'guidance bundle');
      index = checkIndex(parseJson(bundle, 'guidance bundle'), manifest, 'guidance bundle');
    }
    // Another sync of this source may have stored a newer version meanwhile.
    const now = await deps.storage.readState(config.id).catch(ignore('no concurrent install can be seen; this sync installs its own checked index'));
    if (now?.version !== undefined && now.publicKey === config.publicKey.trim() && now.version > index.version)
      return { result: 'not-modified', version: now.version, bytes: session.bytes, reason: `Version ${now.version} was installed meanwhile.` };
    try {
      await deps.storage.writeIndex(config.id, index);
    } catch (error) {
      throw fail(`The new guidance could not be stored (${error instanceof Error ? error.message : String(error)}); the installed one stays.`);
    }
    const reason = viaDelta.problem ? `${viaDelta.problem} The full guidance was downloaded instead.` : undefined;
    return await finish({ result, version: index.version, bytes: session.bytes, reason, index }, { etag, source: manifest.source, sha256: manifest.index.sha256 });
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    return finish({ result: error.kind, version: installedVersion(), bytes: session.bytes, reason: error.message });
  }
}

/**
 * Whether a scheduled sync of a source with `state` is due at `now` (a user's "Sync now" does not
 * ask). An unreadable time, or one further ahead than any wait the client sets (a clock that was
 * wrong), counts as due.
 */
export function isDue(state: SourceState | undefined, now: number, limits: SyncLimits = DEFAULT_LIMITS): boolean {
  const next = Date.parse(state?.status.nextAttempt ?? '');
  if (Number.isNaN(next)) return true;
  return next <= now || next > now + Math.max(limits.maxBackoffMs, limits.refreshMs * 1.1) + 60_000;
}
