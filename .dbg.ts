import { readFileSync } from 'node:fs';
import { buildMatcher } from './core/match/matcher';
const index = JSON.parse(readFileSync('/work/main/public/guidance-index.json', 'utf8'));
const m = buildMatcher(index);
for (const q of process.argv.slice(2)) {
  const [text, context] = q.split('||');
  console.log(JSON.stringify(text), JSON.stringify(m.lookup(text, { context }).slice(0, 4).map((h) => [h.id, h.kind, h.score, h.term])));
}
const words = ['ground','glass','protective','equipment','gear','confusion','confusional','acute','state','health','worker','exposure','infection','contact','tracing','community','management','helmet','oximetry','pulse','cannula','nasal'];
console.log(words.map((w) => `${w}=${m.weight(w).toFixed(2)}`).join(' '));
