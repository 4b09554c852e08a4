// Build-time: which ordinary words (from a real word list) lie within fuzzy reach of a term word.
// The compiled index carries them so the matcher never "corrects" an ordinary word into a term,
// without shipping a whole dictionary. Symmetric-delete candidate search, then the same edit
// distance the matcher uses.
import { canonicalKey, cognateKey } from '../text/variants';
import { cognateTable, COGNATE_MIN_LENGTH, editDistance, maxEdits } from './fuzzy';
import type { Matcher } from './matcher';
import { WordForms } from './morphology';

function deletes(word: string, depth: number, out: Set<string>): void {
  if (depth === 0 || word.length <= 1) return;
  for (let i = 0; i < word.length; i++) {
    const shorter = word.slice(0, i) + word.slice(i + 1);
    if (!out.has(shorter)) {
      out.add(shorter);
      deletes(shorter, depth - 1, out);
    }
  }
}

/** Folds a dictionary word the way the tokenizer folds text (lowercase, no diacritics, canonical spelling). */
export function foldWord(word: string): string {
  const plain = /^[a-zA-Z]*$/.test(word) ? word : word.normalize('NFD').replace(/\p{M}/gu, '');
  return canonicalKey(plain.toLowerCase());
}

/**
 * Ordinary words (canonical keys) within fuzzy edit distance of some vocabulary word, sorted. A word
 * with a term word's cognate skeleton (fuzzy.ts cognateTable) is near when it is English ("water" of
 * "watery"), and never otherwise: in another language it is the term word itself ("antibioticos").
 */
export function findNearWords(vocabulary: Iterable<string>, words: Iterable<string>, english: ReadonlySet<string> = new Set()): string[] {
  const vocab = new Set<string>();
  for (const v of vocabulary) if (/^[a-z]{4,}$/.test(v)) vocab.add(v);
  const byDelete = new Map<string, string[]>();
  for (const v of vocab) {
    const variants = new Set<string>([v]);
    deletes(v, 2, variants);
    for (const d of variants) {
      const list = byDelete.get(d);
      if (list) list.push(v);
      else byDelete.set(d, [v]);
    }
  }
  const near = new Set<string>();
  const cognates = cognateTable(vocab);
  // The corrector only searches words that share the first letter, and at most two edits away.
  const firsts = new Set([...vocab].map((v) => v[0]));
  let longest = 0;
  for (const v of vocab) longest = Math.max(longest, v.length);
  for (const raw of words) {
    if (raw.length < 5 || raw.length > longest + 2) continue;
    const w = foldWord(raw);
    if (w.length >= COGNATE_MIN_LENGTH && /^[a-z]+$/.test(w) && !vocab.has(w) && cognates.has(cognateKey(w))) {
      if (english.has(w)) near.add(w);
      continue;
    }
    if (!firsts.has(w[0])) continue;
    const bound = maxEdits(w.length);
    if (bound === 0 || vocab.has(w) || near.has(w) || !/^[a-z]+$/.test(w)) continue;
    const variants = new Set<string>([w]);
    deletes(w, bound, variants);
    search: for (const d of variants) {
      for (const v of byDelete.get(d) ?? []) {
        if (v[0] === w[0] && editDistance(w, v, bound) <= bound) {
          near.add(w);
          break search;
        }
      }
    }
  }
  return [...near].sort();
}

/** Everyday words from this Zipf value up (about the 17,000 commonest English words) are never matched through their stem. */
export const COMMON_ZIPF = 3;

/**
 * The term words' everyday frequency (Zipf), for the words of `vocabulary` that everyday
 * language uses at all; the rest are rarer than any listed.
 */
export function termWordFrequencies(vocabulary: Iterable<string>, everyday: ReadonlyMap<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const word of [...vocabulary].sort()) {
    const zipf = everyday.get(word);
    if (zipf !== undefined) out[word] = zipf;
  }
  return out;
}

/**
 * Common everyday words (Zipf ≥ COMMON_ZIPF) that reach a term word only through their stem
 * ("positive" → "position", "isolated" → "isolation"), sorted: the matcher never derives them.
 */
export function findCommonDerived(vocabulary: ReadonlyMap<string, number>, everyday: ReadonlyMap<string, number>): string[] {
  const forms = new WordForms(vocabulary, new Map(), new Set());
  const out: string[] = [];
  for (const [word, zipf] of everyday) {
    if (zipf < COMMON_ZIPF || vocabulary.has(word) || !/^[a-z]{5,}$/.test(word)) continue;
    if (forms.of(word).some((f) => f.step === 'derived')) out.push(word);
  }
  return out.sort();
}

/** Everyday words from this Zipf value up are kept from the n-gram stage when they are spelt like a term. */
export const SPELT_LIKE_ZIPF = 2.5;

/**
 * Everyday words (Zipf ≥ SPELT_LIKE_ZIPF, not term words) that the n-gram stage (grams.ts) would
 * read as a term ("levels" and "level", "selling" and "spelling"): listed with the near words so the
 * matcher never does.
 */
export function findSpeltLikeTerms(matcher: Matcher, everyday: ReadonlyMap<string, number>): string[] {
  const out: string[] = [];
  const cognates = cognateTable(matcher.vocabulary);
  for (const [word, zipf] of everyday) {
    if (zipf < SPELT_LIKE_ZIPF || matcher.vocabulary.has(word) || !/^[a-z]{3,}$/.test(word)) continue;
    // The same word in a sister language ("antibioticos") may be read as the term word; an
    // English or French one the dictionaries hold is a near word already (findNearWords).
    if (word.length >= COGNATE_MIN_LENGTH && cognates.get(cognateKey(word))) continue;
    if (matcher.spelledLike([{ key: word, cjk: false }]).length > 0) out.push(word);
  }
  return out.sort();
}
