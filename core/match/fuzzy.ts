// The fuzzy fallback: corrects a misspelt word ("remdesevir") to a word of the index's terms.
// fuse.js proposes candidates; a bounded edit distance decides. It runs only for words that are
// long enough, not term words already and not ordinary words near a term word (the index's
// lexicon lists those), so "fewer" never becomes "fever" and "spoon" never matches anything.
import Fuse from 'fuse.js/basic';

/** Most edits allowed for a word of `length` letters: none below five letters. */
export function maxEdits(length: number): number {
  if (length < 5) return 0;
  return length < 8 ? 1 : 2;
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), or `bound + 1` once it exceeds `bound`. */
export function editDistance(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return bound + 1;
  const n = b.length;
  let prevPrev = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (prevPrev[j - 2] ?? 0) + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > bound) return bound + 1;
    [prevPrev, prev, cur] = [prev, cur, prevPrev];
  }
  return Math.min(prev[n] ?? bound + 1, bound + 1);
}

const LETTERS_ONLY = /^[a-z]+$/;
const FUSE_OPTIONS = { includeScore: true, threshold: 0.4, ignoreLocation: true, isCaseSensitive: true } as const;

export class FuzzyCorrector {
  private buckets: Map<string, string[]> | null = null;
  private readonly fuses = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, string | null>();

  constructor(
    private readonly vocabulary: ReadonlySet<string>,
    private readonly nearWords: ReadonlySet<string>,
  ) {}

  /** Vocabulary words by first letter, made on the first correction (most texts never need one). */
  private bucketsByFirstLetter(): Map<string, string[]> {
    if (this.buckets) return this.buckets;
    const buckets = new Map<string, string[]>();
    for (const word of this.vocabulary) {
      if (word.length < 4 || !LETTERS_ONLY.test(word)) continue;
      const first = word[0] as string;
      let bucket = buckets.get(first);
      if (!bucket) buckets.set(first, (bucket = []));
      bucket.push(word);
    }
    return (this.buckets = buckets);
  }

  /** Whether `key` may be corrected at all (the guards, without searching). */
  eligible(key: string): boolean {
    return (
      maxEdits(key.length) > 0 &&
      LETTERS_ONLY.test(key) &&
      !this.vocabulary.has(key) &&
      !this.nearWords.has(key)
    );
  }

  /** The term word `key` is a misspelling of, or undefined. */
  correct(key: string): string | undefined {
    if (!this.eligible(key)) return undefined;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const bound = maxEdits(key.length);
    let best: string | undefined;
    let bestDistance = bound + 1;
    // Typos rarely change the first letter: search only words that share it (and stay fast at 100k terms).
    for (const candidate of this.fuseFor(key[0] as string)?.search(key, { limit: 8 }) ?? []) {
      const distance = editDistance(key, candidate.item, bound);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = candidate.item;
      }
    }
    if (this.cache.size > 5000) this.cache.clear();
    this.cache.set(key, best ?? null);
    return best;
  }

  private fuseFor(first: string): Fuse<string> | undefined {
    let fuse = this.fuses.get(first);
    if (!fuse) {
      const bucket = this.bucketsByFirstLetter().get(first);
      if (!bucket) return undefined;
      fuse = new Fuse(bucket, FUSE_OPTIONS);
      this.fuses.set(first, fuse);
    }
    return fuse;
  }
}
