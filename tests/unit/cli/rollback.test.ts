// Issue 16's first defect, as hospital IT would meet it: with version 2 installed, a damaged state
// file and a server that offers the older, validly signed version 1 must never roll the state folder
// back. Every kind of damage to state.json, against the real files `mx-lookup pull` uses.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSourceServer, type SourceServer } from '../../../cli/serve-source';
import { CLI, FIXTURE_GUIDANCE } from '../paths';

const exec = promisify(execFile);
async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await exec(process.execPath, [CLI, ...args], { timeout: 90_000 });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

let dir: string;
let old: SourceServer;
const state = () => join(dir, 'state');
const installedVersion = () => (JSON.parse(readFileSync(join(state(), 'index.json'), 'utf8')) as { version: number }).version;
const pull = async (url: string) => JSON.parse((await cli(['pull', `${url}/manifest.json`, '--key', join(dir, 'keys', 'source.pub'), '--state', state(), '--json'])).stdout.trim()) as { result: string; version?: number; reason?: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mx-rollback-'));
  cpSync(FIXTURE_GUIDANCE, join(dir, 'guidance'), { recursive: true });
  await cli(['keygen', join(dir, 'keys')]);
  const publish = () => cli(['publish', join(dir, 'guidance'), '--key', join(dir, 'keys', 'source.key'), '--out', join(dir, 'site')]);
  await publish();
  cpSync(join(dir, 'site'), join(dir, 'site-v1'), { recursive: true });
  const file = join(dir, 'guidance', 'respiratory', 'prone-positioning.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('not clinical guidance.', 'not clinical guidance (v2).'));
  await publish();
  const current = await startSourceServer(join(dir, 'site'), 0);
  expect((await pull(current.url)).version).toBe(2);
  await current.close();
  old = await startSourceServer(join(dir, 'site-v1'), 0);
}, 120_000);
afterAll(async () => {
  await old?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a damaged state file never lowers the installed version', () => {
  const damage: [string, () => void][] = [
    ['garbage', () => writeFileSync(join(state(), 'state.json'), 'garbage{')],
    ['empty', () => writeFileSync(join(state(), 'state.json'), '')],
    ['another shape', () => writeFileSync(join(state(), 'state.json'), '{"version": "two", "status": {}}')],
    ['an older version recorded', () => writeFileSync(join(state(), 'state.json'), JSON.stringify({ version: 0, status: { failures: 0 } }))],
    ['deleted', () => unlinkSync(join(state(), 'state.json'))],
  ];
  for (const [kind, harm] of damage)
    it(`state ${kind}: the older version 1 is refused and version 2 stays installed`, async () => {
      harm();
      const outcome = await pull(old.url);
      expect(outcome.result).toBe('refused');
      expect(outcome.reason).toMatch(/older than the installed version 2/);
      expect(installedVersion()).toBe(2);
    }, 60_000);
});

describe('a damaged index file never lowers the installed version, and the next pull repairs it', () => {
  const indexFile = () => join(state(), 'index.json');
  const damage: [string, () => void][] = [
    ['unreadable', () => writeFileSync(indexFile(), 'garbage{')],
    ['truncated', () => writeFileSync(indexFile(), readFileSync(indexFile(), 'utf8').slice(0, 2000))],
    ['of another source', () => writeFileSync(indexFile(), JSON.stringify({ ...JSON.parse(readFileSync(indexFile(), 'utf8')), source: 'another-hospital' }))],
  ];
  for (const [kind, harm] of damage)
    it(`index ${kind}: the older version 1 is refused; once the server offers version 2 again, version 2 is installed and recorded`, async () => {
      harm();
      const outcome = await pull(old.url);
      expect(outcome.result).toBe('refused');
      expect(outcome.reason).toMatch(/older than the installed version 2/);
      const current = await startSourceServer(join(dir, 'site'), 0);
      try {
        const next = await pull(current.url);
        expect(['full', 'delta', 'not-modified']).toContain(next.result);
        expect(installedVersion()).toBe(2);
        expect(JSON.parse(readFileSync(join(state(), 'index.json'), 'utf8')).source).not.toBe('another-hospital');
        expect(JSON.parse(readFileSync(join(state(), 'state.json'), 'utf8'))).toMatchObject({ version: 2 });
      } finally {
        await current.close();
      }
    }, 60_000);
});
