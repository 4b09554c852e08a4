// mx-lookup keygen | publish | serve | pull, as scripts and hospital IT would run them.
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIndex } from '../../../core/index/schema';
import { startSourceServer, type SourceServer } from '../../../cli/serve-source';
import { CLI, FIXTURE_GUIDANCE } from '../paths';

const exec = promisify(execFile);

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [CLI, ...args], { timeout: 90_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
let server: SourceServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mx-cli-source-'));
  cpSync(FIXTURE_GUIDANCE, join(dir, 'guidance'), { recursive: true });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('mx-lookup keygen', () => {
  it('writes a private key readable only by its owner and a one-line public key, and never prints the private key', async () => {
    const { code, stdout } = await cli(['keygen', join(dir, 'keys')]);
    expect(code).toBe(0);
    const key = readFileSync(join(dir, 'keys', 'source.key'), 'utf8').trim();
    const pub = readFileSync(join(dir, 'keys', 'source.pub'), 'utf8');
    expect(statSync(join(dir, 'keys', 'source.key')).mode & 0o777).toBe(0o600);
    expect(pub).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    expect(stdout).toContain(pub.trim());
    expect(stdout).not.toContain(key);
  });

  it('refuses to overwrite an existing key', async () => {
    const before = readFileSync(join(dir, 'keys', 'source.key'), 'utf8');
    const { code, stderr } = await cli(['keygen', join(dir, 'keys')]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/exists already/);
    expect(readFileSync(join(dir, 'keys', 'source.key'), 'utf8')).toBe(before);
  });
});

describe('mx-lookup publish, serve and pull', () => {
  const key = () => join(dir, 'keys', 'source.key');
  const pub = () => join(dir, 'keys', 'source.pub');
  const site = () => join(dir, 'site');
  const state = () => join(dir, 'state');
  const pull = async (keyFile = pub()) => {
    const r = await cli(['pull', `${server.url}/manifest.json`, '--key', keyFile, '--state', state(), '--json']);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    return { code: r.code, line: JSON.parse(lines[0] as string) as Record<string, unknown> };
  };
  const installed = () => parseIndex(JSON.parse(readFileSync(join(state(), 'index.json'), 'utf8')));

  it('publishes version 1, and refuses nothing-changed republishing', async () => {
    const first = await cli(['publish', join(dir, 'guidance'), '--key', key(), '--out', site()]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/version 1, 18 entries/);
    const again = await cli(['publish', join(dir, 'guidance'), '--key', key(), '--out', site()]);
    expect(again.stdout).toMatch(/nothing published/);
    server = await startSourceServer(site());
  });

  it('serves with ETag, 304, gzip, cache headers and CORS, on 127.0.0.1', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const manifest = await fetch(`${server.url}/manifest.json`);
    const etag = manifest.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(manifest.headers.get('cache-control')).toBe('no-cache');
    expect(manifest.headers.get('access-control-allow-origin')).toBe('*');
    const again = await fetch(`${server.url}/manifest.json`, { headers: { 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
    const body = (await manifest.json()) as { bundle: { url: string } };
    const raw = await new Promise<{ encoding?: string; cache?: string; bytes: Buffer }>((resolve, reject) => {
      import('node:http').then(({ get }) =>
        get(`${server.url}/${body.bundle.url}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], cache: res.headers['cache-control'], bytes: Buffer.concat(chunks) }));
        }).on('error', reject),
      );
    });
    expect(raw.encoding).toBe('gzip');
    expect(raw.cache).toMatch(/immutable/);
    expect(JSON.parse(gunzipSync(raw.bytes).toString('utf8')).format).toBe('mx-lookup-index');
    const preflight = await fetch(`${server.url}/manifest.json`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
  });

  it('pull with a wrong key refuses, and index.json is still a valid index', async () => {
    writeFileSync(join(dir, 'other.pub'), 'zPmDcRGBvDicj7tPzVCTn8P0VCzrB/UE5BeFUOkOZqM=\n');
    const { code, line } = await pull(join(dir, 'other.pub'));
    expect(code).toBe(1);
    expect(line).toMatchObject({ result: 'refused' });
    expect(String(line.reason)).toMatch(/signature/);
    expect(installed().ok).toBe(true);
  });

  it('pull --json prints the one-line contract: full, then not-modified with 0 bytes', async () => {
    const first = await pull();
    expect(first.code).toBe(0);
    expect(Object.keys(first.line)).toEqual(['result', 'version', 'bytes', 'reason']);
    expect(first.line).toMatchObject({ result: 'full', version: 1, reason: null });
    expect(first.line.bytes).toBeGreaterThan(1000);
    const second = await pull();
    expect(second.line).toEqual({ result: 'not-modified', version: 1, bytes: 0, reason: null });
    const index = installed();
    expect(index.ok && index.index.version).toBe(1);
  });

  it('after an edit, pull takes a small delta, and query --index answers from it', async () => {
    const file = join(dir, 'guidance', 'respiratory', 'prone-positioning.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('not clinical guidance.', 'not clinical guidance (edited).'));
    expect((await cli(['publish', join(dir, 'guidance'), '--key', key(), '--out', site()])).stdout).toMatch(/version 2/);
    const { line } = await pull();
    expect(line).toMatchObject({ result: 'delta', version: 2 });
    expect(line.bytes).toBeLessThan(5 * 1024);
    expect(existsSync(join(state(), 'index.previous.json'))).toBe(true);
    const q = await cli(['show', 'prone-positioning', '--index', join(state(), 'index.json')]);
    expect(q.stdout).toContain('(edited)');
  });

  it('with the server gone, pull fails, says why, and keeps the installed index', async () => {
    const url = server.url;
    await server.close();
    const r = await cli(['pull', `${url}/manifest.json`, '--key', pub(), '--state', state(), '--json']);
    const line = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(r.code).toBe(1);
    expect(line).toMatchObject({ result: 'failed', version: 2, bytes: 0 });
    expect(String(line.reason)).toMatch(/could not reach/i);
    const index = installed();
    expect(index.ok && index.index.version).toBe(2);
    server = await startSourceServer(site());
  });

  it('serve prints its URL and binds to 127.0.0.1', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', site(), '--port', '0']);
    const line = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
    child.kill();
    expect(line).toMatch(/^serving .* at http:\/\/127\.0\.0\.1:\d+\/manifest\.json/);
  });

  it('usage errors are one line and a non-zero exit', async () => {
    const r = await cli(['pull', 'http://127.0.0.1:9/manifest.json']);
    expect(r.code).not.toBe(0);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/usage: mx-lookup pull/);
  });
});
