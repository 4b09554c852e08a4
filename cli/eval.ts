// `npm run eval [file]`: lookup and scan quality on evaluation queries, ours beside fuse.js alone.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import type { GuidanceIndex } from '../core/index/types';
import { buildMatcher } from '../core/match/matcher';
import { CliError, loadIndex, PROJECT_ROOT } from './default-index';
import { everydayWords, fuseAtSilence, heldOutTerms, saveFuseAnswers } from './eval-heldout';
import { falseCards, readCorpus } from './eval-false-cards';

export interface EvalQuery {
  mode: 'lookup' | 'scan';
  q: string;
  expect: string[];
  kind: string;
  allow?: string[];
  /** The paragraph the selection `q` was made in (lookup only). */
  context?: string;
  /** Scan only: entry id → the assertion its hit must carry (absent: present). */
  assert?: Record<string, string>;
}

/** Something that answers queries with entry ids, best first. */
export interface Answerer {
  lookup(text: string, context?: string): string[];
  /** The assertion of each entry found by a scan (entries absent from the map are present). */
  assertions?(text: string): Map<string, string>;
  scan(text: string): string[];
}

export interface Score {
  /**
   * Scan assertions asked, by label and language ("negated en"): how many, how many the scan did
   * not find at all (a recall miss, counted by scan recall), and how many found hits carry the label.
   */
  asserted: Map<string, { n: number; right: number; missed: number }>;
  /** lookup queries with an expected id / those passing (expected id in the top 3) */
  lookups: number;
  lookupsPassed: number;
  /** queries expecting nothing / those returning nothing */
  negatives: number;
  negativesPassed: number;
  /** scan items expected / found */
  scanItems: number;
  scanFound: number;
  /** scan ids returned / returned but neither expected nor allowed */
  scanReturned: number;
  scanWrong: number;
}

const emptyScore = (): Score => ({ asserted: new Map(), lookups: 0, lookupsPassed: 0, negatives: 0, negativesPassed: 0, scanItems: 0, scanFound: 0, scanReturned: 0, scanWrong: 0 });

export function scoreQuery(query: EvalQuery, answerer: Answerer, score: Score): boolean {
  if (query.mode === 'lookup') {
    const ids = answerer.lookup(query.q, query.context);
    if (query.expect.length === 0) {
      score.negatives++;
      if (ids.length === 0) score.negativesPassed++;
      return ids.length === 0;
    }
    score.lookups++;
    const pass = ids.slice(0, 3).some((id) => query.expect.includes(id));
    if (pass) score.lookupsPassed++;
    return pass;
  }
  const ids = [...new Set(answerer.scan(query.q))];
  const alternatives = query.expect.map((item) => item.split('|'));
  const acceptable = new Set([...alternatives.flat(), ...(query.allow ?? [])]);
  const wrong = ids.filter((id) => !acceptable.has(id)).length;
  score.scanReturned += ids.length;
  score.scanWrong += wrong;
  if (query.expect.length === 0) {
    score.negatives++;
    if (ids.length === 0) score.negativesPassed++;
    return ids.length === 0;
  }
  if (query.assert && answerer.assertions) {
    const got = answerer.assertions(query.q);
    const lang = /-(fr|zh|pt|ar)$/.exec(query.kind)?.[1] ?? 'en';
    for (const [id, label] of Object.entries(query.assert)) {
      const key = `${label} ${lang}`;
      const tally = score.asserted.get(key) ?? { n: 0, right: 0, missed: 0 };
      tally.n++;
      if (!ids.includes(id)) tally.missed++;
      else if ((got.get(id) ?? 'present') === label) tally.right++;
      score.asserted.set(key, tally);
    }
  }
  const found = alternatives.filter((alts) => alts.some((id) => ids.includes(id))).length;
  score.scanItems += alternatives.length;
  score.scanFound += found;
  return found === alternatives.length && wrong === 0;
}

/** The naive baseline: fuse.js over every term, as a developer would first set it up. */
export function fuseAnswerer(index: GuidanceIndex): Answerer {
  const terms = index.entries.flatMap((e) => e.terms.map((t) => ({ text: t.text, id: e.id })));
  const fuse = new Fuse(terms, { keys: ['text'], includeScore: true });
  const lookup = (text: string) => [...new Set(fuse.search(text, { limit: 10 }).map((r) => r.item.id))];
  return {
    lookup,
    // fuse.js cannot scan: search every window of one to three words with a strict threshold.
    scan(text) {
      const words = text.split(/\s+/).filter(Boolean);
      const ids: string[] = [];
      for (let i = 0; i < words.length; i++)
        for (let n = 1; n <= 3 && i + n <= words.length; n++)
          for (const r of fuse.search(words.slice(i, i + n).join(' '), { limit: 1 }))
            if ((r.score ?? 1) < 0.1) ids.push(r.item.id);
      return ids;
    },
  };
}

export function oursAnswerer(index: GuidanceIndex): Answerer {
  const matcher = buildMatcher(index);
  return {
    lookup: (text, context) => matcher.lookup(text, { context }).map((h) => h.id),
    scan: (text) => matcher.scan(text).map((h) => h.id),
    assertions: (text) => new Map(matcher.scan(text).map((h) => [h.id, h.assertion ?? 'present'])),
  };
}

export function parseQueries(text: string, file: string): EvalQuery[] {
  return text
    .split('\n')
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line !== '')
    .map(({ line, i }) => {
      let q: unknown;
      try {
        q = JSON.parse(line);
      } catch {
        throw new CliError(`${file}:${i + 1}: not valid JSON`);
      }
      const r = q as Partial<EvalQuery>;
      if ((r.mode !== 'lookup' && r.mode !== 'scan') || typeof r.q !== 'string' || !Array.isArray(r.expect))
        throw new CliError(`${file}:${i + 1}: needs mode (lookup|scan), q and expect`);
      if (r.context !== undefined && (typeof r.context !== 'string' || !r.context.includes(r.q)))
        throw new CliError(`${file}:${i + 1}: context must be a string that contains q`);
      return { mode: r.mode, q: r.q, expect: r.expect, kind: r.kind ?? r.mode, allow: r.allow, context: r.context, assert: r.assert };
    });
}

const pct = (a: number, b: number) => (b === 0 ? '   -  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

/**
 * Our own assertion sets: the 372 sentences used to find general rules, 151 written blind (held
 * out until issue 12's third pass, which fixed its failures, so no longer blind) and 75 written
 * blind before that pass and kept as held-out.
 */
const OWN_ASSERTION_SETS = ['assertion-queries.jsonl', 'assertion-blind.jsonl', 'assertion-blind-2.jsonl'];

/**
 * Assertion accuracy by label and language: the right label among the expected hits the scan
 * found, and, strictly, among all asked (a hit the scan does not find, such as a context-only term
 * with nothing in the sentence to support it, is a recall miss that no assertion can make right).
 */
function assertionRows(asserted: Score['asserted']): string[] {
  const rows = [...asserted].sort(([a], [b]) => a.localeCompare(b));
  const line = (key: string, t: { n: number; right: number; missed: number }) =>
    `  ${key.padEnd(18)} ${String(t.n).padStart(4)}  ${pct(t.right, t.n - t.missed)}   ${pct(t.right, t.n)}   ${t.missed > 0 ? String(t.missed).padStart(3) : '  -'}`;
  const all = rows.reduce((acc, [, t]) => ({ n: acc.n + t.n, right: acc.right + t.right, missed: acc.missed + t.missed }), { n: 0, right: 0, missed: 0 });
  return [`  ${'label lang'.padEnd(18)} ${'n'.padStart(4)}  ${'found'.padStart(6)}   ${'strict'.padStart(6)}   hit missing`, ...rows.map(([key, t]) => line(key, t)), line('all', all)];
}

export async function runEval(file: string | undefined, indexPath: string | undefined): Promise<void> {
  const dev = [join(PROJECT_ROOT, '..', 'shared', 'eval', 'dev-queries.jsonl'), join(PROJECT_ROOT, 'tests', 'fixtures', 'dev-queries.jsonl')].find(existsSync);
  // Without a file: the dev queries, and our own Portuguese and Arabic ones (kinds pt*, ar*).
  const paths = file ? [file] : [dev, join(PROJECT_ROOT, 'tests', 'fixtures', 'pt-ar-queries.jsonl')].filter((p): p is string => p !== undefined && existsSync(p));
  if (paths.length === 0 || !paths.every((p) => existsSync(p))) throw new CliError(`no queries file${file ? ` at ${file}` : ''} (give one: npm run eval -- path/to/queries.jsonl)`);
  const path = paths.join(' + ');
  const queries = (await Promise.all(paths.map(async (p) => parseQueries(await readFile(p, 'utf8'), p)))).flat();
  const index = await loadIndex(indexPath);
  const systems = { ours: oursAnswerer(index), fuse: fuseAnswerer(index) };
  const total = { ours: emptyScore(), fuse: emptyScore() };
  const byKind = new Map<string, { ours: Score; fuse: Score; n: number }>();
  const failures: string[] = [];
  for (const query of queries) {
    const kind = byKind.get(query.kind) ?? { ours: emptyScore(), fuse: emptyScore(), n: 0 };
    kind.n++;
    byKind.set(query.kind, kind);
    const ok = scoreQuery(query, systems.ours, total.ours);
    scoreQuery(query, systems.ours, kind.ours);
    scoreQuery(query, systems.fuse, total.fuse);
    scoreQuery(query, systems.fuse, kind.fuse);
    const wrongAssertion = query.assert && systems.ours.assertions ? Object.entries(query.assert).filter(([id, label]) => (systems.ours.assertions?.(query.q).get(id) ?? 'absent') !== label) : [];
    if (!ok || wrongAssertion.length > 0)
      failures.push(`  ${query.mode} ${JSON.stringify(query.q)} expected ${JSON.stringify(query.expect)}${query.assert ? ` ${JSON.stringify(query.assert)}` : ''} got ${JSON.stringify(query.mode === 'lookup' ? systems.ours.lookup(query.q, query.context).slice(0, 3) : [...(systems.ours.assertions?.(query.q) ?? new Map())].map(([id, a]) => (a === 'present' ? id : `${id}:${a}`)))}`);
  }
  const out: string[] = [];
  out.push(`evaluation: ${path} (${queries.length} queries) on ${index.entries.length} entries`);
  out.push('');
  out.push('metric                          ours    fuse.js');
  const row = (name: string, f: (s: Score) => [number, number]) =>
    out.push(`${name.padEnd(28)} ${pct(...f(total.ours))}   ${pct(...f(total.fuse))}   (n=${f(total.ours)[1]})`);
  row('lookup top-3 accuracy', (s) => [s.lookupsPassed, s.lookups]);
  row('negatives returning nothing', (s) => [s.negativesPassed, s.negatives]);
  row('scan recall', (s) => [s.scanFound, s.scanItems]);
  row('scan precision', (s) => [s.scanReturned - s.scanWrong, s.scanReturned]);
  out.push('');
  out.push('by kind          n    ours    fuse.js');
  for (const [kind, s] of [...byKind].sort()) {
    const metric = (x: Score) =>
      x.lookups > 0 ? pct(x.lookupsPassed, x.lookups) : x.scanItems > 0 ? pct(x.scanFound, x.scanItems) : pct(x.negativesPassed, x.negatives);
    out.push(`${kind.padEnd(14)} ${String(s.n).padStart(3)}  ${metric(s.ours)}   ${metric(s.fuse)}`);
  }
  out.push('(lookup kinds: top-3 accuracy; scan kinds: recall; negative: share returning nothing)');
  if (total.ours.asserted.size > 0) out.push('', 'assertions (scan lines with "assert"), ours', ...assertionRows(total.ours.asserted));
  // Our own assertion sets beside the dev set's (only assertions are scored here: no fuse.js).
  if (!file)
    for (const own of OWN_ASSERTION_SETS) {
      const ownPath = join(PROJECT_ROOT, 'tests', 'fixtures', own);
      if (!existsSync(ownPath)) continue;
      const ownQueries = parseQueries(await readFile(ownPath, 'utf8'), ownPath);
      const ownScore = emptyScore();
      for (const query of ownQueries) scoreQuery(query, systems.ours, ownScore);
      out.push('', `assertions of tests/fixtures/${own} (${ownQueries.length} sentences), ours`, ...assertionRows(ownScore.asserted));
    }
  if (failures.length > 0) out.push('', `ours failed ${failures.length}:`, ...failures);
  process.stdout.write(`${out.join('\n')}\n`);
  process.stdout.write(`${beyondTheIndex(index).join('\n')}\n`);
  saveFuseAnswers();
}

/** Held-out terms and everyday words, ours beside fuse.js (eval-heldout.ts). */
function beyondTheIndex(index: GuidanceIndex): string[] {
  const out: string[] = ['', 'held-out terms (10 folds; each term looked up with its fold left out of the index)', 'term kind          n    ours    fuse.js'];
  const held = heldOutTerms(index);
  const row = (name: string, t: { n: number; ours: number; fuse: number }) =>
    out.push(`${name.padEnd(14)} ${String(t.n).padStart(5)}  ${pct(t.ours, t.n)}   ${pct(t.fuse, t.n)}`);
  for (const [kind, t] of [...held.byKind].sort()) row(kind, t);
  for (const [lang, t] of [...held.byLang].sort()) row(`lang ${lang}`, t);
  row('all', held.total);
  const everyday = everydayWords(index, buildMatcher(index));
  out.push('', `everyday words (the ${everyday.words} commonest of spoken English that are not terms), looked up alone`);
  out.push(`answering anything          ${pct(everyday.ours.length, everyday.words)}   ${pct(everyday.fuse, everyday.words)}`);
  if (everyday.ours.length > 0) out.push(`  ours answered: ${everyday.ours.join(' ')}`);
  for (const lang of ['fr', 'pt'] as const) {
    const other = everydayWords(index, buildMatcher(index), 2000, lang);
    out.push(`  ${lang}: the ${other.words} commonest  ${pct(other.ours.length, other.words)}   ${pct(other.fuse, other.words)}`);
    if (other.ours.length > 0) out.push(`    ours answered: ${other.ours.join(' ')}`);
  }
  const corpus = readCorpus(join(PROJECT_ROOT, 'tests', 'fixtures', 'other-specialties.jsonl'), parseQueries);
  if (corpus) {
    const f = falseCards(buildMatcher(index), corpus);
    out.push('', `other specialties' sentences (${f.sentences}, tests/fixtures/other-specialties.jsonl): cards outside what each may show`);
    out.push(`  scanned: ${f.scanCards} false cards in ${f.scanSentences} sentences (${pct(f.scanSentences, f.sentences).trim()} of sentences)`);
    out.push(`  each word double-clicked: ${f.clickCards} false cards in ${f.clicks} clicks (${pct(f.clickCards, f.clicks).trim()})`);
    out.push(`  each two adjacent words selected: ${f.pairCards} false cards in ${f.pairs} selections (${pct(f.pairCards, f.pairs).trim()})`);
    const worst = [...f.byTerm].sort((a, b) => b[1] - a[1]).slice(0, 15);
    if (worst.length > 0) out.push(`  most often: ${worst.map(([term, n]) => `${term} ×${n}`).join(', ')}`);
  }
  out.push('', `recall against silence: held-out recall ${pct(held.total.ours, held.total.n).trim()} with ${pct(everyday.ours.length, everyday.words).trim()} of everyday words answering (ours), ${pct(held.total.fuse, held.total.n).trim()} with ${pct(everyday.fuse, everyday.words).trim()} (fuse.js)`);
  // fuse.js held to the same silence: the loosest score limit that keeps it as quiet on everyday words.
  for (const [name, allowed] of [
    ['as quiet as ours', everyday.ours.length],
    ['within the 0.5 % allowed', Math.floor(0.005 * everyday.words)],
    // (Its best score only: what it answers with a perfect or near-perfect match.)
    ['at its quietest', everyday.fuseBest.filter((score) => score <= Math.min(...everyday.fuseBest)).length],
  ] as const) {
    const f = fuseAtSilence(held, everyday, allowed);
    const limit = f.below === Infinity ? 'no score limit' : `scores below ${f.below.toFixed(4)}`;
    out.push(`  fuse.js ${name}: held-out recall ${pct(f.recall, 1).trim()} with ${pct(f.everyday, 1).trim()} of everyday words answering (${limit})`);
  }
  return out;
}
