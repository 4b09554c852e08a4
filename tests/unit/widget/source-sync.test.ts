// The pure part of a widget following a source: its attributes checked and turned into a source
// configuration, the merge with the default index, and what a sync reports.
import { describe, expect, it } from 'vitest';
import type { GuidanceIndex } from '../../../core/index/types';
import { mergeWithSource, SOURCE_PRIORITY, statusOf, storedReport, widgetSourceConfig } from '../../../widget/source-sync';
import { fixtureIndex } from '../paths';

const KEY = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));

describe('widgetSourceConfig', () => {
  it('makes a configuration whose id every page following the same source shares', () => {
    const config = widgetSourceConfig(' https://guidance.example.org/cardiology/manifest.json ', `${KEY}\n`);
    expect(config.id).toMatch(/^https-guidance-example-org-cardiology-ma-[0-9a-z]+$/);
    expect(config).toEqual({
      id: config.id,
      name: 'https://guidance.example.org/cardiology/manifest.json',
      manifestUrl: 'https://guidance.example.org/cardiology/manifest.json',
      publicKey: KEY,
      priority: SOURCE_PRIORITY,
      enabled: true,
    });
    expect(widgetSourceConfig('https://guidance.example.org/cardiology/manifest.json', KEY).id).toBe(config.id);
  });

  it('gives another id to another URL with the same long prefix, and to a new key', () => {
    const a = widgetSourceConfig('https://guidance.example.org/departments/cardiology/protocols/manifest.json', KEY).id;
    const b = widgetSourceConfig('https://guidance.example.org/departments/cardiology/protocols-2/manifest.json', KEY).id;
    expect(a).not.toBe(b);
    const otherKey = Buffer.from(new Uint8Array(32).fill(9)).toString('base64');
    expect(widgetSourceConfig('https://guidance.example.org/departments/cardiology/protocols/manifest.json', otherKey).id).not.toBe(a);
  });

  it('accepts http only on this machine', () => {
    expect(widgetSourceConfig('http://127.0.0.1:8081/manifest.json', KEY).manifestUrl).toBe('http://127.0.0.1:8081/manifest.json');
    expect(() => widgetSourceConfig('http://guidance.example.org/manifest.json', KEY)).toThrow(/must start with https:\/\//);
    expect(() => widgetSourceConfig('manifest.json', KEY)).toThrow(/not a URL/);
  });

  it('says what is wrong with the key attribute', () => {
    const url = 'https://guidance.example.org/manifest.json';
    expect(() => widgetSourceConfig(url, '')).toThrow(/key attribute .* is missing/);
    expect(() => widgetSourceConfig(url, 'not a key')).toThrow(/key attribute is not a usable public key: the public key is not base64/);
    expect(() => widgetSourceConfig(url, btoa('short'))).toThrow(/has 5 bytes; an Ed25519 public key has 32/);
  });
});

describe('mergeWithSource', () => {
  it("puts the source's entries above the default ones with the same id and keeps the others", () => {
    const base = fixtureIndex();
    const [first, second] = base.entries;
    if (!first || !second) throw new Error('the fixture index has fewer than two entries');
    const edited = { ...first, summary: { ...first.summary, en: 'From the source.' } };
    const added = { ...second, id: 'only-in-the-source' };
    const source: GuidanceIndex = { ...base, source: 'hospital', version: 3, entries: [edited, added] };
    const merged = mergeWithSource(base, source);
    expect(merged.entries).toHaveLength(base.entries.length + 1);
    expect(merged.entries.find((e) => e.id === first.id)?.summary.en).toBe('From the source.');
    expect(merged.entries.find((e) => e.id === second.id)).toEqual(second);
    expect(merged.entries.some((e) => e.id === 'only-in-the-source')).toBe(true);
  });
});

describe('what a sync reports', () => {
  it('is ok unless the sync failed or was refused', () => {
    expect(['full', 'delta', 'not-modified', 'failed', 'refused'].map((r) => statusOf(r as Parameters<typeof statusOf>[0]))).toEqual(['ok', 'ok', 'ok', 'failed', 'refused']);
  });

  it('when no sync is due, is the last sync as stored', () => {
    const state = { version: 4, status: { failures: 2, lastResult: 'failed' as const, lastError: 'Could not reach the server (manifest).' } };
    expect(storedReport(state, true)).toEqual({ result: 'failed', version: 4, reason: 'Could not reach the server (manifest).', status: 'failed', installed: true });
    expect(storedReport(undefined, false)).toMatchObject({ result: 'not-modified', status: 'ok', installed: false });
  });
});
