// Codes no term lists, named by the numbered series an entry lists: an entry that names BA.1,
// BA.2 and BA.5 names BA.4 too, one that names T1DM and T2DM is what "T3DM" would be filed under,
// FFP2 and FFP3 make FFP1 a respirator. Only a shape that two or more of one entry's codes share
// (the same letters, other numbers) and no other entry's code has: a single code is no series
// ("IL-6" says nothing of IL-1), and a shape two entries share (B.1.1.7, B.1.1.529) names neither.
import type { Entry } from '../index/types';

/** Longest code read as a member of a series. */
const MAX_CODE = 12;
/** Letters and digits in groups joined by single dots ("BA.4", "B.1.351", "T2DM"). */
const CODE = /^[\p{L}\d]+(?:\.[\p{L}\d]+)*$/u;

/**
 * A code's shape (hyphens and dashes dropped, each run of digits as #; `shape` in capitals,
 * `cased` as written) and its numbers; null for no code. A sentence's final full stop is not
 * the code's ("BA.4.").
 */
export function codeShape(text: string): { shape: string; cased: string; numbers: string } | null {
  const code = text
    .trim()
    .replace(/\.$/, '')
    .replace(/[-\u2010-\u2015\u2212]/g, '');
  if (code.length < 2 || code.length > MAX_CODE || !CODE.test(code) || !/\d/.test(code) || !/\p{L}/u.test(code)) return null;
  const cased = code.replace(/\d+/g, '#');
  return { shape: cased.toUpperCase(), cased, numbers: (code.match(/\d+/g) ?? []).join('.') };
}

export interface Series {
  entry: number;
  /** Where a code of the series matches only as written ("BA.1"), its shapes as written: the text must have one of them. */
  cased: ReadonlySet<string> | null;
}

/** Shapes of codes that two or more of one entry's terms share and no other entry's term has → that entry. */
export function codeSeries(entries: readonly Entry[]): Map<string, Series> {
  const owners = new Map<string, { entry: number; numbers: Set<string>; cased: Set<string> | null } | null>();
  entries.forEach((entry, entryIndex) => {
    for (const term of entry.terms) {
      if (term.kind === 'context') continue;
      const code = codeShape(term.text);
      if (!code) continue;
      const known = owners.get(code.shape);
      if (known === null) continue;
      if (known !== undefined && known.entry !== entryIndex) {
        owners.set(code.shape, null);
        continue;
      }
      const owner = known ?? { entry: entryIndex, numbers: new Set<string>(), cased: null };
      owner.numbers.add(code.numbers);
      if (term.caseSensitive) (owner.cased ??= new Set()).add(code.cased);
      owners.set(code.shape, owner);
    }
  });
  const out = new Map<string, Series>();
  for (const [shape, owner] of owners) if (owner && owner.numbers.size >= 2) out.set(shape, { entry: owner.entry, cased: owner.cased });
  return out;
}
