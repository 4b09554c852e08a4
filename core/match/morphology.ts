// Which term words a text word may stand for when it is not one itself: another form of the same
// word ("intubations", "proning", "emboli", "ventrale"), a word of the same family through its
// Porter2 stem ("vaccinated" → "vaccination", "immunosuppressed" → "immunosuppression"), or two
// term words written as one ("handrub" → "hand rub", "facemask" → "face mask").
//
// Built once per matcher from its vocabulary. Everyday words that only share a stem with a term
// word ("positive" and "position") are listed by the build (`lexicon.commonDerived`) and never
// reach a term through their stem.
import { stemOf } from '../text/stem';
import { inflectionCandidates } from '../text/variants';
import type { Step } from './score';

export interface WordForm {
  /** A term word (matching key). */
  key: string;
  step: Step;
}

const EMPTY: readonly WordForm[] = [];
const NEGATIONS = ['un', 'non'];

/** Languages of a term word, as bits. */
export const LANG_EN = 1;
export const LANG_FR = 2;
export const LANG_OTHER = 4;
export const LANG_PT = 8;
export const langBit = (lang: string) => (lang === 'en' ? LANG_EN : lang === 'fr' ? LANG_FR : lang === 'pt' ? LANG_PT : LANG_OTHER);
const CACHE_LIMIT = 20_000;

export class WordForms {
  private stems: Map<string, string[]> | null = null;
  private readonly cache = new Map<string, readonly WordForm[]>();
  private readonly inTermCache = new Map<string, readonly WordForm[]>();

  constructor(
    /** Term words and the languages of the terms they appear in (LANG_EN | LANG_FR | LANG_PT | LANG_OTHER). */
    private readonly vocabulary: ReadonlyMap<string, number>,
    /** Joined form of two adjacent term words → the two words ("handrub" → ["hand", "rub"]). */
    readonly pairs: ReadonlyMap<string, readonly [string, string]>,
    private readonly commonDerived: ReadonlySet<string>,
  ) {}

  /**
   * Term words that `key` (not itself a term word) may stand for, closest first. `inTerm`: the word
   * follows other words of a term already read ("self-isolated"), so an everyday word may be read
   * through its word family too.
   */
  of(key: string, inTerm = false): readonly WordForm[] {
    const cache = inTerm ? this.inTermCache : this.cache;
    const cached = cache.get(key);
    if (cached) return cached;
    const forms: WordForm[] = [];
    const seen = new Set<string>([key]);
    // A rule of one language only reaches the words of that language's terms ("tossed" is not
    // the Portuguese "tosse", "designed" not the French "désigné").
    const add = (word: string, step: Step, lang: number) => {
      if (seen.has(word) || ((this.vocabulary.get(word) ?? 0) & lang) === 0) return;
      seen.add(word);
      forms.push({ key: word, step });
    };
    const inflected = inflectionCandidates(key);
    for (const candidate of inflected) add(candidate.key, 'inflected', langBit(candidate.lang));
    if (key.length >= 5 && (inTerm || !this.commonDerived.has(key))) {
      // The word's stem, its inflected forms' stems, and a Latin plural's root ("emboli" → "embol",
      // the stem of "embolism").
      const stems = new Set([stemOf(key), ...inflected.filter((c) => c.lang === 'en').map((c) => stemOf(c.key))]);
      if (key.endsWith('i')) stems.add(key.slice(0, -1));
      for (const stem of stems) {
        // A stem much shorter than the word has lost too much ("organisation" → "organ").
        if (stem.length >= 4 && stem.length >= key.length - 5) for (const word of this.family(stem)) add(word, 'derived', LANG_EN);
      }
      // Latin and Greek words of one root, which Porter2 stems apart ("thrombus", "thrombi" and
      // "thrombosis"; "delirious" and "delirium"; "dialysed" and "dialysis").
      const root = classicalRoot(key);
      if (root) for (const word of this.classicalFamily(root)) add(word, 'derived', LANG_EN);
    }
    // A negated form names the same thing ("unvaccinated", "non-invasive" written "noninvasive").
    for (const prefix of NEGATIONS)
      if (key.length >= prefix.length + 5 && key.startsWith(prefix)) {
        const rest = key.slice(prefix.length);
        if (this.vocabulary.has(rest)) add(rest, 'derived', LANG_EN);
        else for (const form of this.of(rest, inTerm)) add(form.key, 'derived', LANG_EN);
      }
    const result = forms.length > 0 ? forms : EMPTY;
    if (cache.size > CACHE_LIMIT) cache.clear();
    cache.set(key, result);
    return result;
  }

  private roots: Map<string, string[]> | null = null;

  /** English term words of this classical root (`classicalRoot`), made on first use. */
  private classicalFamily(root: string): readonly string[] {
    if (!this.roots) {
      const roots = new Map<string, string[]>();
      for (const [word, langs] of this.vocabulary) {
        const r = (langs & LANG_EN) !== 0 ? classicalRoot(word) : undefined;
        if (!r) continue;
        const list = roots.get(r);
        if (list) list.push(word);
        else roots.set(r, [word]);
      }
      this.roots = roots;
    }
    return this.roots.get(root) ?? [];
  }

  /** Term words with this stem, made on first use (most texts never need it). */
  private family(stem: string): readonly string[] {
    if (!this.stems) {
      const stems = new Map<string, string[]>();
      for (const [word, langs] of this.vocabulary) {
        if (word.length < 4 || (langs & LANG_EN) === 0) continue;
        const s = stemOf(word);
        const list = stems.get(s);
        if (list) list.push(word);
        else stems.set(s, [word]);
      }
      this.stems = stems;
    }
    return this.stems.get(stem) ?? [];
  }
}

// Endings of Latin and Greek medical nouns and adjectives, longest first: what is left is the root
// the words of one family share ("-ysis", "-ysed" and "-ysing" keep their "ys": "dialys").
const CLASSICAL_ENDINGS: readonly [RegExp, string][] = [
  [/y[sz](?:is|es|ed|ing)$/, 'ys'],
  [/os(?:is|es)$/, ''],
  [/(?:ious|eous|ium|ous|ism|us|um|ia|ic|a|i)$/, ''],
];
/** A root shorter than this says too little ("sten" of "stenosis", "clin" of "clinic"). */
const MIN_ROOT = 5;

/** The root a Latin or Greek word shares with its family ("thrombosis" → "thromb"), or undefined. */
export function classicalRoot(key: string): string | undefined {
  for (const [ending, keep] of CLASSICAL_ENDINGS) {
    if (!ending.test(key)) continue;
    const root = key.replace(ending, keep);
    return root.length >= MIN_ROOT && /^[a-z]+$/.test(root) ? root : undefined;
  }
  return undefined;
}
