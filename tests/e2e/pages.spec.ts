// The extension's own pages: popup, options and entry page, by keyboard, and their accessibility.
import { expect, test, type Page } from '@playwright/test';
import { POPOVER, dblclickWord, expectNoAxeViolations, launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';

let browser: ExtensionBrowser;
let server: FixtureServer;
test.beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const site = () => new URL(server.url).host;

async function openPopup(): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 420, height: 640 });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?site=${encodeURIComponent(site())}`);
  await popup.waitForFunction(() => document.querySelector('mx-search-panel')?.shadowRoot?.activeElement?.localName === 'input');
  return popup;
}

test('popup: keyboard-only search to a card', async () => {
  const popup = await openPopup();
  await popup.keyboard.type('dexa');
  const option = popup.locator('mx-search-panel [role="option"][data-entry-id="dexamethasone"]');
  await expect(option).toBeVisible();
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowUp');
  await popup.keyboard.press('Enter');
  const card = popup.locator('mx-search-panel [data-entry-id="dexamethasone"].mx-card');
  await expect(card).toBeVisible();
  await popup.keyboard.press('Tab');
  const focused = await popup.evaluate(() => document.querySelector('mx-search-panel')?.shadowRoot?.activeElement?.localName);
  expect(['button', 'a', 'input']).toContain(focused);
  await expect(popup.locator('#index-status')).toContainText('155');
  await popup.close();
});

test('popup: lookup can be turned off for the current site, and on again', async () => {
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/ehr.html`);
  const popup = await openPopup();
  await popup.locator('#site-toggle').uncheck();
  await popup.close();
  await dblclickWord(page, '#assessment', 'HFNC');
  await page.waitForTimeout(400);
  await expect(page.locator(POPOVER)).toHaveCount(0);
  const again = await openPopup();
  await again.locator('#site-toggle').check();
  await again.close();
  await dblclickWord(page, '#assessment', 'dexamethasone');
  await expect(page.locator(`${POPOVER} [data-entry-id="dexamethasone"]`)).toBeVisible();
  await page.close();
});

test('options: turning double-click off stops double-click lookups', async () => {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('input[name="doubleClick"]').uncheck();
  await options.locator('input[name="selection"]').uncheck();
  const page = await browser.context.newPage();
  await page.goto(`${server.url}/ehr.html`);
  await dblclickWord(page, '#assessment', 'HFNC');
  await page.waitForTimeout(400);
  await expect(page.locator(POPOVER)).toHaveCount(0);
  await options.locator('input[name="doubleClick"]').check();
  await options.locator('input[name="selection"]').check();
  await dblclickWord(page, '#assessment', 'HFNC');
  await expect(page.locator(`${POPOVER} [data-entry-id="high-flow-nasal-cannula"]`)).toBeVisible();
  await expect(options.locator('#index-status')).toContainText('155');
  await page.close();
  await options.close();
});

test('the entry page shows one entry, linkable by id', async () => {
  const entry = await browser.context.newPage();
  await entry.goto(`chrome-extension://${browser.extensionId}/entry.html#ards`);
  await expect(entry.locator('mx-search-panel .mx-card[data-entry-id="ards"]')).toBeVisible();
  await expect(entry).toHaveTitle(/Acute respiratory distress syndrome/);
  await entry.close();
});

test('the background answers omnibox suggestions and refuses malformed messages', async () => {
  // Chromium gives headless tests no address bar: ask the background what the omnibox shows.
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/entry.html`);
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'suggest', text: 'hfnc', limit: 3 }));
  expect((reply as { value: { hits: { id: string }[] } }).value.hits[0]?.id).toBe('high-flow-nasal-cannula');
  for (const bad of [{ type: 'lookup', text: 42 }, { type: 'nonsense' }, null, 'lookup']) {
    const answer = await page.evaluate((message) => chrome.runtime.sendMessage(message), bad);
    expect(answer).toMatchObject({ ok: false });
  }
  await page.close();
});

test.describe('accessibility (axe)', () => {
  test('popup with a card open', async () => {
    const popup = await openPopup();
    await popup.keyboard.type('ards');
    await popup.keyboard.press('Enter');
    await expect(popup.locator('mx-search-panel .mx-card')).toBeVisible();
    await expectNoAxeViolations(popup);
    await popup.close();
  });

  test('options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect(options.locator('#index-status')).toContainText('155');
    await expectNoAxeViolations(options);
    await options.close();
  });

  test('entry page', async () => {
    const entry = await browser.context.newPage();
    await entry.goto(`chrome-extension://${browser.extensionId}/entry.html#dexamethasone`);
    await expect(entry.locator('mx-search-panel .mx-card')).toBeVisible();
    await expectNoAxeViolations(entry);
    await entry.close();
  });

  test('the open popover, card and sentence list', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/ehr.html`);
    await dblclickWord(page, '#assessment', 'HFNC');
    await expect(page.locator(`${POPOVER} .mx-card`)).toBeVisible();
    await expectNoAxeViolations(page, POPOVER);
    await page.keyboard.press('Escape');
    await page.locator('#assessment').click({ clickCount: 3 });
    await expect(page.locator(`${POPOVER} .mx-list`)).toBeVisible();
    await expectNoAxeViolations(page, POPOVER);
    await page.close();
  });
});
