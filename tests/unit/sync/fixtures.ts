// Published test sources and a fault-injecting HTTP server on 127.0.0.1 for the sync tests.
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GuidanceIndex } from '../../../core/index/types';
import type { SourceState, SyncStorage } from '../../../core/sync/types';
import { keygen, publish } from '../../../cli/source';
import { FIXTURE_GUIDANCE } from '../paths';

export interface PublishedSource {
  dir: string;
  guidance: string;
  site: string;
  keyFile: string;
  publicKey: string;
  /** The signed manifest of version 1, kept aside (for rollback tests). */
  manifestV1: string;
  cleanup(): void;
}

/** A source published twice: version 1 from the fixture guidance, version 2 with one summary edited. */
export async function publishedSource(sourceId = 'fixture'): Promise<PublishedSource> {
  const dir = mkdtempSync(join(tmpdir(), 'mx-source-'));
  const guidance = join(dir, 'guidance');
  cpSync(FIXTURE_GUIDANCE, guidance, { recursive: true });
  await keygen(join(dir, 'keys'));
  const keyFile = join(dir, 'keys', 'source.key');
  const site = join(dir, 'site');
  const now = new Date('2026-11-01T10:00:00Z');
  await publish(guidance, keyFile, site, { source: sourceId, now });
  const manifestV1 = readFileSync(join(site, 'manifest.json'), 'utf8');
  editSummary(guidance, 'prone-positioning', 'edited once');
  await publish(guidance, keyFile, site, { now: new Date('2026-11-02T10:00:00Z') });
  return {
    dir,
    guidance,
    site,
    keyFile,
    publicKey: readFileSync(join(dir, 'keys', 'source.pub'), 'utf8').trim(),
    manifestV1,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Changes the English summary of a fixture entry (a file under respiratory/). */
export function editSummary(guidance: string, id: string, words: string): void {
  const file = join(guidance, 'respiratory', `${id}.md`);
  const text = readFileSync(file, 'utf8').replace(/(## en: [^\n]*\n\n)([^\n]*)/, (_all, head: string, summary: string) => `${head}${summary.replace(/\.$/, '')}, ${words}.`);
  writeFileSync(file, text);
}

export type Fault = 'none' | 'offline' | 'http500' | 'timeout' | 'truncate';

export interface FaultServer {
  url: string;
  manifestUrl: string;
  fault: Fault;
  /** Paths answered with this content instead of the file. */
  overrides: Map<string, string | Buffer>;
  requests: string[];
  close(): Promise<void>;
}

export function startFaultServer(site: string): Promise<FaultServer> {
  const state = { fault: 'none' as Fault, overrides: new Map<string, string | Buffer>(), requests: [] as string[] };
  const server = createServer((req, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    state.requests.push(path);
    // CORS as a CDN would send it, so the extension and pages on other origins can sync.
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'if-none-match');
    res.setHeader('access-control-expose-headers', 'etag');
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    if (state.fault === 'offline') {
      req.socket.destroy();
      return;
    }
    if (state.fault === 'timeout') return; // never answers
    if (state.fault === 'http500') {
      res.writeHead(500, { 'content-type': 'text/plain' }).end('internal error');
      return;
    }
    let body: Buffer;
    try {
      const override = state.overrides.get(path);
      body = override !== undefined ? Buffer.from(override) : readFileSync(join(site, path));
    } catch {
      res.writeHead(404).end();
      return;
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    if (state.fault === 'truncate' && path.startsWith('/bundles/')) {
      res.writeHead(200, { 'content-length': String(body.length), etag });
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      setTimeout(() => req.socket.destroy(), 20);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length), etag }).end(body);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}`;
      resolve({
        url,
        manifestUrl: `${url}/manifest.json`,
        get fault() {
          return state.fault;
        },
        set fault(f: Fault) {
          state.fault = f;
        },
        overrides: state.overrides,
        requests: state.requests,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** SyncStorage in memory, keeping the previous index like the real ones. */
export class MemoryStorage implements SyncStorage {
  indexes = new Map<string, GuidanceIndex>();
  previous = new Map<string, GuidanceIndex>();
  states = new Map<string, SourceState>();
  async readIndex(id: string) {
    return this.indexes.get(id);
  }
  async writeIndex(id: string, index: GuidanceIndex) {
    const current = this.indexes.get(id);
    if (current) this.previous.set(id, current);
    this.indexes.set(id, structuredClone(index));
  }
  async readState(id: string) {
    return this.states.get(id);
  }
  async writeState(id: string, state: SourceState) {
    this.states.set(id, structuredClone(state));
  }
}
