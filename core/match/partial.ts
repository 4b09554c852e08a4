// The word-bag stage of `lookup`: terms whose words the selection holds in any order and with
// words between ("embolism, pulmonary", "pulmonary artery embolism"), or only partly ("oximetry"
// of "pulse oximetry", "post-acute sequelae" of "post-acute sequelae of SARS-CoV-2 infection").
// Each word counts by how informative it is (score.ts `wordWeight`), so a rare clinical word
// proposes its terms and an everyday word does not.
import type { Token } from '../text/normalize';
import { cognateKey } from '../text/variants';
import { COGNATE_MIN_LENGTH } from './fuzzy';
import type { WordForms } from './morphology';
import {
  ENTRY_MIN_EVIDENCE,
  PARTIAL_MIN_EVIDENCE,
  PARTIAL_MIN_SELECTION,
  partialMinCoverage,
  QUALIFIER_MIN_COVERAGE,
  QUALIFIER_MIN_EVIDENCE,
  REORDERED_FACTOR,
  STEP_FACTOR,
  STEP_ORDER,
  UNKNOWN_WORD_WEIGHT,
  partialTermScore,
  wholeTermScore,
  type Step,
} from './score';
import type { TermRef } from './walk';

/** A selection of more words than this is a sentence, not a term with modifiers. */
const MAX_BAG_WORDS = 8;
/** A word in more terms than this is too general to propose terms (it still counts for them). */
const MAX_POSTINGS = 64;

/** The terms of an index as bags of word keys, with an inverted list from word to terms. */
export interface TermBags {
  refs: TermRef[];
  keys: string[][];
  postings: Map<string, number[]>;
}

export interface BagCandidate {
  ref: TermRef;
  score: number;
  /** Whole term found (in another order or with words between), or a part of it. */
  whole: boolean;
  reordered: boolean;
  weakest: Step;
  /** Selected tokens that matched, in text order (indices into the selection's tokens). */
  from: number;
  to: number;
  /** A part found by one word ("infusion" of "paralytic infusion", "TDM" of "TDM thoracique"). */
  byOneWord: boolean;
  /** The term's word keys, and which the selection holds (bit k for `keys[k]`). */
  keys: readonly string[];
  found: number;
}

interface Reading {
  key: string;
  factor: number;
  step: Step;
  /** The same word in a sister language: it completes a term, never proposes one alone. */
  sister?: true;
  /** ... except when the written word is none of English's terms ("hypoxémie", "citocinas"; "respiratory" is not "respirateur"). */
  cognate?: true;
}

/** The selection's content words and how each may be read as a term word. */
export interface SelectionReading {
  selected: number[];
  readings: Map<number, Reading[]>;
  /** Every word of the selection, function words too. */
  written: Set<string>;
  /** Tokens right after a negation ("grave" of "não grave"): the words the selection negates. */
  negated: Set<number>;
  /** The selection holds a negation anywhere ("non", "não", "sans", غير …). */
  negates: boolean;
}

/** The selection's content words and how each may be read as a term word; null for none or too many. */
export function readSelection(
  tokens: Token[],
  content: boolean[],
  forms: WordForms,
  vocabulary: ReadonlySet<string>,
  correction: (key: string) => string | undefined,
  siblings: (key: string) => readonly string[] = () => [],
  english: (key: string) => boolean = () => true,
): SelectionReading | null {
  const selected: number[] = [];
  tokens.forEach((t, i) => {
    if (content[i] && !t.cjk) selected.push(i);
  });
  if (selected.length === 0 || selected.length > MAX_BAG_WORDS) return null;
  const readings = new Map<number, Reading[]>();
  for (const i of selected) {
    const token = tokens[i] as Token;
    const list: Reading[] = [{ key: token.key, factor: 1, step: 'exact' }];
    // The same word in a sister language ("pneumonie virale" holds "viral pneumonia").
    if (vocabulary.has(token.key)) {
      // (Not a skeleton of four letters: those join "port" and "porte", "gout" and "goutte"; their siblings only complete a term.)
      const cognate = !english(token.key) && cognateKey(token.key).length >= COGNATE_MIN_LENGTH;
      for (const key of siblings(token.key)) list.push({ key, factor: STEP_FACTOR.derived, step: 'derived', sister: true, ...(cognate && { cognate }) });
    }
    else {
      for (const form of forms.of(token.key)) list.push({ key: form.key, factor: STEP_FACTOR[form.step], step: form.step });
      const pair = forms.pairs.get(token.key);
      if (pair) for (const key of pair) list.push({ key, factor: STEP_FACTOR.joined, step: 'joined' });
      if (list.length === 1) {
        const corrected = correction(token.key);
        if (corrected) list.push({ key: corrected, factor: STEP_FACTOR.corrected, step: 'corrected' });
      }
    }
    readings.set(i, list);
  }
  const negated = new Set<number>();
  tokens.forEach((t, i) => {
    if (i > 0 && NEGATIONS.has((tokens[i - 1] as Token).key)) negated.add(i);
  });
  return { selected, readings, written: new Set(tokens.map((t) => t.key)), negated, negates: tokens.some((t) => NEGATIONS.has(t.key)) };
}

export function findBagCandidates(
  bags: TermBags,
  read: SelectionReading,
  vocabulary: ReadonlySet<string>,
  weight: (key: string) => number,
  domain: (key: string) => boolean = () => false,
): BagCandidate[] {
  const { selected, readings } = read;

  const candidates = new Set<number>();
  for (const list of readings.values())
    for (const { key } of list) {
      const terms = bags.postings.get(key);
      if (terms && terms.length <= MAX_POSTINGS) for (const t of terms) candidates.add(t);
    }
  if (candidates.size === 0) return [];

  // The selection's own weight: term words by their weight, other words as modifiers.
  const selectionWeights = selected.map((i) => {
    let best = 0;
    for (const r of readings.get(i) ?? []) if (vocabulary.has(r.key)) best = Math.max(best, weight(r.key));
    return best > 0 ? best : UNKNOWN_WORD_WEIGHT;
  });
  const selectionTotal = selectionWeights.reduce((sum, w) => sum + w, 0);
  // Every reading of every selected word, flat (k-th: the word at position `at[k]` of `selected`):
  // each term word is compared with these, and a used word is a bit, not a set (at most 8 words).
  const flatReadings: Reading[] = [];
  const at: number[] = [];
  selected.forEach((i, position) => {
    for (const r of readings.get(i) ?? []) {
      flatReadings.push(r);
      at.push(position);
    }
  });

  const out: BagCandidate[] = [];
  for (const t of candidates) {
    const keys = bags.keys[t] as string[];
    const ref = bags.refs[t] as TermRef;
    let termTotal = 0;
    let seen = 0;
    let seenFactor = 0;
    let weakest: Step = 'exact';
    let sisterWords = 0;
    let domainSeen = 0;
    let cognate = false;
    let used = 0;
    let words = 0;
    let foundKeys = 0;
    let previous = -1;
    let reordered = false;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      const w = weight(key);
      termTotal += w;
      let best: Reading | undefined;
      let bestAt = -1;
      for (let r = 0; r < flatReadings.length; r++) {
        const reading = flatReadings[r] as Reading;
        const position = at[r] as number;
        if (reading.key === key && (used & (1 << position)) === 0 && (!best || reading.factor > best.factor)) {
          best = reading;
          bestAt = position;
        }
      }
      if (!best) continue;
      foundKeys |= 1 << k;
      used |= 1 << bestAt;
      words++;
      if (bestAt < previous) reordered = true;
      previous = bestAt;
      if (best.sister) sisterWords++;
      if (best.cognate) cognate = true;
      seen += w;
      if (domain(key)) domainSeen += w;
      seenFactor += w * best.factor;
      if (STEP_ORDER.indexOf(best.step) > STEP_ORDER.indexOf(weakest)) weakest = best.step;
    }
    if (seen === 0 || termTotal === 0) continue;
    // A term that says "not" where the selection does not is the opposite ("non-severe COVID-19"
    // is no part of "COVID-19 grave"); one language's "non" stands for another's "não".
    const termNegates = keys.some((k) => NEGATIONS.has(k));
    if (termNegates && !read.negates) continue;
    // Nor is a term that does not negate, where the selection negates a word of it that the index
    // also holds negated: "COVID-19 não grave" is non-severe COVID-19, not its opposite ("not
    // improving … oxygen" negates no oxygen).
    if (!termNegates && negatesFound(read, used) && keys.some((k, i) => (foundKeys & (1 << i)) !== 0 && negatedWords(bags).has(k))) continue;
    // An English word read as a word of a sister language completes a term, it never proposes one
    // alone ("pleural" is not "douleur pleurale", "respiratory" no "respirateur"), unless the
    // selection writes another of the term's words, one too common to count ("patient pédiatrique",
    // "paediatric patient"). A word that is none of English's terms is the same word in the other
    // language ("hypoxémie" is "hypoxaemia", "citocinas" of "tempestade de citocinas" the cytokines
    // of "cytokine storm", "torácica" the thoracic of "thoracic CT").
    if (sisterWords > 0 && sisterWords === words && words < 2 && !keys.some((k) => read.written.has(k)) && !cognate) continue;
    const termCoverage = seen / termTotal;
    const factor = seenFactor / seen;
    let selectionSeen = 0;
    let first = -1;
    let last = -1;
    for (let position = 0; position < selected.length; position++) {
      if ((used & (1 << position)) === 0) continue;
      selectionSeen += selectionWeights[position] as number;
      if (first < 0) first = position;
      last = position;
    }
    const selectionCoverage = selectionTotal > 0 ? selectionSeen / selectionTotal : 0;
    // Every word of the term but its numbers is whole too ("severe COVID" is "severe COVID-19").
    // (Not when the selection writes a number of its own, "trisomy 18" is no "trisomy 21", nor
    // where another entry's term differs only by its number: "diabetes type" is type 1 or type 2.)
    const whole = termCoverage >= 0.999 || (onlyNumbersMissing(keys, foundKeys) && !writesOtherNumber(keys, read.written) && numberNamesOneEntry(bags, keys));
    // The guidance's domain word and a word that qualifies it ("COVID-19 grave", "repeat COVID-19
    // infection", "post-COVID") name the qualified thing: the domain word says little alone, so
    // the qualifying words carry the evidence (score.ts QUALIFIER_MIN_EVIDENCE).
    const qualified = domainSeen > 0 && seen - domainSeen >= QUALIFIER_MIN_EVIDENCE && termCoverage >= QUALIFIER_MIN_COVERAGE && selectionCoverage >= QUALIFIER_MIN_COVERAGE;
    if (!whole && !qualified && (seen < PARTIAL_MIN_EVIDENCE || termCoverage < partialMinCoverage(seen) || selectionCoverage < PARTIAL_MIN_SELECTION)) continue;

    let score = whole
      ? wholeTermScore(ref.term.kind, factor, selectionCoverage)
      : partialTermScore(ref.term.kind, factor, termCoverage, selectionCoverage);
    if (reordered) score *= REORDERED_FACTOR;
    out.push({ ref, score, whole, reordered, weakest, from: selected[first] as number, to: (selected[last] as number) + 1, byOneWord: !whole && words === 1, keys, found: foundKeys });
  }
  return out;
}

/** Whether the keys not found (bit k of `found` for `keys[k]`) are all numbers, and some word was found. */
function onlyNumbersMissing(keys: readonly string[], found: number): boolean {
  let word = false;
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as string;
    const numeric = isNumberKey(key);
    if ((found & (1 << k)) === 0) {
      if (!numeric) return false;
    } else if (!numeric) word = true;
  }
  return word;
}

/** Words that negate the term they are in (as matching keys: "sans" is "san"; not "no", which in Portuguese is "in the": "dor no peito"). */
const NEGATIONS = new Set(['non', 'not', 'without', 'nao', 'sem', 'san', 'غير', 'بدون', 'دون', 'عديم', 'عديمه']);

/** Whether a selected word the term holds (bit p of `used` for `read.selected[p]`) is one the selection negates. */
function negatesFound(read: SelectionReading, used: number): boolean {
  if (read.negated.size === 0) return false;
  for (let p = 0; p < read.selected.length; p++) if ((used & (1 << p)) !== 0 && read.negated.has(read.selected[p] as number)) return true;
  return false;
}

/** Words of the index's terms that negate ("non grave", "não invasiva"), made once per index. */
function negatedWords(bags: TermBags): ReadonlySet<string> {
  let words = negatedCache.get(bags);
  if (!words) {
    const built = new Set<string>();
    for (const keys of bags.keys) if (keys.some((k) => NEGATIONS.has(k))) for (const k of keys) if (!NEGATIONS.has(k)) built.add(k);
    negatedCache.set(bags, built);
    words = built;
  }
  return words;
}
const negatedCache = new WeakMap<TermBags, Set<string>>();

const isNumberKey = (key: string) => key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57 && /^\d+$/.test(key);

/** Whether the selection writes a number that is none of the term's. */
function writesOtherNumber(keys: readonly string[], written: ReadonlySet<string>): boolean {
  for (const key of written) if (isNumberKey(key) && !keys.includes(key)) return true;
  return false;
}

/** Whether the terms with these words but their numbers all belong to one entry (made once per index). */
function numberNamesOneEntry(bags: TermBags, keys: readonly string[]): boolean {
  let map = withoutNumbersCache.get(bags);
  if (!map) {
    const built = new Map<string, number>();
    bags.refs.forEach((ref, t) => {
      const words = (bags.keys[t] as string[]).filter((key) => !isNumberKey(key)).join(' ');
      const known = built.get(words);
      built.set(words, known === undefined || known === ref.entry ? ref.entry : -1);
    });
    withoutNumbersCache.set(bags, built);
    map = built;
  }
  return (map.get(keys.filter((key) => !isNumberKey(key)).join(' ')) ?? -1) >= 0;
}
const withoutNumbersCache = new WeakMap<TermBags, Map<string, number>>();

export interface EntryCandidate {
  entry: number;
  /** The entry's term that holds most of the selection's weight (shown as what matched). */
  ref: TermRef;
  score: number;
  weakest: Step;
}

/**
 * Entries whose terms, taken together, hold every content word of a selection of two or more
 * words, though no single term does: the words an entry is named with, recombined ("remote
 * consultation" from "remote monitoring" and "virtual consultation"; "taste disturbance" from
 * "smell disturbance" and "altered taste"; "hand hygiene" from "hand rub" and "hygiène des
 * mains"). Every word must be explained, so a phrase with one word from elsewhere names nothing.
 */
export function findEntryCandidates(bags: TermBags, read: SelectionReading, weight: (key: string) => number): EntryCandidate[] {
  const { selected, readings } = read;
  // (A word written twice is one word: "porte-à-porte" recombines nothing.)
  if (new Set(selected.map((i) => readings.get(i)?.[0]?.key)).size < 2) return [];
  const byEntry = entryTermsOf(bags);
  // The entries come from the word in fewest terms; each other word is then looked up in them.
  const size = (i: number) => (readings.get(i) ?? []).reduce((n, r) => n + (bags.postings.get(r.key)?.length ?? 0), 0);
  const pivot = selected.reduce((a, b) => (size(b) < size(a) ? b : a));
  const entries = new Set<number>();
  for (const r of readings.get(pivot) ?? []) for (const t of bags.postings.get(r.key) ?? []) entries.add((bags.refs[t] as TermRef).entry);
  const out: EntryCandidate[] = [];
  for (const entry of entries) {
    const own = byEntry.get(entry);
    if (!own) continue;
    let total = 0;
    let factor = 0;
    let weakest: Step = 'exact';
    const keys: string[] = [];
    for (const i of selected) {
      let best: Reading | undefined;
      for (const r of readings.get(i) ?? []) if (own.words.has(r.key) && (!best || r.factor > best.factor)) best = r;
      if (!best) {
        total = -1;
        break;
      }
      const w = weight(best.key);
      total += w;
      factor += w * best.factor;
      keys.push(best.key);
      if (STEP_ORDER.indexOf(best.step) > STEP_ORDER.indexOf(weakest)) weakest = best.step;
    }
    if (total < ENTRY_MIN_EVIDENCE) continue;
    // Not an entry whose every term holding these words negates them, when the selection does not.
    const negated = (t: number) => {
      const termKeys = bags.keys[t] as string[];
      return !keys.some((k) => termKeys.includes(k)) || termKeys.some((k) => NEGATIONS.has(k));
    };
    if (!read.negates && own.terms.every(negated)) continue;
    // Shown as the entry's term holding most of the selection's weight (the first such term).
    let bestTerm = -1;
    let bestWeight = 0;
    for (const t of own.terms) {
      const termKeys = bags.keys[t] as string[];
      let w = 0;
      for (const key of keys) if (termKeys.includes(key)) w += weight(key);
      if (w > bestWeight) [bestTerm, bestWeight] = [t, w];
    }
    const ref = bags.refs[bestTerm] as TermRef;
    // Below a single term covered in part with the same evidence: several terms had to be combined.
    out.push({ entry, ref, score: partialTermScore(ref.term.kind, factor / total, 0.5, 1), weakest });
  }
  return out;
}

/** Every word of an entry's terms. */
export function entryWords(bags: TermBags, entry: number): ReadonlySet<string> {
  return entryTermsOf(bags).get(entry)?.words ?? new Set();
}

/** Each entry's bag terms and their words, made once per index. */
const entryTermsCache = new WeakMap<TermBags, Map<number, { terms: number[]; words: Set<string> }>>();
function entryTermsOf(bags: TermBags): Map<number, { terms: number[]; words: Set<string> }> {
  let map = entryTermsCache.get(bags);
  if (!map) {
    const built = new Map<number, { terms: number[]; words: Set<string> }>();
    bags.refs.forEach((ref, t) => {
      let own = built.get(ref.entry);
      if (!own) built.set(ref.entry, (own = { terms: [], words: new Set() }));
      own.terms.push(t);
      for (const key of bags.keys[t] as string[]) own.words.add(key);
    });
    entryTermsCache.set(bags, built);
    map = built;
  }
  return map;
}
