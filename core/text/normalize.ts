// Text → tokens for matching. Every token keeps its UTF-16 span in the original text, so a match
// can always be highlighted where the user selected it.
//
// Per character: Unicode NFKC, diacritics removed, case folded; letters and digits form words;
// each CJK ideograph or kana is a token of its own (Chinese has no spaces: the term trie does
// longest match over them); zero-width and other format characters vanish; everything else
// separates words. Then each word gets its matching key (spelling variants and plurals folded).
import { canonicalKey } from './variants';

export interface Token {
  /** Matching key: folded, British spellings and plurals reduced (`hypoxaemias` → `hypoxemia`). */
  key: string;
  /** Lowercase, diacritics removed (`décubitus` → `decubitus`). */
  folded: string;
  /** As written but NFKC and without diacritics: for case-sensitive abbreviations ("SOB" ≠ "sob"). */
  cased: string;
  start: number;
  end: number;
  cjk: boolean;
  /** Only a hyphen separates it from the previous token ("high-flow", "D-dimer"). */
  hyphenBefore: boolean;
}

/** Longest text the tokenizer reads; callers cap their own work below it. */
export const MAX_TOKENIZE_CHARS = 100_000;

const enum CharClass {
  Word,
  Cjk,
  Ignore,
  Separator,
  Hyphen,
}

interface CharInfo {
  cls: CharClass;
  folded: string;
  cased: string;
}

/** A Chinese, Japanese or Korean character (each is a token of its own). */
export const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Every CJK character of a text (count them with `match(CJK_ALL)`). */
export const CJK_ALL = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const WORD = /[\p{L}\p{N}]/u;
const IGNORABLE = /[\p{Cf}\p{M}]/u;
const HYPHENS = new Set(['-', '\u2010', '\u2011', '\u00ad']);
// Letters that NFKC and NFD leave whole but that readers treat as two ASCII letters or one.
const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss', œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i',
  // Arabic as search engines fold it: the stretching tatweel is not a letter, final alef maqsura
  // and yeh are written interchangeably, as are teh marbuta and heh; Arabic-Indic digits are digits.
  // (Hamza and madda on alef, and the short-vowel marks, are combining marks and go with them.)
  '\u0640': '', ى: 'ي', ة: 'ه',
  ...Object.fromEntries([...'٠١٢٣٤٥٦٧٨٩'].map((d, i) => [d, String(i)])),
  ...Object.fromEntries([...'۰۱۲۳۴۵۶۷۸۹'].map((d, i) => [d, String(i)])),
};

const charCache = new Map<number, CharInfo>();
const LONE_SURROGATE: CharInfo = { cls: CharClass.Separator, folded: '', cased: '' };

function classifyNonAscii(cp: number): CharInfo {
  const cached = charCache.get(cp);
  if (cached) return cached;
  const ch = String.fromCodePoint(cp);
  let info: CharInfo;
  if (HYPHENS.has(ch)) info = { cls: CharClass.Hyphen, folded: '', cased: '' };
  else if (IGNORABLE.test(ch)) info = { cls: CharClass.Ignore, folded: '', cased: '' };
  else {
    let cased = '';
    for (const part of ch.normalize('NFKC')) {
      const stripped = (SPECIAL_FOLDS[part] ?? part).normalize('NFD').replace(/\p{M}/gu, '');
      cased += stripped;
    }
    if (CJK.test(cased)) info = { cls: CharClass.Cjk, folded: cased, cased };
    else if (cased !== '' && [...cased].every((c) => WORD.test(c)))
      info = { cls: CharClass.Word, folded: cased.toLowerCase(), cased };
    else if (cased === '') info = { cls: CharClass.Ignore, folded: '', cased: '' };
    else info = { cls: CharClass.Separator, folded: '', cased: '' };
  }
  if (charCache.size < 20_000) charCache.set(cp, info);
  return info;
}

// Short words of plain ASCII already read, as written and folded, in a table indexed by a hash of
// their characters: most words of a note were in the notes before it, and reusing their strings
// spares two strings per word (a third of what a scan allocated). Only words of up to 12
// characters: V8 makes a longer slice a view of the whole text, which the table would keep alive.
const INTERN_SLOTS = 4096;
const INTERN_MAX_LENGTH = 12;
const internCased: (string | undefined)[] = new Array<string | undefined>(INTERN_SLOTS).fill(undefined);
const internFolded: string[] = new Array<string>(INTERN_SLOTS).fill('');

/** The slot of text[start, end) in the intern table (FNV-1a of its code units). */
function internSlot(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let c = start; c < end; c++) h = Math.imul(h ^ text.charCodeAt(c), 0x01000193);
  return (h ^ (h >>> 15)) & (INTERN_SLOTS - 1);
}

function sameChars(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let c = start; c < end; c++) if (word.charCodeAt(c - start) !== text.charCodeAt(c)) return false;
  return true;
}

/** Splits `text` (up to `limit` characters) into matching tokens with their original spans. */
export function tokenize(text: string, limit = MAX_TOKENIZE_CHARS): Token[] {
  const tokens: Token[] = [];
  const end = Math.min(text.length, limit);
  // A word of plain ASCII is sliced from the text at its end; `folded`/`cased` accumulate only
  // once a word meets a non-ASCII character (the hot path of ordinary text allocates little).
  let folded = '';
  let cased = '';
  let ascii = true;
  let start = -1;
  let last = 0;
  let hyphenBefore = false;
  let sawHyphen = false;
  let sawOther = false;

  const flush = () => {
    if (start < 0) return;
    if (ascii) {
      const slot = last - start <= INTERN_MAX_LENGTH ? internSlot(text, start, last) : -1;
      const known = slot < 0 ? undefined : internCased[slot];
      if (known !== undefined && sameChars(known, text, start, last)) {
        cased = known;
        folded = internFolded[slot] as string;
      } else {
        cased = text.slice(start, last);
        folded = cased.toLowerCase();
        if (slot >= 0) {
          internCased[slot] = cased;
          internFolded[slot] = folded;
        }
      }
    }
    const previous = tokens[tokens.length - 1];
    if (folded === 's' && previous && previous.end === start - 1 && isApostrophe(text.charCodeAt(start - 1))) {
      // "PE's", "the patient's": a possessive or an abbreviation's plural adds no word.
    } else {
      if (isAbbreviationPlural(cased)) {
        // "CXRs", "GGOs", "PEs": the plural of an abbreviation is the abbreviation.
        cased = cased.slice(0, -1);
        folded = folded.slice(0, -1);
      }
      tokens.push({ key: canonicalKey(folded), folded, cased, start, end: last, cjk: false, hyphenBefore });
    }
    folded = '';
    cased = '';
    ascii = true;
    start = -1;
    sawHyphen = false;
    sawOther = false;
  };
  const beginWord = (at: number) => {
    start = at;
    hyphenBefore = tokens.length > 0 && sawHyphen && !sawOther;
  };

  for (let i = 0; i < end; ) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) {
        if (start < 0) beginWord(i);
        else if (!ascii) {
          cased += text[i];
          folded += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
        }
        last = i + 1;
      } else {
        flush();
        if (code === 45) sawHyphen = true;
        else sawOther = true;
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i) ?? code;
    const width = cp > 0xffff ? 2 : 1;
    // A lone surrogate is not text: it separates like punctuation.
    const info = code >= 0xd800 && code <= 0xdfff && width === 1 ? LONE_SURROGATE : classifyNonAscii(cp);
    switch (info.cls) {
      case CharClass.Word:
        if (start < 0) beginWord(i);
        else if (ascii) {
          cased = text.slice(start, i);
          folded = cased.toLowerCase();
        }
        ascii = false;
        folded += info.folded;
        cased += info.cased;
        last = i + width;
        break;
      case CharClass.Cjk:
        flush();
        tokens.push({ key: info.folded, folded: info.folded, cased: info.cased, start: i, end: i + width, cjk: true, hyphenBefore: false });
        sawHyphen = false;
        sawOther = false;
        break;
      case CharClass.Ignore:
        // Inside a word it is dropped, so the word can no longer be sliced from the text.
        if (start >= 0 && ascii) {
          cased = text.slice(start, last);
          folded = cased.toLowerCase();
          ascii = false;
        }
        break;
      case CharClass.Hyphen:
        flush();
        sawHyphen = true;
        break;
      case CharClass.Separator:
        flush();
        sawOther = true;
        break;
    }
    i += width;
  }
  flush();
  return tokens;
}

/** The matching key of a whole string, tokens joined by spaces: `"High-flow  nasal cannulae"` → `"high flow nasal cannula"`. */
export function normalizeKey(text: string): string {
  return tokenize(text)
    .map((t) => t.key)
    .join(' ');
}

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019;
}

/** Two or more capitals (digits allowed inside) and a lowercase "s": "CXRs", "ABGs", "PEs". */
function isAbbreviationPlural(cased: string): boolean {
  const n = cased.length;
  if (n < 3 || cased.charCodeAt(n - 1) !== 115) return false;
  const last = cased.charCodeAt(n - 2);
  const first = cased.charCodeAt(0);
  if (!(last >= 65 && last <= 90) || !(first >= 65 && first <= 90)) return false;
  for (let i = 1; i < n - 2; i++) {
    const c = cased.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}

/** A number, or a number with its unit written on ("6mg", "2L", "38.5C" as tokens "38", "5c"); "5FU" is a word. */
export function isNumeric(token: Token): boolean {
  const m = /^(\d+)([a-zµ%]*)$/.exec(token.folded);
  return m !== null && (m[2] === '' || NUMERIC_UNITS.has(m[2] as string));
}
const NUMERIC_UNITS = new Set(['mg', 'g', 'kg', 'mcg', 'ug', 'µg', 'ng', 'ml', 'l', 'dl', 'mmol', 'umol', 'iu', 'u', 'meq', 'mmhg', 'cm', 'mm', 'h', 'hr', 'hrs', 'min', 'mins', 'd', 'x', 'c', 'f', 'lpm', 'st', 'nd', 'rd', 'th', 'er', 'e', 'yo', 'y', 'wk', 'wks', 'w', 'kcal']);
