// Schema for an index that arrives from outside (a file, the network, storage). Everything that
// passes is a well-formed GuidanceIndex; the semantic rules live in validate.ts.
import * as v from 'valibot';
import {
  CODE_SYSTEMS,
  ENTRY_KINDS,
  MEASURES,
  INDEX_FORMAT,
  INDEX_FORMAT_VERSION,
  TERM_KINDS,
  type GuidanceIndex,
} from './types';

export const MAX_TEXT = 4000;
const text = (max = MAX_TEXT) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const langMap = <T extends v.GenericSchema>(value: T) =>
  v.record(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'not a language tag')), value);

export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const id = v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a lowercase slug (a-z, 0-9, hyphens)'), v.maxLength(80));
export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;
const date = v.pipe(v.string(), v.regex(DATE_PATTERN, 'must be a date YYYY-MM-DD or YYYY-MM'));

const termSchema = v.object({
  text: v.pipe(text(200), v.nonEmpty('empty term')),
  lang: v.string(),
  kind: v.picklist(TERM_KINDS, `kind must be one of ${TERM_KINDS.join(', ')}`),
  caseSensitive: v.optional(v.boolean()),
});

const sourceSchema = v.object({
  title: v.pipe(text(400), v.nonEmpty('missing')),
  publisher: v.pipe(text(200), v.nonEmpty('missing')),
  date,
  url: v.pipe(v.string(), v.url('not a URL'), v.regex(/^https?:\/\//, 'must be http(s)')),
  section: v.pipe(text(400), v.nonEmpty('missing')),
  version: v.optional(text(100)),
});

export const entrySchema = v.object({
  id,
  category: id,
  title: langMap(text(200)),
  summary: langMap(text()),
  keyPoints: langMap(v.array(text())),
  terms: v.array(termSchema),
  codes: v.array(v.object({ system: v.picklist(CODE_SYSTEMS), code: text(40) })),
  related: v.array(id),
  sources: v.array(sourceSchema),
  reviewed: date,
  type: v.optional(v.picklist(ENTRY_KINDS)),
  translationReviews: v.optional(v.record(v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/)), v.object({ reviewed: date, by: v.optional(text(200)) }))),
  exclusions: v.optional(v.pipe(v.array(v.object({ text: v.pipe(text(200), v.nonEmpty('empty exclusion')), lang: v.string() })), v.maxLength(200))),
  thresholds: v.optional(
    v.pipe(
      v.array(
        v.object({
          measure: v.picklist(MEASURES, `measure must be one of ${MEASURES.join(', ')}`),
          op: v.picklist(['<', '<=', '>', '>='] as const, 'op must be <, <=, > or >='),
          value: v.pipe(v.number(), v.finite()),
          source: v.pipe(v.number(), v.integer(), v.minValue(1)),
          unless: v.optional(v.pipe(v.array(v.pipe(text(100), v.nonEmpty('empty cause'))), v.maxLength(40))),
        }),
      ),
      v.maxLength(10),
    ),
  ),
});

export const indexSchema = v.object({
  format: v.literal(INDEX_FORMAT, `format must be "${INDEX_FORMAT}"`),
  formatVersion: v.literal(INDEX_FORMAT_VERSION, `formatVersion must be ${INDEX_FORMAT_VERSION}`),
  source: v.pipe(v.string(), v.nonEmpty()),
  version: v.pipe(v.number(), v.integer(), v.minValue(0)),
  built: v.string(),
  entries: v.array(entrySchema),
  lexicon: v.object({
    nearWords: v.array(v.string()),
    frequency: v.optional(v.record(v.string(), v.pipe(v.number(), v.minValue(0), v.maxValue(10)))),
    commonDerived: v.optional(v.array(v.string())),
  }),
});

export type ParseResult =
  | { ok: true; index: GuidanceIndex }
  | { ok: false; problems: string[] };

function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? [])
    .map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
    .join('')
    .replace(/^\./, '');
}

/** Schema problems of one entry, as `field: message` pairs (empty when it conforms). */
export function entrySchemaProblems(entry: unknown): { field: string; message: string }[] {
  const result = v.safeParse(entrySchema, entry);
  return result.success ? [] : result.issues.slice(0, 20).map((issue) => ({ field: issuePath(issue) || '(entry)', message: issue.message }));
}

/** Checks untrusted data against the index schema; problems read `entries[3].sources[0].url: not a URL`. */
export function parseIndex(value: unknown): ParseResult {
  const result = v.safeParse(indexSchema, value);
  if (result.success) return { ok: true, index: result.output as GuidanceIndex };
  const problems = result.issues.slice(0, 50).map((issue) => `${issuePath(issue) || '(index)'}: ${issue.message}`);
  return { ok: false, problems };
}

/**
 * Whether `raw` has the shape of an index at the top level (format, version, entries, lexicon):
 * the cheap check for an index that passed the whole schema before it was stored (the bundled
 * index at build time, a synced one before it was written), when re-reading it costs a cold start.
 */
export function hasIndexHeader(raw: unknown): raw is GuidanceIndex {
  const r = raw as Partial<GuidanceIndex> | null;
  return (
    typeof r === 'object' && r !== null && r.format === INDEX_FORMAT && r.formatVersion === INDEX_FORMAT_VERSION &&
    typeof r.source === 'string' && typeof r.version === 'number' &&
    Array.isArray(r.entries) && typeof r.lexicon === 'object' && r.lexicon !== null && Array.isArray(r.lexicon.nearWords)
  );
}
