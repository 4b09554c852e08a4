// The add-on's own pages in Firefox: the popup's search, and an option that changes what a page does.
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import {
  backgroundAnswer,
  closePopover,
  dblclickWord,
  launchFirefoxWithExtension,
  popoverView,
  searchPanelView,
  serveFixtures,
  tripleClick,
  type FirefoxWithExtension,
  type FixtureServer,
} from './harness';

let firefox: FirefoxWithExtension;
let server: FixtureServer;
test.beforeAll(async () => {
  server = await serveFixtures();
  firefox = await launchFirefoxWithExtension(server);
});
test.afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

test('popup: typing a query shows suggestions, Enter opens the card', async () => {
  const popup = await firefox.openExtensionPage('/popup.html');
  await expect.poll(async () => (await searchPanelView(popup))?.focused).toBe('input');
  await popup.keyboard.type('dexa');
  await expect.poll(async () => (await searchPanelView(popup))?.suggestions[0]).toBe('dexamethasone');
  await popup.keyboard.press('Enter');
  await expect.poll(async () => (await searchPanelView(popup))?.card).toEqual({ id: 'dexamethasone', title: 'Dexamethasone' });
  await popup.close();
});

/** Whether double-click is on, as stored (read from an add-on page). */
function storedDoubleClick(extensionPage: Page): Promise<boolean | undefined> {
  return extensionPage.evaluate(async () => {
    const storage = (globalThis as unknown as { browser: { storage: { sync: { get(key: string): Promise<Record<string, { doubleClick?: boolean } | undefined>> } } } }).browser.storage;
    return (await storage.sync.get('triggers')).triggers?.doubleClick;
  });
}

test('options: turning double-click off stops double-click lookups on a page, and turning it on brings them back', async () => {
  const options = await firefox.openExtensionPage('/options.html');
  const toggle = 'input[name="doubleClick"]';
  await options.waitForSelector(toggle);
  expect(await options.$eval(toggle, (el) => (el as HTMLInputElement).checked)).toBe(true);
  await options.click(toggle);
  await expect.poll(() => storedDoubleClick(options)).toBe(false);

  // A page opened now reads the stored setting; a selection (still on) proves its content script answers.
  const page = await firefox.newPage();
  await page.goto(`${server.url}/ehr.html`);
  await tripleClick(page, '#assessment');
  await expect.poll(async () => (await popoverView(page))?.findings.map((f) => f.id)).toContain('high-flow-nasal-cannula');
  await closePopover(page);

  const sentence = await page.$eval('#assessment', (el) => el.textContent ?? '');
  await dblclickWord(page, '#assessment', 'HFNC');
  // The background has a card for the word; its answer to us comes after any lookup the double-click sent.
  expect(await backgroundAnswer(options, 'HFNC', sentence)).toContain('high-flow-nasal-cannula');
  expect(await popoverView(page)).toBeNull();

  await options.bringToFront();
  await options.click(toggle);
  await expect.poll(() => storedDoubleClick(options)).toBe(true);
  await page.bringToFront();
  await dblclickWord(page, '#assessment', 'HFNC');
  await expect.poll(() => popoverView(page)).toMatchObject({ card: { id: 'high-flow-nasal-cannula' } });
  await page.close();
  await options.close();
});
