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

export interface Entry {
  id: string;
  category: string;
  title: Record<Lang, string>;
  summary: Record<Lang, string>;
  keyPoints: Record<Lang, string[]>;
  terms: Term[];
  codes: Code[];
  related: string[];
  sources: SourceRef[];
  /** Date of the last editorial review, `YYYY-MM-DD`. */
  reviewed: string;
}

/** Words of ordinary language that lie within fuzzy reach of a term word: never fuzzy-matched. */
export interface Lexicon {
  nearWords: string[];
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
