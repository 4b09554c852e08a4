// Sync costs with the default guidance published as a source and served by `mx-lookup serve`:
// bytes per sync (an unchanged index, one entry edited, the full bundle), counted as the body
// bytes the client received and as the bytes the server wrote (headers included, gzip applied),
// and the time from the start of a sync to the new index answering lookups.
// Part of `npm run bench` (`mx-lookup bench sync`).
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMatcher } from '../core/match/matcher';
import { syncSource } from '../core/sync/client';
import { mergeLayers } from '../core/sync/merge';
import type { GuidanceIndex } from '../core/index/types';
import type { SourceConfig, SourceState, SyncStorage } from '../core/sync/types';
import { defaultIndex, GUIDANCE_DIR } from './default-index';
import { startSourceServer } from './serve-source';
import { keygen, publish } from './source';

class Memory implements SyncStorage {
  index: GuidanceIndex | undefined;
  state: SourceState | undefined;
  async readIndex() {
    return this.index;
  }
  async writeIndex(_id: string, index: GuidanceIndex) {
    this.index = index;
  }
  async readState() {
    return this.state;
  }
  async writeState(_id: string, state: SourceState) {
    this.state = state;
  }
}

/** In the built extension: from "Sync now" to the background answering with the new entry (full bundle, then a delta). */
async function extensionSync(
  log: (line: string) => void,
  source: { guidance: string; keyFile: string; site: string; manifestUrl: string; publicKey: string },
): Promise<void> {
  const { EXTENSION_DIR, launchWithExtension } = await import('../tests/e2e/harness');
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    log('  extension: not built (npx wxt build), skipped');
    return;
  }
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const ask = (message: unknown) => page.evaluate(`chrome.runtime.sendMessage(${JSON.stringify(message)})`);
    const timeTo = async (request: unknown, marker: string) => {
      const started = performance.now();
      await ask(request);
      const reply = (await ask({ type: 'entry', id: 'prone-positioning' })) as { value: { keyPoints: { en: string[] } } };
      const ms = performance.now() - started;
      return { ms, ok: reply.value.keyPoints.en.join(' ').includes(marker) };
    };
    const add = await timeTo({ type: 'add-source', source: { name: 'Bench', manifestUrl: source.manifestUrl, publicKey: source.publicKey, priority: 10 } }, 'Reviewed again for the bench');
    const file = join(source.guidance, 'respiratory', 'prone-positioning.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('(Reviewed again for the bench.)', '(Reviewed a third time.)'));
    await publish(source.guidance, source.keyFile, source.site);
    const update = await timeTo({ type: 'sync' }, 'Reviewed a third time');
    log(`  extension (Chromium service worker), from the request to the new entry answering:`);
    log(`    add a source (full bundle, 845 KB)   ${add.ms.toFixed(0)} ms${add.ok ? '' : ' (the new entry did NOT answer)'}`);
    log(`    sync now (one entry edited, delta)   ${update.ms.toFixed(0)} ms${update.ok ? '' : ' (the new entry did NOT answer)'}`);
  } finally {
    await browser.close();
  }
}

export async function runSyncBench(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mx-bench-sync-'));
  try {
    log('\n== sync: the default guidance as a source, served by mx-lookup serve (gzip, ETag)');
    const guidance = join(dir, 'guidance');
    cpSync(GUIDANCE_DIR, guidance, { recursive: true });
    await keygen(join(dir, 'keys'));
    const keyFile = join(dir, 'keys', 'source.key');
    const site = join(dir, 'site');
    await publish(guidance, keyFile, site, { source: 'bench' });
    const server = await startSourceServer(site);
    const storage = new Memory();
    const config: SourceConfig = {
      id: 'bench',
      name: 'bench',
      manifestUrl: `${server.url}/manifest.json`,
      publicKey: readFileSync(join(dir, 'keys', 'source.pub'), 'utf8').trim(),
      priority: 10,
      enabled: true,
    };
    const base = await defaultIndex();
    const deps = { fetch, storage, now: Date.now, random: Math.random };
    const rows: string[] = [];
    /** One sync, then the merged matcher built and asked one lookup: the time until the new index answers. */
    const measure = async (label: string) => {
      const wireBefore = server.bytesSent();
      const started = performance.now();
      const outcome = await syncSource(config, deps);
      if (outcome.index) buildMatcher(mergeLayers([{ index: base, priority: 0 }, { index: outcome.index, priority: 10 }]).index).lookup('HFNC');
      const ms = performance.now() - started;
      await new Promise((r) => setTimeout(r, 50)); // let the socket counters settle
      const wire = server.bytesSent() - wireBefore;
      rows.push(`  ${label.padEnd(34)} ${outcome.result.padEnd(13)} body ${String(outcome.bytes).padStart(8)} B   on the wire ${String(wire).padStart(7)} B   ${ms.toFixed(0).padStart(5)} ms to answering`);
      return outcome;
    };
    await measure('first sync (full bundle)');
    await measure('unchanged index');
    const file = join(guidance, 'respiratory', 'prone-positioning.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n- /, '\n- (Reviewed again for the bench.) '));
    await publish(guidance, keyFile, site);
    const delta = await measure('one entry edited (delta)');
    storage.index = undefined; // as a new client would
    storage.state = undefined;
    await measure('full bundle (new client)');
    for (const row of rows) log(row);
    log(`  delta target ≤5 KB: ${delta.result === 'delta' && delta.bytes <= 5 * 1024 ? 'met' : 'NOT MET'} (${delta.bytes} B body)`);
    await extensionSync(log, { guidance, keyFile, site, manifestUrl: config.manifestUrl, publicKey: config.publicKey });
    await server.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
