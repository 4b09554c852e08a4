// The last stage of `lookup`: terms spelt much like the selection, by the character n-grams they
// share (trigrams of words, bigrams of Chinese and Japanese characters), when nothing else
// answered. It finds what a word-by-word reading cannot: the same term in a related language or
// spelling ("antibióticos", "lactatémie", "corticoïdes"), and Chinese terms that differ by a
// character or two (重症新冠 / 新冠重症肺炎). Everyday words within its reach are listed by the
// build (`lexicon.nearWords`) and never reach a term this way.
import type { Token } from '../text/normalize';
import type { TermRef } from './walk';

/** Dice similarity of n-gram sets from which a term answers. */
export const GRAM_MIN_DICE = 0.6;
/** Fewest shared n-grams (so two short strings never match on one or two). */
const MIN_SHARED = 3;
/** An n-gram in more terms than this proposes none (it still counts for those proposed otherwise). */
const MAX_GRAM_POSTINGS = 200;

/** The n-grams of a run of tokens: characters and bigrams of each CJK run, trigrams of each word with its edges marked. */
export function gramsOf(tokens: readonly Pick<Token, 'key' | 'cjk'>[]): Set<string> {
  const grams = new Set<string>();
  let cjkRun = '';
  // Chinese words are one to four characters: characters and bigrams both say something.
  const flushCjk = () => {
    for (const ch of cjkRun) grams.add(ch);
    for (let i = 0; i + 1 < cjkRun.length; i++) grams.add(cjkRun.slice(i, i + 2));
    cjkRun = '';
  };
  for (const token of tokens) {
    if (token.cjk) {
      cjkRun += token.key;
      continue;
    }
    flushCjk();
    const word = ` ${token.key} `;
    for (let i = 0; i + 2 < word.length; i++) grams.add(word.slice(i, i + 3));
  }
  flushCjk();
  return grams;
}

export interface GramMatch {
  ref: TermRef;
  dice: number;
}

export class GramIndex {
  /** Each term's summed n-gram weight. */
  private readonly totals: number[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly unseenWeight: number;

  constructor(
    private readonly refs: readonly TermRef[],
    termTokens: readonly (readonly Pick<Token, 'key' | 'cjk'>[])[],
  ) {
    const gramsOfTerm = termTokens.map((tokens) => gramsOf(tokens));
    gramsOfTerm.forEach((grams, t) => {
      for (const gram of grams) {
        const list = this.postings.get(gram);
        if (list) list.push(t);
        else this.postings.set(gram, [t]);
      }
    });
    this.unseenWeight = Math.log(1 + refs.length);
    for (const grams of gramsOfTerm) {
      let total = 0;
      for (const gram of grams) total += this.weight(gram);
      this.totals.push(total);
    }
  }

  private counts: { count: Uint16Array; common: Float64Array; touched: Int32Array } | undefined;

  /** Per-term counters for `similar`, made on first use (most indexes never need them). */
  private scratch(): { count: Uint16Array; common: Float64Array; touched: Int32Array } {
    const n = this.refs.length;
    return (this.counts ??= { count: new Uint16Array(n), common: new Float64Array(n), touched: new Int32Array(n) });
  }

  /** An n-gram found in many terms ("患者", " co") says little: inverse term frequency. */
  private weight(gram: string): number {
    return this.weightOf(this.postings.get(gram));
  }

  /** The weight of an n-gram with these postings (none: an n-gram no term has). */
  private weightOf(list: readonly number[] | undefined): number {
    return list ? Math.log(1 + this.refs.length / list.length) : this.unseenWeight;
  }

  /** Terms whose weighted n-grams overlap those of `tokens` (Dice) by at least `minDice`, best first. */
  similar(tokens: readonly Pick<Token, 'key' | 'cjk'>[], minDice = GRAM_MIN_DICE): GramMatch[] {
    const grams = gramsOf(tokens);
    if (grams.size < MIN_SHARED) return [];
    let total = 0;
    // The weight of the selection's n-grams too general to propose: the most a candidate can add from them.
    let general = 0;
    // Shared n-grams counted per term in arrays kept between calls (a map and an object per
    // proposed term were most of this stage's time at 100k terms); reset as they are read.
    const { count, common: weights, touched } = this.scratch();
    let proposed = 0;
    for (const gram of grams) {
      const list = this.postings.get(gram);
      const w = this.weightOf(list);
      total += w;
      if (!list) continue;
      if (list.length > MAX_GRAM_POSTINGS) {
        general += w;
        continue;
      }
      for (let k = 0; k < list.length; k++) {
        const t = list[k] as number;
        if (count[t] === 0) touched[proposed++] = t;
        count[t] = (count[t] as number) + 1;
        weights[t] = (weights[t] as number) + w;
      }
    }
    const out: GramMatch[] = [];
    for (let k = 0; k < proposed; k++) {
      const t = touched[k] as number;
      const shared = count[t] as number;
      let common = weights[t] as number;
      count[t] = 0;
      weights[t] = 0;
      if (shared < MIN_SHARED) continue;
      const size = this.totals[t] as number;
      // Even with every general n-gram in common it could not reach minDice: skip the count.
      if ((2 * (common + general)) / (total + size) < minDice) continue;
      for (const gram of general > 0 ? grams : []) {
        const list = this.postings.get(gram);
        if (list && list.length > MAX_GRAM_POSTINGS && sortedHas(list, t)) common += this.weight(gram);
      }
      const dice = (2 * common) / (total + size);
      if (dice >= minDice) out.push({ ref: this.refs[t] as TermRef, dice });
    }
    return out.sort((a, b) => b.dice - a.dice);
  }
}

/** Whether an ascending list holds `value`. */
export function sortedHas(list: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const v = list[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid;
  }
  return false;
}
