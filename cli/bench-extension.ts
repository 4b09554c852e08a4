// The extension in real Chromium: time from mouseup to the popover placed on screen, with a
// warm service worker and with a stopped one (CDP ServiceWorker.stopAllWorkers); and the
// gzipped size of the content script. Part of `npm run bench`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR, launchWithExtension, serveFixtures, wordPoint } from '../tests/e2e/harness';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

// Page-side clock: the time of the last mouseup, and a check that returns the ms since then once
// the popover shows a card for `word`, placed on screen (0 = not yet). Built with `new Function` so
// that what Playwright serializes carries none of tsx's helpers.
const armClock = new Function(`
  window.__mxT0 = 0;
  if (!window.__mxClock) {
    window.__mxClock = true;
    window.addEventListener('mouseup', () => { window.__mxT0 = performance.now(); }, true);
  }`) as () => void;
const placedSince = new Function(
  'word',
  `const host = document.querySelector('[data-mx-lookup-popover]');
   const panel = host && host.shadowRoot && host.shadowRoot.querySelector('.mx-popover');
   const mark = panel && panel.querySelector('.mx-matched mark');
   const placed = Boolean(panel && panel.style.left && mark && mark.textContent === word);
   return placed && window.__mxT0 > 0 ? performance.now() - window.__mxT0 : 0;`,
) as (word: string) => number;

/** One double-click lookup: ms from the last mouseup to the card placed, on the page's own clock (polled every ms). */
async function oneLookup(page: Page, word: string): Promise<number> {
  await page.keyboard.press('Escape');
  await page.waitForFunction('!document.querySelector("[data-mx-lookup-popover]")');
  await page.evaluate(armClock);
  const point = await wordPoint(page, '#assessment', word);
  await page.mouse.dblclick(point.x, point.y);
  const handle = await page.waitForFunction(placedSince, word, { polling: 1, timeout: 10_000 });
  return (await handle.jsonValue()) as number;
}

export async function runExtensionBench(log: (line: string) => void): Promise<void> {
  const contentScript = join(EXTENSION_DIR, 'content-scripts', 'content.js');
  if (!existsSync(contentScript)) {
    log('\n== extension: not built (npx wxt build), skipped');
    return;
  }
  const gz = gzipSync(readFileSync(contentScript), { level: 9 }).length;
  log('\n== extension (real Chromium)');
  log(`content script: ${(readFileSync(contentScript).length / 1024).toFixed(1)} KB, ${(gz / 1024).toFixed(1)} KB gzipped — target ≤15 KB: ${gz <= 15 * 1024 ? 'met' : 'NOT MET'}`);
  const ui = join(EXTENSION_DIR, 'popover-ui.js');
  if (existsSync(ui)) log(`popover UI, loaded on a page's first lookup: ${(readFileSync(ui).length / 1024).toFixed(1)} KB, ${(gzipSync(readFileSync(ui), { level: 9 }).length / 1024).toFixed(1)} KB gzipped`);
  const server = await serveFixtures();
  const browser = await launchWithExtension();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/ehr.html`);
    const words = ['HFNC', 'dexamethasone', 'SpO2', 'SOB'];
    await oneLookup(page, 'HFNC'); // wakes the worker and builds the matcher
    const warm: number[] = [];
    for (let i = 0; i < 100; i++) warm.push(await oneLookup(page, words[i % words.length] as string));
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const cold: number[] = [];
    for (let i = 0; i < 20; i++) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      await page.waitForTimeout(500); // let it stop completely: a stopping worker is a different case
      cold.push(await oneLookup(page, words[i % words.length] as string));
    }
    if (process.env.MX_BENCH_DEBUG) log(JSON.stringify(warm.map((v) => Math.round(v))));
    warm.sort((a, b) => a - b);
    cold.sort((a, b) => a - b);
    const row = (name: string, s: number[], target: number) =>
      log(`  ${name.padEnd(34)} p50 ${percentile(s, 50).toFixed(1)} ms  p95 ${percentile(s, 95).toFixed(1)} ms  (n=${s.length}) — p95 target ≤${target} ms: ${percentile(s, 95) <= target ? 'met' : 'NOT MET'}`);
    log('mouseup → popover placed (page clock, polled every ms):');
    row('warm service worker', warm, 50);
    row('stopped service worker', cold, 300);
  } finally {
    await browser.close();
    await server.close();
  }
}
