// Cards and interface in Arabic (right to left) and Portuguese: an Arabic card in the popover on an
// English page, the options, popup and PDF viewer with Arabic chosen, the widget with lang="ar" and "pt";
// each checked for its lang and dir, and screenshotted (test-results/rtl-*.png) to be looked at.
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from '../../cli/serve-demo';
import { POPOVER, chromiumPath, dblclickWord, launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';

const ARABIC = /[\u0600-\u06FF]/;

test.describe('the extension', () => {
  let server: FixtureServer;
  let browser: ExtensionBrowser;
  test.beforeAll(async () => {
    server = await serveFixtures();
    browser = await launchWithExtension();
  });
  test.afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('an Arabic card in the popover on an English page reads right to left; its dose keeps its order; it says it is not yet reviewed', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('#language').selectOption('ar');
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto(`${server.url}/ehr.html`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await dblclickWord(page, '#assessment', 'dexamethasone');
    const card = page.locator(`${POPOVER} .mx-card[data-entry-id="dexamethasone"]`);
    await expect(card).toHaveAttribute('dir', 'rtl');
    await expect(card).toHaveAttribute('lang', 'ar');
    const title = card.locator('h2');
    await expect(title).toHaveAttribute('dir', 'rtl');
    await expect(title).toHaveText(ARABIC);
    await expect(card.locator('.mx-summary')).toHaveAttribute('lang', 'ar');
    await expect(card.locator('[data-mx-unreviewed]')).toHaveText('لم يراجع طبيب هذه الترجمة بعد.');
    // Right to left for real: the title's text starts at the card's right edge.
    const [cardBox, titleBox] = [await card.boundingBox(), await title.boundingBox()];
    expect((cardBox?.x ?? 0) + (cardBox?.width ?? 0) - ((titleBox?.x ?? 0) + (titleBox?.width ?? 0))).toBeLessThan(40);
    // A left-to-right run ("6 mg") inside the Arabic text is isolated, so it keeps its order.
    await expect(card.locator('bdi[dir="ltr"]').first()).toBeAttached();
    await page.screenshot({ path: 'test-results/rtl-popover.png' });
    await options.locator('#language').selectOption('auto');
    await options.close();
    await page.close();
  });

  test('with Arabic chosen in the options, the options, the popup and the PDF viewer are in Arabic, right to left', async () => {
    const options = await browser.context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect(options.locator('html')).toHaveAttribute('dir', 'ltr');
    await options.locator('#language').selectOption('ar');
    await expect(options.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(options.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(options.locator('#pdf-heading')).toHaveText(ARABIC);
    await options.screenshot({ path: 'test-results/rtl-options.png' });

    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 420, height: 600 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect(popup.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(popup.locator('html')).toHaveAttribute('lang', 'ar');
    await popup.keyboard.type('dexamethasone');
    await popup.keyboard.press('Enter');
    await expect(popup.locator('mx-search-panel .mx-card')).toBeVisible();
    await expect(popup.locator('mx-search-panel .mx-search')).toHaveAttribute('dir', 'rtl');
    await popup.screenshot({ path: 'test-results/rtl-popup.png' });
    await popup.close();

    const viewer = await browser.context.newPage();
    await viewer.goto(`chrome-extension://${browser.extensionId}/pdf.html`);
    await expect(viewer.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(viewer.locator('#pdf-message')).toHaveText(ARABIC);
    await viewer.close();

    // Back to the browser's language: left to right again.
    await options.locator('#language').selectOption('auto');
    await expect(options.locator('html')).toHaveAttribute('dir', 'ltr');
    await options.close();
  });
});

test.describe('the widget', () => {
  let server: DemoServer;
  let browser: Browser;
  test.beforeAll(async () => {
    server = await startDemoServer(0);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  });
  test.afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function searchIn(lang: string, query: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${server.url}/hospital.html`);
    const widget = page.locator('mx-lookup[mode="search"]');
    await widget.evaluate((el, l) => el.setAttribute('lang', l), lang);
    await widget.locator('input[role="combobox"]').fill(query);
    await widget.locator('[role="option"]').first().click();
    return page;
  }

  test('lang="ar": the search and the card read right to left, found by an Arabic term', async () => {
    const page = await searchIn('ar', 'ديكساميثازون');
    const card = page.locator('mx-lookup .mx-card[data-entry-id="dexamethasone"]');
    await expect(card).toHaveAttribute('dir', 'rtl');
    await expect(card.locator('h2')).toHaveText(ARABIC);
    await expect(page.locator('mx-lookup[mode="search"] .mx-search')).toHaveAttribute('dir', 'rtl');
    await page.screenshot({ path: 'test-results/rtl-widget.png' });
    await page.close();
  });

  test('lang="pt": a Portuguese term finds its card in Portuguese, left to right', async () => {
    const page = await searchIn('pt', 'dexametasona');
    const card = page.locator('mx-lookup .mx-card[data-entry-id="dexamethasone"]');
    await expect(card).toHaveAttribute('dir', 'ltr');
    await expect(card.locator('h2')).toHaveAttribute('lang', 'pt');
    await expect(card.locator('[data-mx-unreviewed]')).toHaveText('Esta tradução ainda não foi revista por um clínico.');
    await page.close();
  });
});
