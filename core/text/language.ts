// Which language a text is written in, from its commonest function words: enough to keep a
// French or Portuguese abbreviation or word ("TEP", "HAS", "aids") from matching in an English
// note, and an English one from nothing. Undefined when the text says too little to tell.
import type { Token } from './normalize';
import { canonicalKey } from './variants';

// Words frequent in one language and rare in the others, as matching keys ("dans" → "dan").
const markers = (words: string) => new Set(words.split(' ').map(canonicalKey));
const MARKERS: Record<'en' | 'fr' | 'pt', ReadonlySet<string>> = {
  en: markers('the and of with to for is was on in at by from this that has have had been were are not no an'),
  fr: markers('le la les des du et est sont avec pour dans sur sous une un au aux pas par ce cette il elle qui que ne'),
  pt: markers('o os as do da dos das e em no na nos nas com para por uma um nao sem foi sao ao pelo pela'),
};

export type TextLanguage = keyof typeof MARKERS;

const ORDER: readonly TextLanguage[] = ['en', 'fr', 'pt'];
// One lookup per word: which languages use it as a function word (bits in ORDER's order).
const BITS = new Map<string, number>();
ORDER.forEach((lang, k) => {
  for (const word of MARKERS[lang]) BITS.set(word, (BITS.get(word) ?? 0) | (1 << k));
});

/** The language whose function words the text uses most, when it uses at least two and clearly more than any other. */
export function guessLanguage(tokens: readonly Pick<Token, 'key' | 'cjk'>[]): TextLanguage | undefined {
  let en = 0;
  let fr = 0;
  let pt = 0;
  for (const token of tokens) {
    if (token.cjk) continue;
    const bits = BITS.get(token.key);
    if (bits === undefined) continue;
    if (bits & 1) en++;
    if (bits & 2) fr++;
    if (bits & 4) pt++;
  }
  const ranked = [
    ['en', en],
    ['fr', fr],
    ['pt', pt],
  ] as [TextLanguage, number][];
  ranked.sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2 || (second && first[1] < 2 * second[1])) return undefined;
  return first[0];
}
