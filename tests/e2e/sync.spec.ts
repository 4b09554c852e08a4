// Guidance sources in the built extension (real Chromium): a user adds a signed source in the
// options, it syncs and its entries override the bundled ones; server faults keep the last good
// index and show a status, and the next sync after the fix succeeds; a removal is honoured;
// hospital IT's managed policy adds a locked source and locks the triggers.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { publish } from '../../cli/source';
import type { Manifest } from '../../core/sync/types';
import { fromBase64, generateKeyPair, sha256Hex, signManifest } from '../../core/sync/verify';
import { editSummary, publishedSource, startFaultServer, type FaultServer, type PublishedSource } from '../unit/sync/fixtures';
import { alterRecords, firstRecord, launchWithExtension, POPOVER, serveFixtures, wordPoint, type ExtensionBrowser, type FixtureServer } from './harness';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let source: PublishedSource;
let server: FaultServer;
let browser: ExtensionBrowser;
let pages: FixtureServer;
let options: Page;

test.beforeAll(async () => {
  source = await publishedSource('riverside');
  server = await startFaultServer(source.site);
  pages = await serveFixtures();
  browser = await launchWithExtension();
  options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
  await pages?.close();
  source?.cleanup();
});

// Source ids are a slug of the name and a hash of the manifest URL and key.
const SOURCE = '[data-source-id^="riverside-protocols-"]';

/** An entry as the background answers it now (asked from the options page). */
async function entry(id: string): Promise<{ summary: { en: string } } | null> {
  const reply = (await options.evaluate(`chrome.runtime.sendMessage({ type: 'entry', id: ${JSON.stringify(id)} })`)) as { ok: boolean; value: { summary: { en: string } } | null };
  return reply.value;
}

/** When the test source last tried to sync (its status, from the background). */
async function lastAttempt(): Promise<string | undefined> {
  const reply = (await options.evaluate(`chrome.runtime.sendMessage({ type: 'sources' })`)) as { value: { sources: { config: { id: string }; state: { status: { lastAttempt?: string } } }[] } };
  return reply.value.sources.find((s) => s.config.id.startsWith('riverside-protocols-'))?.state.status.lastAttempt;
}

/** Clicks "Sync now" and waits until that sync has run (not just until the list is idle: it may not have started yet). */
async function syncNow(): Promise<void> {
  const before = await lastAttempt();
  await options.locator(`${SOURCE} .mx-sync-one`).click();
  await expect.poll(lastAttempt).not.toBe(before);
  await expect(options.locator('#sources')).toHaveAttribute('aria-busy', 'false');
}

async function resign(change: (m: Omit<Manifest, 'signature'>) => Omit<Manifest, 'signature'>): Promise<string> {
  const { signature: _s, ...unsigned } = JSON.parse(readFileSync(join(source.site, 'manifest.json'), 'utf8')) as Manifest;
  return JSON.stringify(await signManifest(change(unsigned), fromBase64(readFileSync(source.keyFile, 'utf8')) as Uint8Array));
}

test('a user adds a source in the options; it syncs and overrides the bundled entry', async () => {
  const form = options.locator('#add-source');
  await form.getByLabel('Name').fill('Riverside protocols');
  await form.getByLabel(/Manifest address/).fill(server.manifestUrl);
  await form.getByLabel(/Public key/).fill('not a key');
  await form.getByRole('button', { name: /Add and sync/ }).click();
  await expect(options.locator('.mx-problems')).toContainText('public key');
  await form.getByLabel(/Public key/).fill(source.publicKey);
  await form.getByRole('button', { name: /Add and sync/ }).click();
  await expect(options.locator(`${SOURCE} .mx-source-status`)).toContainText('version 2');
  expect((await entry('prone-positioning'))?.summary.en).toContain('edited once');
  expect(await entry('ards')).not.toBeNull(); // only in the bundled index: still there
  await expect(options.locator('#index-status')).toContainText('riverside@2');
});

test('the popover on a page shows the source entry after a delta', async () => {
  editSummary(source.guidance, 'high-flow-nasal-cannula', 'as the Riverside respiratory team teaches');
  await publish(source.guidance, source.keyFile, source.site);
  await syncNow();
  await expect(options.locator(`${SOURCE} .mx-source-status`)).toContainText('version 3');
  const page = await browser.context.newPage();
  await page.goto(`${pages.url}/ehr.html`);
  const point = await wordPoint(page, '#assessment', 'HFNC');
  await page.mouse.dblclick(point.x, point.y);
  await expect(page.locator(`${POPOVER} .mx-card[data-entry-id="high-flow-nasal-cannula"]`)).toContainText('Riverside respiratory team');
  await page.close();
});

test('a stopped worker wakes up with the same guidance (its saved matcher or a rebuild)', async () => {
  const cdp = await browser.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await options.waitForTimeout(500);
  expect((await entry('high-flow-nasal-cannula'))?.summary.en).toContain('Riverside respiratory team');
  expect(await entry('ards')).not.toBeNull();
  await cdp.detach();
});

test('a sync with nothing new is a 304 with no body', async () => {
  await syncNow();
  const reply = (await options.evaluate(`chrome.runtime.sendMessage({ type: 'sources' })`)) as { value: { sources: { config: { id: string }; state: { status: { lastResult: string; lastBytes: number } } }[] } };
  const status = reply.value.sources.find((s) => s.config.id.startsWith('riverside-protocols-'))?.state.status;
  expect(status).toMatchObject({ lastResult: 'not-modified', lastBytes: 0 });
});

// Issue 16's storage fault table, extension rows: the worker's real IndexedDB is damaged under the
// installed version 3 while the server offers the older, validly signed version 1, and the worker
// is stopped so that it starts from what storage holds.
test('storage faults: a damaged state or index never lowers the version nor drops the source in silence; recovery ends at version 3', async () => {
  const SYNC_DB = ['mx-lookup-sync', 'sources'] as const;
  const state = () => firstRecord<{ version?: number }>(options, ...SYNC_DB, 'state:riverside-protocols-');
  const coldStart = async () => {
    const cdp = await browser.context.newCDPSession(options);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await alterRecords(options, 'mx-lookup-matcher', 'snapshot', '', 'garbage'); // no saved matcher: built from storage
  };
  const popupWarning = async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect(popup.locator('#index-status')).toContainText('entries'); // the status has arrived
    const text = (await popup.locator('.mx-source-warning').allTextContents()).join(' ');
    await popup.close();
    return text;
  };
  const riverside = () => entry('high-flow-nasal-cannula').then((e) => e?.summary.en ?? '');

  await test.step('state unreadable: the installed index still answers, version 1 is refused, the state is recorded again', async () => {
    server.overrides.set('/manifest.json', source.manifestV1);
    expect(await alterRecords(options, ...SYNC_DB, 'state:riverside-protocols-', 'garbage')).toBe(1);
    await coldStart();
    expect(await riverside()).toContain('Riverside respiratory team');
    // The worker syncs the source at once to record it again; version 1 is refused as older.
    await expect.poll(state).toMatchObject({ version: 3 });
    await options.reload();
    await expect(options.locator(`${SOURCE} .mx-source-error`)).toContainText('older than the installed version 3');
    await expect(options.locator(`${SOURCE} .mx-source-status`)).toContainText('version 3');
    expect(await riverside()).toContain('Riverside respiratory team');
  });

  await test.step('index unreadable: the popup says so, the bundled entry answers meanwhile, version 1 is refused', async () => {
    expect(await alterRecords(options, ...SYNC_DB, 'index-', 'garbage')).toBeGreaterThan(0);
    await alterRecords(options, ...SYNC_DB, 'state:riverside-protocols-', 'tried-long-ago');
    await coldStart();
    expect(await riverside()).not.toContain('Riverside respiratory team');
    expect(await popupWarning()).toContain('could not be read');
    await expect.poll(() => firstRecord<{ status: { lastError?: string } }>(options, ...SYNC_DB, 'state:riverside-protocols-').then((s) => s?.status.lastError ?? '')).toContain('older than the installed version 3');
    expect(await state()).toMatchObject({ version: 3 });
  });

  await test.step('storage recovers and the server offers version 3 again: the next sync downloads it, the source answers, no warning is left', async () => {
    server.overrides.clear();
    await syncNow();
    await expect(options.locator(`${SOURCE} .mx-source-status`)).toContainText('version 3');
    await expect(options.locator(`${SOURCE} .mx-source-error`)).toHaveCount(0);
    await expect.poll(riverside).toContain('Riverside respiratory team');
    expect(await popupWarning()).toBe('');
  });

  await test.step("storage.local: an unreadable item in the user's list of sources is said, and the readable ones are still followed", async () => {
    const saved = await options.evaluate(`chrome.storage.local.get('sources')`);
    await options.evaluate(`chrome.storage.local.get('sources').then(({ sources }) => chrome.storage.local.set({ sources: [...sources, { id: 7, name: null }] }))`);
    await options.reload();
    await expect(options.locator('#sources .mx-problems[role="alert"]')).toContainText('One of your sources could not be read');
    await expect(options.locator(`${SOURCE} .mx-source-status`)).toContainText('version 3');
    expect(await riverside()).toContain('Riverside respiratory team');
    await options.evaluate(`chrome.storage.local.set(${JSON.stringify(saved)})`);
    await options.reload();
    await expect(options.locator(`${SOURCE} .mx-source-status`)).toContainText('version 3');
    await expect(options.locator('#sources .mx-problems')).toHaveCount(0);
  });
});

test('every fault keeps the installed guidance and shows why; the next sync after the fix succeeds', async () => {
  editSummary(source.guidance, 'high-flow-nasal-cannula', 'version four');
  await publish(source.guidance, source.keyFile, source.site); // version 4 waits on the server
  const faults: [string, () => Promise<void> | void, RegExp][] = [
    ['offline', () => void (server.fault = 'offline'), /could not reach/i],
    ['HTTP 500', () => void (server.fault = 'http500'), /HTTP 500/],
    ['truncated body', () => {
      server.fault = 'truncate';
      server.overrides.set('/deltas/3-4.json', 'x');
    }, /cut off|incomplete/i],
    ['bad signature', async () => void server.overrides.set('/manifest.json', (await resign((m) => m)).replace('"published":"', '"published":"1')), /signature/i],
    ['rollback', () => void server.overrides.set('/manifest.json', source.manifestV1), /older than the installed/i],
    ['wrong hash', () => {
      const bundle = readFileSync(join(source.site, 'bundles', 'index-4.json'), 'utf8');
      server.overrides.set('/bundles/index-4.json', bundle.replace('version four', 'version FOUR'));
      server.overrides.set('/deltas/3-4.json', 'x');
    }, /checksum/i],
    ["another source's key", async () => {
      const { signature: _s, ...unsigned } = JSON.parse(readFileSync(join(source.site, 'manifest.json'), 'utf8')) as Manifest;
      server.overrides.set('/manifest.json', JSON.stringify(await signManifest(unsigned, (await generateKeyPair()).secretKey)));
    }, /signature/i],
    ['oversize', async () => void server.overrides.set('/manifest.json', await resign((m) => ({ ...m, deltas: [], bundle: { ...m.bundle, size: 60 * 1024 * 1024 } }))), /larger than allowed/i],
    ['schema-invalid bundle', async () => {
      const bad = Buffer.from('{"format":"mx-lookup-index","formatVersion":1,"source":"riverside","version":4,"built":"x","entries":[{"id":"Bad Id"}],"lexicon":{"nearWords":[]}}');
      const sha256 = await sha256Hex(bad);
      server.overrides.set('/bundles/bad.json', bad);
      server.overrides.set('/manifest.json', await resign((m) => ({ ...m, deltas: [], bundle: { url: 'bundles/bad.json', size: bad.length, sha256 } })));
    }, /not a valid guidance index/i],
  ];
  for (const [name, arrange, reason] of faults) {
    await test.step(name, async () => {
      await arrange();
      await syncNow();
      await expect(options.locator(`${SOURCE} .mx-source-error`)).toContainText(reason);
      await expect(options.locator(`${SOURCE} .mx-source-error`)).toContainText('The installed guidance stays in use');
      await expect(options.locator(`${SOURCE} .mx-source-status`)).toContainText('version 3');
      expect((await entry('high-flow-nasal-cannula'))?.summary.en).toContain('Riverside respiratory team');
      if (name === 'offline') {
        // The toolbar popup says so too.
        const popup = await browser.context.newPage();
        await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
        await expect(popup.locator('.mx-source-warning')).toContainText('Riverside protocols');
        await popup.close();
      }
      server.fault = 'none';
      server.overrides.clear();
    });
  }
  // A broken delta (correctly signed, but not fitting the installed index): the full bundle is used instead.
  const broken = Buffer.from(JSON.stringify({ format: 'mx-lookup-delta', source: 'riverside', from: 3, to: 4, built: 'x', upsert: [], remove: ['no-such-entry'], nearWords: { add: [], remove: [] } }));
  const brokenSha = await sha256Hex(broken);
  server.overrides.set('/deltas/broken.json', broken);
  server.overrides.set('/manifest.json', await resign((m) => ({ ...m, deltas: [{ from: 3, url: 'deltas/broken.json', size: broken.length, sha256: brokenSha }] })));
  await syncNow();
  await expect(options.locator(`${SOURCE} .mx-source-status`)).toContainText('version 4');
  await expect(options.locator(SOURCE)).toContainText('full guidance was downloaded instead');
  server.overrides.clear();
  expect((await entry('high-flow-nasal-cannula'))?.summary.en).toContain('version four');
  await syncNow(); // the server fixed: nothing new
  await expect(options.locator(`${SOURCE} .mx-source-error`)).toHaveCount(0);
});

test('an entry the source removes falls back to the bundled one', async () => {
  expect((await entry('remdesivir'))?.summary.en).toMatch(/fixture/i);
  rmSync(join(source.guidance, 'therapeutics', 'remdesivir.md'));
  await publish(source.guidance, source.keyFile, source.site);
  await syncNow();
  await expect(options.locator(`${SOURCE} .mx-source-status`)).toContainText('version 5');
  expect((await entry('remdesivir'))?.summary.en).not.toMatch(/fixture/i);
});

test('a managed policy (set through the service worker) adds a locked source that wins, and locks the triggers', async () => {
  const ministry = await publishedSource('ministry');
  const ministryServer = await startFaultServer(ministry.site);
  try {
    editSummary(ministry.guidance, 'prone-positioning', 'per the ministry protocol');
    await publish(ministry.guidance, ministry.keyFile, ministry.site);
    const policy = {
      sources: [{ name: 'Ministry of Health', manifestUrl: ministryServer.manifestUrl, publicKey: ministry.publicKey, priority: 50 }],
      triggers: { doubleClick: false, selection: false },
    };
    // Managed storage is read-only for extensions; in the test the worker's reader is replaced.
    // The worker now running (an earlier test stopped the first one).
    const worker = browser.context.serviceWorkers().at(-1) ?? browser.worker;
    await worker.evaluate(`(() => {
      const policy = ${JSON.stringify(policy)};
      chrome.storage.managed.get = (keys, callback) => { if (callback) { callback(policy); return; } return Promise.resolve(policy); };
    })()`);
    await options.reload();
    const managed = options.locator('[data-source-id^="managed-ministry-of-health-"]');
    // The background reads the policy in the background (managed storage can take seconds to answer).
    await expect(managed).toContainText('Set by your organisation', { timeout: 15_000 });
    await expect(managed.getByRole('button', { name: /Remove/ })).toHaveCount(0);
    await expect(options.locator('input[name="doubleClick"]')).toBeDisabled(); // inside the locked fieldset
    await expect(options.locator('input[name="doubleClick"]')).not.toBeChecked();
    await managed.locator('.mx-sync-one').click();
    await expect(managed.locator('.mx-source-status')).toContainText('version 3');
    expect((await entry('prone-positioning'))?.summary.en).toContain('per the ministry protocol');
    // The content script follows the locked triggers: a double-click no longer opens the popover.
    const page = await browser.context.newPage();
    await page.goto(`${pages.url}/ehr.html`);
    const point = await wordPoint(page, '#assessment', 'HFNC');
    await page.mouse.dblclick(point.x, point.y);
    await page.waitForTimeout(600);
    await expect(page.locator(POPOVER)).toHaveCount(0);
    await page.close();
  } finally {
    await ministryServer.close();
    ministry.cleanup();
  }
});
