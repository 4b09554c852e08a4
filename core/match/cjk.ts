// Chinese (and Japanese) selections that no term holds as written: the terms that share most of
// their characters in the same order. Chinese writes the same concept with a character more or
// less (孕妇 / 孕产妇, 咽喉痛 / 咽痛, 多学科团队 / 多学科诊疗团队) or one character swapped
// (沉默型缺氧 / 沉默性缺氧), and has no spaces to cut at. Each character counts by how few
// entries' terms use it, so a shared 性 or 症 says little and a shared 孕 or 卒 a lot.
import { sortedHas } from './grams';
import type { TermRef } from './walk';

/** Share of the selection's weight the common characters must carry. */
export const CJK_MIN_SELECTION = 0.45;
/** Share of the term's weight they must carry. */
export const CJK_MIN_TERM = 0.35;
/** A character in more terms than this proposes none (it still counts in the terms others propose). */
const MAX_CHAR_POSTINGS = 400;
/** Longest selection (characters) compared this way; a longer one is a sentence for `scan`. */
const MAX_CHARS = 24;

export interface CjkMatch {
  ref: TermRef;
  /** Weighted share of the selection and of the term in common (longest common subsequence). */
  selection: number;
  term: number;
}

export class CjkTerms {
  private readonly weights = new Map<string, number>();
  private readonly postings = new Map<string, number[]>();
  private readonly chars: string[][];
  private readonly totals: number[];
  private readonly unseen: number;

  constructor(private readonly terms: readonly { key: string; ref: TermRef }[]) {
    this.chars = terms.map((t) => [...t.key]);
    const entriesOf = new Map<string, Set<number>>();
    this.chars.forEach((chars, t) => {
      for (const ch of new Set(chars)) {
        let set = entriesOf.get(ch);
        if (!set) entriesOf.set(ch, (set = new Set()));
        set.add((terms[t] as { ref: TermRef }).ref.entry);
        const list = this.postings.get(ch);
        if (list) list.push(t);
        else this.postings.set(ch, [t]);
      }
    });
    const entries = new Set(terms.map((t) => t.ref.entry)).size;
    for (const [ch, set] of entriesOf) this.weights.set(ch, Math.log(1 + entries / set.size));
    this.unseen = Math.log(1 + entries);
    this.totals = this.chars.map((chars) => chars.reduce((sum, ch) => sum + this.weight(ch), 0));
  }

  private weight(ch: string): number {
    return this.weights.get(ch) ?? this.unseen;
  }

  /** Terms sharing most of `text`'s weighted characters in order, best first. */
  similar(text: string): CjkMatch[] {
    const sel = [...text];
    if (sel.length < 2 || sel.length > MAX_CHARS) return [];
    const selWeights = sel.map((ch) => this.weight(ch));
    const selTotal = selWeights.reduce((a, b) => a + b, 0);
    // Terms sharing at least two distinct characters of the selection, with the most weight in
    // common they could have (every shared character, in any order): a bound that skips most.
    // A character in very many terms proposes none; it still counts in the terms others propose.
    const shared = new Map<number, { count: number; weight: number }>();
    const common: { list: number[]; w: number }[] = [];
    for (const ch of new Set(sel)) {
      const w = this.weight(ch) * sel.filter((c) => c === ch).length;
      const list = this.postings.get(ch) ?? [];
      if (list.length > MAX_CHAR_POSTINGS) {
        common.push({ list, w });
        continue;
      }
      for (const t of list) {
        const s = shared.get(t);
        if (s) {
          s.count++;
          s.weight += w;
        } else shared.set(t, { count: 1, weight: w });
      }
    }
    for (const { list, w } of common)
      for (const [t, s] of shared)
        if (sortedHas(list, t)) {
          s.count++;
          s.weight += w;
        }
    const out: CjkMatch[] = [];
    for (const [t, { count, weight: bound }] of shared) {
      if (count < 2 || bound < CJK_MIN_SELECTION * selTotal || bound < CJK_MIN_TERM * (this.totals[t] as number)) continue;
      const chars = this.chars[t] as string[];
      const { weight, positions } = weightedLcs(sel, selWeights, chars);
      if (positions.length < 2) continue;
      const selection = weight / selTotal;
      const term = weight / (this.totals[t] as number);
      if (selection < CJK_MIN_SELECTION || term < CJK_MIN_TERM) continue;
      out.push({ ref: (this.terms[t] as { ref: TermRef }).ref, selection, term });
    }
    return out.sort((a, b) => b.selection * b.term - a.selection * a.term);
  }
}

/** The common subsequence of greatest weight (`aw`: the weight of each of `a`'s characters); `positions` are its indices in `a`. */
function weightedLcs(a: readonly string[], aw: readonly number[], b: readonly string[]): { weight: number; positions: number[] } {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const table = new Float64Array(rows * cols);
  for (let i = 1; i < rows; i++)
    for (let j = 1; j < cols; j++) {
      const here = i * cols + j;
      const up = table[here - cols] as number;
      const left = table[here - 1] as number;
      let best = up > left ? up : left;
      if (a[i - 1] === b[j - 1]) {
        const diag = (table[here - cols - 1] as number) + (aw[i - 1] as number);
        if (diag > best) best = diag;
      }
      table[here] = best;
    }
  const positions: number[] = [];
  let i = a.length;
  let j = b.length;
  while (i > 0 && j > 0) {
    const here = i * cols + j;
    if (a[i - 1] === b[j - 1] && (table[here] as number) === (table[here - cols - 1] as number) + (aw[i - 1] as number)) {
      positions.push(i - 1);
      i--;
      j--;
    } else if ((table[here - cols] as number) >= (table[here - 1] as number)) i--;
    else j--;
  }
  positions.reverse();
  return { weight: table[rows * cols - 1] as number, positions };
}

