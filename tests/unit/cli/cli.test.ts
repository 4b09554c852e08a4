import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, FIXTURE_GUIDANCE, FIXTURE_INDEX } from '../paths';

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('mx-lookup query and scan', () => {
  it('answers query --json with exactly one JSON object on one line', () => {
    const { code, stdout } = run(['query', 'HFNC', '--json', '--index', FIXTURE_INDEX]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] as string) as { query: string; hits: Record<string, unknown>[] };
    expect(answer.query).toBe('HFNC');
    expect(answer.hits[0]).toEqual({ id: 'high-flow-nasal-cannula', term: 'HFNC', kind: 'abbreviation', score: 0.96, start: 0, end: 4 });
    expect(Object.keys(answer.hits[0] ?? {})).toEqual(['id', 'term', 'kind', 'score', 'start', 'end']);
  });

  it('scans a sentence, hits in text order', () => {
    const { stdout } = run(['scan', 'SOB on HFNC, give dexamethasone', '--json', '--index', FIXTURE_INDEX]);
    const answer = JSON.parse(stdout) as { hits: { id: string }[] };
    expect(answer.hits.map((h) => h.id)).toEqual(['dyspnea', 'high-flow-nasal-cannula', 'dexamethasone']);
  });

  it('reads one query per line from standard input with -', () => {
    const { stdout } = run(['query', '-', '--json', '--index', FIXTURE_INDEX], 'HFNC\nspoon\n地塞米松\n');
    const answers = stdout.trim().split('\n').map((l) => JSON.parse(l) as { query: string; hits: { id: string }[] });
    expect(answers.map((a) => a.query)).toEqual(['HFNC', 'spoon', '地塞米松']);
    expect(answers.map((a) => a.hits[0]?.id ?? null)).toEqual(['high-flow-nasal-cannula', null, 'dexamethasone']);
  });

  it('prints readable results without --json', () => {
    const { stdout } = run(['query', 'Decadron', '--index', FIXTURE_INDEX]);
    expect(stdout).toContain('Dexamethasone [dexamethasone]  brand');
  });

  it('fails with one clear line on bad input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mx-cli-'));
    writeFileSync(join(dir, 'broken.json'), '{"format": "mx-lookup-index"');
    for (const [args, pattern] of [
      [['query', 'HFNC', '--index', join(dir, 'nope.json')], /cannot read index file/],
      [['query', 'HFNC', '--index', join(dir, 'broken.json')], /not valid JSON/],
      [['query'], /usage: mx-lookup query/],
      [['frobnicate'], /unknown command "frobnicate"/],
      [['query', 'x', '--bogus'], /Unknown option '--bogus'/],
    ] as const) {
      const { code, stderr } = run([...args]);
      expect(code).not.toBe(0);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(pattern);
    }
  });
});

describe('mx-lookup build and validate', () => {
  it('builds an index that query can use', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mx-build-'));
    const out = join(dir, 'index.json');
    const { code, stdout } = run(['build', FIXTURE_GUIDANCE, '-o', out]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/18 entries/);
    const index = JSON.parse(readFileSync(out, 'utf8')) as { entries: unknown[]; format: string };
    expect(index.format).toBe('mx-lookup-index');
    expect(index.entries).toHaveLength(18);
  }, 60_000);

  it('prints every problem as file: field: message and refuses to build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mx-validate-'));
    cpSync(FIXTURE_GUIDANCE, join(dir, 'guidance'), { recursive: true });
    const file = join(dir, 'guidance', 'therapeutics', 'remdesivir.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('url: https://example.org/fixture', 'url: not-a-url').replace('related: []', 'related: [ghost]'));
    mkdirSync(join(dir, 'guidance', 'disease'), { recursive: true });
    writeFileSync(join(dir, 'guidance', 'disease', 'broken.md'), '---\nid: [unclosed\n---\n');
    const { code, stdout } = run(['validate', join(dir, 'guidance')]);
    expect(code).toBe(1);
    expect(stdout).toContain('guidance/therapeutics/remdesivir.md: sources[0].url: "not-a-url" is not an http(s) URL');
    expect(stdout).toContain('guidance/therapeutics/remdesivir.md: related[0]: unknown entry id "ghost"');
    expect(stdout).toMatch(/guidance\/disease\/broken\.md: front matter: not valid YAML/);
    const built = run(['build', join(dir, 'guidance'), '-o', join(dir, 'index.json')]);
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/no index written/);
  }, 60_000);
});
