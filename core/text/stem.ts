// The Porter2 (Snowball English) stem of a matching key: "vaccinated", "vaccination" and
// "vaccinate" share "vaccin"; "immunosuppressed" and "immunosuppression" share "immunosuppress".
// Used to relate a word to the term words of the same family (see core/match/morphology.ts), never
// as a key of its own: stems of ordinary words collide ("positive" and "position" share "posit").
// The reference lets a compile that starts from one entry (the widget's declaration build) find the package's types.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- an ambient module declaration cannot be imported
/// <reference path="./wink-porter2-stemmer.d.ts" />
import porter2 from 'wink-porter2-stemmer';

const LETTERS = /^[a-z]+$/;
const cache = new Map<string, string>();

/** The stem of a key of plain letters, or the key itself (codes, numbers, CJK, short words). */
export function stemOf(key: string): string {
  if (key.length < 4 || !LETTERS.test(key)) return key;
  let stem = cache.get(key);
  if (stem === undefined) {
    stem = porter2(key);
    if (cache.size > 50_000) cache.clear();
    cache.set(key, stem);
  }
  return stem;
}
