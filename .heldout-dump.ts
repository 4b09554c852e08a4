import { readFileSync } from 'node:fs';
import { buildMatcher } from './core/match/matcher';
import { wordStats } from './cli/compile';
import { fuseOver, saveFuseAnswers } from './cli/eval-heldout';
const index = JSON.parse(readFileSync('/work/main/public/guidance-index.json', 'utf8'));
function foldOf(id: string, text: string) { let h = 0x811c9dc5; for (const ch of `${id}\u0000${text}`) { h ^= ch.codePointAt(0) ?? 0; h = Math.imul(h, 0x01000193) >>> 0; } return h % 10; }
const filter = process.argv[2];
for (let fold = 0; fold < 10; fold++) {
  const out: any[] = [];
  const entries = index.entries.map((e: any) => ({ ...e, terms: e.terms.filter((t: any) => { if (t.kind === 'context' || foldOf(e.id, t.text) !== fold) return true; out.push({ e, t }); return false; }) }));
  const reduced: any = { ...index, entries, lexicon: { nearWords: index.lexicon.nearWords } };
  reduced.lexicon = { nearWords: index.lexicon.nearWords, ...wordStats(buildMatcher(reduced).wordLangs) };
  const m = buildMatcher(reduced);
  const fuse = fuseOver(entries);
  for (const { e, t } of out) {
    if (filter && t.kind !== filter && t.lang !== filter) continue;
    const ours = m.lookup(t.text, { lang: t.lang }).slice(0, 3);
    const ok = ours.some((h) => h.id === e.id);
    const fok = fuse(t.text).slice(0, 3).includes(e.id);
    if (!ok) console.log(`${fok ? 'F' : '-'} ${t.kind.padEnd(12)} ${t.lang} ${e.id.padEnd(28)} "${t.text}" ours=[${ours.map((h) => h.id + ':' + h.kind).join(',')}]`);
  }
}
saveFuseAnswers();
