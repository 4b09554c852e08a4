// Abbreviations the index does not list, read from the initials of its terms: "HFNC" is
// high-flow nasal cannula, "PLWH" people living with HIV, "SDRA" syndrome de détresse
// respiratoire aiguë, "CARDS" COVID-19 ARDS. A hospital's own guidance rarely lists every
// abbreviation its clinicians write; the initials of the terms it does list are what they mean.
//
// Only a selection written as an abbreviation is read so (capitals, at most one small letter),
// never in a scan, and never an everyday word in capitals ("LOT", "ARM", a heading's "PLAN"): the
// build lists those among the index's near words. A note's capitals are left to the abbreviations
// the index lists.
import { tokenize, type Token } from '../text/normalize';
import { isNoiseKey } from '../text/noise';
import type { TermRef } from './walk';

/** Shortest and longest abbreviation read from initials (two letters say too little: "PE", "CT"). */
const MIN_LENGTH = 3;
const MAX_LENGTH = 7;
/** Most spellings of one term's initials (function words and numbers in or out, capitals whole or as initials). */
const MAX_SPELLINGS = 16;

/** The spellings a term's initials may take ("variant of interest": VOI, VI; "COVID-19 ARDS": CARDS, CA, C19ARDS, …). */
export function initialsOf(tokens: readonly Pick<Token, 'folded' | 'cased' | 'cjk'>[], minLength = MIN_LENGTH): string[] {
  if (tokens.length < 2 || tokens.some((t) => t.cjk)) return [];
  let spellings: { text: string; words: number }[] = [{ text: '', words: 0 }];
  for (const t of tokens) {
    const letters = t.folded.replace(/[^a-z0-9]/g, '');
    if (!letters) continue;
    const options: { part: string; word: boolean }[] = [];
    if (/^\d+$/.test(letters)) {
      // "type 2 diabetes mellitus" is T2DM and also TDM.
      options.push({ part: '', word: false });
      if (letters.length <= 2) options.push({ part: letters, word: false });
    } else if (isNoiseKey(t.folded)) {
      // "variant of interest" is VOI, "syndrome de détresse respiratoire aiguë" SDRA.
      options.push({ part: '', word: false }, { part: letters[0] as string, word: false });
    } else {
      options.push({ part: letters[0] as string, word: true });
      // A word that is itself an abbreviation gives all its letters ("people living with HIV": PLWH,
      // "personnes vivant avec le VIH": PVVIH).
      const cased = t.cased.replace(/[^A-Za-z0-9]/g, '');
      if (cased.length >= 2 && cased.length <= 5 && /^[A-Z][A-Z0-9]*$/.test(cased)) options.push({ part: cased.toLowerCase(), word: true });
    }
    const next: { text: string; words: number }[] = [];
    for (const s of spellings)
      for (const o of options) if (next.length < MAX_SPELLINGS * 4) next.push({ text: s.text + o.part, words: s.words + (o.word ? 1 : 0) });
    spellings = next;
  }
  const out = new Set<string>();
  for (const s of spellings)
    if (s.words >= 2 && s.text.length >= minLength && s.text.length <= MAX_LENGTH && /^[a-z]/.test(s.text) && out.size < MAX_SPELLINGS) out.add(s.text.toUpperCase());
  return [...out];
}

/**
 * The abbreviation a selection is written as, in capitals and without its plural or hyphens
 * ("HFNCs" → HFNC, "mRDT" → MRDT, "MIS-C" → MISC), or null when it is not written as one.
 */
export function asAbbreviation(text: string, minLength = MIN_LENGTH): string | null {
  let s = text.trim().replace(/[-‐‑]/g, '');
  s = s.replace(/(?<=[A-Z0-9]{2})'?s$/, '');
  if (s.length < minLength || s.length > MAX_LENGTH || !/^[A-Za-z][A-Za-z0-9]*$/.test(s)) return null;
  const lower = s.replace(/[^a-z]/g, '').length;
  const upper = s.replace(/[^A-Z]/g, '').length;
  if (upper < 2 || lower > 1) return null;
  return s.toUpperCase();
}

export class Acronyms {
  private readonly table = new Map<string, TermRef[]>();

  constructor(terms: Iterable<{ ref: TermRef; tokens: readonly Pick<Token, 'folded' | 'cased' | 'cjk'>[] }>) {
    for (const { ref, tokens } of terms) {
      for (const initials of initialsOf(tokens)) {
        const refs = this.table.get(initials);
        if (!refs) this.table.set(initials, [ref]);
        else if (!refs.some((r) => r.entry === ref.entry && r.term.text.length <= ref.term.text.length)) refs.push(ref);
      }
    }
  }

  /** Every abbreviation the terms' initials spell. */
  all(): IterableIterator<string> {
    return this.table.keys();
  }

  /** The terms whose initials spell `abbreviation` (from `asAbbreviation`), one per entry, shortest term first. */
  find(abbreviation: string): TermRef[] {
    const refs = this.table.get(abbreviation);
    if (!refs) return [];
    const byEntry = new Map<number, TermRef>();
    for (const ref of refs) {
      const previous = byEntry.get(ref.entry);
      if (!previous || ref.term.text.length < previous.term.text.length) byEntry.set(ref.entry, ref);
    }
    return [...byEntry.values()];
  }
}

/** Most words a definition may have beyond the abbreviation's letters ("Schwartz and Hearst": |A| + 5). */
const DEFINITION_SLACK = 5;

/**
 * Where the text defines the abbreviation it holds at `start`–`end`, the words it stands for:
 * "prothrombin complex concentrate (PCC)" or "PCC (prothrombin complex concentrate)". The
 * definition is the shortest run of words next to the parentheses whose initials spell the
 * abbreviation (the pattern Schwartz and Hearst described for biomedical text, 2003). Null when the
 * text defines nothing there.
 */
export function definitionIn(text: string, start: number, end: number): string | null {
  // Two letters are enough here: the definition says what they mean ("physical examination (PE)").
  const abbreviation = asAbbreviation(text.slice(start, end), 2);
  if (!abbreviation) return null;
  const maxWords = abbreviation.length + DEFINITION_SLACK;
  const spells = (words: string) => initialsOf(tokenize(words, 400), 2).includes(abbreviation);
  // "long form (ABBR)": the words before the parenthesis, fewest first.
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (/\(\s*$/.test(before) && /^\s*[),;]/.test(after)) {
    const words = before.replace(/\(\s*$/, '').split(/[.;:!?()[\]]/).pop() ?? '';
    const parts = words.trim().split(/\s+/).filter(Boolean);
    for (let n = 1; n <= Math.min(parts.length, maxWords); n++) {
      const candidate = parts.slice(parts.length - n).join(' ');
      if (spells(candidate)) return candidate;
    }
    return null;
  }
  // "ABBR (long form)".
  const inside = /^\s*\(([^()]{3,200})\)/.exec(after);
  if (inside?.[1]) {
    const parts = inside[1].trim().split(/\s+/).filter(Boolean);
    if (parts.length <= maxWords && spells(parts.join(' '))) return parts.join(' ');
  }
  return null;
}
