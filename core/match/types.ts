import type { Lang } from '../index/types';
import type { MeasuredValue } from '../note/measurements';
import type { Assertion } from '../note/triggers';

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
  | 'fuzzy'
  /** Another form of the term's words ("intubations", "proning", "emboli"). */
  | 'inflected'
  /** A word of the same family ("vaccinated" for "vaccination"). */
  | 'derived'
  /** Words joined or split ("handrub" for "hand rub"). */
  | 'joined'
  /** The term's words in another order ("embolism, pulmonary"). */
  | 'reordered'
  /** Part of a longer term ("oximetry" of "pulse oximetry"). */
  | 'partial'
  /** The selected word is part of a term in its context ("oximetry" in "check pulse oximetry"). */
  | 'widened'
  /** An abbreviation the index does not list, read as the term's initials ("HFNC" → high-flow nasal cannula). */
  | 'initials'
  /** A medicine named by its class's stem, as international nonproprietary names are built (irbesartan: the -sartan of the ARBs). */
  | 'stem'
  /** A longer term whole, one of its parts named with another term of that part's entry ("VTE prophylaxis": venous thromboembolism prophylaxis). */
  | 'composed'
  /** A code of a numbered series an entry lists ("BA.4" where the entry names BA.1, BA.2, BA.5). */
  | 'series'
  /** An Arabic selection that sounds like a Latin-script term (ريمديسيفير → remdesivir). */
  | 'transliterated'
  /** An abbreviation its context defines ("prothrombin complex concentrate (PCC)"): the entry of the definition. */
  | 'defined'
  /** A measurement that meets one of the entry's thresholds ("SpO2 86%"). */
  | 'measurement';

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
  /** Found inside a longer match of a scan ("SARS-CoV-2" in "SARS-CoV-2 antigen test"). */
  nested?: boolean;
  /** In a scan: how the note asserts the finding (absent: present). */
  assertion?: Assertion;
  /** A measurement in the note that meets a threshold of the entry ("SpO2 86%": hypoxaemia). */
  value?: MeasuredValue;
  /**
   * For a selection widened to the term around it: the words of the context that matched, and
   * where the selection lies in them (UTF-16 offsets into `text`).
   */
  inContext?: { text: string; start: number; end: number };
}

export interface LookupOptions {
  /** Most hits returned (default 8). */
  limit?: number;
  /** The reader's language: breaks ties between senses ("PCR" is RT-PCR in English, CRP in French). Default `en`. */
  lang?: Lang;
  /**
   * Text around the selection (its paragraph or field, the selection included): a selected word
   * that is part of a longer term there answers with that term ("oximetry" in "check pulse
   * oximetry"); it also orders the senses of an ambiguous abbreviation and lets context-only terms
   * ("discharge") match.
   */
  context?: string;
  /** Where the selection starts in `context` (UTF-16); default: its first occurrence there. */
  offset?: number;
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
