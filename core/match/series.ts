// Codes no term lists, named by the numbered series an entry lists: an entry that names BA.1,
// BA.2 and BA.5 names BA.4 too, one that names T1DM and T2DM is what "T3DM" would be filed under,
// FFP2 and FFP3 make FFP1 a respirator. Only a shape that two or more of one entry's codes share
// (the same letters, other numbers) and no other entry's code has: a single code is no series
// ("IL-6" says nothing of IL-1), and a shape two entries share (B.1.1.7, B.1.1.529) names neither.
import type { Entry } from '../index/types';

/** Longest code read as a member of a series. */
const MAX_CODE = 12;

/** A code's shape (capitals, hyphens dropped, each run of digits as #) and its numbers; null for no code. */
export function codeShape(text: string): { shape: string; numbers: string } | null {
  const code = text.trim().replace(/[-\u2010\u2011]/g, '');
  if (code.length < 2 || code.length > MAX_CODE || !/^[\p{L}\d.]+$/u.test(code) || !/\d/.test(code) || !/\p{L}/u.test(code)) return null;
  return { shape: code.toUpperCase().replace(/\d+/g, '#'), numbers: (code.match(/\d+/g) ?? []).join('.') };
}

/** Shapes of codes that two or more of one entry's terms share and no other entry's term has → that entry. */
export function codeSeries(entries: readonly Entry[]): Map<string, number> {
  const owners = new Map<string, { entry: number; numbers: Set<string> } | null>();
  entries.forEach((entry, entryIndex) => {
    for (const term of entry.terms) {
      if (term.kind === 'context') continue;
      const code = codeShape(term.text);
      if (!code) continue;
      const known = owners.get(code.shape);
      if (known === null) continue;
      if (known === undefined) owners.set(code.shape, { entry: entryIndex, numbers: new Set([code.numbers]) });
      else if (known.entry !== entryIndex) owners.set(code.shape, null);
      else known.numbers.add(code.numbers);
    }
  });
  const out = new Map<string, number>();
  for (const [shape, owner] of owners) if (owner && owner.numbers.size >= 2) out.set(shape, owner.entry);
  return out;
}
