// The guidance index: the one data format that the CLI compiles, the sync client fetches and the
// extension and widget load. Everything else imports these types.

/** BCP 47 primary language subtag: `en`, `fr`, `zh`, `pt`, … */
export type Lang = string;

/** How a term names its entry. `context` terms are ordinary words that match only near clinical terms. */
export const TERM_KINDS = [
  'preferred',
  'synonym',
  'abbreviation',
  'brand',
  'misspelling',
  'member',
  'context',
] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export interface Term {
  text: string;
  lang: Lang;
  kind: TermKind;
  /** Set by the compiler for abbreviations that are also ordinary words ("SOB", "PEEP"): match only as written. */
  caseSensitive?: boolean;
}

export const CODE_SYSTEMS = ['icd10', 'icd10cm', 'snomed', 'loinc', 'atc', 'rxnorm'] as const;
export type CodeSystem = (typeof CODE_SYSTEMS)[number];

export interface Code {
  system: CodeSystem;
  code: string;
}

export interface SourceRef {
  title: string;
  publisher: string;
  /** Publication or version date, `YYYY-MM-DD` or `YYYY-MM`. */
  date: string;
  url: string;
  section: string;
  version?: string;
}

/** What a note may measure, and an entry may set a threshold on. */
export const MEASURES = ['spo2', 'respiratory-rate', 'temperature', 'bmi', 'age', 'gestational-age'] as const;
export type Measure = (typeof MEASURES)[number];

/**
 * A value that names an entry when a note's measurement meets it ("SpO2 below 90%" names
 * hypoxaemia). `source` is the 1-based number of the entry's source that sets it.
 */
export interface Threshold {
  measure: Measure;
  op: '<' | '<=' | '>' | '>=';
  value: number;
  source: number;
  /**
   * Other causes of such a value ("heat stroke" for a temperature of 41 °C, which is hyperthermia,
   * not fever), in any language: named in the measurement's sentence, the value names nothing.
   */
  unless?: string[];
}

/** A phrase in which an entry's term does not name the entry. */
export interface Exclusion {
  text: string;
  lang: Lang;
}

/** What kind of thing an entry is; each kind has the bedside facts its card must give. */
export const ENTRY_KINDS = ['medicine', 'device', 'procedure', 'condition', 'population', 'test', 'finding', 'practice'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface Entry {
  id: string;
  category: string;
  /** What kind of thing it is (absent in indexes published before kinds existed). */
  type?: EntryKind;
  title: Record<Lang, string>;
  summary: Record<Lang, string>;
  keyPoints: Record<Lang, string[]>;
  terms: Term[];
  codes: Code[];
  related: string[];
  sources: SourceRef[];
  /** Date of the last editorial review, `YYYY-MM-DD`. */
  reviewed: string;
  /** Measurements that name this entry, each with its source. */
  thresholds?: Threshold[];
  /**
   * Phrases that hold one of the entry's terms but name something else ("hay fever", "heat
   * stroke", "stroke volume"): where one is written, the entry is not found in it.
   */
  exclusions?: Exclusion[];
  /**
   * The languages (other than English, the source text) whose text a clinician reading that
   * language has checked: the date and who. A language not listed shows as not yet reviewed.
   */
  translationReviews?: Record<Lang, { reviewed: string; by?: string }>;
}

/** What the build learnt from everyday word lists, so the matcher can tell ordinary words from clinical ones. */
export interface Lexicon {
  /** Words of ordinary language that lie within fuzzy reach of a term word: never fuzzy-matched. */
  nearWords: string[];
  /**
   * How common each term word is in everyday language, on the Zipf scale (log10 of occurrences per
   * billion words: "the" ≈ 7.5, "pressure" ≈ 4.7, "embolism" ≈ 2.8); a word not listed is rarer
   * than any listed one. Makes "pressure" count for less than "oximetry".
   */
  frequency?: Record<string, number>;
  /**
   * Common everyday words that share a stem with a term word without being a form of it
   * ("positive" and "position", "isolated" and "isolation"): never matched through their stem.
   */
  commonDerived?: string[];
}

export const INDEX_FORMAT = 'mx-lookup-index';
export const INDEX_FORMAT_VERSION = 1;

export interface GuidanceIndex {
  format: typeof INDEX_FORMAT;
  formatVersion: typeof INDEX_FORMAT_VERSION;
  /** Which source published it (`default` for the bundled guidance). */
  source: string;
  /** Monotonic version number within the source. */
  version: number;
  /** ISO 8601 time of the build. */
  built: string;
  entries: Entry[];
  lexicon: Lexicon;
}
