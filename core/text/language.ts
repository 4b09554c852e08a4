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

/** The language whose function words the text uses most, when it uses at least two and clearly more than any other. */
export function guessLanguage(tokens: readonly Pick<Token, 'key' | 'cjk'>[]): TextLanguage | undefined {
  const counts: Record<TextLanguage, number> = { en: 0, fr: 0, pt: 0 };
  for (const token of tokens) {
    if (token.cjk) continue;
    for (const lang of ['en', 'fr', 'pt'] as const) if (MARKERS[lang].has(token.key)) counts[lang]++;
  }
  const ranked = (Object.entries(counts) as [TextLanguage, number][]).sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2 || (second && first[1] < 2 * second[1])) return undefined;
  return first[0];
}
