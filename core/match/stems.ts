// Medicines no term lists, named by their class: international nonproprietary names are built
// from stems (losartan, valsartan, irbesartan: -sartan), so an ending that the members of one
// class entry share names that entry.
import type { Entry } from '../index/types';
import { tokenize } from '../text/normalize';

/**
 * The endings of the WHO's stems for international nonproprietary names (classes whose members'
 * names end alike), with the French and Portuguese final -e or -a: a learned ending counts only
 * when it ends with one, so "-carditis" of myocarditis' members is no stem.
 */
const INN_STEM = new RegExp(
  `(${[
    'sartan', 'pril', 'prilat', 'vir', 'mab', 'cillin', 'cycline', 'floxacin', 'mycin', 'micin', 'azole', 'conazole', 'olol', 'dipine', 'statin', 'parin',
    'curium', 'curonium', 'sone', 'olone', 'tinib', 'quine', 'vudine', 'xaban', 'gatran', 'triptan', 'prazole', 'tidine', 'setron', 'lukast', 'terol',
    'profen', 'coxib', 'azepam', 'barbital', 'oxetine', 'triptyline', 'semide', 'thiazide', 'gliptin', 'gliflozin', 'glutide', 'formin', 'kinra', 'cept',
  ].join('|')})[ae]?$`,
);

/** Shortest and longest medicine stem read from an entry's members (-pril … -vastatin). */
const STEM_MIN = 4;
const STEM_MAX = 8;

/**
 * Endings that two or more members of one entry (the medicines of a class, one word each) share
 * and no word of another entry's terms has: the stems of international nonproprietary names
 * (losartan, valsartan: -sartan). A single medicine's entry has no members, so no stem: mefloquine
 * is not hydroxychloroquine.
 */
export function medicineStems(entries: readonly Entry[]): Map<string, number> {
  const owners = new Map<string, { entry: number; words: Set<string> } | null>();
  const everyWord = new Map<string, Set<number>>();
  entries.forEach((entry, entryIndex) => {
    for (const term of entry.terms)
      for (const t of tokenize(term.text, 400)) {
        if (t.cjk) continue;
        let set = everyWord.get(t.key);
        if (!set) everyWord.set(t.key, (set = new Set()));
        set.add(entryIndex);
      }
  });
  entries.forEach((entry, entryIndex) => {
    for (const term of entry.terms) {
      const word = term.text.toLowerCase();
      if (term.kind !== 'member' || !/^[a-z]{7,}$/.test(word)) continue;
      for (let n = STEM_MIN; n <= Math.min(STEM_MAX, word.length - 2); n++) {
        const stem = word.slice(-n);
        const known = owners.get(stem);
        if (known === null) continue;
        if (known === undefined) owners.set(stem, { entry: entryIndex, words: new Set([word]) });
        else if (known.entry !== entryIndex) owners.set(stem, null);
        else known.words.add(word);
      }
    }
  });
  const out = new Map<string, number>();
  for (const [stem, owner] of owners) {
    if (!owner || owner.words.size < 2 || !INN_STEM.test(stem)) continue;
    // No word of another entry's terms ends so ("-mycin" of azithromycin is no class's alone).
    let alone = true;
    for (const [word, inEntries] of everyWord)
      if (word.endsWith(stem) && (inEntries.size > 1 || !inEntries.has(owner.entry))) {
        alone = false;
        break;
      }
    if (alone) out.set(stem, owner.entry);
  }
  return out;
}

/**
 * The entry whose stem (from medicineStems) a word ends with, longest stem first, also after the
 * French and Portuguese final -e or -a ("fraxiparine" of -parin); the word must be longer than
 * the stem by three letters.
 */
export function classByStem(stems: ReadonlyMap<string, number>, word: string): number | undefined {
  if (word.length < STEM_MIN + 3 || !/^[a-z]+$/.test(word)) return undefined;
  for (const form of /[ae]$/.test(word) ? [word, word.slice(0, -1)] : [word])
    for (let n = Math.min(STEM_MAX, form.length - 3); n >= STEM_MIN; n--) {
      const entry = stems.get(form.slice(-n));
      if (entry !== undefined) return entry;
    }
  return undefined;
}
