// Signing text, signatures, keys, deltas and source addresses: the pure parts of core/sync.
import { describe, expect, it } from 'vitest';
import { manifestUrlProblem, sourceIdFrom, sourceProblems } from '../../../../core/sync/config';
import { applyDelta, makeDelta, parseManifest, sortIndex } from '../../../../core/sync/files';
import { canonicalJson, fromBase64, generateKeyPair, parsePublicKey, sha256Hex, signManifest, toBase64, verifyManifest } from '../../../../core/sync/verify';
import { MANIFEST_FORMAT, type UnsignedManifest } from '../../../../core/sync/types';
import { fixtureIndex } from '../../paths';

const unsigned: UnsignedManifest = {
  format: MANIFEST_FORMAT,
  formatVersion: 1,
  source: 'test',
  version: 3,
  published: '2026-11-25T10:00:00.000Z',
  index: { sha256: 'a'.repeat(64), entries: 10 },
  bundle: { url: 'bundles/index-3.json', sha256: 'b'.repeat(64), size: 1234 },
  deltas: [{ from: 2, url: 'deltas/2-3.json', sha256: 'c'.repeat(64), size: 99 }],
};

describe('canonical JSON and hashes', () => {
  it('gives one text whatever the key order, and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: 1 }], c: undefined })).toBe('{"a":[{"x":1,"y":2}],"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('hashes with SHA-256 (known vector)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('round-trips base64 and refuses what is not base64', () => {
    const bytes = new Uint8Array([0, 1, 254, 255, 7]);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(fromBase64('not base64!')).toBeUndefined();
    expect(fromBase64('abc')).toBeUndefined();
  });
});

describe('manifest signatures', () => {
  it('verifies its own signature, and not after any change or with another key', async () => {
    const { secretKey, publicKey } = await generateKeyPair();
    const other = await generateKeyPair();
    const manifest = await signManifest(unsigned, secretKey);
    expect(await verifyManifest(manifest, publicKey)).toBe(true);
    expect(await verifyManifest({ ...manifest, version: 4 }, publicKey)).toBe(false);
    expect(await verifyManifest({ ...manifest, deltas: [] }, publicKey)).toBe(false);
    expect(await verifyManifest(manifest, other.publicKey)).toBe(false);
    expect(await verifyManifest({ ...manifest, signature: 'garbage' }, publicKey)).toBe(false);
    // Formatting on disk does not matter: the signing text is canonical.
    const reordered = JSON.parse(JSON.stringify({ signature: manifest.signature, ...unsigned }));
    expect(await verifyManifest(reordered, publicKey)).toBe(true);
  });

  it('explains an unusable public key', () => {
    expect(parsePublicKey('abc')).toMatchObject({ ok: false });
    expect(parsePublicKey(toBase64(new Uint8Array(16)))).toMatchObject({ ok: false, message: expect.stringContaining('16 bytes') });
    expect(parsePublicKey(toBase64(new Uint8Array(32)))).toMatchObject({ ok: true });
  });

  it('refuses a manifest that does not fit the schema, saying where', () => {
    expect(parseManifest({ ...unsigned, signature: 'x', version: -1 })).toMatchObject({ ok: false, problem: expect.stringContaining('version') });
    expect(parseManifest({ ...unsigned, signature: 'x', bundle: { ...unsigned.bundle, sha256: 'xyz' } })).toMatchObject({ ok: false, problem: expect.stringContaining('SHA-256') });
    expect(parseManifest('[]')).toMatchObject({ ok: false });
  });
});

describe('deltas', () => {
  const from = sortIndex({ ...fixtureIndex(), source: 'test', version: 1 });
  const changed = structuredClone(from);
  changed.version = 2;
  changed.built = '2026-11-25T11:00:00.000Z';
  (changed.entries[0] as { summary: Record<string, string> }).summary.en = 'Changed.';
  changed.entries.splice(1, 1);
  changed.lexicon.nearWords.push('zzzz');

  it('carry only what changed, and applying one gives exactly the new index', async () => {
    const delta = makeDelta(from, changed);
    expect(delta.upsert.map((e) => e.id)).toEqual([changed.entries[0]?.id]);
    expect(delta.remove).toEqual([from.entries[1]?.id]);
    expect(delta.nearWords).toEqual({ add: ['zzzz'], remove: [] });
    const applied = applyDelta(from, delta);
    expect(await sha256Hex(canonicalJson(applied))).toBe(await sha256Hex(canonicalJson(sortIndex(changed))));
  });

  it('refuse to apply to another version or source, or to remove what is not there', () => {
    const delta = makeDelta(from, changed);
    expect(() => applyDelta({ ...from, version: 7 }, delta)).toThrow(/version 1, not the installed 7/);
    expect(() => applyDelta({ ...from, source: 'other' }, delta)).toThrow(/source/);
    expect(() => applyDelta(from, { ...delta, remove: ['no-such-entry'] })).toThrow(/not installed/);
  });
});

describe('source addresses and settings', () => {
  it('accepts https, and http only on this machine', () => {
    expect(manifestUrlProblem('https://guidance.example.org/manifest.json')).toBeUndefined();
    expect(manifestUrlProblem('http://127.0.0.1:8090/manifest.json')).toBeUndefined();
    expect(manifestUrlProblem('http://localhost/manifest.json')).toBeUndefined();
    expect(manifestUrlProblem('http://guidance.example.org/manifest.json')).toMatch(/https/);
    expect(manifestUrlProblem('https://user:pw@example.org/m.json')).toMatch(/password/);
    expect(manifestUrlProblem('ftp://example.org/m.json')).toMatch(/https/);
    expect(manifestUrlProblem('not a url')).toMatch(/not a URL/);
  });

  it('lists every problem of a source in sentences', () => {
    expect(sourceProblems({ id: 'x', name: 'X', manifestUrl: 'https://a.org/m.json', publicKey: toBase64(new Uint8Array(32)), priority: 5 })).toEqual([]);
    const problems = sourceProblems({ id: 'Bad Id', name: ' ', manifestUrl: 'http://a.org', publicKey: 'k', priority: 0 });
    expect(problems).toHaveLength(5);
  });

  it('makes ids from names', () => {
    expect(sourceIdFrom('Hôpital Général — Protocoles')).toBe('hopital-general-protocoles');
    expect(sourceIdFrom('!!!')).toBe('source');
  });
});
