import { readFileSync } from 'node:fs';
import { buildMatcher } from './core/match/matcher';
import { wordStats } from './cli/compile';
const index = JSON.parse(readFileSync('/work/main/public/guidance-index.json', 'utf8'));
for (const q of process.argv.slice(2)) {
  const text = q;
  const entries = index.entries.map((e: any) => ({ ...e, terms: e.terms.filter((t: any) => t.text !== text) }));
  const reduced: any = { ...index, entries, lexicon: { nearWords: index.lexicon.nearWords } };
  reduced.lexicon = { nearWords: index.lexicon.nearWords, ...wordStats(buildMatcher(reduced).wordLangs) };
  const m = buildMatcher(reduced);
  const words = text.toLowerCase().split(/[\s-]+/);
  console.log(JSON.stringify(text), JSON.stringify(m.lookup(text).slice(0, 4).map((h) => [h.id, h.kind, h.score, h.term])), words.map((w) => `${w}=${m.weight(w).toFixed(2)}`).join(' '));
}
