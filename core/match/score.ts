// One place that turns evidence into a score: how a word was matched (its steps), how much of the
// selection and of the term the matched words cover, and how informative those words are.
//
// Scores are comparable within one answer. Tie-breaks, in order: higher score; the term kind
// (preferred, synonym, abbreviation/brand, misspelling, member, context); fewer steps away from the
// written word; the earlier match in the text; the entry's order in the index.
import type { TermKind } from '../index/types';
import type { HitKind } from './types';

/** How a text word reached a term word; each step away from the written word costs a little. */
export type Step = 'exact' | 'inflected' | 'joined' | 'derived' | 'corrected';

export const STEP_FACTOR: Record<Step, number> = {
  exact: 1,
  // "intubations", "proning", "emboli", "ventrale": a form of the same word.
  inflected: 0.97,
  // "handrub" for "hand rub", "N-95" for "N95".
  joined: 0.97,
  // "vaccinated" for "vaccination": another word of the same family.
  derived: 0.92,
  // "remdesevir" for "remdesivir".
  corrected: 0.85,
};

/** The weakest step of a match decides how its hit is labelled. */
export const STEP_ORDER: readonly Step[] = ['exact', 'inflected', 'joined', 'derived', 'corrected'];

export const KIND_RANK: Record<TermKind, number> = {
  preferred: 0,
  synonym: 1,
  abbreviation: 2,
  brand: 2,
  misspelling: 3,
  member: 4,
  context: 5,
};

export const FULL_SCORE: Record<TermKind, number> = {
  preferred: 1,
  synonym: 0.98,
  abbreviation: 0.96,
  brand: 0.96,
  misspelling: 0.93,
  member: 0.9,
  context: 0.85,
};

export const HIT_KIND: Record<TermKind, HitKind> = {
  preferred: 'exact',
  synonym: 'synonym',
  abbreviation: 'abbreviation',
  brand: 'brand',
  misspelling: 'misspelling',
  member: 'member',
  context: 'context',
};

export const STEP_KIND: Record<Exclude<Step, 'exact'>, HitKind> = {
  inflected: 'inflected',
  joined: 'joined',
  derived: 'derived',
  corrected: 'fuzzy',
};

/** Zipf value taken for a word that everyday language does not use (rarer than any listed word). */
const RARE_ZIPF = 1.3;

/**
 * How much a word says: its surprisal in everyday language (9 − Zipf, so "the" ≈ 1.5, "pressure"
 * ≈ 4.3, "embolism" ≈ 6.2, a word no everyday list has ≈ 7.7), discounted when it appears in the
 * terms of more entries than an answer can show (three). Summing weights treats the words of a
 * selection as independent evidence: two everyday words that together form a term ("ground
 * glass") say as much as one rare word ("oximetry").
 */
export function wordWeight(zipf: number | undefined, entriesWithWord: number, numeric = false): number {
  // A number in a term ("SARS-CoV-2", "IL-6") names little on its own.
  if (numeric) return 1;
  const surprisal = 9 - Math.min(8, Math.max(RARE_ZIPF, zipf ?? RARE_ZIPF));
  return surprisal * Math.min(1, Math.sqrt(3 / Math.max(1, entriesWithWord)));
}

/** Weight of a selected word that is no term word at all ("worsening", "bilateral"): a modifier of average weight. */
export const UNKNOWN_WORD_WEIGHT = 4.5;

/**
 * A term that the selection covers only in part ("oximetry" of "pulse oximetry", "post-acute
 * sequelae" of "post-acute sequelae of SARS-CoV-2 infection", "health worker infection" of "health
 * worker exposure") answers only when the words seen carry this much weight together, this share
 * of the term's weight and this share of the selection's. Calibrated on the 5,000 commonest
 * English words and on other specialties' sentences (`npm run eval`), where nearly nothing may
 * answer, against held-out index terms, which should.
 */
export const PARTIAL_MIN_EVIDENCE = 5.5;
export const PARTIAL_MIN_SELECTION = 0.5;

/**
 * A part of a term that holds the guidance's domain word (in the terms of a tenth of the entries:
 * "COVID", "SARS") with the selection, and other words of it: those other words must carry this
 * much, and the part this share of the term's and of the selection's weight. The domain word is
 * discounted to almost nothing for being everywhere, yet with it a qualifier ("grave", "repeat",
 * "post") names the thing. 1.5 to 2.5 measured alike (held-out +11, everyday words and other
 * specialties unchanged); 3 found fewer.
 */
export const QUALIFIER_MIN_EVIDENCE = 2.5;
export const QUALIFIER_MIN_COVERAGE = 0.4;

/**
 * The share of a term's weight a partial match must cover: 0.45 for the least evidence allowed,
 * less for more (three informative words in a row name a long term even as a small part of it),
 * never below 0.3.
 */
export function partialMinCoverage(evidence: number): number {
  return Math.max(0.3, 0.45 * Math.min(1, (1.5 * PARTIAL_MIN_EVIDENCE) / evidence));
}

/**
 * A selection of several words that only an entry's terms together hold (partial.ts
 * `findEntryCandidates`) answers when its words carry this much weight: two middling clinical
 * words ("remote consultation", "dor de garganta", "radio thoracique"), not two everyday ones
 * ("good state"). 8, not 9: held-out 76.4 → 76.8 % with other specialties' false cards and random
 * pairs of everyday words unchanged; 7 adds false cards on two-word selections.
 */
export const ENTRY_MIN_EVIDENCE = 8;

/** Words out of the term's order ("embolism, pulmonary"). */
export const REORDERED_FACTOR = 0.95;

/** A selection that is a whole term, perhaps with modifiers around it (`selectionCoverage` < 1). */
export function wholeTermScore(kind: TermKind, factor: number, selectionCoverage: number): number {
  if (selectionCoverage >= 1) return FULL_SCORE[kind] * factor;
  return (0.5 + 0.35 * selectionCoverage - 0.01 * KIND_RANK[kind]) * factor;
}

/** A term the selection covers in part: always below any whole-term score. */
export function partialTermScore(kind: TermKind, factor: number, termCoverage: number, selectionCoverage: number): number {
  return (0.4 + 0.4 * termCoverage * selectionCoverage - 0.01 * KIND_RANK[kind]) * factor;
}
