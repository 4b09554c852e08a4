// The fuzzy fallback: corrects a misspelt word ("remdesevir") to a word of the index's terms, or a
// word written as in a sister language ("faringite") to the term word of the same root.
// Candidates are the term words with the same first letter (typos rarely change it) and a length
// within the edit bound; a bounded Damerau-Levenshtein distance decides, so the nearest word is
// found, not just a likely one. It runs only for words that are long enough, not term words
// already and not ordinary words near a term word (the index's lexicon lists those), so "fewer"
// never becomes "fever" and "spoon" never matches anything.
import { cognateKey } from '../text/variants';

/** Most edits allowed for a word of `length` letters: none below five letters. */
export function maxEdits(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

// The three rows of editDistance, kept between calls (a correction compares thousands of words at
// 100k terms: three arrays each were most of its time and garbage).
let rowA = new Int32Array(32);
let rowB = new Int32Array(32);
let rowC = new Int32Array(32);

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), or `bound + 1` once it exceeds `bound`. */
export function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const n = b.length;
  if (rowA.length <= n) [rowA, rowB, rowC] = [new Int32Array(2 * n + 2), new Int32Array(2 * n + 2), new Int32Array(2 * n + 2)];
  let prevPrev = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) {
    prevPrev[j] = 0;
    prev[j] = j;
  }
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let d = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) d = Math.min(d, (prevPrev[j - 2] as number) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > bound) return bound + 1;
    const spare = prevPrev;
    prevPrev = prev;
    prev = cur;
    cur = spare;
  }
  return Math.min(prev[n] as number, bound + 1);
}

/** The letters a word holds, as bits (a to z): each edit changes at most two of them. */
function letterBits(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) bits |= 1 << ((word.charCodeAt(i) - 97) & 31);
  return bits;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

const LETTERS_ONLY = /^[a-z]+$/;

/** Length of the common prefix of `a` and `b`. */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}

export class FuzzyCorrector {
  private buckets: Map<string, { words: string[]; letters: number[] }> | null = null;
  /** Cognate skeleton → the term word that stands for it (cognateTable). */
  private cognates: Map<string, string> | null = null;
  /** Cognate skeleton → every term word of it (siblings). */
  private families: Map<string, string[]> | null = null;
  private readonly cache = new Map<string, string | null>();

  constructor(
    private readonly vocabulary: ReadonlySet<string>,
    private readonly nearWords: Pick<ReadonlySet<string>, 'has'>,
  ) {}

  /** Vocabulary words by first letter and length ("r10"), with their letters as bits, made on the first correction (most texts never need one). */
  private bucketFor(first: string, length: number): { words: string[]; letters: number[] } | undefined {
    if (!this.buckets) {
      const buckets = new Map<string, { words: string[]; letters: number[] }>();
      for (const word of this.vocabulary) {
        if (word.length < 4 || !LETTERS_ONLY.test(word)) continue;
        const key = `${word[0] as string}${word.length}`;
        let bucket = buckets.get(key);
        if (!bucket) buckets.set(key, (bucket = { words: [], letters: [] }));
        bucket.words.push(word);
        bucket.letters.push(letterBits(word));
      }
      this.buckets = buckets;
    }
    return this.buckets.get(`${first}${length}`);
  }

  private cognateOf(key: string): string | undefined {
    this.cognates ??= cognateTable(this.vocabulary);
    return this.cognates.get(cognateKey(key));
  }

  /**
   * The other term words of `key`'s skeleton: the same word in a sister language ("pediatrique",
   * "pediatric"; "thrombose", "thrombosis"; "clinique", "clinica", "clinic"; "masque", "mask").
   * Empty for words and skeletons shorter than SIBLING_MIN_LENGTH.
   */
  siblings(key: string): readonly string[] {
    if (key.length < SIBLING_MIN_LENGTH || !LETTERS_ONLY.test(key)) return NONE;
    if (!this.families) {
      const families = new Map<string, string[]>();
      for (const word of this.vocabulary) {
        if (word.length < SIBLING_MIN_LENGTH || !LETTERS_ONLY.test(word)) continue;
        const skeleton = cognateKey(word);
        if (skeleton.length < SIBLING_MIN_LENGTH) continue;
        const family = families.get(skeleton);
        if (family) family.push(word);
        else families.set(skeleton, [word]);
      }
      this.families = families;
    }
    const known = this.siblingCache.get(key);
    if (known) return known;
    const family = this.families.get(cognateKey(key));
    const out = family ? family.filter((w) => w !== key) : NONE;
    if (this.siblingCache.size > 5000) this.siblingCache.clear();
    this.siblingCache.set(key, out);
    return out;
  }

  /** Each word's siblings once worked out (its skeleton is a dozen regular expressions). */
  private readonly siblingCache = new Map<string, readonly string[]>();

  /** Whether `key` may be corrected at all (the guards, without searching). */
  eligible(key: string): boolean {
    return (
      maxEdits(key.length) > 0 &&
      LETTERS_ONLY.test(key) &&
      !this.vocabulary.has(key) &&
      !this.nearWords.has(key)
    );
  }

  /**
   * The term word `key` is a misspelling of, or undefined. Of the words at the smallest distance
   * the one sharing the longest prefix wins, then the one closest in length, then the first in
   * the index (so the answer never depends on anything but the index).
   */
  correct(key: string): string | undefined {
    if (!this.eligible(key)) return undefined;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const bound = maxEdits(key.length);
    const first = key[0] as string;
    let best: string | undefined;
    let bestRank = [bound + 1, 0, 0];
    const letters = letterBits(key);
    for (let length = key.length - bound; length <= key.length + bound; length++) {
      const bucket = this.bucketFor(first, length);
      if (!bucket) continue;
      for (let k = 0; k < bucket.words.length; k++) {
        const candidate = bucket.words[k] as string;
        // (Words whose letters differ by more than the edits could make are not compared.)
        const limit = Math.min(bound, bestRank[0] as number);
        if (popcount(letters ^ (bucket.letters[k] as number)) > 2 * limit) continue;
        const distance = editDistance(key, candidate, limit);
        if (distance > bound) continue;
        const rank = [distance, -commonPrefix(key, candidate), Math.abs(candidate.length - key.length)];
        if (best === undefined || isBetter(rank, bestRank)) {
          best = candidate;
          bestRank = rank;
        }
      }
    }
    // Not misspelt but written as in a sister language ("faringite" for "pharyngitis"): the one
    // term word of the same skeleton (variants.ts cognateKey).
    best ??= this.cognateOf(key);
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(key, best ?? null);
    return best;
  }
}

const NONE: readonly string[] = [];

/** Words or skeletons this short are never read as cognates (too many share one). */
export const COGNATE_MIN_LENGTH = 5;

/**
 * Siblings may be a letter shorter than a correction's cognate ("clin" of clinic, clinique and
 * clinica; "risc" of risk, risque and risco): both words are term words already, and a sibling of
 * so short a skeleton only completes a term, even for a word of no English term (partial.ts: four
 * letters also join "port" and "porte", "gout" and "goutte"). About +8 held-out terms; everyday
 * words and other specialties' false cards unchanged. Three letters join unrelated words.
 */
export const SIBLING_MIN_LENGTH = 4;

/**
 * The skeleton → term word table of `vocabulary`. Term words of one skeleton are forms of one word
 * ("antibiotic", "antibiotics", "antibiotique"): the shortest stands for them, and the matcher's
 * word forms reach the rest.
 */
export function cognateTable(vocabulary: Iterable<string>): Map<string, string> {
  const table = new Map<string, string>();
  for (const word of vocabulary) {
    if (word.length < COGNATE_MIN_LENGTH || !LETTERS_ONLY.test(word)) continue;
    const skeleton = cognateKey(word);
    if (skeleton.length < COGNATE_MIN_LENGTH) continue;
    const known = table.get(skeleton);
    if (known === undefined || word.length < known.length || (word.length === known.length && word < known)) table.set(skeleton, word);
  }
  return table;
}

/** Lexicographic comparison of two ranks (smaller is better). */
function isBetter(rank: readonly number[], than: readonly number[]): boolean {
  for (let i = 0; i < rank.length; i++) {
    if (rank[i] !== than[i]) return (rank[i] as number) < (than[i] as number);
  }
  return false;
}
