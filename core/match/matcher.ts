// The matcher: built once from an index, then answers `lookup` (what does this selection name?)
// and `scan` (which known terms does this sentence or note contain?).
//
// Terms live in a trie of token keys, so one left-to-right pass over the text finds every term,
// longest match first, and the cost grows with the text, not with the index. Misspelt words get a
// second chance through the fuzzy corrector; ambiguous abbreviations are ordered by the words
// around them.
import type { Entry, GuidanceIndex, Term, TermKind } from '../index/types';
import { isNumeric, tokenize, type Token } from '../text/normalize';
import { isNoiseKey } from '../text/noise';
import { canonicalKey, inflectionCandidates } from '../text/variants';
import { FuzzyCorrector } from './fuzzy';
import type { Hit, HitKind, LookupOptions, ScanOptions, SuggestOptions } from './types';

/** Longest selection `lookup` reads; a longer one is a note to `scan`. */
export const MAX_LOOKUP_CHARS = 1_000;
/** Longest text `scan` reads (a long clinical note); beyond it the rest is ignored. */
export const MAX_SCAN_CHARS = 50_000;
/** Texts up to this length get fuzzy correction in `scan` (a selected sentence, not a whole note). */
export const FUZZY_SCAN_MAX_CHARS = 400;
const MAX_TERM_TOKENS = 16;

interface TermRef {
  entry: number;
  term: Term;
  /** The term's tokens as written, when it must match case-sensitively. */
  cased: string[] | null;
}


interface Match {
  /** Token indices, `to` exclusive. */
  from: number;
  to: number;
  refs: TermRef[];
  fuzzy: boolean;
}

const KIND_RANK: Record<TermKind, number> = {
  preferred: 0,
  synonym: 1,
  abbreviation: 2,
  brand: 2,
  misspelling: 3,
  member: 4,
  context: 5,
};
const FULL_SCORE: Record<TermKind, number> = {
  preferred: 1,
  synonym: 0.98,
  abbreviation: 0.96,
  brand: 0.96,
  misspelling: 0.93,
  member: 0.9,
  context: 0.85,
};
const HIT_KIND: Record<TermKind, HitKind> = {
  preferred: 'exact',
  synonym: 'synonym',
  abbreviation: 'abbreviation',
  brand: 'brand',
  misspelling: 'misspelling',
  member: 'member',
  context: 'context',
};
const FUZZY_FACTOR = 0.85;
// Sentence punctuation between two words ends any multi-word term ("high. Flow" is not "high flow");
// a dot inside a code or version ("BA.5", "U07.1") is not punctuation.
const BREAK = /[;:!?,()[\]{}|\n\r\t]|\.\s|\s\./;

export class Matcher {
  readonly entries: readonly Entry[];
  readonly termCount: number;
  /** Every word of every term (matching keys): what the fuzzy corrector may correct towards. */
  readonly vocabulary: ReadonlySet<string>;
  // The term trie, flat: node 0 is the root; `edges` maps "node|token key" to the child node, and
  // `refs[node]` lists the terms that end there. One Map instead of a Map per node keeps the build
  // fast and small at 100k terms.
  private readonly edges = new Map<string, number>();
  private readonly refs: (TermRef[] | undefined)[] = [undefined];
  private readonly byId = new Map<string, number>();
  private readonly fuzzy: FuzzyCorrector;
  private readonly contextSets = new Map<number, Set<string>>();
  private cjkTerms: { key: string; ref: TermRef }[] | undefined;
  /** First words of terms, folded: what two split words may be joined into. */
  private readonly termWords = new Set<string>();
  private sortedKeys: { key: string; ref: TermRef }[] | undefined;

  /** The index the matcher was built from (entries and lexicon). */
  readonly index: GuidanceIndex;

  constructor(index: GuidanceIndex, built?: MatcherSnapshot) {
    this.index = index;
    this.entries = index.entries;
    if (built) {
      // Restored from a snapshot: the tables are taken as they were built.
      this.edges = built.edges;
      this.refs = built.refs as (TermRef[] | undefined)[];
      this.byId = built.byId;
      this.termWords = built.termWords;
      this.vocabulary = built.vocabulary;
      this.termCount = built.termCount;
      this.fuzzy = new FuzzyCorrector(this.vocabulary, new Set(index.lexicon.nearWords));
      return;
    }
    const vocabulary = new Set<string>();
    let termCount = 0;
    index.entries.forEach((entry, entryIndex) => {
      this.byId.set(entry.id, entryIndex);
      for (const term of entry.terms) {
        const tokens = tokenize(term.text, 400);
        if (tokens.length === 0 || tokens.length > MAX_TERM_TOKENS) continue;
        termCount++;
        const ref: TermRef = {
          entry: entryIndex,
          term,
          cased: term.caseSensitive ? tokens.map((t) => t.cased) : null,
        };
        const keys = tokens.map((t) => t.key);
        this.insert(keys, ref);
        const first = tokens[0];
        if (first && !first.cjk && first.folded.length >= 4) this.termWords.add(first.folded);
        for (const t of tokens) if (!t.cjk) vocabulary.add(t.key);
        // "D-dimer" is also written "Ddimer", "high-flow" as "highflow".
        if (!ref.cased && tokens.some((t) => t.hyphenBefore)) {
          const merged: string[] = [];
          let folded = '';
          tokens.forEach((t, k) => {
            if (k > 0 && !t.hyphenBefore) {
              merged.push(canonicalKey(folded));
              folded = '';
            }
            folded += t.folded;
          });
          merged.push(canonicalKey(folded));
          this.insert(merged, ref);
          for (const key of merged) vocabulary.add(key);
        }
      }
    });
    this.termCount = termCount;
    this.vocabulary = vocabulary;
    this.fuzzy = new FuzzyCorrector(vocabulary, new Set(index.lexicon.nearWords));
  }

  entry(id: string): Entry | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.entries[i];
  }

  /**
   * The built tables as plain data (Maps, Sets, arrays and the index they point into). A host can
   * keep it in IndexedDB (structured clone keeps object identity within one value) and restore a
   * matcher with `restoreMatcher` without tokenising every term again: a cold start's largest cost.
   */
  snapshot(): MatcherSnapshot {
    return {
      format: SNAPSHOT_FORMAT,
      index: this.index,
      edges: this.edges,
      refs: this.refs,
      byId: this.byId,
      termWords: this.termWords,
      vocabulary: this.vocabulary as Set<string>,
      termCount: this.termCount,
    };
  }

  /** What does this selection (a word, a phrase, a short line) name? Best first. */
  lookup(text: string, options: LookupOptions = {}): Hit[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const tokens = tokenize(text, MAX_LOOKUP_CHARS);
    if (tokens.length === 0) return [];
    let content = tokens.map((t) => !isNoiseKey(t.key) && !isNumeric(t));
    // A selection made only of short words and numbers ("IL-6") is judged as a whole.
    if (!content.includes(true)) content = tokens.map(() => true);
    const totalContent = content.filter(Boolean).length;

    const matches = this.matchWithCorrections(text, tokens, true);
    if (matches.length === 0) return this.lookupCjkFragment(tokens, options.limit ?? 8);

    const contextTokens = options.context ? tokenize(options.context, MAX_LOOKUP_CHARS * 4) : [];
    const contextKeys = lazy(() => new Set([...tokens, ...contextTokens].map((t) => t.key)));
    const strongHere = matches.some((m) => m.refs.some((r) => r.term.kind !== 'context'));
    const strongAround =
      contextTokens.length > 0 &&
      this.findMatches(options.context ?? '', contextTokens, null).some((m) =>
        m.refs.some((r) => r.term.kind !== 'context'),
      );

    const best = new Map<string, Hit>();
    for (const match of matches) {
      let covered = 0;
      for (let k = match.from; k < match.to; k++) if (content[k]) covered++;
      const coverage = covered / totalContent;
      const full = coverage >= 1;
      const senses = this.rankSenses(match, tokens, contextKeys, options.lang);
      senses.forEach((ref, rank) => {
        if (ref.term.kind === 'context' && !strongHere && !strongAround) return;
        let score = full ? FULL_SCORE[ref.term.kind] : 0.5 + 0.35 * coverage - 0.01 * KIND_RANK[ref.term.kind];
        if (match.fuzzy) score *= FUZZY_FACTOR;
        score -= 0.01 * rank;
        const kind: HitKind = match.fuzzy ? 'fuzzy' : full ? HIT_KIND[ref.term.kind] : 'phrase';
        const hit = this.hit(ref, kind, score, tokens, match);
        const previous = best.get(hit.id);
        if (!previous || previous.score < hit.score) best.set(hit.id, hit);
      });
    }
    return [...best.values()]
      .sort((a, b) => b.score - a.score || a.start - b.start)
      .slice(0, options.limit ?? 8);
  }

  /**
   * Type-ahead: entries whose terms start with what was typed ("dexa" → dexamethasone), exact
   * terms first; completed by `lookup` (misspellings, phrases) when there are too few.
   */
  suggest(text: string, options: SuggestOptions = {}): Hit[] {
    const limit = options.limit ?? 8;
    if (typeof text !== 'string') return [];
    const tokens = tokenize(text, 200);
    if (tokens.length === 0) return [];
    const prefix = tokens.map((t) => t.key).join(' ');
    const keys = this.termKeys();
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((keys[mid] as { key: string }).key < prefix) lo = mid + 1;
      else hi = mid;
    }
    const candidates: { key: string; ref: TermRef }[] = [];
    for (let i = lo; i < keys.length && candidates.length < 400; i++) {
      const item = keys[i] as { key: string; ref: TermRef };
      if (!item.key.startsWith(prefix)) break;
      candidates.push(item);
    }
    const rank = (c: { key: string; ref: TermRef }) =>
      (c.key === prefix ? 0 : 100) + KIND_RANK[c.ref.term.kind] * 10 + Math.min(9, c.key.length / 8) - (c.ref.term.lang === (options.lang ?? 'en') ? 1 : 0);
    candidates.sort((a, b) => rank(a) - rank(b));
    const hits = new Map<string, Hit>();
    const whole: Match = { from: 0, to: tokens.length, refs: [], fuzzy: false };
    for (const c of candidates) {
      if (hits.size >= limit) break;
      const exact = c.key === prefix;
      const hit = this.hit(c.ref, exact ? HIT_KIND[c.ref.term.kind] : 'prefix', exact ? FULL_SCORE[c.ref.term.kind] : 0.8 * (prefix.length / c.key.length) + 0.1, tokens, whole);
      if (!hits.has(hit.id)) hits.set(hit.id, hit);
    }
    if (hits.size < limit)
      for (const hit of this.lookup(text, { limit, lang: options.lang })) if (!hits.has(hit.id) && hits.size < limit) hits.set(hit.id, hit);
    return [...hits.values()];
  }

  private termKeys(): { key: string; ref: TermRef }[] {
    if (this.sortedKeys) return this.sortedKeys;
    const keys: { key: string; ref: TermRef }[] = [];
    this.entries.forEach((entry, entryIndex) => {
      for (const term of entry.terms) {
        if (term.kind === 'context') continue;
        const key = tokenize(term.text, 400).map((t) => t.key).join(' ');
        if (key) keys.push({ key, ref: { entry: entryIndex, term, cased: null } });
      }
    });
    keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return (this.sortedKeys = keys);
  }

  /** Every known term in a sentence or note: one hit per entry (its first mention), in text order. */
  scan(text: string, options: ScanOptions = {}): Hit[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const tokens = tokenize(text, MAX_SCAN_CHARS);
    const fuzzy = options.fuzzy ?? text.length <= FUZZY_SCAN_MAX_CHARS;
    const matches = this.matchWithCorrections(text, tokens, fuzzy);
    if (matches.length === 0) return [];
    const contextKeys = lazy(() => new Set(tokens.map((t) => t.key)));
    const strong = !this.onlyContext(matches);
    const seen = new Set<string>();
    const hits: Hit[] = [];
    for (const match of matches) {
      const senses = this.rankSenses(match, tokens, contextKeys, options.lang).filter(
        (ref) => strong || ref.term.kind !== 'context',
      );
      const ref = senses[0];
      if (!ref) continue;
      const entry = this.entries[ref.entry];
      if (!entry || seen.has(entry.id)) continue;
      seen.add(entry.id);
      const score = FULL_SCORE[ref.term.kind] * (match.fuzzy ? FUZZY_FACTOR : 1);
      hits.push(this.hit(ref, match.fuzzy ? 'fuzzy' : HIT_KIND[ref.term.kind], score, tokens, match));
    }
    return hits;
  }

  /**
   * Chinese has no spaces, so a selection may be part of a longer term ("高流量" of "经鼻高流量氧疗").
   * When nothing else matched, a selection of two or more CJK characters finds the terms that contain it.
   */
  private lookupCjkFragment(tokens: Token[], limit: number): Hit[] {
    if (tokens.length < 2 || !tokens.every((t) => t.cjk)) return [];
    const fragment = tokens.map((t) => t.key).join('');
    this.cjkTerms ??= this.entries.flatMap((entry, entryIndex) =>
      entry.terms
        .filter((term) => term.kind !== 'context' && /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(term.text))
        .map((term) => ({ key: tokenize(term.text).map((t) => t.key).join(''), ref: { entry: entryIndex, term, cased: null } })),
    );
    const best = new Map<string, Hit>();
    const match: Match = { from: 0, to: tokens.length, refs: [], fuzzy: false };
    for (const { key, ref } of this.cjkTerms) {
      if (!key.includes(fragment)) continue;
      const hit = this.hit(ref, 'phrase', 0.5 + 0.4 * (fragment.length / key.length) - 0.01 * KIND_RANK[ref.term.kind], tokens, match);
      const previous = best.get(hit.id);
      if (!previous || previous.score < hit.score) best.set(hit.id, hit);
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  private onlyContext(matches: Match[]): boolean {
    return matches.every((m) => m.refs.every((r) => r.term.kind === 'context'));
  }

  private hit(ref: TermRef, kind: HitKind, score: number, tokens: Token[], match: Match): Hit {
    const entry = this.entries[ref.entry] as Entry;
    return {
      id: entry.id,
      term: ref.term.text,
      kind,
      score: Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000,
      start: tokens[match.from]?.start ?? 0,
      end: tokens[match.to - 1]?.end ?? 0,
      lang: ref.term.lang,
    };
  }

  private insert(keys: string[], ref: TermRef): void {
    let node = 0;
    for (const key of keys) {
      const edge = `${node}|${key}`;
      let child = this.edges.get(edge);
      if (child === undefined) {
        child = this.refs.length;
        this.refs.push(undefined);
        this.edges.set(edge, child);
      }
      node = child;
    }
    const list = this.refs[node];
    if (!list) this.refs[node] = [ref];
    else if (!list.some((r) => r.entry === ref.entry && r.term.text === ref.term.text)) list.push(ref);
  }

  /** Matches the text; where words stay unmatched, retries with misspellings corrected. */
  private matchWithCorrections(text: string, tokens: Token[], fuzzy: boolean): Match[] {
    const matches = this.findMatches(text, tokens, null);
    if (!fuzzy) return matches;
    const covered = new Uint8Array(tokens.length);
    for (const m of matches) covered.fill(1, m.from, m.to);
    let corrections: Map<number, string> | null = null;
    tokens.forEach((token, i) => {
      if (covered[i] || token.cjk || isNoiseKey(token.key)) return;
      const corrected = this.fuzzy.correct(token.key);
      if (corrected) (corrections ??= new Map()).set(i, corrected);
    });
    return corrections ? this.findMatches(text, tokens, corrections) : matches;
  }

  /** One pass, longest match at each position; `corrections` replaces some tokens' keys. */
  private findMatches(text: string, tokens: Token[], corrections: Map<number, string> | null): Match[] {
    const matches: Match[] = [];
    const joined = (a: number, b: number) => {
      const gap = text.slice((tokens[a] as Token).end, (tokens[b] as Token).start);
      return !(BREAK.test(gap) || (gap.includes('.') && gap.length > 1));
    };
    // The key of a word split in two ("Fang Cang", "pneumo thorax") written as one, when that is possible.
    const mergedKey = (j: number): string | undefined => {
      const token = tokens[j] as Token;
      const next = tokens[j + 1];
      if (!next || token.cjk || next.cjk || corrections?.has(j) || corrections?.has(j + 1)) return undefined;
      const merged = token.folded + next.folded;
      // Only words that begin a term are worth it (one Set lookup on the hot path).
      return this.termWords.has(merged) && joined(j, j + 1) ? canonicalKey(merged) : undefined;
    };
    // Walks the trie from token i; `mergeFirst` reads tokens i and i+1 as one word.
    const walk = (i: number, mergeFirst: boolean): { to: number; refs: TermRef[] } | null => {
      let node = 0;
      let best: { to: number; refs: TermRef[] } | null = null;
      for (let j = i; j < tokens.length && j - i < MAX_TERM_TOKENS; j++) {
        const token = tokens[j] as Token;
        if (j > i && !joined(j - 1, j)) break;
        const corrected = corrections?.get(j);
        let child: number | undefined;
        if (mergeFirst && j === i) {
          const merged = mergedKey(j);
          child = merged === undefined ? undefined : this.edges.get(`${node}|${merged}`);
          if (child !== undefined) j++;
        } else {
          child = this.edges.get(`${node}|${corrected ?? token.key}`);
          if (child === undefined && !corrected && !token.cjk)
            for (const alternative of inflectionsOf(token.key)) {
              child = this.edges.get(`${node}|${alternative}`);
              if (child !== undefined) break;
            }
        }
        if (child === undefined) break;
        node = child;
        const refs = this.refs[node];
        if (refs) {
          const accepted = refs.filter((ref) => casedMatch(ref, tokens, i));
          if (accepted.length > 0) best = { to: j + 1, refs: accepted };
        }
      }
      return best;
    };
    let i = 0;
    while (i < tokens.length) {
      const found = walk(i, false) ?? walk(i, true);
      if (found) {
        let fuzzy = false;
        if (corrections) for (let k = i; k < found.to; k++) if (corrections.has(k)) fuzzy = true;
        matches.push({ from: i, to: found.to, refs: found.refs, fuzzy });
        i = found.to;
      } else i++;
    }
    return dropContextBesideTerms(matches, joined);
  }

  /** The senses of a match, best first: by term kind, then by how many words around it belong to the entry. */
  private rankSenses(match: Match, tokens: Token[], around: () => Set<string>, lang = 'en'): TermRef[] {
    const first = match.refs[0];
    if (!first || match.refs.every((r) => r.entry === first.entry)) return first ? [first] : [];
    const contextKeys = around();
    const own = new Set<string>();
    for (let k = match.from; k < match.to; k++) own.add((tokens[k] as Token).key);
    const scored = match.refs.map((ref) => {
      let overlap = 0;
      for (const key of this.contextSet(ref.entry)) if (contextKeys.has(key) && !own.has(key)) overlap++;
      return { ref, overlap };
    });
    scored.sort(
      (a, b) =>
        KIND_RANK[a.ref.term.kind] - KIND_RANK[b.ref.term.kind] ||
        b.overlap - a.overlap ||
        Number(b.ref.term.lang === lang) - Number(a.ref.term.lang === lang) ||
        a.ref.entry - b.ref.entry,
    );
    const seen = new Set<number>();
    return scored.map((s) => s.ref).filter((ref) => !seen.has(ref.entry) && seen.add(ref.entry));
  }

  /** Words that make an entry likely in context: its own text and terms, and its related entries' terms. */
  private contextSet(entryIndex: number): Set<string> {
    const cached = this.contextSets.get(entryIndex);
    if (cached) return cached;
    const entry = this.entries[entryIndex] as Entry;
    const texts: string[] = [
      ...Object.values(entry.title),
      ...Object.values(entry.summary),
      ...Object.values(entry.keyPoints).flat(),
      ...entry.terms.map((t) => t.text),
    ];
    for (const id of entry.related) {
      const related = this.entry(id);
      if (related) texts.push(...related.terms.map((t) => t.text), ...Object.values(related.title));
    }
    const keys = new Set<string>();
    for (const t of tokenize(texts.join(' \n '))) if (!isNoiseKey(t.key) && !isNumeric(t) && !t.cjk) keys.add(t.key);
    this.contextSets.set(entryIndex, keys);
    return keys;
  }
}

/**
 * A context-only word right next to a real term belongs to that term's phrase ("NRB mask",
 * "oxygen mask"): it is not a mention of its own.
 */
function dropContextBesideTerms(matches: Match[], joined: (a: number, b: number) => boolean): Match[] {
  const onlyContext = (m: Match | undefined) => m !== undefined && m.refs.every((r) => r.term.kind === 'context');
  return matches.filter((m, k) => {
    if (!onlyContext(m)) return true;
    const before = matches[k - 1];
    const after = matches[k + 1];
    const touchesBefore = before !== undefined && !onlyContext(before) && before.to === m.from && joined(before.to - 1, m.from);
    const touchesAfter = after !== undefined && !onlyContext(after) && after.from === m.to && joined(m.to - 1, after.from);
    return !touchesBefore && !touchesAfter;
  });
}

const inflectionCache = new Map<string, string[]>();
function inflectionsOf(key: string): string[] {
  let list = inflectionCache.get(key);
  if (!list) {
    list = inflectionCandidates(key);
    if (inflectionCache.size > 20_000) inflectionCache.clear();
    inflectionCache.set(key, list);
  }
  return list;
}

function casedMatch(ref: TermRef, tokens: Token[], from: number): boolean {
  if (!ref.cased) return true;
  return ref.cased.every((cased, k) => tokens[from + k]?.cased === cased);
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

export function buildMatcher(index: GuidanceIndex): Matcher {
  return new Matcher(index);
}

/** Bumped whenever what the matcher builds changes, so an old snapshot is never restored. */
const SNAPSHOT_FORMAT = 'mx-matcher-1';

export interface MatcherSnapshot {
  format: string;
  index: GuidanceIndex;
  edges: Map<string, number>;
  refs: unknown[];
  byId: Map<string, number>;
  termWords: Set<string>;
  vocabulary: Set<string>;
  termCount: number;
}

/** A matcher from a snapshot of this matcher version, or undefined when `value` is not one. */
export function restoreMatcher(value: unknown): Matcher | undefined {
  const s = value as Partial<MatcherSnapshot> | null;
  if (
    !s || typeof s !== 'object' || s.format !== SNAPSHOT_FORMAT || !(s.edges instanceof Map) || !Array.isArray(s.refs) ||
    !(s.byId instanceof Map) || !(s.termWords instanceof Set) || !(s.vocabulary instanceof Set) || typeof s.termCount !== 'number' ||
    !s.index || !Array.isArray(s.index.entries) || !Array.isArray(s.index.lexicon?.nearWords)
  )
    return undefined;
  return new Matcher(s.index, s as MatcherSnapshot);
}
