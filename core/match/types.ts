import type { Lang } from '../index/types';

/** How a hit was found. Whole-selection matches carry the kind of the term that matched. */
export type HitKind =
  | 'exact'
  | 'synonym'
  | 'abbreviation'
  | 'brand'
  | 'member'
  | 'misspelling'
  | 'context'
  | 'phrase'
  | 'prefix'
  | 'fuzzy';

export interface Hit {
  /** Entry id. */
  id: string;
  /** The index term that matched, as the index writes it. */
  term: string;
  kind: HitKind;
  /** 0..1, higher is better; comparable within one answer, not across answers. */
  score: number;
  /** UTF-16 offsets of the matched words in the text that was looked up or scanned. */
  start: number;
  end: number;
  /** Language of the matched term. */
  lang: Lang;
}

export interface LookupOptions {
  /** Most hits returned (default 8). */
  limit?: number;
  /** The reader's language: breaks ties between senses ("PCR" is RT-PCR in English, CRP in French). Default `en`. */
  lang?: Lang;
  /**
   * Text around the selection (the sentence a double-clicked word sits in): reorders the senses of
   * an ambiguous abbreviation and lets context-only terms ("discharge") match.
   */
  context?: string;
}

export interface SuggestOptions {
  /** Most suggestions (default 8). */
  limit?: number;
  lang?: Lang;
}

export interface ScanOptions {
  /** As in LookupOptions. */
  lang?: Lang;
  /** Also correct misspelt words (default: only for texts up to FUZZY_SCAN_MAX_CHARS). */
  fuzzy?: boolean;
}
