// The sync client against a real HTTP server on 127.0.0.1: every fault keeps the last good index
// and records a status; once the server is fixed the next sync succeeds. Also 304, deltas,
// removals, two sources with an overriding entry, and the back-off.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GuidanceIndex } from '../../../core/index/types';
import { buildMatcher } from '../../../core/match/matcher';
import { syncSource, isDue, backoffDelay } from '../../../core/sync/client';
import { mergeLayers } from '../../../core/sync/merge';
import { DEFAULT_LIMITS, type Manifest, type SourceConfig, type SyncDeps } from '../../../core/sync/types';
import { canonicalJson, sha256Hex, signManifest, toBase64, generateKeyPair } from '../../../core/sync/verify';
import { publish } from '../../../cli/source';
import { fixtureIndex } from '../paths';
import { editSummary, MemoryStorage, publishedSource, startFaultServer, type FaultServer, type PublishedSource } from './fixtures';

let source: PublishedSource;
let server: FaultServer;
let secretKey: Uint8Array;

beforeAll(async () => {
  source = await publishedSource();
  server = await startFaultServer(source.site);
  const { fromBase64 } = await import('../../../core/sync/verify');
  secretKey = fromBase64(readFileSync(source.keyFile, 'utf8')) as Uint8Array;
});
afterAll(async () => {
  await server?.close();
  source?.cleanup();
});

const manifestV2 = () => JSON.parse(readFileSync(join(source.site, 'manifest.json'), 'utf8')) as Manifest;

function setUp(limits: SyncDeps['limits'] = {}) {
  const storage = new MemoryStorage();
  let clock = Date.parse('2026-11-25T08:00:00Z');
  const config: SourceConfig = { id: 'fixture', name: 'Fixture', manifestUrl: server.manifestUrl, publicKey: source.publicKey, priority: 10, enabled: true };
  const deps: SyncDeps = { fetch, storage, now: () => clock, random: () => 0.5, limits: { timeoutMs: 1500, ...limits } };
  return {
    storage,
    config,
    deps,
    sync: (c: Partial<SourceConfig> = {}) => syncSource({ ...config, ...c }, deps),
    advance: (ms: number) => (clock += ms),
  };
}

/** A client with version 1 installed (the server answers with the version-1 manifest for that). */
async function withVersion1(limits: SyncDeps['limits'] = {}) {
  const client = setUp(limits);
  server.overrides.set('/manifest.json', source.manifestV1);
  const first = await client.sync();
  server.overrides.clear();
  expect(first.result).toBe('full');
  expect(first.version).toBe(1);
  return client;
}

beforeEach(() => {
  server.fault = 'none';
  server.overrides.clear();
});

describe('a healthy server', () => {
  it('installs the full bundle first, then answers 304 with no body', async () => {
    const client = setUp();
    const first = await client.sync();
    expect(first).toMatchObject({ result: 'full', version: 2 });
    expect(first.bytes).toBeGreaterThan(1000);
    expect(client.storage.indexes.get('fixture')?.version).toBe(2);
    const second = await client.sync();
    expect(second).toMatchObject({ result: 'not-modified', version: 2, bytes: 0 });
    expect(client.storage.states.get('fixture')?.status).toMatchObject({ failures: 0, lastResult: 'not-modified' });
  });

  it('takes the delta from the installed version, and its result equals the full bundle', async () => {
    const client = await withVersion1();
    const outcome = await client.sync();
    expect(outcome.result).toBe('delta');
    expect(outcome.bytes).toBeLessThan(5 * 1024);
    const bundle = JSON.parse(readFileSync(join(source.site, 'bundles', 'index-2.json'), 'utf8'));
    expect(await sha256Hex(canonicalJson(client.storage.indexes.get('fixture')))).toBe(await sha256Hex(canonicalJson(bundle)));
    expect(client.storage.previous.get('fixture')?.version).toBe(1); // the previous good one is kept
  });
});

// Each fault: version 1 is installed, the server misbehaves while offering version 2.
const faults: { name: string; kind: 'refused' | 'failed'; reason: RegExp; arrange: () => Promise<void> | void; limits?: SyncDeps['limits'] }[] = [
  { name: 'offline (connection dropped)', kind: 'failed', reason: /could not reach the server/i, arrange: () => void (server.fault = 'offline') },
  { name: 'HTTP 500', kind: 'failed', reason: /HTTP 500/, arrange: () => void (server.fault = 'http500') },
  { name: 'timeout', kind: 'failed', reason: /did not answer in time/i, arrange: () => void (server.fault = 'timeout'), limits: { timeoutMs: 300 } },
  {
    name: 'truncated body',
    kind: 'failed',
    reason: /cut off|incomplete/i,
    arrange: () => {
      server.fault = 'truncate';
      server.overrides.set('/deltas/1-2.json', 'not used'); // force the full bundle: the delta fails its hash
    },
  },
  {
    name: 'wrong hash (bundle altered on the server)',
    kind: 'refused',
    reason: /checksum/i,
    arrange: () => {
      const bundle = readFileSync(join(source.site, 'bundles', 'index-2.json'), 'utf8');
      server.overrides.set('/bundles/index-2.json', bundle.replace('edited once', 'edited ONCE'));
      server.overrides.set('/deltas/1-2.json', 'not used');
    },
  },
  {
    name: 'bad signature (manifest altered)',
    kind: 'refused',
    reason: /signature/i,
    arrange: () => void server.overrides.set('/manifest.json', JSON.stringify({ ...manifestV2(), published: '2030-01-01T00:00:00.000Z' })),
  },
  {
    name: "another source's key",
    kind: 'refused',
    reason: /signature/i,
    arrange: async () => {
      const other = await generateKeyPair();
      const { signature: _s, ...unsigned } = manifestV2();
      server.overrides.set('/manifest.json', JSON.stringify(await signManifest(unsigned, other.secretKey)));
    },
  },
  {
    name: 'schema-invalid bundle (correctly signed)',
    kind: 'refused',
    reason: /not a valid guidance index/i,
    arrange: async () => {
      const bad = JSON.stringify({ format: 'mx-lookup-index', formatVersion: 1, source: 'fixture', version: 2, built: 'x', entries: [{ id: 'Not A Slug' }], lexicon: { nearWords: [] } });
      const bytes = Buffer.from(bad);
      const { signature: _s, ...unsigned } = manifestV2();
      const manifest = await signManifest({ ...unsigned, deltas: [], bundle: { url: 'bundles/bad.json', sha256: await sha256Hex(bytes), size: bytes.length } }, secretKey);
      server.overrides.set('/bundles/bad.json', bytes);
      server.overrides.set('/manifest.json', JSON.stringify(manifest));
    },
  },
  {
    name: 'older version (rollback)',
    kind: 'refused',
    reason: /older than the installed version/i,
    arrange: async () => {
      // Install version 2 first, then serve the (validly signed) version-1 manifest.
      server.overrides.set('/manifest.json', source.manifestV1);
    },
  },
  {
    name: 'oversize body',
    kind: 'refused',
    reason: /larger than allowed/i,
    limits: { bundleBytes: 4000 },
    arrange: () => void server.overrides.set('/deltas/1-2.json', 'not used'),
  },
  {
    name: 'broken delta and a broken bundle',
    kind: 'refused',
    reason: /checksum/i,
    arrange: () => {
      server.overrides.set('/deltas/1-2.json', '{"format":"mx-lookup-delta"}');
      server.overrides.set('/bundles/index-2.json', Buffer.alloc(manifestV2().bundle.size, 'x'));
    },
  },
];

describe('every fault keeps the last good index, shows a status, and the next sync after the fix succeeds', () => {
  for (const fault of faults) {
    it(fault.name, async () => {
      const client = await withVersion1();
      if (fault.name.startsWith('older version')) {
        expect((await client.sync()).version).toBe(2);
      }
      const installed = structuredClone(client.storage.indexes.get('fixture'));
      await fault.arrange();
      const outcome = await syncSource(client.config, { ...client.deps, limits: { ...client.deps.limits, ...fault.limits } });
      expect(outcome.result).toBe(fault.kind);
      expect(outcome.reason).toMatch(fault.reason);
      expect(client.storage.indexes.get('fixture')).toEqual(installed);
      const status = client.storage.states.get('fixture')?.status;
      expect(status).toMatchObject({ lastResult: fault.kind, failures: 1 });
      expect(status?.lastError).toMatch(fault.reason);
      expect(Date.parse(status?.nextAttempt ?? '')).toBeGreaterThan(client.deps.now());

      server.fault = 'none';
      server.overrides.clear();
      const fixed = await syncSource(client.config, { ...client.deps, limits: { timeoutMs: 1500 } });
      expect(['delta', 'full', 'not-modified']).toContain(fixed.result);
      expect(client.storage.indexes.get('fixture')?.version).toBe(2);
      expect(client.storage.states.get('fixture')?.status).toMatchObject({ failures: 0 });
    });
  }

  it('a broken delta alone: the full bundle is used instead, and the status says so', async () => {
    const client = await withVersion1();
    const m = manifestV2();
    const broken = Buffer.from(JSON.stringify({ format: 'mx-lookup-delta', source: 'fixture', from: 1, to: 2, built: 'x', upsert: [], remove: ['no-such-entry'], nearWords: { add: [], remove: [] } }));
    const { signature: _s, ...unsigned } = m;
    const manifest = await signManifest({ ...unsigned, deltas: [{ from: 1, url: 'deltas/broken.json', sha256: await sha256Hex(broken), size: broken.length }] }, secretKey);
    server.overrides.set('/deltas/broken.json', broken);
    server.overrides.set('/manifest.json', JSON.stringify(manifest));
    const outcome = await client.sync();
    expect(outcome.result).toBe('full');
    expect(outcome.reason).toMatch(/does not fit the installed guidance.*full guidance was downloaded instead/i);
    expect(client.storage.indexes.get('fixture')?.version).toBe(2);
  });

  it('a first sync that fails installs nothing and says why', async () => {
    const client = setUp();
    server.fault = 'http500';
    const outcome = await client.sync();
    expect(outcome).toMatchObject({ result: 'failed', version: undefined });
    expect(client.storage.indexes.size).toBe(0);
  });

  it('an unusable pinned key is refused before any request', async () => {
    const client = setUp();
    const before = server.requests.length;
    const outcome = await client.sync({ publicKey: 'abc' });
    expect(outcome.result).toBe('refused');
    expect(outcome.reason).toMatch(/public key/i);
    expect(server.requests.length).toBe(before);
  });
});

describe('what the review found (each once a way to a wrong or older index)', () => {
  it('a storage hiccup does not lower the floor: a replayed older manifest is still refused', async () => {
    const client = await withVersion1();
    await client.sync(); // version 2
    const readIndex = client.storage.readIndex.bind(client.storage);
    client.storage.readIndex = async () => {
      throw new Error('storage busy');
    };
    server.fault = 'http500';
    expect((await client.sync()).result).toBe('failed');
    expect(client.storage.states.get('fixture')?.version).toBe(2);
    server.fault = 'none';
    server.overrides.set('/manifest.json', source.manifestV1);
    const replay = await client.sync();
    expect(replay.result).toBe('refused');
    expect(replay.reason).toMatch(/older than the installed version 2/);
    client.storage.readIndex = readIndex;
    expect(client.storage.indexes.get('fixture')?.version).toBe(2);
  });

  it('a manifest of another source signed with the same key is refused', async () => {
    const client = await withVersion1();
    const { signature: _s, ...unsigned } = manifestV2();
    server.overrides.set('/manifest.json', JSON.stringify(await signManifest({ ...unsigned, source: 'other-source' }, secretKey)));
    const outcome = await client.sync();
    expect(outcome.result).toBe('refused');
    expect(outcome.reason).toMatch(/for source "other-source"/);
    expect(client.storage.indexes.get('fixture')?.version).toBe(1);
  });

  it('a 304 nobody asked for is a failure, not "up to date"', async () => {
    const client = setUp();
    const fetch304: typeof fetch = async () => new Response(null, { status: 304 });
    const outcome = await syncSource(client.config, { ...client.deps, fetch: fetch304 });
    expect(outcome.result).toBe('failed');
    expect(client.storage.states.get('fixture')?.status.lastSuccess).toBeUndefined();
  });

  it('the same version with other content is installed again from the full bundle', async () => {
    const client = setUp();
    await client.sync(); // version 2
    const state = client.storage.states.get('fixture');
    // As if what is installed were another publication of version 2 (its manifest, so its ETag, differed).
    if (state) Object.assign(state, { sha256: 'f'.repeat(64), etag: undefined });
    const outcome = await client.sync();
    expect(outcome).toMatchObject({ result: 'full', version: 2 });
  });

  it('a new public key starts afresh; the ETag is sent only for the index it belongs to', async () => {
    const client = setUp();
    await client.sync();
    const other = await generateKeyPair();
    const refused = await client.sync({ publicKey: toBase64(other.publicKey) });
    expect(refused.result).toBe('refused');
    expect(client.storage.states.get('fixture')?.version).toBeUndefined(); // nothing counts under the new key
    const seen: (string | null)[] = [];
    const spy: typeof fetch = async (input, init) => {
      seen.push(new Headers(init?.headers).get('if-none-match'));
      return fetch(input, init);
    };
    await syncSource(client.config, { ...client.deps, fetch: spy });
    expect(seen[0]).toBeNull(); // the stored state was reset: no ETag to send
    await syncSource(client.config, { ...client.deps, fetch: spy });
    expect(seen.at(-1)).not.toBeNull();
  });

  it('an empty index is never installed', async () => {
    const client = await withVersion1();
    const empty = Buffer.from(JSON.stringify({ format: 'mx-lookup-index', formatVersion: 1, source: 'fixture', version: 2, built: 'x', entries: [], lexicon: { nearWords: [] } }));
    const { signature: _s, ...unsigned } = manifestV2();
    server.overrides.set('/bundles/empty.json', empty);
    server.overrides.set('/manifest.json', JSON.stringify(await signManifest({ ...unsigned, deltas: [], bundle: { url: 'bundles/empty.json', size: empty.length, sha256: await sha256Hex(empty) } }, secretKey)));
    const outcome = await client.sync();
    expect(outcome.result).toBe('refused');
    expect(outcome.reason).toMatch(/no entries/);
  });

  it('a newer version stored by a concurrent sync is not overwritten', async () => {
    const client = await withVersion1();
    const readState = client.storage.readState.bind(client.storage);
    let calls = 0;
    client.storage.readState = async (id: string) => {
      const state = await readState(id);
      // The second read is the check just before storing: another sync has installed version 9.
      return ++calls === 2 && state ? { ...state, version: 9 } : state;
    };
    const outcome = await client.sync();
    expect(outcome).toMatchObject({ result: 'not-modified', version: 9 });
    expect(client.storage.indexes.get('fixture')?.version).toBe(1);
  });
});

describe('back-off', () => {
  it('doubles per failure up to the cap, with jitter in the upper half', () => {
    const limits = DEFAULT_LIMITS;
    expect(backoffDelay(1, limits, () => 0)).toBe(limits.backoffMs / 2);
    expect(backoffDelay(1, limits, () => 0.999)).toBeLessThanOrEqual(limits.backoffMs);
    expect(backoffDelay(3, limits, () => 0)).toBe(limits.backoffMs * 2);
    expect(backoffDelay(40, limits, () => 0.999)).toBeLessThanOrEqual(limits.maxBackoffMs);
  });

  it('an unreadable or impossibly distant next attempt counts as due', () => {
    const now = Date.parse('2026-11-25T08:00:00Z');
    expect(isDue({ status: { failures: 1, nextAttempt: 'soon' } }, now)).toBe(true);
    expect(isDue({ status: { failures: 1, nextAttempt: '2030-01-01T00:00:00Z' } }, now)).toBe(true);
    expect(isDue({ status: { failures: 1, nextAttempt: '2026-11-25T09:00:00Z' } }, now)).toBe(false);
  });

  it('a failed sync is not due again until its back-off has passed', async () => {
    const client = await withVersion1();
    server.fault = 'http500';
    await client.sync();
    const state = client.storage.states.get('fixture');
    expect(isDue(state, client.deps.now())).toBe(false);
    client.advance(DEFAULT_LIMITS.backoffMs + 1);
    expect(isDue(state, client.deps.now())).toBe(true);
  });
});

describe('several sources', () => {
  it('a higher-priority source overrides an entry with the same id; a removal is honoured', async () => {
    const client = setUp();
    expect((await client.sync()).result).toBe('full');
    const base = fixtureIndex();
    const layers = () => [
      { index: base, priority: 0 },
      { index: client.storage.indexes.get('fixture') as never, priority: 10 },
    ];
    let merged = buildMatcher(mergeLayers(layers()).index);
    expect(merged.entry('prone-positioning')?.summary.en).toMatch(/edited once/);

    // A hospital source adds its own entry, then removes it in its next version.
    const hospital = await publishedSource('hospital');
    try {
      rmSync(join(hospital.guidance, 'therapeutics', 'remdesivir.md'));
      await publish(hospital.guidance, hospital.keyFile, hospital.site);
      const hospitalServer = await startFaultServer(hospital.site);
      try {
        const before = await syncSource({ ...client.config, id: 'hospital', manifestUrl: hospitalServer.manifestUrl, publicKey: hospital.publicKey }, client.deps);
        expect(before.version).toBe(3);
        const hospitalIndex = client.storage.indexes.get('hospital');
        expect(hospitalIndex?.entries.some((e) => e.id === 'remdesivir')).toBe(false);
        // Only in the default layer now: the entry comes from there.
        const { origins } = mergeLayers([...layers(), { index: hospitalIndex as never, priority: 20 }]);
        expect(origins.get('remdesivir')).toBe('fixture');
        expect(origins.get('prone-positioning')).toBe('hospital');
        merged = buildMatcher(mergeLayers([...layers(), { index: hospitalIndex as never, priority: 20 }]).index);
        expect(merged.lookup('prone positioning')[0]?.id).toBe('prone-positioning');
      } finally {
        await hospitalServer.close();
      }
    } finally {
      hospital.cleanup();
    }
  });

  it('a removal through a delta takes the entry out of the installed index', async () => {
    const client = await withVersion1();
    await client.sync();
    rmSync(join(source.guidance, 'therapeutics', 'remdesivir.md'));
    editSummary(source.guidance, 'prone-positioning', 'edited for removal test');
    await publish(source.guidance, source.keyFile, source.site);
    const outcome = await client.sync();
    expect(outcome).toMatchObject({ result: 'delta', version: 3 });
    expect(client.storage.indexes.get('fixture')?.entries.map((e) => e.id)).not.toContain('remdesivir');
    const merged = buildMatcher(mergeLayers([{ index: client.storage.indexes.get('fixture') as never, priority: 10 }]).index);
    expect(merged.lookup('remdesivir')).toEqual([]);
  });
});

describe('publish', () => {
  it('signs manifests that verify with the public key and whose hashes match the files', async () => {
    const m = manifestV2();
    const { verifyManifest, parsePublicKey } = await import('../../../core/sync/verify');
    const key = parsePublicKey(source.publicKey);
    expect(key.ok && (await verifyManifest(m, key.key))).toBe(true);
    const bundle = readFileSync(join(source.site, m.bundle.url));
    expect(bundle.length).toBe(m.bundle.size);
    expect(await sha256Hex(bundle)).toBe(m.bundle.sha256);
    expect(toBase64(new Uint8Array(64)).length).toBe(88);
  });
});

// Issue 16's storage fault table: each row damages the storage the client uses, then checks that
// the installed version is never lowered (an older, validly signed version is offered too), that
// the source does not disappear, that the outcome says what happened in words, and that the next
// sync after the storage recovers ends with the current version installed and recorded.
describe('storage faults: the installed version is never lowered, nothing disappears, the status says why, recovery ends right', () => {
  const boom = (message: string) => async () => {
    throw new Error(message);
  };
  const rows: { name: string; harm: (s: MemoryStorage) => void }[] = [
    { name: 'state unreadable', harm: (s) => (s.readState = boom('state.json: Unexpected token g')) },
    { name: 'state of another shape', harm: (s) => s.states.set('fixture', { version: 'two', status: 'ok' } as unknown as never) },
    { name: 'index unreadable', harm: (s) => (s.readIndex = boom('index.json: permission denied')) },
    { name: 'index truncated', harm: (s) => (s.readIndex = boom('index.json: Unexpected end of JSON input')) },
    { name: 'index of another source', harm: (s) => s.indexes.set('fixture', { ...(s.indexes.get('fixture') as GuidanceIndex), source: 'another' }) },
    { name: 'write failing half-way', harm: (s) => (s.writeIndex = boom('write interrupted after 4096 bytes')) },
    { name: 'quota exceeded', harm: (s) => ((s.writeIndex = boom('QuotaExceededError: the quota has been exceeded')), (s.writeState = boom('QuotaExceededError'))) },
    {
      name: 'storage unavailable (a private window)',
      harm: (s) => ((s.readState = boom('IndexedDB is unavailable')), (s.readIndex = boom('IndexedDB is unavailable')), (s.writeIndex = boom('IndexedDB is unavailable')), (s.writeState = boom('IndexedDB is unavailable'))),
    },
  ];
  for (const row of rows)
    it(row.name, async () => {
      const client = await withVersion1();
      const current = (await client.sync()).version as number;
      expect(current).toBeGreaterThan(1);
      const healthy = { readState: client.storage.readState, readIndex: client.storage.readIndex, writeIndex: client.storage.writeIndex, writeState: client.storage.writeState };
      const before = structuredClone({ states: client.storage.states, indexes: client.storage.indexes });
      row.harm(client.storage);
      // An older, validly signed version is offered while storage is damaged: never installed.
      server.overrides.set('/manifest.json', source.manifestV1);
      const replay = await client.sync();
      expect(['refused', 'failed'], `${row.name}: ${replay.result} ${replay.reason}`).toContain(replay.result);
      expect(replay.reason, row.name).toMatch(/\w+ \w+/);
      // The outcome names the version still installed, whenever storage can tell it.
      if (!row.name.startsWith('storage unavailable')) expect(replay.version, row.name).toBe(current);
      expect(client.storage.indexes.get('fixture')?.version).not.toBe(1);
      // What storage records after the refusal still names the installed version (a damaged state is repaired from the index).
      expect(client.storage.states.get('fixture')?.version, row.name).toBe(current);
      server.overrides.clear();
      // Storage recovers (what it held is as it was); the next sync ends with version 2 installed and recorded.
      Object.assign(client.storage, healthy);
      client.storage.states = before.states;
      client.storage.indexes = before.indexes;
      client.advance(48 * 3600_000);
      const next = await client.sync();
      expect(['not-modified', 'delta', 'full']).toContain(next.result);
      expect(client.storage.indexes.get('fixture')?.version).toBe(current);
      expect(client.storage.states.get('fixture')).toMatchObject({ version: current, source: expect.any(String) });
    });
});
