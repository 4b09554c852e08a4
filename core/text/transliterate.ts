// Arabic clinical text writes the names of medicines and tests as they sound: ريمديسيفير is
// remdesivir, هيبارين heparin, دي دايمر D-dimer. Both scripts reduce here to one consonant
// skeleton (Arabic script leaves most vowels out, so both drop them), where the letters that
// Arabic writes alike fall together: p and b (ب), v and f (ف), s, z and soft c (س, ز, ص), k, q and
// hard c (ك, ق, خ), g and j (ج, غ). A skeleton is compared whole, never one word of a sentence.

/** Skeleton letters: B D F G K L M N R S T X(sh) and digits. */
const ARABIC: Record<string, string> = {
  ب: 'b', پ: 'b', ت: 't', ط: 't', ث: 's', س: 's', ص: 's', ز: 's', ذ: 's', ظ: 's',
  ج: 'g', غ: 'g', گ: 'g', خ: 'k', ق: 'k', ك: 'k', د: 'd', ض: 'd', ر: 'r', ش: 'x', چ: 'x',
  ف: 'f', ڤ: 'f', ل: 'l', م: 'm', ن: 'n',
};

/** The skeleton of an Arabic word (folded: no marks, hamza seats as their letter); the article ال is dropped. */
export function arabicSkeleton(word: string): string {
  const bare = word.length > 4 && word.startsWith('ال') ? word.slice(2) : word;
  let out = '';
  for (const ch of bare) {
    const s = /\d/.test(ch) ? ch : ARABIC[ch];
    if (s) out = joinSkeletons(out, s);
  }
  return out;
}

/** Two skeletons one after the other; a letter doubled where they meet is one (Arabic writes no double letter). */
function joinSkeletons(a: string, b: string): string {
  return b !== '' && a.endsWith(b[0] as string) ? a + b.slice(1) : a + b;
}

/** Latin letter pairs read as one sound, each with the skeleton letters it may be. */
const LATIN_PAIRS: Record<string, readonly string[]> = {
  ch: ['k', 'x'],
  sh: ['x'],
  // Greek theta: ت or ث (methasone, ميثازون).
  th: ['t', 's'],
  ph: ['f'],
  ck: ['k'],
};

/** Latin letters Arabic writes as another skeleton letter (c is read by the letter after it). */
const LATIN_LETTERS: Record<string, string> = { x: 'ks', p: 'b', q: 'k', z: 's', j: 'g', v: 'f' };

/**
 * The skeletons of a Latin-script word (lowercase, no diacritics): one, or two where "ch" may be
 * read as k or as sh (chloroquine, colchicine).
 */
export function latinSkeletons(word: string): string[] {
  let readings = [''];
  const push = (parts: readonly string[]) => {
    readings = readings.flatMap((r) => parts.map((p) => joinSkeletons(r, p))).slice(0, 4);
  };
  for (let i = 0; i < word.length; i++) {
    const c = word[i] as string;
    const n = word[i + 1] ?? '';
    if ('aeiouyhw'.includes(c)) continue;
    const pair = LATIN_PAIRS[c + n];
    if (pair) {
      push(pair);
      i++;
    } else if (c === 'c') push(['eiy'.includes(n) && n !== '' ? 's' : 'k']);
    else if (LATIN_LETTERS[c]) push([LATIN_LETTERS[c] as string]);
    else if (/[a-z0-9]/.test(c)) push([c]);
    else return [];
  }
  return readings;
}
