import { readFileSync } from 'node:fs';
import { FuzzyCorrector, editDistance } from './core/match/fuzzy';
import { buildMatcher } from './core/match/matcher';
const index = JSON.parse(readFileSync('/work/main/public/guidance-index.json', 'utf8'));
const m = buildMatcher(index);
console.log(m.vocabulary.has('antibiotic'), m.vocabulary.has('antibioticos'), index.lexicon.nearWords.includes('antibioticos'), editDistance('antibioticos','antibiotic',2));
const f = new FuzzyCorrector(m.vocabulary, new Set(index.lexicon.nearWords));
console.log(f.eligible('antibioticos'), f.correct('antibioticos'));
