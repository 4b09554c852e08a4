import { readFileSync } from 'node:fs';
import { buildMatcher } from './core/match/matcher';
import { tokenize } from './core/text/normalize';
import { gramsOf } from './core/match/grams';
const index = JSON.parse(readFileSync('/work/main/public/guidance-index.json', 'utf8'));
const m = buildMatcher(index);
for (const q of process.argv.slice(2)) { const t = tokenize(q); console.log(q, [...gramsOf(t)], m.spelledLike(t, 0.3).slice(0,5).map(x => [x.ref.term.text, x.dice.toFixed(2)])); }
