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

/** Whether a lowercase word is an ordinary English or French word. */
export function isOrdinaryWord(word: string): boolean {
  if (!folded) folded = new Set(dictionaryWords().map((w) => w.toLowerCase()));
  return folded.has(word);
}
