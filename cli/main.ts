// mx-lookup: the editor's and the benchmark's command line.
import { createInterface } from 'node:readline';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import { buildMatcher, type Matcher } from '../core/match/matcher';
import type { Hit } from '../core/match/types';
import { parseIndex } from '../core/index/schema';
import type { Entry } from '../core/index/types';
import { formatCoverage, formatProblem, validateEntries, type Problem } from '../core/index/validate';
import { assembleIndex, compileFolder } from './compile';
import { CliError, loadIndex, readIndexFile } from './default-index';
import { languagePolicy, requiredConcepts } from './concepts';

const USAGE = `mx-lookup — MediXchange Lookup command line

  mx-lookup build <guidance-dir> -o <index.json>   compile Markdown entries into an index
  mx-lookup validate <guidance-dir | index.json>   print every problem as file: field: message
  mx-lookup query "<text>" [--json] [--index f]    what does a selection name? (best first)
        [--context "<paragraph>"]                  the text the selection was made in
  mx-lookup scan "<text>" [--json] [--index f]     every known term in a sentence or note
        (with "-" instead of a text: one query per line from standard input, one answer each;
         a line may be {"q": "<selection>", "context": "<paragraph>"})
  mx-lookup show <id> [--lang xx] [--index f]     print an entry as its card reads
  mx-lookup eval [queries.jsonl] [--index f]       score the matcher and fuse.js on evaluation queries
  mx-lookup bench [core|extension|widget|sync]    benchmark against fuse.js and MiniSearch (all parts by default)
  mx-lookup demo [--port N] [--compress]           serve the demo pages on 127.0.0.1 (--compress: gzip/brotli, as nginx's gzip on)

Signed guidance sources:
  mx-lookup keygen <dir>                           write <dir>/source.key (private, 0600) and <dir>/source.pub
  mx-lookup publish <guidance-dir> --key <dir>/source.key --out <site-dir> [--source id]
                                                   sign and write the next version, with deltas
  mx-lookup serve <site-dir> [--port N]            serve a source folder on 127.0.0.1 (ETag, gzip, CORS)
  mx-lookup pull <manifest-url> --key <public-key-file> --state <state-dir> [--json]
                                                   sync a source into <state-dir>/index.json
`;

type Mode = 'query' | 'scan';

function jsonAnswer(query: string, hits: Hit[]): string {
  return JSON.stringify({
    query,
    hits: hits.map(({ id, term, kind, score, start, end, nested, assertion, value }) => ({
      id,
      term,
      kind,
      score,
      start,
      end,
      ...(nested ? { nested } : {}),
      ...(assertion ? { assertion } : {}),
      ...(value ? { value } : {}),
    })),
  });
}

/** A line of standard input: plain text, or `{"q": "<selection>", "context": "<paragraph>"}`. */
export function parseQueryLine(line: string): { q: string; context?: string } {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return { q: line };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return { q: line };
  }
  const { q, context } = (value ?? {}) as { q?: unknown; context?: unknown };
  if (typeof q !== 'string') throw new CliError(`a JSON query line needs "q" (a string): ${trimmed.slice(0, 80)}`);
  if (context !== undefined && typeof context !== 'string') throw new CliError(`"context" must be a string: ${trimmed.slice(0, 80)}`);
  return context === undefined ? { q } : { q, context };
}

function humanAnswer(matcher: Matcher, query: string, hits: Hit[]): string {
  if (hits.length === 0) return `${query}\n  (no match)`;
  const lines = hits.map((hit, i) => {
    const title = matcher.entry(hit.id)?.title.en ?? hit.id;
    const words = query.slice(hit.start, hit.end);
    return `  ${i + 1}. ${title} [${hit.id}]  ${hit.kind} ${hit.score.toFixed(2)}  "${words}" → "${hit.term}" (${hit.start}-${hit.end})`;
  });
  return `${query}\n${lines.join('\n')}`;
}

async function answer(mode: Mode, text: string, options: { json: boolean; index?: string; context?: string }): Promise<void> {
  const matcher = buildMatcher(await loadIndex(options.index));
  const run = (query: string, context?: string) => {
    const hits = mode === 'query' ? matcher.lookup(query, { context }) : matcher.scan(query);
    process.stdout.write(`${options.json ? jsonAnswer(query, hits) : humanAnswer(matcher, query, hits)}\n`);
  };
  if (text !== '-') {
    if (options.context !== undefined && !options.context.includes(text)) throw new CliError('--context must contain the query text');
    return run(text, options.context);
  }
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    const { q, context } = parseQueryLine(line);
    run(q, context);
  }
}

async function build(dir: string | undefined, out: string | undefined): Promise<void> {
  if (!dir || !out) throw new CliError('usage: mx-lookup build <guidance-dir> -o <index.json>');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir}: not a folder`);
  const { compileValid } = await import('./source');
  const index = assembleIndex(await compileValid(dir, 'no index written'));
  // What we ship must pass the loader's schema: the extension trusts its bundled index.
  const checked = parseIndex(JSON.parse(JSON.stringify(index)));
  if (!checked.ok) throw new CliError(`built index fails the schema: ${checked.problems.slice(0, 3).join('; ')}`);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(index));
  const terms = index.entries.reduce((n, e) => n + e.terms.length, 0);
  process.stdout.write(`${out}: ${index.entries.length} entries, ${terms} terms, ${index.lexicon.nearWords.length} near words\n`);
}

async function validate(target: string | undefined, conceptsFile: string | undefined): Promise<void> {
  if (!target) throw new CliError('usage: mx-lookup validate <guidance-dir | index.json>');
  if (!existsSync(target)) throw new CliError(`${target}: no such file or folder`);
  let problems: Problem[];
  let count: number;
  let entries: readonly Entry[];
  const today = new Date().toISOString().slice(0, 10);
  if (statSync(target).isDirectory()) {
    const compiled = await compileFolder(target);
    const requiredIds = await requiredConcepts(target, conceptsFile);
    const languages = await languagePolicy(target);
    entries = compiled.entries;
    problems = [
      ...compiled.problems,
      ...validateEntries(compiled.entries, {
        fileOf: (e) => compiled.files.get(e) ?? e.id,
        requiredIds,
        today,
        languages: languages.cards,
        keyPointLanguages: languages.keyPoints,
        termLanguages: languages.terms,
      }),
    ];
    count = compiled.entries.length;
  } else {
    const index = await readIndexFile(target);
    entries = index.entries;
    problems = validateEntries(index.entries, { fileOf: (e) => `${target}#${e.id}`, today });
    count = index.entries.length;
  }
  for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
  if (problems.length > 0) throw new CliError(`${problems.length} problem(s) in ${count} entries`);
  process.stderr.write(`${count} entries, no problems\n${codeCoverage(entries)}${formatCoverage(entries)}`);
}

/** Which code systems the entries carry, overall and where an EHR asks by them (medicines: RxNorm; conditions, findings, procedures: SNOMED CT). */
function codeCoverage(entries: readonly Entry[]): string {
  const count = (system: string, of = entries) => of.filter((e) => e.codes.some((c) => c.system === system)).length;
  const systems = ['icd10', 'icd10cm', 'snomed', 'loinc', 'atc', 'rxnorm'].map((s) => `${s} ${count(s)}`).join(', ');
  const medicines = entries.filter((e) => e.type === 'medicine');
  const clinical = entries.filter((e) => e.type === 'condition' || e.type === 'finding' || e.type === 'procedure');
  return `codes (entries with at least one): ${systems} of ${entries.length}; medicines with RxNorm ${count('rxnorm', medicines)}/${medicines.length}; conditions, findings and procedures with SNOMED CT ${count('snomed', clinical)}/${clinical.length}\n`;
}

function portOf(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port ${text}: not a port number (0-65535)`);
  return port;
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      context: { type: 'string' },
      index: { type: 'string' },
      out: { type: 'string', short: 'o' },
      concepts: { type: 'string' },
      lang: { type: 'string' },
      port: { type: 'string' },
      key: { type: 'string' },
      state: { type: 'string' },
      source: { type: 'string' },
      'source-site': { type: 'string' },
      compress: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  switch (command) {
    case 'query':
    case 'scan': {
      const text = rest.join(' ');
      if (rest.length === 0) throw new CliError(`usage: mx-lookup ${command} "<text>" [--json] (or - to read standard input)`);
      await answer(command, text, { json: values.json ?? false, index: values.index, context: values.context });
      return 0;
    }
    case 'build':
      await build(rest[0], values.out);
      return 0;
    case 'show': {
      const { showEntry } = await import('./show');
      if (!rest[0]) throw new CliError('usage: mx-lookup show <id> [--lang xx]');
      process.stdout.write(showEntry(await loadIndex(values.index), rest[0], values.lang ?? 'en'));
      return 0;
    }
    case 'validate':
      await validate(rest[0], values.concepts);
      return 0;
    case 'eval': {
      const { runEval } = await import('./eval');
      await runEval(rest[0], values.index);
      return 0;
    }
    case 'demo': {
      const { startDemoServer } = await import('./serve-demo');
      const port = portOf(values.port, 8080);
      const server = await startDemoServer(port, {}, { compress: values.compress });
      process.stdout.write(`Demo on ${server.url}/
  hospital guidance page with the widget  ${server.url}/hospital.html
  Infobutton example links                ${server.url}/infobutton.html
  test EHR page (try the extension here)  ${server.url}/ehr/ehr.html
  React app using the widget's npm package ${server.url}/react/
`);
      const site = values['source-site'];
      if (site) {
        // The default guidance published as a signed source, to try syncing by hand.
        const { startSourceServer } = await import('./serve-source');
        const { readFile } = await import('node:fs/promises');
        const source = await startSourceServer(site, port === 0 ? 0 : port + 10);
        const manifest = `${source.url}/manifest.json`;
        const key = values.key ? (await readFile(values.key, 'utf8')).trim() : '(see the source.pub next to the site folder)';
        process.stdout.write(`  demo guidance source (signed)           ${manifest}
      public key                          ${key}
      widget following it                 ${server.url}/source.html?source=${encodeURIComponent(manifest)}&key=${encodeURIComponent(key)}
      extension: options → "Add a source" with the manifest address and public key above;
      republish after editing guidance/: npx mx-lookup publish guidance --key ${values.key ? values.key.replace(/source\.pub$/, 'source.key') : '<dir>/source.key'} --out ${site}
`);
      }
      process.stdout.write('Ctrl+C stops it.\n');
      await new Promise(() => undefined);
      return 0;
    }
    case 'keygen': {
      const { keygen } = await import('./source');
      process.stdout.write(await keygen(rest[0]));
      return 0;
    }
    case 'publish': {
      const { publish } = await import('./source');
      process.stdout.write(await publish(rest[0], values.key, values.out, { source: values.source }));
      return 0;
    }
    case 'serve': {
      if (!rest[0] || !existsSync(join(rest[0], 'manifest.json'))) throw new CliError('usage: mx-lookup serve <site-dir> [--port N] (a folder written by mx-lookup publish)');
      const { startSourceServer } = await import('./serve-source');
      const server = await startSourceServer(rest[0], portOf(values.port, 8090));
      process.stdout.write(`serving ${rest[0]} at ${server.url}/manifest.json (Ctrl+C stops it)\n`);
      await new Promise(() => undefined);
      return 0;
    }
    case 'pull': {
      const { pull, pullLine } = await import('./source');
      const outcome = await pull(rest[0], { keyFile: values.key, stateDir: values.state });
      if (values.json) process.stdout.write(`${pullLine(outcome)}\n`);
      else {
        const what = { full: 'installed the full bundle', delta: 'installed an update (delta)', 'not-modified': 'already up to date', refused: 'refused', failed: 'failed' }[outcome.result];
        process.stdout.write(`${what}: version ${outcome.version ?? '(none)'}, ${outcome.bytes} bytes received${outcome.reason ? `\n  ${outcome.reason}` : ''}\n`);
      }
      return outcome.result === 'refused' || outcome.result === 'failed' ? 1 : 0;
    }
    case 'bench': {
      const { runBench } = await import('./bench');
      await runBench(rest);
      return 0;
    }
    default:
      throw new CliError(`unknown command "${command}" (try mx-lookup --help)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message = error instanceof CliError || (error instanceof Error && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))
      ? error.message
      : `internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    process.stderr.write(`mx-lookup: ${message}\n`);
    process.exitCode = 1;
  },
);
