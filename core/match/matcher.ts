// The matcher: built once from an index, then answers `lookup` (what does this selection name?),
// `scan` (which known terms does this sentence or note contain?) and `suggest` (type-ahead).
//
// It is a thin front over stages that each propose terms and record how (score.ts scores them):
// - the contiguous stage (walk.ts): one left-to-right pass over the term trie, longest match
//   first, reading each word as written, joined, split, as another form of a term word
//   (morphology.ts) or as its spelling correction (fuzzy.ts);
// - the word-in-context stage: a selected word that lies inside a longer term of its paragraph
//   answers with that term;
// - the word-bag stage (partial.ts): terms in another order, with modifiers, or in part.
// Ambiguous abbreviations are ordered by the words around them.
import type { Entry, GuidanceIndex } from '../index/types';
import { guessLanguage, type TextLanguage } from '../text/language';
import { CJK, isNumeric, tokenize, type Token } from '../text/normalize';
import { isNoiseKey } from '../text/noise';
import { arabicSkeleton, latinSkeletons } from '../text/transliterate';
import { canonicalKey } from '../text/variants';
import { assertSpans } from '../note/assertions';
import { entriesMet, findMeasurements, measuredBy } from '../note/measurements';
import { Acronyms, asAbbreviation, definitionIn } from './acronyms';
import { CjkTerms } from './cjk';
import { EdgeTable, type EdgeData } from './edges';
import { editDistance, FuzzyCorrector } from './fuzzy';
import { GramIndex, gramsOf } from './grams';
import { codeSeries, codeShape, type Series } from './series';
import { composedKey, composedTerms, type ComposedTerms } from './composed';
import { classByStem, medicineStems } from './stems';
import { LANG_EN, langBit, WordForms } from './morphology';
import { entryWords, findBagCandidates, findEntryCandidates, readSelection, type BagCandidate, type TermBags } from './partial';
import { FULL_SCORE, HIT_KIND, KIND_RANK, STEP_KIND, wholeTermScore, wordWeight, type Step } from './score';
import type { Hit, HitKind, LookupOptions, ScanOptions, SuggestOptions } from './types';
import { insertTerm, MAX_TERM_TOKENS, Walker, type Reach, type TermRef, type Trie, type WalkText } from './walk';

/** Longest selection `lookup` reads; a longer one is a note to `scan`. */
export const MAX_LOOKUP_CHARS = 1_000;
/** Longest text `scan` reads (a long clinical note); beyond it the rest is ignored. */
export const MAX_SCAN_CHARS = 50_000;
/** Texts up to this length get fuzzy correction in `scan` (a selected sentence, not a whole note). */
export const FUZZY_SCAN_MAX_CHARS = 400;
/** Most context `lookup` reads on each side of the selection. */
const CONTEXT_CHARS = 1_000;

interface Match {
  /** Token indices, `to` exclusive. */
  from: number;
  to: number;
  refs: TermRef[];
  factor: number;
  weakest: Step;
  /** Entries the phrase excludes ("VTE prophylaxis" is no VTE): no nested hit names them. */
  excludes?: number[];
}

const isContextOnly = (refs: readonly TermRef[]) => refs.every((r) => r.term.kind === 'context');
const NO_ENTRIES: ReadonlySet<number> = new Set();
/** Share of entries a word's terms must be in to be the guidance's domain word ("COVID" is in a third). */
const DOMAIN_SHARE = 0.09;
/** An abbreviation read from a term's initials is a good guess, below any term the index lists. */
const INITIALS_SCORE = 0.6;
/** A medicine read from its class's stem: a good guess, below a term read from how it sounds. */
const STEM_SCORE = 0.55;
/** A code of a numbered series an entry lists (series.ts): "BA.4" where the entry names BA.1, BA.2 and BA.5. */
const SERIES_SCORE = 0.55;
/** A term whose part the selection names another way (composed.ts): whole, a step below its own words. */
const COMPOSED_FACTOR = 0.9;
/** A term read from how an Arabic selection sounds: a good guess, below any term the index lists. */
const TRANSLITERATED_SCORE = 0.7;
/** Fewest consonants of an Arabic selection read by its sound (three say too little: برد, كبر). */
const MIN_SKELETON = 4;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
/** Chinese characters that negate what follows them: non-, without, not, not yet. */
const CJK_NEGATIONS = '非无不未';

/**
 * Whether a Chinese term negates what the selection names: a negation the selection does not write,
 * right before two characters it does (one where the term ends there). That term is the opposite,
 * not one holding or spelling the selection (非重型新冠 is no 重型新冠); one whose negation is of
 * another thing still may be (胸部不适, "chest discomfort", for 胸部).
 */
function negatesOtherwise(term: string, selection: string): boolean {
  for (let i = 0; i + 1 < term.length; i++) {
    const ch = term[i] as string;
    if (CJK_NEGATIONS.includes(ch) && !selection.includes(ch) && selection.includes(term.slice(i + 1, i + 3))) return true;
  }
  return false;
}
const LATIN_LANGS = new Set(['fr', 'pt', 'es', 'it', 'de', 'nl']);

/**
 * Whether a term may match in a text of language `lang`: an abbreviation or single word of another
 * Latin-script language does not ("TEP" or "HAS" in French text are not the Portuguese ones, "aids"
 * in English is not the Portuguese word). English terms match everywhere (notes in other
 * languages use them), and so does everything when the language is unknown.
 */
function fitsLanguage(ref: TermRef, lang: TextLanguage | undefined): boolean {
  if (!lang || ref.term.lang === lang || !LATIN_LANGS.has(ref.term.lang)) return true;
  return ref.term.kind !== 'abbreviation' && /[\s]/.test(ref.term.text.trim());
}

export class Matcher {
  readonly entries: readonly Entry[];
  readonly termCount: number;
  /** Every word of every term (matching keys): what the fuzzy corrector may correct towards. */
  readonly vocabulary: ReadonlySet<string>;
  /** Each term word's languages (morphology.ts LANG_* bits). */
  readonly wordLangs: ReadonlyMap<string, number>;
  /** The index the matcher was built from (entries and lexicon). */
  readonly index: GuidanceIndex;

  private readonly trie: Trie;
  private readonly byId: Map<string, number>;
  private readonly bags: TermBags;
  /** Joined form of two adjacent term words → the two words. */
  private readonly pairs: Map<string, [string, string]>;
  /** Term words, folded and as keys: what two written words joined may be. */
  private readonly mergeable: Set<string>;
  /** Number of entries whose terms contain each word. */
  private readonly entriesWithWord: Map<string, number>;
  private readonly fuzzy: FuzzyCorrector;
  private readonly forms: WordForms;
  private readonly walker: Walker;
  private readonly weights = new Map<string, number>();
  private readonly contextSets = new Map<number, Set<string>>();
  private cjkTerms: { key: string; ref: TermRef }[] | undefined;
  private cjkSimilar: CjkTerms | undefined;
  private grams: GramIndex | undefined;
  private acronyms: Acronyms | undefined;
  private stems: Map<string, number> | undefined;
  private series: Map<string, Series> | undefined;
  private composed: ComposedTerms | undefined;
  private domainWords: Set<string> | undefined;
  private sounds: Map<string, TermRef[]> | undefined;
  private relatedIndex: Map<number, Set<number>> | undefined;
  /** Entries with thresholds (most have none). */
  private readonly measured: Entry[] | null;
  private readonly nearWords: Set<string>;
  /** The index's near words are still to come (a widget's first visit): see `completeNearWords`. */
  private nearWordsPending: boolean;
  private sortedKeys: { key: string; ref: TermRef }[] | undefined;

  constructor(index: GuidanceIndex, built?: MatcherSnapshot, options: MatcherOptions = {}) {
    this.index = index;
    this.entries = index.entries;
    if (built) {
      // Restored from a snapshot: the tables are taken as they were built.
      this.trie = { words: built.words, edges: new EdgeTable(built.edges), refs: built.refs as (TermRef[] | undefined)[] };
      this.byId = built.byId;
      this.wordLangs = built.wordLangs;
      this.vocabulary = new Set(built.wordLangs.keys());
      this.termCount = built.termCount;
      this.bags = built.bags as TermBags;
      this.pairs = built.pairs as Map<string, [string, string]>;
      this.entriesWithWord = built.entriesWithWord;
      this.mergeable = built.mergeable;
    } else {
      const trie: Trie = { words: new Map(), edges: new EdgeTable(), refs: [undefined] };
      const byId = new Map<string, number>();
      const wordLangs = new Map<string, number>();
      const bags: TermBags = { refs: [], keys: [], postings: new Map() };
      const pairs = new Map<string, [string, string]>();
      const entriesWithWord = new Map<string, number>();
      const mergeable = new Set<string>();
      let termCount = 0;
      index.entries.forEach((entry, entryIndex) => {
        byId.set(entry.id, entryIndex);
        const entryWords = new Set<string>();
        for (const term of entry.terms) {
          const tokens = tokenize(term.text, 400);
          if (tokens.length === 0 || tokens.length > MAX_TERM_TOKENS) continue;
          termCount++;
          const ref: TermRef = { entry: entryIndex, term, cased: term.caseSensitive ? tokens.map((t) => t.cased) : null };
          const keys = tokens.map((t) => t.key);
          insertTerm(trie, keys, ref);
          const bit = langBit(term.lang);
          for (const t of tokens)
            if (!t.cjk) {
              wordLangs.set(t.key, (wordLangs.get(t.key) ?? 0) | bit);
              mergeable.add(t.folded).add(t.key);
            }
          if (term.kind !== 'context' && !ref.cased && !tokens.some((t) => t.cjk)) {
            // Every word counts for coverage; only content words propose the term.
            const words = keys.filter((k) => !isNoiseKey(k) && !/^\d+$/.test(k));
            if (words.length > 0) {
              const t = bags.refs.length;
              bags.refs.push(ref);
              bags.keys.push(keys);
              for (const key of new Set(words)) {
                const list = bags.postings.get(key);
                if (list) list.push(t);
                else bags.postings.set(key, [t]);
                entryWords.add(key);
              }
            }
          }
          for (let k = 1; k < tokens.length; k++) {
            const a = tokens[k - 1] as Token;
            const b = tokens[k] as Token;
            // (A letter and a number too: "IL 6" is written "IL6", "N 95" "N95".)
            if (!a.cjk && !b.cjk && ((a.folded.length >= 2 && b.folded.length >= 2) || (/^[a-z]+$/.test(a.folded) && /^\d+$/.test(b.folded)))) pairs.set(canonicalKey(a.folded + b.folded), [a.key, b.key]);
          }
          // "D-dimer" is also written "Ddimer", "high-flow" as "highflow".
          if (!ref.cased && tokens.some((t) => t.hyphenBefore)) {
            const merged: string[] = [];
            let folded = '';
            tokens.forEach((t, k) => {
              if (k > 0 && !t.hyphenBefore) {
                merged.push(canonicalKey(folded));
                mergeable.add(folded);
                folded = '';
              }
              folded += t.folded;
            });
            merged.push(canonicalKey(folded));
            mergeable.add(folded);
            insertTerm(trie, merged, ref);
            for (const key of merged) mergeable.add(key);
            for (const key of merged) wordLangs.set(key, (wordLangs.get(key) ?? 0) | bit);
          }
        }
        for (const key of entryWords) entriesWithWord.set(key, (entriesWithWord.get(key) ?? 0) + 1);
        for (const exclusion of entry.exclusions ?? []) {
          const keys = tokenize(exclusion.text, 400).map((t) => t.key);
          if (keys.length > 0 && keys.length <= MAX_TERM_TOKENS)
            insertTerm(trie, keys, { entry: entryIndex, term: { text: exclusion.text, lang: exclusion.lang, kind: 'context' }, cased: null, exclusion: true });
        }
      });
      this.trie = trie;
      this.byId = byId;
      this.wordLangs = wordLangs;
      this.vocabulary = new Set(wordLangs.keys());
      this.termCount = termCount;
      this.bags = bags;
      this.pairs = pairs;
      this.entriesWithWord = entriesWithWord;
      this.mergeable = mergeable;
    }
    const measured = index.entries.filter((e) => e.thresholds && e.thresholds.length > 0);
    this.measured = measured.length > 0 ? measured : null;
    this.nearWords = new Set(index.lexicon.nearWords);
    this.nearWordsPending = options.nearWordsPending === true;
    this.fuzzy = new FuzzyCorrector(this.vocabulary, { has: (word) => this.isNearWord(word) });
    this.forms = new WordForms(this.wordLangs, this.pairs, new Set(index.lexicon.commonDerived ?? []));
    this.walker = new Walker(this.trie, this.forms, this.vocabulary, this.mergeable, canonicalKey);
  }

  /**
   * Whether `word` is an everyday word the build found spelt like a term word. While the near words
   * are still to come any word may be one: no spelling correction, no guess from initials or a
   * medicine stem, until they arrive; terms as written, their forms and parts answer as ever.
   */
  private isNearWord(word: string): boolean {
    return this.nearWordsPending || this.nearWords.has(word);
  }

  /** The index's near words, arrived after the matcher was built with `nearWordsPending`. */
  completeNearWords(words: Iterable<string>): void {
    for (const word of words) this.nearWords.add(word);
    this.nearWordsPending = false;
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
      words: this.trie.words,
      edges: this.trie.edges.data(),
      refs: this.trie.refs,
      byId: this.byId,
      wordLangs: this.wordLangs as Map<string, number>,
      termCount: this.termCount,
      bags: this.bags,
      pairs: this.pairs,
      entriesWithWord: this.entriesWithWord,
      mergeable: this.mergeable,
    };
  }

  /** How informative a term word is (score.ts `wordWeight`). */
  weight(key: string): number {
    let w = this.weights.get(key);
    if (w === undefined) {
      w = wordWeight(this.index.lexicon.frequency?.[key], this.entriesWithWord.get(key) ?? 1, /^\d+$/.test(key));
      if (this.weights.size > 50_000) this.weights.clear();
      this.weights.set(key, w);
    }
    return w;
  }

  /** What does this selection (a word, a phrase, a short line) name? Best first. */
  lookup(text: string, options: LookupOptions = {}): Hit[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const limit = options.limit ?? 8;
    const tokens = tokenize(text, MAX_LOOKUP_CHARS);
    if (tokens.length === 0) return [];
    const context = typeof options.context === 'string' ? options.context : '';
    // An abbreviation its paragraph defines means what the paragraph says ("prothrombin complex
    // concentrate (PCC)"), whatever the index lists: that entry, or nothing.
    const defined = context ? this.definedInContext(text, context, options) : null;
    if (defined) return defined;
    // Entries the selection or the phrase around it excludes ("fever" in "hay fever").
    const excluded = new Set<number>();
    const widened = context ? this.widen(text, context, options, excluded) : [];

    let content = tokens.map((t) => !isNoiseKey(t.key) && !isNumeric(t));
    // A selection made only of short words and numbers ("IL-6") is judged as a whole.
    if (!content.includes(true)) content = tokens.map(() => true);
    const totalContent = content.filter(Boolean).length;
    const contextTokens = context ? tokenize(context, MAX_LOOKUP_CHARS * 4) : [];
    const lang = guessLanguage(contextTokens.length > 0 ? contextTokens : tokens);
    const { input, matches } = this.matchWithCorrections(text, tokens, true, lang);
    for (const entry of input.excluded ?? []) excluded.add(entry);
    const contextKeys = lazy(() => new Set([...tokens, ...contextTokens].map((t) => t.key)));
    // The entries named for sure in the selection and around it: what lets a context-only term answer.
    const named = lazy(() => {
      const entries = this.namedEntries(matches);
      if (contextTokens.length > 0)
        for (const e of this.namedEntries(this.findMatches({ text: context, tokens: contextTokens, corrections: null, lang }))) entries.add(e);
      return entries;
    });

    const best = new Map<string, Hit>();
    const keep = (hit: Hit) => {
      const previous = best.get(hit.id);
      if (!previous || previous.score < hit.score) best.set(hit.id, hit);
    };
    for (const hit of widened) keep(hit);
    let whole = false;
    // Context-only terms of the selection that the page does not support ("PCR" beside "urine").
    const unsupported: Match[] = [];
    const withinUnsupported = (from: number, to: number) => unsupported.some((m) => m.from <= from && to <= m.to);
    for (const match of matches) {
      let covered = 0;
      for (let k = match.from; k < match.to; k++) if (content[k]) covered++;
      const coverage = covered / totalContent;
      if (coverage >= 1) whole = true;
      const senses = this.rankSenses(match, tokens, contextKeys, options.lang);
      senses.forEach((ref, rank) => {
        // Typed with no text around it, a context-only term answers (the reader asked for it);
        // selected in a page, only when the page supports it.
        if (ref.term.kind === 'context' && context && !this.supported(ref.entry, named())) {
          unsupported.push(match);
          return;
        }
        const score = wholeTermScore(ref.term.kind, match.factor, coverage) - 0.01 * rank;
        const kind: HitKind = coverage < 1 ? 'phrase' : match.weakest === 'exact' ? HIT_KIND[ref.term.kind] : STEP_KIND[match.weakest];
        keep(this.hit(ref, kind, score, tokens, match.from, match.to));
      });
    }
    if (!whole) {
      const read = readSelection(tokens, content, this.forms, this.vocabulary, (k) => this.fuzzy.correct(k), (k) => this.fuzzy.siblings(k), (k) => ((this.wordLangs.get(k) ?? 0) & LANG_EN) !== 0);
      const weight = (k: string) => this.weight(k);
      const written = read?.written ?? new Set<string>();
      const filledOtherwise = new Set<number>();
      for (const c of read ? findBagCandidates(this.bags, read, this.vocabulary, weight, (k) => this.isDomainWord(k)) : []) {
        if (!fitsLanguage(c.ref, lang)) continue;
        // Read as a context-only term is (typed alone it answers, selected in a page only where the
        // page names the entry or a related one): a part of a term without its word for the disease
        // the guidance is about ("serology" of "COVID serology"), and a part found by one word, which
        // says which of many things it is only with the words it came with ("infusion" of
        // "paralytic infusion" is any infusion, "prophylaxis" of "antibiotic prophylaxis" any
        // prophylaxis, "TDM" of "TDM thoracique" a CT of any organ).
        if (context && (c.byOneWord || (!c.whole && this.leavesOutDomainWord(c.keys, written))) && !this.supported(c.ref.entry, named())) continue;
        // Words that are a context-only term the page does not support say nothing else either ("PCR" of "PCR test", "Ct de la PCR").
        if (withinUnsupported(c.from, c.to)) continue;
        if (context && !c.whole && this.slotFilledOtherwise(c, tokens, contextTokens, context, text, options.offset)) {
          filledOtherwise.add(c.ref.entry);
          continue;
        }
        const kind: HitKind = !c.whole ? 'partial' : c.reordered ? 'reordered' : 'phrase';
        keep(this.hit(c.ref, kind, c.score, tokens, c.from, c.to));
      }
      // (Not an entry one of whose terms the page showed to be another compound: its words recombined say no more.)
      for (const c of read ? findEntryCandidates(this.bags, read, weight) : [])
        if (fitsLanguage(c.ref, lang) && !withinUnsupported(0, tokens.length) && !filledOtherwise.has(c.entry)) keep(this.hit(c.ref, 'partial', c.score, tokens, 0, tokens.length));
      for (const hit of this.lookupComposed(tokens, matches, excluded, lang)) keep(hit);
    }
    if (best.size === 0) for (const hit of this.lookupCjkFragment(tokens, limit)) keep(hit);
    if (best.size === 0) for (const hit of this.lookupTransliterated(tokens, contextKeys, lang)) keep(hit);
    if (best.size === 0 && tokens.length === 1) for (const hit of this.lookupStem(tokens)) keep(hit);
    if (best.size === 0) for (const hit of this.lookupSeries(text, tokens)) keep(hit);
    if (best.size === 0) for (const hit of this.lookupInitials(text, tokens, contextKeys, named, context !== '', options.lang ?? lang)) keep(hit);
    // Spelt like a term, when nothing else answered (a single everyday word never: the build
    // lists those within reach).
    // (Chinese selections also when a shorter term matched inside them: 新冠 in 重症新冠.)
    const cjkOnly = tokens.every((t) => t.cjk);
    // (Two characters that a term holds side by side were found above; apart, only when nothing was.)
    if (cjkOnly && !whole && (tokens.length > 2 || best.size === 0)) for (const hit of this.lookupCjkSimilar(tokens)) keep(hit);
    if ((best.size === 0 || (cjkOnly && !whole)) && tokens.length <= 8 && this.hasUnknownWord(tokens, content))
      for (const { ref, dice } of this.spelledLike(tokens))
        if (fitsLanguage(ref, lang) && !(cjkOnly && negatesOtherwise(ref.term.text, text)) && this.eachUnknownWordSpeltIn(tokens, content, ref, context !== '')) keep(this.hit(ref, 'fuzzy', 0.4 + 0.4 * dice - 0.01 * KIND_RANK[ref.term.kind], tokens, 0, tokens.length));
    const hits = [...best.values()];
    return (excluded.size > 0 ? hits.filter((hit) => !excluded.has(this.byId.get(hit.id) ?? -1)) : hits)
      .sort((a, b) => b.score - a.score || a.start - b.start)
      .slice(0, limit);
  }

  /** The entries an abbreviation's definition in its context names (acronyms.ts definitionIn), or null when the context defines nothing. */
  private definedInContext(text: string, context: string, options: LookupOptions): Hit[] | null {
    const offset = this.offsetIn(text, context, options.offset);
    if (offset < 0) return null;
    const definition = definitionIn(context, offset, offset + text.length);
    if (definition === null) return null;
    return this.lookup(definition, { limit: options.limit, lang: options.lang })
      .filter((hit) => hit.kind !== 'partial' && hit.kind !== 'phrase' && hit.kind !== 'fuzzy')
      .map((hit) => ({ ...hit, kind: 'defined' as const, start: 0, end: text.length }));
  }

  /** Where the selection lies in its context: the offset given when it holds the selection, else its first occurrence (-1 when none). */
  private offsetIn(text: string, context: string, given: number | undefined): number {
    const offset = given ?? -1;
    if (offset >= 0 && offset <= context.length && context.slice(offset, offset + text.length) === text) return offset;
    return context.indexOf(text);
  }

  /**
   * The term of the context that the selection lies inside, when it is longer than the selection
   * ("oximetry" in "Check pulse oximetry" → pulse oximetry; 导管 in 高流量鼻导管). Nothing when the
   * selection is not part of a longer term there.
   */
  private widen(text: string, context: string, options: LookupOptions, excluded: Set<number>): Hit[] {
    const offset = this.offsetIn(text, context, options.offset);
    if (offset < 0) return [];
    // Read a nearby of the context around the selection.
    const from = Math.max(0, offset - CONTEXT_CHARS);
    const nearby = context.slice(from, Math.min(context.length, offset + text.length + CONTEXT_CHARS));
    const selStart = offset - from;
    const selEnd = selStart + text.length;
    const tokens = tokenize(nearby);
    let a = -1;
    let b = -1;
    tokens.forEach((t, k) => {
      if (t.end > selStart && t.start < selEnd) {
        if (a < 0) a = k;
        b = k + 1;
      }
    });
    if (a < 0 || b - a > MAX_TERM_TOKENS) return [];
    const lang = guessLanguage(tokens);
    const input: WalkText = { text: nearby, tokens, corrections: null, lang };
    let chosen: { from: number; reach: Reach } | null = null;
    for (let i = Math.max(0, a - MAX_TERM_TOKENS + 1); i < b; i++) {
      for (const reach of this.walker.from(input, i)) {
        // An exclusion phrase that overlaps the selection at all ("fever every" of "Hay fever every
        // spring", "Overnight dexamethasone" of "overnight dexamethasone suppression test").
        if (reach.to > a) for (const ref of reach.refs) if (ref.exclusion) excluded.add(ref.entry);
        if (i > a || reach.to < b || isContextOnly(reach.refs) || !reach.refs.some((ref) => fitsLanguage(ref, lang))) continue;
        const length = reach.to - i;
        const best = chosen ? chosen.reach.to - chosen.from : 0;
        if (!chosen || length > best || (length === best && reach.factor > chosen.reach.factor)) chosen = { from: i, reach };
      }
    }
    if (!chosen || (chosen.from === a && chosen.reach.to === b)) return [];
    const first = tokens[chosen.from] as Token;
    const last = tokens[chosen.reach.to - 1] as Token;
    const inContext = {
      text: nearby.slice(first.start, last.end),
      start: Math.max(0, selStart - first.start),
      end: Math.min(last.end, selEnd) - first.start,
    };
    const match: Match = { from: chosen.from, to: chosen.reach.to, refs: chosen.reach.refs, factor: chosen.reach.factor, weakest: chosen.reach.weakest };
    const keys = lazy(() => new Set(tokens.map((t) => t.key)));
    return this.rankSenses(match, tokens, keys, options.lang)
      .filter((ref) => ref.term.kind !== 'context' && fitsLanguage(ref, lang))
      .map((ref, rank) => {
        const entry = this.entries[ref.entry] as Entry;
        return {
          id: entry.id,
          term: ref.term.text,
          kind: 'widened' as const,
          score: round(FULL_SCORE[ref.term.kind] * match.factor - 0.01 * rank),
          start: 0,
          end: text.length,
          lang: ref.term.lang,
          inContext,
        };
      });
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
    for (const c of candidates) {
      if (hits.size >= limit) break;
      const exact = c.key === prefix;
      const hit = this.hit(c.ref, exact ? HIT_KIND[c.ref.term.kind] : 'prefix', exact ? FULL_SCORE[c.ref.term.kind] : 0.8 * (prefix.length / c.key.length) + 0.1, tokens, 0, tokens.length);
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
      // Context-only terms too: what is typed is what the reader asks about.
      for (const term of entry.terms) {
        const key = tokenize(term.text, 400).map((t) => t.key).join(' ');
        if (key) keys.push({ key, ref: { entry: entryIndex, term, cased: null } });
      }
    });
    keys.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return (this.sortedKeys = keys);
  }

  /**
   * Every known term in a sentence or note: one hit per entry (its first mention), in text order.
   * The longest match is the main hit; entries named inside it ("SARS-CoV-2" in "SARS-CoV-2
   * antigen test") follow it, marked `nested`.
   */
  scan(text: string, options: ScanOptions = {}): Hit[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const tokens = tokenize(text, MAX_SCAN_CHARS);
    const fuzzy = options.fuzzy ?? text.length <= FUZZY_SCAN_MAX_CHARS;
    const lang = guessLanguage(tokens);
    const { input, matches } = this.matchWithCorrections(text, tokens, fuzzy, lang);
    // (A note with no term may still hold a measurement: "T 39.4, RR 28".)
    if (matches.length === 0 && !this.measured) return [];
    const contextKeys = lazy(() => new Set(tokens.map((t) => t.key)));
    // Terms inside longer ones name their entries too ("COVID-19" in "COVID-19 pneumonia" supports "PCR").
    const nested = matches.map((match) => (match.to - match.from > 1 ? this.nestedMatches(input, match) : []));
    const named = this.namedEntries([...matches, ...nested.flat()]);
    const seen = new Set<string>();
    const hits: Hit[] = [];
    const add = (match: Match, nested: boolean) => {
      const senses = this.rankSenses(match, tokens, contextKeys, options.lang).filter((ref) => ref.term.kind !== 'context' || this.supported(ref.entry, named));
      const ref = senses[0];
      if (!ref) return;
      const entry = this.entries[ref.entry];
      if (!entry || seen.has(entry.id)) return;
      seen.add(entry.id);
      const kind = match.weakest === 'exact' ? HIT_KIND[ref.term.kind] : STEP_KIND[match.weakest];
      const hit = this.hit(ref, kind, FULL_SCORE[ref.term.kind] * match.factor, tokens, match.from, match.to);
      if (nested) hit.nested = true;
      hits.push(hit);
    };
    matches.forEach((match, k) => {
      add(match, false);
      for (const inner of nested[k] ?? []) add(inner, true);
    });
    const all = this.withMeasurements(text, tokens, hits, seen);
    const spans = all.map((h) => ({ start: h.start, end: h.end, examination: this.entry(h.id)?.type === 'test' }));
    assertSpans(text, tokens, spans, lang).forEach((assertion, k) => {
      if (assertion !== 'present') (all[k] as Hit).assertion = assertion;
    });
    return all;
  }

  /**
   * Measurements in the text that meet an entry's threshold become hits of that entry, with the
   * value ("SpO2 86%": hypoxaemia); an entry's term that only labels a value on the other side of
   * its threshold ("BMI" in "BMI 23") is no hit.
   */
  private withMeasurements(text: string, tokens: Token[], hits: Hit[], seen: Set<string>): Hit[] {
    if (!this.measured) return hits;
    const measurements = findMeasurements(text);
    if (measurements.length === 0) return hits;
    const kept = hits.filter((hit) => {
      const entry = this.entry(hit.id);
      return !measurements.some((m) => hit.start >= m.start && hit.end <= m.end && entry && measuredBy(entry, m.measure));
    });
    const seenNow = new Set(kept.map((h) => h.id));
    for (const m of measurements)
      for (const { entry, value } of entriesMet(m, this.measured, text)) {
        if (seenNow.has(entry.id)) {
          const found = kept.find((h) => h.id === entry.id);
          if (found && !found.value) found.value = value;
          continue;
        }
        seenNow.add(entry.id);
        seen.add(entry.id);
        kept.push({ id: entry.id, term: text.slice(m.start, m.end), kind: 'measurement', score: 0.95, start: m.start, end: m.end, lang: 'en', value });
      }
    void tokens;
    return kept.sort((a, b) => a.start - b.start || Number(a.nested ?? false) - Number(b.nested ?? false));
  }

  /** Terms inside a longer match, other than the match's own entries (longest first at each start). */
  private nestedMatches(input: WalkText, outer: Match): Match[] {
    const own = new Set(outer.refs.map((r) => r.entry));
    const out: Match[] = [];
    for (let i = outer.from; i < outer.to; i++) {
      // Only where a term can start as written (a nested term is a term in its own right), and not
      // inside a hyphenated word ("severe" in "non-severe").
      if (i > outer.from && (!this.walker.startsTerm((input.tokens[i] as Token).key) || (input.tokens[i] as Token).hyphenBefore)) continue;
      const reaches = this.walker.from(input, i);
      for (let k = reaches.length - 1; k >= 0; k--) {
        const reach = reaches[k] as Reach;
        if (reach.to > outer.to || (i === outer.from && reach.to === outer.to)) continue;
        // (Not an entry the phrase around excludes: "VTE" of "VTE prophylaxis" is no VTE.)
        const refs = reach.refs.filter((r) => !own.has(r.entry) && r.term.kind !== 'context' && !outer.excludes?.includes(r.entry));
        if (refs.length > 0) out.push({ from: i, to: reach.to, refs, factor: reach.factor, weakest: reach.weakest });
      }
    }
    return out;
  }

  /**
   * Whether a content word of the selection is none the word stages understood: not a term word,
   * no form of one, and not an everyday word the build found spelt like a term. Only then is the
   * selection compared by spelling (CJK characters always are).
   */
  private hasUnknownWord(tokens: Token[], content: boolean[]): boolean {
    return tokens.some(
      (t, i) => content[i] && (t.cjk || (!this.vocabulary.has(t.key) && !this.isNearWord(t.key) && this.forms.of(t.key).length === 0)),
    );
  }

  /**
   * Whether every unknown word of a selection is itself spelt like part of the term: the term must
   * explain the words the other stages could not ("hip replacement" is not "renal replacement
   * therapy" because "hip" is nowhere in it). Characters of Chinese and Japanese count as known.
   */
  private eachUnknownWordSpeltIn(tokens: Token[], content: boolean[], ref: TermRef, inPage: boolean): boolean {
    const termTokens = tokenize(ref.term.text, 400);
    const termGrams = gramsOf(termTokens);
    return tokens.every((t, i) => {
      if (!content[i] || t.cjk || this.vocabulary.has(t.key) || this.forms.of(t.key).length > 0) return true;
      // In a page, a word that ends as a term word but starts otherwise is another word built on
      // the same base, not a misspelling ("polymyalgia" and "myalgia", "myasthénie" and
      // "asthénie", "thérapie" and "oxygénothérapie", "reconsultation" and "teleconsultation",
      // "maturation" and "desaturation"). (Typed alone it may be the same thing's other name,
      // "RoActemra" and "Actemra", "primovaccination" and "vaccination": the reader asked.)
      if (inPage && termTokens.some((w) => !w.cjk && otherStartSameBase(t.folded, w.folded))) return false;
      // Nor is a word that starts as a term word and goes on in an ending of its own
      // ("thrombocythaemia" and "thrombocytopenia", "pneumopathie" and "pneumothorax"): a
      // misspelling keeps most of the ending ("remdesevir", "dexamethazone").
      if (inPage && termTokens.some((w) => !w.cjk && otherEndSameBase(t.folded, w.folded))) return false;
      const own = gramsOf([t]);
      let shared = 0;
      for (const g of own) if (termGrams.has(g)) shared++;
      return shared >= own.size / 2;
    });
  }

  /** Terms spelt like `tokens` (grams.ts), best first. Also used by the build to find everyday words within reach. */
  spelledLike(tokens: readonly Pick<Token, 'key' | 'cjk'>[], minDice?: number): { ref: TermRef; dice: number }[] {
    if (!this.grams) {
      const refs: TermRef[] = [...this.bags.refs];
      const termTokens: Pick<Token, 'key' | 'cjk'>[][] = this.bags.keys.map((keys) => keys.map((key) => ({ key, cjk: false })));
      for (const { ref } of this.cjkTermList()) {
        refs.push(ref);
        termTokens.push(tokenize(ref.term.text, 400));
      }
      this.grams = new GramIndex(refs, termTokens);
    }
    return this.grams.similar(tokens, minDice);
  }

  private cjkTermList(): { key: string; ref: TermRef }[] {
    this.cjkTerms ??= this.entries.flatMap((entry, entryIndex) =>
      entry.terms
        .filter((term) => term.kind !== 'context' && CJK.test(term.text))
        .map((term) => ({ key: tokenize(term.text).map((t) => t.key).join(''), ref: { entry: entryIndex, term, cased: null } })),
    );
    return this.cjkTerms;
  }

  /**
   * Chinese has no spaces, so a selection may be part of a longer term ("高流量" of "经鼻高流量氧疗").
   * When nothing else matched, a selection of two or more CJK characters finds the terms that contain it.
   */
  private lookupCjkFragment(tokens: Token[], limit: number): Hit[] {
    if (tokens.length < 2 || !tokens.every((t) => t.cjk)) return [];
    const fragment = tokens.map((t) => t.key).join('');
    const best = new Map<string, Hit>();
    for (const { key, ref } of this.cjkTermList()) {
      if (!key.includes(fragment) || negatesOtherwise(key, fragment)) continue;
      const hit = this.hit(ref, 'phrase', 0.5 + 0.4 * (fragment.length / key.length) - 0.01 * KIND_RANK[ref.term.kind], tokens, 0, tokens.length);
      const previous = best.get(hit.id);
      if (!previous || previous.score < hit.score) best.set(hit.id, hit);
    }
    return [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /**
   * An abbreviation the index does not list, read as the initials of its terms (acronyms.ts):
   * "HFNC" → high-flow nasal cannula. Several entries with those initials are ordered by the words
   * around the selection. Typed alone they answer (the reader asks what it may mean); selected in a
   * page, where an unlisted abbreviation as often means something else ("PACS", the radiology
   * archive), and always when they spell an everyday word ("HAP", "LOT"), only where the text
   * around names that very entry ("Sickle cell disease with a VOC"); a related entry is not enough
   * ("short of breath … reversed with PCC" is no post-COVID condition).
   */
  private lookupInitials(text: string, tokens: Token[], around: () => Set<string>, named: () => Set<number>, hasContext: boolean, lang: string | undefined): Hit[] {
    const abbreviation = asAbbreviation(text);
    if (!abbreviation) return [];
    let refs = this.initialsTable().find(abbreviation);
    if (refs.length > 0 && (hasContext || this.isNearWord(abbreviation.toLowerCase()))) refs = refs.filter((ref) => named().has(ref.entry));
    if (refs.length === 0) return [];
    const match: Match = { from: 0, to: tokens.length, refs, factor: 1, weakest: 'exact' };
    // The initials say nothing of which term kind was meant: the words around decide.
    return this.rankSenses(match, tokens, around, lang, false).map((ref, rank) => this.hit(ref, 'initials', INITIALS_SCORE - 0.01 * rank, tokens, 0, tokens.length));
  }

  /**
   * A selection in Arabic script that sounds like a term in Latin script (transliterate.ts):
   * ريمديسيفير → remdesivir. The whole selection's consonant skeleton must be a term's, and long
   * enough to say something.
   */
  private lookupTransliterated(tokens: Token[], around: () => Set<string>, lang: string | undefined): Hit[] {
    if (!tokens.some((t) => ARABIC_SCRIPT.test(t.key)) || !tokens.every((t) => ARABIC_SCRIPT.test(t.key) || /^\d+$/.test(t.key))) return [];
    // Teh marbuta (folded to heh) ends Arabic nouns, not the sound of a foreign word (مقارنة is no Omicron).
    if (tokens.some((t) => t.key.endsWith('ه'))) return [];
    // Word by word: a function word is no sound of a term ("أو الهيدروكورتيزون" is "or hydrocortisone").
    if (tokens.some((t) => isNoiseKey(t.key))) return [];
    const words = tokens.map((t) => (/^\d+$/.test(t.key) ? t.key : arabicSkeleton(t.key)));
    if (words.includes('') || words.join('').replace(/\d/g, '').length < MIN_SKELETON) return [];
    const refs = this.soundsTable().get(words.join(' '));
    if (!refs) return [];
    const match: Match = { from: 0, to: tokens.length, refs, factor: 1, weakest: 'exact' };
    return this.rankSenses(match, tokens, around, lang, false).map((ref, rank) => this.hit(ref, 'transliterated', TRANSLITERATED_SCORE - 0.01 * rank, tokens, 0, tokens.length));
  }

  /** Latin-script terms by the consonant skeletons of their words (transliterate.ts), made on first use. */
  private soundsTable(): Map<string, TermRef[]> {
    if (this.sounds) return this.sounds;
    const sounds = new Map<string, TermRef[]>();
    this.entries.forEach((entry, entryIndex) => {
      for (const term of entry.terms) {
        if (term.kind === 'context' || term.kind === 'abbreviation' || !/^[\p{Script=Latin}\d\s'’-]+$/u.test(term.text)) continue;
        let readings = [''];
        tokenize(term.text, 400).forEach((t, k) => {
          const own = /^\d+$/.test(t.folded) ? [t.folded] : latinSkeletons(t.folded);
          readings = readings.flatMap((r) => own.map((s) => (k === 0 ? s : `${r} ${s}`))).slice(0, 8);
        });
        for (const reading of new Set(readings)) {
          const refs = sounds.get(reading);
          if (!refs) sounds.set(reading, [{ entry: entryIndex, term, cased: null }]);
          else if (!refs.some((r) => r.entry === entryIndex)) refs.push({ entry: entryIndex, term, cased: null });
        }
      }
    });
    return (this.sounds = sounds);
  }

  /**
   * A medicine no term lists, named by the stem its class's members share (international
   * nonproprietary names are built so: -sartan, -pril, -vimab, -curium): "irbesartan" where an
   * entry lists losartan and valsartan as members (medicineStems); the word must be longer than
   * the stem by three letters.
   */
  private lookupStem(tokens: Token[]): Hit[] {
    const word = (tokens[0] as Token).key;
    if (this.vocabulary.has(word) || this.isNearWord(word)) return [];
    const entry = classByStem((this.stems ??= medicineStems(this.entries)), word);
    if (entry === undefined) return [];
    const e = this.entries[entry] as Entry;
    const term = e.terms.find((t) => t.kind === 'preferred' && t.lang === 'en') ?? e.terms[0];
    return term ? [this.hit({ entry, term, cased: null }, 'stem', STEM_SCORE, tokens, 0, tokens.length)] : [];
  }

  /**
   * Longer terms the selection is whole, naming one of their parts another way (composed.ts): a
   * term of the selection with the rest of its words around it, where another entry's term holds
   * one of that entry's terms with those same words ("VTE prophylaxis": VTE is the entry whose
   * "venous thromboembolism" the term "venous thromboembolism prophylaxis" holds).
   */
  private lookupComposed(tokens: Token[], matches: readonly Match[], excluded: ReadonlySet<number>, lang: TextLanguage | undefined): Hit[] {
    const out: Hit[] = [];
    // (No term is longer than MAX_TERM_TOKENS words.)
    if (matches.length === 0 || tokens.length > MAX_TERM_TOKENS) return out;
    const numbers: number[] = [];
    for (const token of tokens) {
      const word = this.trie.words.get(token.key);
      // A word no term has: no term holds the selection's words around its part.
      if (word === undefined) return out;
      numbers.push(word);
    }
    const composed = (this.composed ??= composedTerms(this.trie));
    for (const match of matches) {
      if (match.from === 0 && match.to === tokens.length) continue;
      const seen: number[] = [];
      for (const part of match.refs) {
        if (part.term.kind === 'context' || part.exclusion || !composed.parts.has(part.entry) || seen.includes(part.entry)) continue;
        seen.push(part.entry);
        for (const ref of composed.byKey.get(composedKey(part.entry, numbers.slice(0, match.from), numbers.slice(match.to))) ?? [])
          if (!excluded.has(ref.entry) && fitsLanguage(ref, lang)) out.push(this.hit(ref, 'composed', wholeTermScore(ref.term.kind, match.factor * COMPOSED_FACTOR, 1), tokens, 0, tokens.length));
      }
    }
    return out;
  }

  /** A code no term lists, of a numbered series one entry does (series.ts `codeSeries`). */
  private lookupSeries(text: string, tokens: Token[]): Hit[] {
    const code = codeShape(text);
    if (!code) return [];
    const series = (this.series ??= codeSeries(this.entries)).get(code.shape);
    // (Written as the series' case-sensitive codes are: "ba.4" is not BA.4 where BA.1 matches only in capitals.)
    if (!series || (series.cased && !series.cased.has(code.cased))) return [];
    const entry = series.entry;
    const e = this.entries[entry] as Entry;
    const term = e.terms.find((t) => t.kind === 'preferred' && t.lang === 'en') ?? e.terms[0];
    return term ? [this.hit({ entry, term, cased: null }, 'series', SERIES_SCORE, tokens, 0, tokens.length)] : [];
  }

  /** Every abbreviation the initials of the terms spell (the build lists the everyday words among them as near words). */
  initials(): string[] {
    return [...this.initialsTable().all()];
  }

  private initialsTable(): Acronyms {
    return (this.acronyms ??= new Acronyms(
      this.entries.flatMap((entry, entryIndex) =>
        entry.terms
          .filter((term) => term.kind === 'preferred' || term.kind === 'synonym' || term.kind === 'member')
          .map((term) => ({ ref: { entry: entryIndex, term, cased: null }, tokens: tokenize(term.text, 400) })),
      ),
    ));
  }

  /** Chinese terms sharing most of the selection's characters in order (cjk.ts): 孕妇 → 孕产妇. */
  private lookupCjkSimilar(tokens: Token[]): Hit[] {
    this.cjkSimilar ??= new CjkTerms(this.cjkTermList());
    const selection = tokens.map((t) => t.key).join('');
    return this.cjkSimilar
      .similar(selection)
      .filter((m) => !negatesOtherwise(m.ref.term.text, selection))
      .map((m) => this.hit(m.ref, 'partial', 0.4 + 0.4 * m.selection * m.term - 0.01 * KIND_RANK[m.ref.term.kind], tokens, 0, tokens.length));
  }

  private hit(ref: TermRef, kind: HitKind, score: number, tokens: Token[], from: number, to: number): Hit {
    const entry = this.entries[ref.entry] as Entry;
    return {
      id: entry.id,
      term: ref.term.text,
      kind,
      score: round(score),
      start: tokens[from]?.start ?? 0,
      end: tokens[to - 1]?.end ?? 0,
      lang: ref.term.lang,
    };
  }

  /** Matches the text; where words stay unmatched, retries with misspellings corrected. */
  private matchWithCorrections(text: string, tokens: Token[], fuzzy: boolean, lang: TextLanguage | undefined): { input: WalkText; matches: Match[] } {
    const input: WalkText = { text, tokens, corrections: null, lang };
    const matches = this.findMatches(input);
    if (!fuzzy) return { input, matches };
    const covered = new Uint8Array(tokens.length);
    for (const m of matches) covered.fill(1, m.from, m.to);
    // A phrase read whole as an exclusion ("hypertension portale") is no misspelling either: corrected,
    // its word ("portale" → "portable") would break the phrase and leave the entry it excludes.
    const passed = input.passedOver ?? [];
    for (let k = 0; k + 1 < passed.length; k += 2) covered.fill(1, passed[k], passed[k + 1]);
    let corrections: Map<number, string> | null = null;
    tokens.forEach((token, i) => {
      if (covered[i] || token.cjk || isNoiseKey(token.key) || this.vocabulary.has(token.key) || this.forms.of(token.key).length > 0) return;
      const corrected = this.fuzzy.correct(token.key);
      if (corrected) (corrections ??= new Map()).set(i, corrected);
    });
    if (!corrections) return { input, matches };
    const corrected: WalkText = { text, tokens, corrections, lang };
    return { input: corrected, matches: this.findMatches(corrected) };
  }

  /** One pass, longest match at each position. */
  private findMatches(input: WalkText): Match[] {
    const matches: Match[] = [];
    let i = 0;
    while (i < input.tokens.length) {
      const reach = this.walker.longest(input, i);
      let refs = reach && input.lang && !reach.refs.every((ref) => fitsLanguage(ref, input.lang)) ? reach.refs.filter((ref) => fitsLanguage(ref, input.lang)) : reach?.refs;
      let excludes: number[] | undefined;
      if (reach && refs?.some((ref) => ref.exclusion)) {
        // "hay fever": the phrase is read whole, and names nothing of the entry it excludes.
        excludes = refs.filter((ref) => ref.exclusion).map((ref) => ref.entry);
        for (const entry of excludes) (input.excluded ??= new Set()).add(entry);
        refs = refs.filter((ref) => !ref.exclusion);
        if (refs.length === 0) {
          (input.passedOver ??= []).push(i, reach.to);
          i = reach.to;
          continue;
        }
      }
      if (reach && refs && refs.length > 0) {
        matches.push({ from: i, to: reach.to, refs, factor: reach.factor, weakest: reach.weakest, ...(excludes && { excludes }) });
        i = reach.to;
      } else i++;
    }
    // (Chinese writes nouns side by side without spaces: a context-only word beside a term of its
    // own or a related entry is a noun of its own there, 核酸 after 新冠, not that term's modifier.
    // So is one that ends a noun phrase after such a term in a spaced language, "Omicron BA.5
    // reinfection"; followed by another word it modifies that word, "HFNC discharge settings".)
    const endsPhrase = (context: Match) => {
      const next = input.tokens[context.to];
      return !next || !this.walker.joined(input, context.to - 1, context.to) || isNoiseKey(next.key) || isNumeric(next);
    };
    const compound = (term: Match, context: Match) => {
      const cjk = (input.tokens[context.from] as Token).cjk;
      if (cjk !== (input.tokens[term.from] as Token).cjk || (!cjk && (context.from < term.to || !endsPhrase(context)))) return false;
      return context.refs.some((c) => term.refs.some((t) => t.entry === c.entry || this.relatedOf(t.entry).has(c.entry)));
    };
    return dropContextBesideTerms(matches, (a, b) => this.walker.joined(input, a, b), compound);
  }

  /** Whether a term holds a word of the guidance's domain (in a tenth of its entries: "COVID", "SARS") that `written` lacks. */
  private leavesOutDomainWord(keys: readonly string[], written: ReadonlySet<string>): boolean {
    return keys.some((key) => this.isDomainWord(key) && !written.has(key));
  }

  /** A word of the guidance's domain: in the terms of a tenth of its entries ("COVID", "SARS"). */
  private isDomainWord(key: string): boolean {
    if (!this.domainWords) {
      const least = Math.max(3, DOMAIN_SHARE * this.entries.length);
      this.domainWords = new Set([...this.entriesWithWord].filter(([, n]) => n >= least).map(([word]) => word));
    }
    return this.domainWords.has(key);
  }

  /**
   * Whether, in a page, the place of a part's missing words is taken by another word: the part
   * then belongs to another compound ("sevrage" of "sevrage alcoolique" is no "sevrage
   * ventilatoire", "negative pressure" of "negative pressure wound therapy" no "negative pressure
   * room", "respiratory failure" of "type 2 respiratory failure" no "COVID-19 respiratory
   * failure"). The place is the first content word beyond the part, in the selection or the page,
   * on the side where the term goes on, before punctuation; it is taken by a word of the index's
   * vocabulary that is none of the entry's own words (in any form), or by a number other than the
   * entry's where the entry names numbered things.
   */
  private slotFilledOtherwise(c: BagCandidate, tokens: Token[], contextTokens: Token[], context: string, text: string, given: number | undefined): boolean {
    const isNumber = (key: string) => /^\d+$/.test(key);
    const isContent = (key: string) => !isNoiseKey(key) && !isNumber(key);
    if (c.found === 0) return false;
    const first = 31 - Math.clz32(c.found & -c.found);
    const last = 31 - Math.clz32(c.found);
    // A number the term names is a place too: "type 2" takes the place of "type 1".
    const numbered = c.keys.some((key, k) => (c.found & (1 << k)) === 0 && isNumber(key));
    const open = (side: readonly string[]) => side.some(isContent) || (numbered && side.some(isNumber));
    const openBefore = open(c.keys.slice(0, first));
    const openAfter = open(c.keys.slice(last + 1));
    if (!openBefore && !openAfter) return false;
    // The selection in the page, as tokens of the page.
    const offset = this.offsetIn(text, context, given);
    if (offset < 0) return false;
    const fromToken = tokens[c.from] as Token;
    const toToken = tokens[c.to - 1] as Token;
    const a = contextTokens.findIndex((t) => t.start === offset + fromToken.start);
    const b = contextTokens.findIndex((t) => t.end === offset + toToken.end);
    if (a < 0 || b < a) return false;
    const own = entryWords(this.bags, c.ref.entry);
    const ownWord = (key: string) => own.has(key) || this.forms.of(key).some((f) => own.has(f.key)) || this.fuzzy.siblings(key).some((s) => own.has(s));
    const namesNumbers = numbered || [...own].some(isNumber);
    const filler = (k: number, step: 1 | -1): boolean => {
      for (let i = k + step; i >= 0 && i < contextTokens.length; i += step) {
        const near = contextTokens[step > 0 ? i - 1 : i] as Token;
        const far = contextTokens[step > 0 ? i : i + 1] as Token;
        if (/[,;:.!?()[\]\n]/.test(context.slice(near.end, far.start))) return false;
        const t = contextTokens[i] as Token;
        if (t.cjk) return false;
        // A number where the entry names numbered things ("type 1") must be one of them.
        if (isNumber(t.key)) {
          if (namesNumbers) return !own.has(t.key);
          continue;
        }
        if (!isContent(t.key)) continue;
        // Only a word of the guidance's own vocabulary is known to name a kind of thing there ("TDM
        // demandée", "paralytic started": a word the index does not know may be the note's verb).
        return this.vocabulary.has(t.key) && !ownWord(t.key);
      }
      return false;
    };
    return (openAfter && filler(b, 1)) || (openBefore && filler(a, -1));
  }

  /** Entries named by a term that needs no context (the evidence a context-only term needs). */
  private namedEntries(matches: readonly Match[]): Set<number> {
    const out = new Set<number>();
    for (const m of matches) for (const ref of m.refs) if (ref.term.kind !== 'context') out.add(ref.entry);
    return out;
  }

  /**
   * Whether a context-only term of `entry` ("discharge", "PE" where it is ambiguous) may answer:
   * the text names that entry or one related to it (either way), so the ordinary sense is unlikely.
   */
  private supported(entry: number, named: ReadonlySet<number>): boolean {
    if (named.has(entry)) return true;
    for (const other of this.relatedOf(entry)) if (named.has(other)) return true;
    return false;
  }

  /** Entries related to an entry, in either direction. */
  private relatedOf(entry: number): ReadonlySet<number> {
    if (!this.relatedIndex) {
      const index = new Map<number, Set<number>>();
      const link = (a: number, b: number) => {
        let set = index.get(a);
        if (!set) index.set(a, (set = new Set()));
        set.add(b);
      };
      this.entries.forEach((e, i) => {
        for (const id of e.related) {
          const j = this.byId.get(id);
          if (j !== undefined && j !== i) {
            link(i, j);
            link(j, i);
          }
        }
      });
      this.relatedIndex = index;
    }
    return this.relatedIndex.get(entry) ?? NO_ENTRIES;
  }

  /** The senses of a match, best first: by term kind, then by how many words around it belong to the entry. */
  private rankSenses(match: Match, tokens: Token[], around: () => Set<string>, lang = 'en', byKind = true): TermRef[] {
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
        (byKind ? KIND_RANK[a.ref.term.kind] - KIND_RANK[b.ref.term.kind] : 0) ||
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
function dropContextBesideTerms(matches: Match[], joined: (a: number, b: number) => boolean, compound: (term: Match, context: Match) => boolean): Match[] {
  const onlyContext = (m: Match | undefined) => m !== undefined && isContextOnly(m.refs);
  return matches.filter((m, k) => {
    if (!onlyContext(m)) return true;
    const before = matches[k - 1];
    const after = matches[k + 1];
    const touchesBefore = before !== undefined && !onlyContext(before) && before.to === m.from && joined(before.to - 1, m.from) && !compound(before, m);
    const touchesAfter = after !== undefined && !onlyContext(after) && after.from === m.to && joined(m.to - 1, after.from) && !compound(after, m);
    return !touchesBefore && !touchesAfter;
  });
}

/** Whether two words start with different letters and end alike over five letters or more. */
function otherStartSameBase(a: string, b: string): boolean {
  if (a.charCodeAt(0) === b.charCodeAt(0)) return false;
  let shared = 0;
  while (shared < a.length && shared < b.length && a.charCodeAt(a.length - 1 - shared) === b.charCodeAt(b.length - 1 - shared)) shared++;
  return shared >= 5;
}

/**
 * Whether `a` and `b` share a base of five letters or more and then go on in two endings of three
 * letters or more that are three edits apart or more ("thrombocyt-hemia", "thrombocyt-openia"):
 * a misspelling changes a letter or two of an ending ("remdes-evir", "remdes-ivir").
 */
function otherEndSameBase(a: string, b: string): boolean {
  let base = 0;
  while (base < a.length && base < b.length && a.charCodeAt(base) === b.charCodeAt(base)) base++;
  if (base < 5 || a.length - base < 3 || b.length - base < 3) return false;
  return editDistance(a.slice(base), b.slice(base), 2) > 2;
}

const round = (score: number) => Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000;

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}

export interface MatcherOptions {
  /** The index's near words are not in it yet (`lexicon.nearWords` empty): `completeNearWords` brings them. */
  nearWordsPending?: boolean;
}

export function buildMatcher(index: GuidanceIndex, options: MatcherOptions = {}): Matcher {
  return new Matcher(index, undefined, options);
}

/** Bumped whenever what the matcher builds changes, so an old snapshot is never restored. */
const SNAPSHOT_FORMAT = 'mx-matcher-7';

export interface MatcherSnapshot {
  format: string;
  index: GuidanceIndex;
  words: Map<string, number>;
  edges: EdgeData;
  refs: unknown[];
  byId: Map<string, number>;
  wordLangs: Map<string, number>;
  termCount: number;
  bags: unknown;
  pairs: Map<string, unknown>;
  entriesWithWord: Map<string, number>;
  mergeable: Set<string>;
}

/** A matcher from a snapshot of this matcher version, or undefined when `value` is not one. */
export function restoreMatcher(value: unknown): Matcher | undefined {
  const s = value as Partial<MatcherSnapshot> | null;
  const bags = s?.bags as Partial<TermBags> | undefined;
  if (
    !s || typeof s !== 'object' || s.format !== SNAPSHOT_FORMAT || !EdgeTable.isData(s.edges) || !(s.words instanceof Map) || !Array.isArray(s.refs) ||
    !(s.byId instanceof Map) || !(s.wordLangs instanceof Map) || typeof s.termCount !== 'number' ||
    !(s.pairs instanceof Map) || !(s.entriesWithWord instanceof Map) || !(s.mergeable instanceof Set) ||
    !bags || !Array.isArray(bags.refs) || !Array.isArray(bags.keys) || !(bags.postings instanceof Map) ||
    !s.index || !Array.isArray(s.index.entries) || !Array.isArray(s.index.lexicon?.nearWords)
  )
    return undefined;
  return new Matcher(s.index, s as MatcherSnapshot);
}
