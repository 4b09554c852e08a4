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
  /** Made on first use: 1 at token k when sentence punctuation separates it from token k − 1. */
  breaks?: Uint8Array;
}

export class Walker {
  constructor(
    private readonly trie: Trie,
    private readonly forms: WordForms,
    private readonly vocabulary: ReadonlySet<string>,
    /** Term words as folded and as matching keys: what two written words joined may be. */
    private readonly mergeable: ReadonlySet<string>,
    private readonly canonical: (folded: string) => string,
  ) {}

  /** Whether adjacent tokens a and b = a + 1 may belong to one term: no sentence punctuation between them. */
  joined(input: WalkText, a: number, b: number): boolean {
    if (!input.breaks) {
      const { text, tokens } = input;
      const breaks = new Uint8Array(tokens.length);
      for (let k = 1; k < tokens.length; k++) {
        const gap = text.slice((tokens[k - 1] as Token).end, (tokens[k] as Token).start);
        if (gap.length > 1 || (gap.length === 1 && gap !== ' ' && gap !== '-')) breaks[k] = BREAK.test(gap) || (gap.includes('.') && gap.length > 1) ? 1 : 0;
      }
      input.breaks = breaks;
    }
    for (let k = a + 1; k <= b; k++) if (input.breaks[k]) return false;
    return true;
  }

  /** Every term that starts at token `i`, shortest first; at most one reach per end (the best factor). */
  from(input: WalkText, i: number): Reach[] {
    const found: Reach[] = [];
    this.step(input, i, i, 0, 1, 'exact', found);
    return found.length > 1 ? found.sort((a, b) => a.to - b.to) : found;
  }

  /** The longest term starting at `i` (best factor among equally long ones), or null. */
  longest(input: WalkText, i: number): Reach | null {
    const all = this.from(input, i);
    return all[all.length - 1] ?? null;
  }

  private step(input: WalkText, start: number, j: number, node: number, factor: number, weakest: Step, found: Reach[]): void {
    const { tokens, corrections } = input;
    if (j >= tokens.length || j - start >= MAX_TERM_TOKENS) return;
    if (j > start && !this.joined(input, j - 1, j)) return;
    const token = tokens[j] as Token;
    const corrected = corrections?.get(j);
    if (corrected !== undefined) {
      this.advance(input, start, j, node, corrected, 1, 'corrected', factor, weakest, found);
      return;
    }
    let moved = this.advance(input, start, j, node, token.key, 1, 'exact', factor, weakest, found);
    // Two words written apart that a term writes as one ("Fang Cang", "N-95", "hand rub").
    const next = tokens[j + 1];
    if (next && !token.cjk && !next.cjk && !corrections?.has(j + 1)) {
      const concat = token.folded + next.folded;
      if (this.mergeable.has(concat) && this.joined(input, j, j + 1)) {
        const merged = this.canonical(concat);
        if (this.vocabulary.has(merged)) moved = this.advance(input, start, j, node, merged, 2, 'joined', factor, weakest, found) || moved;
      }
    }
    if (moved || token.cjk) return;
    // One word that a term writes as two ("handrub", "facemask").
    const pair = this.forms.pairs.get(token.key);
    if (pair) {
      const mid = this.trie.edges.get(`${node}|${pair[0]}`);
      if (mid !== undefined && this.advance(input, start, j, mid, pair[1], 1, 'joined', factor, weakest, found, true)) return;
    }
    for (const form of this.forms.of(token.key)) if (this.advance(input, start, j, node, form.key, 1, form.step, factor, weakest, found)) return;
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
    factor: number,
    weakest: Step,
    found: Reach[],
    uncasedOnly = false,
  ): boolean {
    const child = this.trie.edges.get(`${node}|${key}`);
    if (child === undefined) return false;
    const f = factor * STEP_FACTOR[step];
    const w = STEP_ORDER.indexOf(step) > STEP_ORDER.indexOf(weakest) ? step : weakest;
    const refs = this.trie.refs[child];
    if (refs) {
      const accepted = refs.filter((ref) => (uncasedOnly ? !ref.cased : casedMatch(ref, input.tokens, start)));
      const to = j + used;
      if (accepted.length > 0) {
        const at = found.findIndex((r) => r.to === to);
        const reach = { to, refs: accepted, factor: f, weakest: w };
        if (at < 0) found.push(reach);
        else if ((found[at] as Reach).factor < f) found[at] = reach;
      }
    }
    this.step(input, start, j + used, child, f, w, found);
    return true;
  }
}

function casedMatch(ref: TermRef, tokens: Token[], from: number): boolean {
  if (!ref.cased) return true;
  return ref.cased.every((cased, k) => tokens[from + k]?.cased === cased);
}
