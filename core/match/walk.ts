// The contiguous stage: from one word of a text, walk the term trie word by word and report every
// term that ends on the way. Each word may be read as written, joined with the next word ("Fang
// Cang" → "fangcang"), split in two ("handrub" → "hand rub"), as another form of a term word, or as
// its spelling correction; every reading other than the written one is a step that lowers the
// match's factor (score.ts). Used by scan, by lookup and by the word-in-context widening.
import type { Term } from '../index/types';
import type { Token } from '../text/normalize';
import type { WordForms } from './morphology';
import { STEP_FACTOR, STEP_ORDER, type Step } from './score';

export interface TermRef {
  entry: number;
  term: Term;
  /** The term's tokens as written, when it must match case-sensitively. */
  cased: string[] | null;
}

/** The term trie, flat: node 0 is the root; `edges` maps "node|token key" to the child node, and `refs[node]` lists the terms ending there. */
export interface Trie {
  edges: Map<string, number>;
  refs: (TermRef[] | undefined)[];
}

/** Most words in a term. */
export const MAX_TERM_TOKENS = 16;

// Sentence punctuation between two words ends any multi-word term ("high. Flow" is not "high flow");
// a dot inside a code or version ("BA.5", "U07.1") is not punctuation.
const BREAK = /[;:!?,()[\]{}|\n\r\t]|\.\s|\s\./;

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
}

export class Walker {
  constructor(
    private readonly trie: Trie,
    private readonly forms: WordForms,
    private readonly vocabulary: ReadonlySet<string>,
    private readonly canonical: (folded: string) => string,
  ) {}

  /** Whether tokens a and b (a < b) may belong to one term: no sentence punctuation between them. */
  joined(input: WalkText, a: number, b: number): boolean {
    const gap = input.text.slice((input.tokens[a] as Token).end, (input.tokens[b] as Token).start);
    return !(BREAK.test(gap) || (gap.includes('.') && gap.length > 1));
  }

  /** Every term that starts at token `i`, shortest first; at most one reach per end (the best factor). */
  from(input: WalkText, i: number): Reach[] {
    const found = new Map<number, Reach>();
    this.step(input, i, i, 0, 1, 'exact', found);
    if (found.size === 0) return [];
    return [...found.values()].sort((a, b) => a.to - b.to);
  }

  /** The longest term starting at `i` (best factor among equally long ones), or null. */
  longest(input: WalkText, i: number): Reach | null {
    const all = this.from(input, i);
    return all[all.length - 1] ?? null;
  }

  private step(input: WalkText, start: number, j: number, node: number, factor: number, weakest: Step, found: Map<number, Reach>): void {
    const { tokens, corrections } = input;
    if (j >= tokens.length || j - start >= MAX_TERM_TOKENS) return;
    if (j > start && !this.joined(input, j - 1, j)) return;
    const token = tokens[j] as Token;
    const go = (key: string, used: number, step: Step) => {
      const child = this.trie.edges.get(`${node}|${key}`);
      if (child === undefined) return false;
      const f = factor * STEP_FACTOR[step];
      const w = STEP_ORDER.indexOf(step) > STEP_ORDER.indexOf(weakest) ? step : weakest;
      const refs = this.trie.refs[child];
      if (refs) {
        const accepted = refs.filter((ref) => casedMatch(ref, tokens, start));
        const previous = found.get(j + used);
        if (accepted.length > 0 && (!previous || previous.factor < f)) found.set(j + used, { to: j + used, refs: accepted, factor: f, weakest: w });
      }
      this.step(input, start, j + used, child, f, w, found);
      return true;
    };
    const corrected = corrections?.get(j);
    if (corrected !== undefined) {
      go(corrected, 1, 'corrected');
      return;
    }
    let moved = go(token.key, 1, 'exact');
    // Two words written apart that a term writes as one ("Fang Cang", "N-95", "hand rub").
    const next = tokens[j + 1];
    if (next && !token.cjk && !next.cjk && !corrections?.has(j + 1) && this.joined(input, j, j + 1)) {
      const merged = this.canonical(token.folded + next.folded);
      if (this.vocabulary.has(merged)) moved = go(merged, 2, 'joined') || moved;
    }
    if (moved || token.cjk) return;
    // One word that a term writes as two ("handrub", "facemask").
    const pair = this.forms.pairs.get(token.key);
    if (pair) {
      const mid = this.trie.edges.get(`${node}|${pair[0]}`);
      const child = mid === undefined ? undefined : this.trie.edges.get(`${mid}|${pair[1]}`);
      if (child !== undefined) {
        const f = factor * STEP_FACTOR.joined;
        const w = STEP_ORDER.indexOf('joined') > STEP_ORDER.indexOf(weakest) ? 'joined' : weakest;
        const refs = this.trie.refs[child]?.filter((ref) => !ref.cased);
        if (refs && refs.length > 0) {
          const previous = found.get(j + 1);
          if (!previous || previous.factor < f) found.set(j + 1, { to: j + 1, refs, factor: f, weakest: w });
        }
        this.step(input, start, j + 1, child, f, w, found);
        return;
      }
    }
    for (const form of this.forms.of(token.key)) if (go(form.key, 1, form.step)) return;
  }
}

function casedMatch(ref: TermRef, tokens: Token[], from: number): boolean {
  if (!ref.cased) return true;
  return ref.cased.every((cased, k) => tokens[from + k]?.cased === cased);
}
