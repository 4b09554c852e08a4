// Signed guidance sources from the command line: `keygen`, `publish` and `pull` (the same sync
// client as the extension and the widget, with a state folder as its storage).
//
// A source folder (what `publish` writes and any static server can host):
//   manifest.json                signed; written last, so it never points at a missing file
//   bundles/index-<v>.json       the full index of each version (never rewritten)
//   deltas/<from>-<to>.json      from each of the last few versions to the newest
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parseIndex } from '../core/index/schema';
import type { Entry, GuidanceIndex } from '../core/index/types';
import { formatProblem, validateEntries } from '../core/index/validate';
import { syncSource } from '../core/sync/client';
import { sourceIdFrom } from '../core/sync/config';
import { makeDelta, parseManifest, sortIndex } from '../core/sync/files';
import { MANIFEST_FORMAT, type Manifest, type SourceState, type SyncOutcome, type SyncStorage } from '../core/sync/types';
import { canonicalJson, fromBase64, generateKeyPair, parsePublicKey, publicKeyOf, sha256Hex, signManifest, toBase64, verifyManifest } from '../core/sync/verify';
import { assembleIndex, compileFolder } from './compile';
import { CliError, DEFAULT_INDEX, readIndexFile } from './default-index';
import { languagePolicy } from './concepts';
import { ignore } from '../core/errors/ignore';

/** How many earlier versions get a delta to the newest one. */
export const DELTA_DEPTH = 5;

/** Compiles a guidance folder, refusing it (every problem on stderr) unless it validates. */
export async function compileValid(dir: string, refused = 'nothing written'): Promise<Entry[]> {
  const compiled = await compileFolder(dir);
  const languages = await languagePolicy(dir);
  const problems = [
    ...compiled.problems,
    ...validateEntries(compiled.entries, { fileOf: (e) => compiled.files.get(e) ?? e.id, languages: languages.cards, keyPointLanguages: languages.keyPoints, termLanguages: languages.terms }),
  ];
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
    throw new CliError(`${problems.length} problem(s) in ${dir}; ${refused} (run mx-lookup validate ${dir})`);
  }
  return compiled.entries;
}

/** Writes `text` to `path` through a temporary file and a rename: readers see the old file or the new one. */
/** fsync of a folder, so renames in it are on disk (not supported everywhere: then a no-op). */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for fsync.
  }
}

export async function writeAtomic(path: string, text: string, mode?: number): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  const handle = await open(tmp, 'w', mode);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, path);
  await syncFolder(dirname(path));
}

// ── keygen ──────────────────────────────────────────────────────────────────────────────────────

export async function keygen(dir: string | undefined): Promise<string> {
  if (!dir) throw new CliError('usage: mx-lookup keygen <dir>');
  await mkdir(dir, { recursive: true });
  const keyFile = join(dir, 'source.key');
  const pubFile = join(dir, 'source.pub');
  if (existsSync(keyFile)) throw new CliError(`${keyFile} exists already; a new key would lock out every client that pinned the old one (move it away first)`);
  const { secretKey, publicKey } = await generateKeyPair();
  await writeAtomic(keyFile, `${toBase64(secretKey)}\n`, 0o600);
  await chmod(keyFile, 0o600);
  await writeFile(pubFile, `${toBase64(publicKey)}\n`);
  return `${keyFile} (private, mode 0600: keep it off the web server)\n${pubFile} (public key, give it to the clients):\n  ${toBase64(publicKey)}\n`;
}

async function readSecretKey(file: string): Promise<Uint8Array> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new CliError(`cannot read the private key ${file}`);
  }
  const key = fromBase64(text);
  if (!key || key.length !== 32) throw new CliError(`${file} is not a private key written by mx-lookup keygen`);
  return key;
}

// ── publish ─────────────────────────────────────────────────────────────────────────────────────

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

async function fileRef(path: string, url: string): Promise<{ url: string; sha256: string; size: number }> {
  const bytes = await readFile(path);
  return { url, sha256: await sha256Hex(bytes), size: bytes.byteLength };
}

export interface PublishOptions {
  source?: string;
  now?: Date;
}

export async function publish(guidanceDir: string | undefined, keyFile: string | undefined, siteDir: string | undefined, options: PublishOptions = {}): Promise<string> {
  if (!guidanceDir || !keyFile || !siteDir) throw new CliError('usage: mx-lookup publish <guidance-dir> --key <dir>/source.key --out <site-dir>');
  const secretKey = await readSecretKey(keyFile);
  const publicKey = await publicKeyOf(secretKey);
  const manifestPath = join(siteDir, 'manifest.json');
  let last: Manifest | undefined;
  if (existsSync(manifestPath)) {
    const parsed = parseManifest(await readJson(manifestPath).catch(ignore('a missing or unreadable manifest is reported by its parse')));
    if (!parsed.ok) throw new CliError(`${manifestPath} is not a manifest (${parsed.problem}); refusing to publish over it`);
    if (!(await verifyManifest(parsed.value, publicKey))) throw new CliError(`${manifestPath} was signed with another key; publish with that key (clients have pinned it)`);
    last = parsed.value;
  }
  const source = last?.source ?? options.source ?? sourceIdFrom(basename(resolve(guidanceDir)));
  if (options.source && last && options.source !== last.source) throw new CliError(`${siteDir} publishes source "${last.source}", not "${options.source}"`);
  const entries = await compileValid(guidanceDir, 'nothing published');
  if (entries.length === 0) throw new CliError(`${guidanceDir} has no entries; an empty source is never published`);
  const version = (last?.version ?? 0) + 1;
  const now = options.now ?? new Date();
  const index = sortIndex(assembleIndex(entries, { source, version, built: now.toISOString() }));
  const previous = last ? await readBundle(siteDir, last.version) : undefined;
  if (previous && sameContent(previous, index)) return `${siteDir}: no entry changed since version ${last?.version}; nothing published\n`;

  await mkdir(join(siteDir, 'bundles'), { recursive: true });
  await mkdir(join(siteDir, 'deltas'), { recursive: true });
  const bundleUrl = `bundles/index-${version}.json`;
  await writeAtomic(join(siteDir, bundleUrl), JSON.stringify(index));
  const deltas: Manifest['deltas'] = [];
  for (let from = version - 1; from >= Math.max(1, version - DELTA_DEPTH); from--) {
    const old = await readBundle(siteDir, from);
    if (!old) continue;
    const url = `deltas/${from}-${version}.json`;
    await writeAtomic(join(siteDir, url), JSON.stringify(makeDelta(old, index)));
    deltas.push({ from, ...(await fileRef(join(siteDir, url), url)) });
  }
  const manifest = await signManifest(
    {
      format: MANIFEST_FORMAT,
      formatVersion: 1,
      source,
      version,
      published: now.toISOString(),
      index: { sha256: await sha256Hex(canonicalJson(index)), entries: index.entries.length },
      bundle: await fileRef(join(siteDir, bundleUrl), bundleUrl),
      deltas,
    },
    secretKey,
  );
  await writeAtomic(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  return [
    `${siteDir}: source "${source}" version ${version}, ${index.entries.length} entries`,
    `  bundle ${bundleUrl} ${kb(manifest.bundle.size)}`,
    ...deltas.map((d) => `  delta ${d.url} ${kb(d.size)}`),
    `  manifest.json signed by ${toBase64(publicKey)}`,
    '',
  ].join('\n');
}

async function readBundle(siteDir: string, version: number): Promise<GuidanceIndex | undefined> {
  const path = join(siteDir, 'bundles', `index-${version}.json`);
  if (!existsSync(path)) return undefined;
  const parsed = parseIndex(await readJson(path).catch(ignore('an unreadable file is reported or replaced by the parse that follows')));
  return parsed.ok ? parsed.index : undefined;
}

function sameContent(a: GuidanceIndex, b: GuidanceIndex): boolean {
  return canonicalJson({ entries: a.entries, lexicon: a.lexicon }) === canonicalJson({ entries: b.entries, lexicon: b.lexicon });
}

// ── pull ────────────────────────────────────────────────────────────────────────────────────────

/**
 * A state folder as the sync client's storage (one source per folder): `index.json` the installed
 * index, `index.previous.json` the one before, `state.json` the ETag, version and status.
 */
export class StateFolder implements SyncStorage {
  constructor(readonly dir: string) {}

  get indexFile(): string {
    return join(this.dir, 'index.json');
  }

  async readIndex(): Promise<GuidanceIndex | undefined> {
    for (const file of [this.indexFile, join(this.dir, 'index.previous.json')]) {
      const parsed = parseIndex(await readJson(file).catch(ignore('an unreadable file is reported or replaced by the parse that follows')));
      if (parsed.ok) return parsed.index;
    }
    return undefined;
  }

  async writeIndex(_sourceId: string, index: GuidanceIndex): Promise<void> {
    // The previous good index is copied aside first (only if it is one); index.json is then
    // replaced in one rename.
    const current = parseIndex(await readJson(this.indexFile).catch(ignore('an unreadable file is reported or replaced by the parse that follows')));
    if (current.ok) {
      const previousTmp = `${this.indexFile}.previous.${process.pid}.tmp`;
      await copyFile(this.indexFile, previousTmp);
      await rename(previousTmp, join(this.dir, 'index.previous.json'));
    }
    await writeAtomic(this.indexFile, JSON.stringify(index));
  }

  async readState(): Promise<SourceState | undefined> {
    const value = (await readJson(join(this.dir, 'state.json')).catch(ignore('an unreadable file is reported or replaced by the parse that follows'))) as SourceState | undefined;
    return value && typeof value === 'object' && value.status && typeof value.status.failures === 'number' ? value : undefined;
  }

  async writeState(_sourceId: string, state: SourceState): Promise<void> {
    await writeAtomic(join(this.dir, 'state.json'), `${JSON.stringify(state, null, 2)}\n`);
  }

  /** Makes sure index.json is a valid index: the installed one, else the previous one, else the bundled default guidance. */
  async ensureIndex(): Promise<void> {
    const current = parseIndex(await readJson(this.indexFile).catch(ignore('an unreadable file is reported or replaced by the parse that follows')));
    if (current.ok) return;
    const previous = parseIndex(await readJson(join(this.dir, 'index.previous.json')).catch(ignore('an unreadable file is reported or replaced by the parse that follows')));
    if (previous.ok) {
      await writeAtomic(this.indexFile, JSON.stringify(previous.index));
      return;
    }
    const fallback = await readIndexFile(DEFAULT_INDEX).catch(ignore('without the default guidance the state folder keeps what it has'));
    if (fallback) await writeAtomic(this.indexFile, JSON.stringify(fallback));
  }
}

export interface PullOptions {
  keyFile?: string;
  stateDir?: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export async function pull(manifestUrl: string | undefined, options: PullOptions): Promise<SyncOutcome> {
  if (!manifestUrl || !options.keyFile || !options.stateDir) throw new CliError('usage: mx-lookup pull <manifest-url> --key <public-key-file> --state <state-dir> [--json]');
  let keyText: string;
  try {
    keyText = (await readFile(options.keyFile, 'utf8')).trim();
  } catch {
    throw new CliError(`cannot read the public key ${options.keyFile}`);
  }
  const key = parsePublicKey(keyText);
  if (!key.ok) throw new CliError(`${options.keyFile}: ${key.message}`);
  await mkdir(options.stateDir, { recursive: true });
  const storage = new StateFolder(options.stateDir);
  const release = await lockFolder(options.stateDir);
  if (!release) return { result: 'failed', bytes: 0, reason: `Another mx-lookup pull is using ${options.stateDir}; try again when it has finished.` };
  try {
    return await syncSource(
      { id: 'source', name: manifestUrl, manifestUrl, publicKey: keyText, priority: 1, enabled: true },
      {
        fetch: options.fetchImpl ?? fetch,
        storage,
        now: Date.now,
        random: Math.random,
        limits: options.timeoutMs ? { timeoutMs: options.timeoutMs } : undefined,
      },
    );
  } finally {
    await storage.ensureIndex();
    await release();
  }
}

/** Takes `<dir>/.lock` (a lock older than ten minutes is a crashed pull's and is taken over); undefined when another pull holds it. */
async function lockFolder(dir: string): Promise<(() => Promise<void>) | undefined> {
  const lock = join(dir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return () => rm(lock, { force: true });
    } catch {
      const age = await stat(lock).then((s) => Date.now() - s.mtimeMs).catch(() => 0);
      if (age < 10 * 60_000) return undefined;
      await rm(lock, { force: true });
    }
  }
  return undefined;
}

export function pullLine(outcome: SyncOutcome): string {
  return JSON.stringify({ result: outcome.result, version: outcome.version ?? null, bytes: outcome.bytes, reason: outcome.reason ?? null });
}
