// The files of a published source: the manifest and delta schemas (everything from the network is
// checked before use), and deltas: made by the publisher, applied by the client.
import * as v from 'valibot';
import { entrySchema, ID_PATTERN } from '../index/schema';
import type { Entry, GuidanceIndex, Lexicon } from '../index/types';
import { canonicalJson } from './verify';
import { DELTA_FORMAT, MANIFEST_FORMAT, type Delta, type Manifest } from './types';

const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'not a SHA-256 (64 hex digits)'));
const size = v.pipe(v.number(), v.integer(), v.minValue(0));
const version = v.pipe(v.number(), v.integer(), v.minValue(0));
const relativeUrl = v.pipe(v.string(), v.maxLength(2000), v.nonEmpty());
const fileRef = { url: relativeUrl, sha256, size };
const sourceId = v.pipe(v.string(), v.regex(ID_PATTERN, 'not a source id (a lowercase slug)'), v.maxLength(80));

const manifestSchema = v.object({
  format: v.literal(MANIFEST_FORMAT, `format must be "${MANIFEST_FORMAT}"`),
  formatVersion: v.literal(1, 'formatVersion must be 1'),
  source: sourceId,
  version,
  published: v.pipe(v.string(), v.maxLength(40)),
  index: v.object({ sha256, entries: size }),
  bundle: v.object(fileRef),
  deltas: v.pipe(v.array(v.object({ ...fileRef, from: version })), v.maxLength(50)),
  signature: v.pipe(v.string(), v.maxLength(200)),
});

const deltaSchema = v.object({
  format: v.literal(DELTA_FORMAT, `format must be "${DELTA_FORMAT}"`),
  source: sourceId,
  from: version,
  to: version,
  built: v.pipe(v.string(), v.maxLength(40)),
  upsert: v.array(entrySchema),
  remove: v.array(v.pipe(v.string(), v.maxLength(80))),
  nearWords: v.object({ add: v.array(v.string()), remove: v.array(v.string()) }),
  wordStats: v.optional(
    v.object({
      frequency: v.optional(v.record(v.string(), v.pipe(v.number(), v.minValue(0), v.maxValue(10)))),
      commonDerived: v.optional(v.array(v.string())),
    }),
  ),
});

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

function parseWith<T>(schema: v.GenericSchema, value: unknown): Parsed<T> {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output as T };
  const issue = result.issues[0];
  const path = (issue.path ?? []).map((p) => String(p.key)).join('.');
  return { ok: false, problem: `${path || '(top)'}: ${issue.message}` };
}

export const parseManifest = (value: unknown) => parseWith<Manifest>(manifestSchema, value);
export const parseDelta = (value: unknown) => parseWith<Delta>(deltaSchema, value);

/** The index in its published order (entries by id, near words sorted), so a delta's result hashes the same as the bundle. */
export function sortIndex(index: GuidanceIndex): GuidanceIndex {
  return {
    ...index,
    entries: [...index.entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    lexicon: { ...index.lexicon, nearWords: [...new Set(index.lexicon.nearWords)].sort() },
  };
}

/** What turns `from` into `to` (both of the same source). */
export function makeDelta(from: GuidanceIndex, to: GuidanceIndex): Delta {
  const before = new Map(from.entries.map((e) => [e.id, canonicalJson(e)]));
  const after = new Set(to.entries.map((e) => e.id));
  const upsert: Entry[] = to.entries.filter((e) => before.get(e.id) !== canonicalJson(e));
  const remove = from.entries.map((e) => e.id).filter((id) => !after.has(id));
  const oldWords = new Set(from.lexicon.nearWords);
  const newWords = new Set(to.lexicon.nearWords);
  const stats = wordStatsOf(to.lexicon);
  const changed = canonicalJson(stats) !== canonicalJson(wordStatsOf(from.lexicon));
  return {
    format: DELTA_FORMAT,
    source: to.source,
    from: from.version,
    to: to.version,
    built: to.built,
    upsert,
    remove,
    nearWords: {
      add: [...newWords].filter((w) => !oldWords.has(w)),
      remove: [...oldWords].filter((w) => !newWords.has(w)),
    },
    ...(changed ? { wordStats: stats } : {}),
  };
}

function wordStatsOf(lexicon: Lexicon): Pick<Lexicon, 'frequency' | 'commonDerived'> {
  return {
    ...(lexicon.frequency ? { frequency: lexicon.frequency } : {}),
    ...(lexicon.commonDerived ? { commonDerived: lexicon.commonDerived } : {}),
  };
}

/** `base` with `delta` applied, in published order; an error when the delta does not fit `base`. */
export function applyDelta(base: GuidanceIndex, delta: Delta): GuidanceIndex {
  if (delta.source !== base.source) throw new Error(`the update is for source "${delta.source}", not "${base.source}"`);
  if (delta.from !== base.version) throw new Error(`the update starts from version ${delta.from}, not the installed ${base.version}`);
  const entries = new Map(base.entries.map((e) => [e.id, e]));
  for (const id of delta.remove) {
    if (!entries.delete(id)) throw new Error(`the update removes "${id}", which is not installed`);
  }
  for (const entry of delta.upsert) entries.set(entry.id, entry);
  const words = new Set(base.lexicon.nearWords);
  for (const w of delta.nearWords.remove) words.delete(w);
  for (const w of delta.nearWords.add) words.add(w);
  return sortIndex({
    ...base,
    version: delta.to,
    built: delta.built,
    entries: [...entries.values()],
    lexicon: { ...(delta.wordStats ?? wordStatsOf(base.lexicon)), nearWords: [...words] },
  });
}
