// The extension's PDF viewer (pdf.html?file=…) on a PDF made here: a short clinical note. Word,
// word-in-term and sentence lookups work on its text layer as on a web page; the browser's viewer
// offers ours; a site that needs the user's permission, a local file without file access, and a
// file chosen from the computer each say what happens; no request carries the selected text.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { chromium } from '@playwright/test';
import { POPOVER, chromiumPath, dblclickWord, expectNoAxeViolations, launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';

const NOTE = `<!doctype html><meta charset="utf-8"><style>body{font:15px/1.6 sans-serif;margin:48px}</style>
<h1>Discharge letter</h1>
<p id="p1">Admitted with severe COVID-19 pneumonia.</p>
<p id="p2">Treated with dexamethasone and high-flow nasal cannula oxygen.</p>
<p id="p3">Patient denies fever; SpO2 86% on room air at admission.</p>
<p id="p4">Follow-up in two weeks.</p>`;

let pdf: Uint8Array;
let server: FixtureServer; // allows any reader (CORS): opens without asking
let closedServer: FixtureServer; // allows no other origin: the viewer must ask for the site
let browser: ExtensionBrowser;

test.beforeAll(async () => {
  const maker = await chromium.launch({ executablePath: chromiumPath() });
  const page = await maker.newPage();
  await page.setContent(NOTE);
  pdf = await page.pdf({ format: 'A4' });
  await maker.close();
  server = await serveFixtures({ 'access-control-allow-origin': '*' }, { '/letter.pdf': pdf, '/download': { body: pdf, type: 'application/pdf' } });
  closedServer = await serveFixtures({}, { '/letter.pdf': pdf });
  browser = await launchWithExtension();
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
  await closedServer?.close();
});

const viewer = (file: string) => `chrome-extension://${browser.extensionId}/pdf.html?file=${encodeURIComponent(file)}`;
const textLayer = '.textLayer';
/** The id of the tab whose content script says it shows the PDF at `url` (the worker does not see tabs' addresses). */
const tabOf = (url: string) =>
  browser.worker.evaluate(async (u) => {
    for (const t of await chrome.tabs.query({})) {
      if (t.id !== undefined && (await chrome.tabs.sendMessage(t.id, { type: 'is-pdf' }, { frameId: 0 }).catch(() => false)) === u) return t.id;
    }
    return undefined;
  }, url);

async function openInViewer(file: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(viewer(file));
  await expect(page.locator(textLayer).getByText('dexamethasone', { exact: false })).toBeVisible();
  return page;
}

test('a word, a word inside a term and a sentence of the PDF are looked up as on a page', async () => {
  const page = await openInViewer(`${server.url}/letter.pdf`);
  await expect(page.locator('#pdf-address')).toHaveText(`${server.url}/letter.pdf`);
  await expect(page.locator('#pdf-original')).toHaveAttribute('href', `${server.url}/letter.pdf`);
  await expect(page.locator('#pdf-page')).toHaveText('Page 1 of 1');

  await dblclickWord(page, textLayer, 'dexamethasone');
  await expect(page.locator(`${POPOVER} [data-entry-id="dexamethasone"]`)).toBeVisible();
  await expectNoAxeViolations(page, POPOVER);
  await expectNoAxeViolations(page, '#bar');
  await page.keyboard.press('Escape');
  await expect(page.locator(`${POPOVER} [data-entry-id]`)).toHaveCount(0);


  await dblclickWord(page, textLayer, 'cannula');
  await expect(page.locator(`${POPOVER} [data-entry-id="high-flow-nasal-cannula"]`)).toBeVisible();
  await expect(page.locator(`${POPOVER} [data-mx-found]`)).toContainText(/high-flow nasal cannula/i);
  await page.keyboard.press('Escape');

  // A sentence: selected from its first word to its last with the mouse.
  const line = page.locator(`${textLayer} span`, { hasText: 'Patient denies fever' }).first();
  const box = await line.boundingBox();
  if (!box) throw new Error('the sentence is not on screen');
  await page.mouse.move(box.x + 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  const list = page.locator(POPOVER);
  await expect(list.locator('[data-entry-id="fever"]')).toHaveAttribute('data-assertion', 'negated');
  await expect(list.locator('[data-entry-id="hypoxemia"]')).toHaveAttribute('data-assertion', 'present');
  await page.keyboard.press('Escape');

  // The context menu's "Look up" reaches the viewer as it reaches a page's content script (sent
  // the way the background sends it; without the "tabs" permission tab addresses are hidden, so
  // every tab is told, and the viewer must show the card).
  await page.keyboard.press('Escape');
  await page.evaluate(() => getSelection()?.removeAllRanges());
  await expect(page.locator(`${POPOVER} [data-entry-id]`)).toHaveCount(0);
  await browser.worker.evaluate(async () => {
    for (const t of await chrome.tabs.query({})) if (t.id !== undefined) await chrome.tabs.sendMessage(t.id, { type: 'lookup-selection', text: 'dexamethasone' }, { frameId: 0 }).catch(() => false);
  });
  await expect(page.locator(`${POPOVER} [data-entry-id="dexamethasone"]`)).toBeVisible();
  await page.close();
});

test("the browser's viewer offers ours: the popup button and, with the option on, every PDF opens in it", async () => {
  const tab = await browser.context.newPage();
  await tab.goto(`${server.url}/letter.pdf`);
  const tabId = await tabOf(`${server.url}/letter.pdf`);
  expect(tabId).toEqual(expect.any(Number));
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
  await popup.locator('#open-pdf').click();
  await expect(tab).toHaveURL(viewer(`${server.url}/letter.pdf`));
  await expect(tab.locator(textLayer).getByText('dexamethasone', { exact: false })).toBeVisible();
  await popup.close();

  // Off by default: a PDF whose address does not say ".pdf" stays in the browser's viewer…
  await tab.goto(`${server.url}/download`);
  const isPdf = async (url: string) => (await tabOf(url)) !== undefined;
  await expect.poll(() => isPdf(`${server.url}/download`)).toBe(true); // its content script told the background
  expect(await browser.worker.evaluate(() => chrome.storage.sync.get('openPdfs'))).toEqual({});
  expect(tab.url()).toBe(`${server.url}/download`);
  // …and with the option turned on in the options page, it opens in ours.
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('#open-pdfs').check();
  await expect.poll(() => browser.worker.evaluate(() => chrome.storage.sync.get('openPdfs'))).toEqual({ openPdfs: true });
  await tab.goto(`${server.url}/download`);
  await expect(tab).toHaveURL(viewer(`${server.url}/download`));
  await expect(tab.locator(textLayer).getByText('dexamethasone', { exact: false })).toBeVisible();

  // "Open in the browser's viewer" is not undone by the option.
  await tab.locator('#pdf-original').click();
  await expect(tab).toHaveURL(`${server.url}/download`);
  await expect.poll(() => isPdf(`${server.url}/download`)).toBe(true);
  expect(tab.url()).toBe(`${server.url}/download`);
  await options.locator('#open-pdfs').uncheck();
  await expect.poll(() => browser.worker.evaluate(() => chrome.storage.sync.get('openPdfs'))).toEqual({ openPdfs: false });
  await options.close();
  await tab.close();
});

test('a PDF from a site that does not let other origins read it opens too, with nothing asked: the extension already reads the sites its content script runs on', async () => {
  const page = await openInViewer(`${closedServer.url}/letter.pdf`);
  await expect(page.locator('#pdf-allow')).toHaveCount(0);
  const granted = await browser.worker.evaluate(() => chrome.permissions.getAll());
  expect(granted.origins ?? []).not.toContain('http://127.0.0.1/*'); // nothing was added on the way
  await page.close();
});

test('a local PDF file and a PDF chosen from the computer open and are looked up; bad addresses say why', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mx-pdf-'));
  writeFileSync(join(dir, 'letter.pdf'), pdf);
  // An unpacked extension has file access in Chromium; a store install needs the user's switch (unit-tested message).
  const local = await openInViewer(`file://${join(dir, 'letter.pdf')}`);
  await dblclickWord(local, textLayer, 'dexamethasone');
  await expect(local.locator(`${POPOVER} [data-entry-id="dexamethasone"]`)).toBeVisible();
  await local.close();

  const page = await browser.context.newPage();
  await page.goto(viewer(''));
  await expect(page.locator('#pdf-message')).toContainText('Choose a PDF');
  await page.locator('#pdf-file').setInputFiles({ name: 'letter.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
  await expect(page.locator(textLayer).getByText('dexamethasone', { exact: false })).toBeVisible();
  await expect(page.locator('#pdf-message')).toHaveCount(0);
  await dblclickWord(page, textLayer, 'dexamethasone');
  await expect(page.locator(`${POPOVER} [data-entry-id="dexamethasone"]`)).toBeVisible();

  await page.goto(viewer('javascript:alert(1)'));
  await expect(page.locator('#pdf-message')).toContainText('not an address a PDF can be opened from');
  await page.goto(viewer(`${server.url}/missing.pdf`));
  await expect(page.locator('#pdf-message')).toContainText('HTTP 404');
  await page.goto(viewer(`${server.url}/ehr.html`));
  await expect(page.locator('#pdf-message')).toContainText('not a PDF');
  await page.close();
});

test('no request carries the text selected in the PDF', async () => {
  browser.traffic.length = 0;
  server.requests.length = 0;
  const page = await openInViewer(`${server.url}/letter.pdf`);
  for (const word of ['dexamethasone', 'pneumonia', 'cannula', 'fever']) {
    await dblclickWord(page, textLayer, word);
    await expect(page.locator(`${POPOVER} [data-entry-id]`).first()).toBeVisible();
    await page.keyboard.press('Escape');
  }
  const seen = [...browser.traffic, ...server.requests].map((r) => r.toLowerCase());
  expect(seen.some((r) => r.includes('/letter.pdf'))).toBe(true); // the recorder saw the PDF itself
  expect(seen.filter((r) => ['dexamethasone', 'pneumonia', 'cannula', 'fever'].some((w) => r.includes(w)))).toEqual([]);
  await page.close();
});
