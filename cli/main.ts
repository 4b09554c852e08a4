// mx-lookup: the editor's and the benchmark's command line.
import { createInterface } from 'node:readline';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { existsSync, statSync } from 'node:fs';
import { buildMatcher, type Matcher } from '../core/match/matcher';
import type { Hit } from '../core/match/types';
import { parseIndex } from '../core/index/schema';
import { formatProblem, validateEntries, type Problem } from '../core/index/validate';
import { assembleIndex, compileFolder } from './compile';
import { CliError, loadIndex, readIndexFile } from './default-index';
import { requiredConcepts } from './concepts';

const USAGE = `mx-lookup — MediXchange Lookup command line

  mx-lookup build <guidance-dir> -o <index.json>   compile Markdown entries into an index
  mx-lookup validate <guidance-dir | index.json>   print every problem as file: field: message
  mx-lookup query "<text>" [--json] [--index f]    what does a selection name? (best first)
  mx-lookup scan "<text>" [--json] [--index f]     every known term in a sentence or note
        (with "-" instead of a text: one query per line from standard input, one answer each)
  mx-lookup show <id> [--lang xx] [--index f]     print an entry as its card reads
  mx-lookup eval [queries.jsonl] [--index f]       score the matcher and fuse.js on evaluation queries
  mx-lookup bench [core|extension|widget ...]      benchmark against fuse.js and MiniSearch (all parts by default)
  mx-lookup demo [--port N]                        serve the demo pages on 127.0.0.1
`;

type Mode = 'query' | 'scan';

function jsonAnswer(query: string, hits: Hit[]): string {
  return JSON.stringify({
    query,
    hits: hits.map(({ id, term, kind, score, start, end }) => ({ id, term, kind, score, start, end })),
  });
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

async function answer(mode: Mode, text: string, json: boolean, indexPath: string | undefined): Promise<void> {
  const matcher = buildMatcher(await loadIndex(indexPath));
  const run = (query: string) => {
    const hits = mode === 'query' ? matcher.lookup(query) : matcher.scan(query);
    process.stdout.write(`${json ? jsonAnswer(query, hits) : humanAnswer(matcher, query, hits)}\n`);
  };
  if (text !== '-') return run(text);
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) run(line);
}

async function build(dir: string | undefined, out: string | undefined): Promise<void> {
  if (!dir || !out) throw new CliError('usage: mx-lookup build <guidance-dir> -o <index.json>');
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir}: not a folder`);
  const compiled = await compileFolder(dir);
  const problems = [...compiled.problems, ...validateEntries(compiled.entries, { fileOf: (e) => compiled.files.get(e) ?? e.id })];
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
    throw new CliError(`${problems.length} problem(s); no index written (run mx-lookup validate ${dir})`);
  }
  const index = assembleIndex(compiled.entries);
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
  const today = new Date().toISOString().slice(0, 10);
  if (statSync(target).isDirectory()) {
    const compiled = await compileFolder(target);
    const requiredIds = await requiredConcepts(target, conceptsFile);
    problems = [
      ...compiled.problems,
      ...validateEntries(compiled.entries, { fileOf: (e) => compiled.files.get(e) ?? e.id, requiredIds, today }),
    ];
    count = compiled.entries.length;
  } else {
    const index = await readIndexFile(target);
    problems = validateEntries(index.entries, { fileOf: (e) => `${target}#${e.id}`, today });
    count = index.entries.length;
  }
  for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
  if (problems.length > 0) throw new CliError(`${problems.length} problem(s) in ${count} entries`);
  process.stderr.write(`${count} entries, no problems\n`);
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      index: { type: 'string' },
      out: { type: 'string', short: 'o' },
      concepts: { type: 'string' },
      lang: { type: 'string' },
      port: { type: 'string' },
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
      await answer(command, text, values.json ?? false, values.index);
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
      const server = await startDemoServer(values.port ? Number(values.port) : 8080);
      process.stdout.write(`Demo on ${server.url}/
  hospital guidance page with the widget  ${server.url}/hospital.html
  Infobutton example links                ${server.url}/infobutton.html
  test EHR page (try the extension here)  ${server.url}/ehr/ehr.html
Ctrl+C stops it.
`);
      await new Promise(() => undefined);
      return 0;
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
