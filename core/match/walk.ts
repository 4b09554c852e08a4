// The contiguous stage: from one word of a text, walk the term trie word by word and report every
// term that ends on the way. Each word may be read as written, joined with the next word ("Fang
// Cang" → "fangcang"), split in two ("handrub" → "hand rub"), as another form of a term word, or as
// its spelling correction; every reading other than the written one is a step that lowers the
// match's factor (score.ts). Used by scan, by lookup and by the word-in-context widening.
import type { Term } from '../index/types';
import type { TextLanguage } from '../text/language';
import { fnv1aBits } from '../text/hash';
import { isNoiseKey } from '../text/noise';
import type { Token } from '../text/normalize';
import { EdgeTable } from './edges';
import type { WordForm, WordForms } from './morphology';
import { STEP_FACTOR, type Step } from './score';

export interface TermRef {
  entry: number;
  term: Term;
  /** The term's tokens as written, when it must match case-sensitively. */
  cased: string[] | null;
  /** A phrase in which the entry's terms do not name it ("hay fever" of fever): found to be passed over. */
  exclusion?: true;
}

/**
 * The term trie, flat: node 0 is the root; every word of a term has a number (`words`), `edges`
 * maps (node, word number) to the child node (edges.ts), and `refs[node]` lists the terms ending
 * there. Numbers, not strings, as keys: a lookup builds no string, and one table instead of a Map
 * per node keeps the build fast and small at 100k terms.
 */
export interface Trie {
  words: Map<string, number>;
  edges: EdgeTable;
  refs: (TermRef[] | undefined)[];
}

/** Most words in a term. */
export const MAX_TERM_TOKENS = 16;

/** The child of `node` along word `key`, or undefined. */
export function childOf(trie: Trie, node: number, key: string): number | undefined {
  const word = trie.words.get(key);
  if (word === undefined) return undefined;
  const child = trie.edges.get(node, word);
  return child < 0 ? undefined : child;
}

/** Adds a term's path of keys to the trie and the term at its end. */
export function insertTerm(trie: Trie, keys: readonly string[], ref: TermRef): void {
  let node = 0;
  for (const key of keys) {
    let word = trie.words.get(key);
    if (word === undefined) {
      word = trie.words.size;
      trie.words.set(key, word);
    }
    let child = trie.edges.get(node, word);
    if (child < 0) {
      child = trie.refs.length;
      trie.refs.push(undefined);
      trie.edges.set(node, word, child);
    }
    node = child;
  }
  const list = trie.refs[node];
  if (!list) trie.refs[node] = [ref];
  else if (!list.some((r) => r.entry === ref.entry && r.term.text === ref.term.text)) list.push(ref);
}

// Sentence punctuation between two words ends any multi-word term ("high. Flow" is not "high flow");
// a dot inside a code or version ("BA.5", "U07.1") is not punctuation, and neither is a hyphen inside
// a word; a dash between spaces is ("?PE - D-dimer 2.4").
const BREAK = /[;:!?,()[\]{}|\n\r\t]|\.\s|\s\.|\s[-\u2013\u2014]\s/;

const NONE: readonly Reach[] = Object.freeze([]) as readonly Reach[];

export interface Reach {
  /** Token index after the last word of the term (exclusive). */
  to: number;
  refs: TermRef[];
  /** Product of the steps' factors. */
  factor: number;
  /** The weakest step taken ('exact' when every word was read as written). */
  weakest: Step;
}

export interface WalkText {
  text: string;
  tokens: Token[];
  /** Spelling corrections of some tokens (token index → term word). */
  corrections: Map<number, string> | null;
  /** Made on first use: bit k set when sentence punctuation separates token k from token k − 1. */
  breaks?: number[];
  /** The text's language, when known (terms of other languages may not match: matcher.ts). */
  lang?: TextLanguage;
  /** Entries whose exclusion phrases the text holds (filled by the matcher's walk). */
  excluded?: Set<number>;
  /** Token ranges read whole as exclusion phrases, as from, to pairs (filled by the matcher's walk). */
  passedOver?: number[];
}

export class Walker {
  constructor(
    private readonly trie: Trie,
    private readonly forms: WordForms,
    private readonly vocabulary: ReadonlySet<string>,
    /** Term words as folded and as matching keys: what two written words joined may be. */
    private readonly mergeable: ReadonlySet<string>,
    private readonly canonical: (folded: string) => string,
  ) {
    const rootIds = new Set<number>(trie.edges.wordsFrom(0));
    for (const [word, id] of trie.words) if (rootIds.has(id)) this.rootWords.add(word);
    for (const word of mergeable) if (word.length >= 2) this.mergeBits.add(fnv1aBits(word));
  }

  /** The hashes of every word two written words may join into, as a Bloom filter (256 kB, whatever the index's size). */
  private readonly mergeBits = new BloomBits();

  /** Words that start a term (the root's edges): most words of a text start none, and are passed over without building an edge key. */
  private readonly rootWords = new Set<string>();
  /** For words that start no term as written: their other forms that do (usually none). */
  private readonly rootForms = new Map<string, readonly WordForm[]>();

  /** Whether adjacent tokens a and b = a + 1 may belong to one term: no sentence punctuation between them. */
  joined(input: WalkText, a: number, b: number): boolean {
    if (!input.breaks) {
      const { text, tokens } = input;
      // (Bits in a plain array: a typed array would be one more buffer outside the heap per text.)
      const breaks: number[] = new Array<number>((tokens.length >>> 5) + 1).fill(0);
      for (let k = 1; k < tokens.length; k++) {
        const from = (tokens[k - 1] as Token).end;
        const to = (tokens[k] as Token).start;
        // A single space or hyphen (most gaps) joins: no string is made for it.
        if (to - from <= 1 && (to === from || text.charCodeAt(from) === 32 || text.charCodeAt(from) === 45)) continue;
        const gap = text.slice(from, to);
        if (BREAK.test(gap) || (gap.includes('.') && gap.length > 1)) breaks[k >>> 5] = (breaks[k >>> 5] as number) | (1 << (k & 31));
      }
      input.breaks = breaks;
    }
    for (let k = a + 1; k <= b; k++) if (((input.breaks[k >>> 5] as number) >>> (k & 31)) & 1) return false;
    return true;
  }

  /** Whether some term starts with this word as written. */
  startsTerm(key: string): boolean {
    return this.rootWords.has(key);
  }

  /** Every term that starts at token `i`, shortest first; at most one reach per end (the best factor). */
  from(input: WalkText, i: number): readonly Reach[] {
    // Most words start no term: the walk writes into one reused array and only a find is copied out.
    // (Its length is never set back to 0, which would free its backing store for the next push to
    // allocate again: a count says how much of it this walk filled.)
    const found = this.walk(input, i);
    if (this.count === 0) return NONE;
    if (this.count === 1) return [found[0] as Reach];
    // (Insertion sort: a handful of reaches, and no comparator closure or merge buffer per word.)
    const out = found.slice(0, this.count);
    for (let k = 1; k < out.length; k++) {
      const reach = out[k] as Reach;
      let m = k - 1;
      for (; m >= 0 && (out[m] as Reach).to > reach.to; m--) out[m + 1] = out[m] as Reach;
      out[m + 1] = reach;
    }
    return out;
  }

  private readonly buffer: Reach[] = [];
  private count = 0;

  /** Walks every term starting at token `i` into the buffer (its first `count` reaches). */
  private walk(input: WalkText, i: number): readonly Reach[] {
    this.count = 0;
    this.step(input, i, i, 0, 0);
    return this.buffer;
  }

  /** The longest term starting at `i` (best factor among equally long ones), or null. */
  longest(input: WalkText, i: number): Reach | null {
    // (Read from the walk's buffer: no copy for the caller, who keeps one reach.)
    const found = this.walk(input, i);
    let best: Reach | null = null;
    for (let k = 0; k < this.count; k++) if (!best || (found[k] as Reach).to > best.to) best = found[k] as Reach;
    return best;
  }

  private step(input: WalkText, start: number, j: number, node: number, steps: number): void {
    const { tokens, corrections } = input;
    if (j >= tokens.length || j - start >= MAX_TERM_TOKENS) return;
    if (j > start && !this.joined(input, j - 1, j)) return;
    const token = tokens[j] as Token;
    const corrected = corrections?.get(j);
    if (corrected !== undefined) {
      this.advance(input, start, j, node, corrected, 1, 'corrected', steps);
      return;
    }
    const atRoot = node === 0;
    const found = this.count;
    let moved = (!atRoot || this.rootWords.has(token.key)) && this.advance(input, start, j, node, token.key, 1, 'exact', steps);
    // Two words written apart that a term writes as one ("Fang Cang", "N-95", "hand rub").
    const next = tokens[j + 1];
    // (Inside a term only when the word as written led nowhere: it saves a string per word.)
    // (A pair whose joined hash no term word has is passed over without building the string.)
    if (next && (atRoot || !moved) && !token.cjk && !next.cjk && !corrections?.has(j + 1) && this.mergeBits.has(fnv1aBits(next.folded, fnv1aBits(token.folded)))) {
      const concat = token.folded + next.folded;
      // Never with a function word written apart ("de saturation" is not "desaturation"); a hyphen
      // makes one word of them ("IL-6" is "IL6").
      if (this.mergeable.has(concat) && (next.hyphenBefore || (!isNoiseKey(token.key) && !isNoiseKey(next.key))) && this.joined(input, j, j + 1)) {
        const merged = this.canonical(concat);
        if (this.vocabulary.has(merged)) moved = this.advance(input, start, j, node, merged, 2, 'joined', steps) || moved;
      }
    }
    if (token.cjk) return;
    // One word that a term writes as two ("handrub", "facemask"); also where the word as written
    // starts terms but found none ("IL6" where only cased terms start so and "IL-6" is the term).
    const pair = (!moved || this.count === found) && this.forms.pairs.get(token.key);
    if (pair) {
      const mid = childOf(this.trie, node, pair[0]);
      if (mid !== undefined && this.advance(input, start, j, mid, pair[1], 1, 'joined', steps)) return;
    }
    if (moved) return;
    for (const form of atRoot ? this.formsStartingTerms(token.key) : this.forms.of(token.key, true))
      if (this.advance(input, start, j, node, form.key, 1, form.step, steps)) return;
  }

  private formsStartingTerms(key: string): readonly WordForm[] {
    let forms = this.rootForms.get(key);
    if (!forms) {
      forms = this.forms.of(key).filter((f) => this.rootWords.has(f.key));
      if (this.rootForms.size > 20_000) this.rootForms.clear();
      this.rootForms.set(key, forms);
    }
    return forms;
  }

  /** Reads `key` (standing for `used` tokens from j) from `node`; records a term ending there and walks on. False when no term goes that way. */
  private advance(
    input: WalkText,
    start: number,
    j: number,
    node: number,
    key: string,
    used: number,
    step: Step,
    steps: number,
  ): boolean {
    const child = childOf(this.trie, node, key);
    if (child === undefined) return false;
    const taken = steps + STEP_COUNT[step];
    const refs = this.trie.refs[child];
    if (refs) {
      const to = j + used;
      let anyCased = false;
      for (let k = 0; k < refs.length; k++) if ((refs[k] as TermRef).cased) anyCased = true;
      const accepted = anyCased
        ? refs.filter((ref) => casedMatch(ref, input.tokens, start, to) && standsAlone(input.tokens, start, to))
        : refs;
      if (accepted.length > 0) {
        let at = -1;
        const found = this.buffer;
        for (let k = 0; k < this.count; k++) if ((found[k] as Reach).to === to) at = k;
        const f = factorOf(taken);
        if (at < 0) found[this.count++] = { to, refs: accepted, factor: f, weakest: weakestOf(taken) };
        else if ((found[at] as Reach).factor < f) found[at] = { to, refs: accepted, factor: f, weakest: weakestOf(taken) };
      }
    }
    this.step(input, start, j + used, child, taken);
    return true;
  }
}

// The steps a walk has taken, as a count per kind of step in 5 bits each (a term has at most 16
// words): a small integer, where a running product of factors was a floating-point number that V8
// boxed on every call of the walk (a heap number per word read, the walk's largest allocation).
const STEP_COUNT: Record<Step, number> = { exact: 0, inflected: 1, joined: 1 << 5, derived: 1 << 10, corrected: 1 << 15 };
const COUNTED: readonly Step[] = ['inflected', 'joined', 'derived', 'corrected'];

/** The product of the factors of the steps taken (score.ts). */
function factorOf(steps: number): number {
  let f = 1;
  for (let k = 0; k < COUNTED.length; k++) for (let n = (steps >>> (5 * k)) & 31; n > 0; n--) f *= STEP_FACTOR[COUNTED[k] as Step];
  return f;
}

/** The weakest step taken: 'exact' when every word was read as written. */
function weakestOf(steps: number): Step {
  for (let k = COUNTED.length - 1; k >= 0; k--) if ((steps >>> (5 * k)) & 31) return COUNTED[k] as Step;
  return 'exact';
}

/** 2^21 bits, two per hash: about 3 % false positives at 200,000 words, which only cost a string. */
class BloomBits {
  private readonly words = new Uint32Array(1 << 16);
  add(hash: number): void {
    this.set(hash & 0x1fffff);
    this.set(Math.imul(hash, 0x9e3779b1) >>> 11);
  }
  has(hash: number): boolean {
    return this.get(hash & 0x1fffff) && this.get(Math.imul(hash, 0x9e3779b1) >>> 11);
  }
  private set(bit: number): void {
    this.words[bit >>> 5] = (this.words[bit >>> 5] as number) | (1 << (bit & 31));
  }
  private get(bit: number): boolean {
    return ((this.words[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  }
}

/** An abbreviation is not the tail or head of a hyphenated word ("anti-CCP", "25-OHD", "TEP-TDM"). */
function standsAlone(tokens: Token[], from: number, to: number): boolean {
  return !(tokens[from] as Token).hyphenBefore && !tokens[to]?.hyphenBefore;
}

/** Written as the term writes it: word by word, or (two words joined, one split) letter by letter ("N-95" is "N95", not "n95"). */
function casedMatch(ref: TermRef, tokens: Token[], from: number, to: number): boolean {
  if (!ref.cased) return true;
  if (ref.cased.length === to - from) return ref.cased.every((cased, k) => tokens[from + k]?.cased === cased);
  let written = '';
  for (let k = from; k < to; k++) written += (tokens[k] as Token).cased;
  return written === ref.cased.join('');
}
