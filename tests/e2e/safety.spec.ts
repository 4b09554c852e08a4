// The invariants: hostile pages cannot break the popover, index content cannot inject markup,
// and selected text never leaves the browser.
import { expect, test } from '@playwright/test';
import { POPOVER, dblclickWord, launchWithExtension, serveFixtures, type ExtensionBrowser, type FixtureServer } from './harness';

let server: FixtureServer;
test.beforeAll(async () => {
  server = await serveFixtures();
});
test.afterAll(async () => {
  await server?.close();
});

test.describe('on a hostile page', () => {
  let browser: ExtensionBrowser;
  test.beforeAll(async () => {
    browser = await launchWithExtension();
  });
  test.afterAll(async () => {
    await browser?.close();
  });

  test('the popover shows, on top and styled as ours, despite global !important CSS, stopped events and redefined globals', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/hostile.html`);
    await dblclickWord(page, '#hostile-text', 'HFNC');
    const card = page.locator(`${POPOVER} [data-entry-id="high-flow-nasal-cannula"]`);
    await expect(card).toBeVisible();
    const style = await card.locator('h2').evaluate((el) => {
      const s = getComputedStyle(el);
      return { font: s.fontFamily, color: s.color, display: s.display };
    });
    expect(style.font).not.toMatch(/Comic/i);
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    const box = await card.boundingBox();
    const onTop = await page.evaluate(
      ({ x, y }) => document.elementFromPoint(x, y)?.hasAttribute('data-mx-lookup-popover') ?? false,
      { x: (box?.x ?? 0) + 20, y: (box?.y ?? 0) + 10 },
    );
    expect(onTop).toBe(true);
    await page.close();
  });
});

test.describe('with hostile index content', () => {
  let browser: ExtensionBrowser;
  test.beforeAll(async () => {
    browser = await launchWithExtension({
      editIndex(index) {
        const entry = index.entries.find((e) => e.id === 'dexamethasone') as { title: Record<string, string>; summary: Record<string, string>; keyPoints: Record<string, string[]> };
        entry.title.en = '<b onmouseover="window.__mxPwned=1">Dex</b>';
        entry.summary.en = 'Text <img src=x onerror="window.__mxPwned=2"> and <script>window.__mxPwned=3</script> **bold**';
        entry.keyPoints.en = ['<svg onload="window.__mxPwned=4"></svg>', '<a href="javascript:window.__mxPwned=5">x</a>', '`code` <iframe src="javascript:1">'];
      },
    });
  });
  test.afterAll(async () => {
    await browser?.close();
  });

  test('markup in the index renders as text and runs nothing', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/ehr.html`);
    await dblclickWord(page, '#med-dex', 'Dexamethasone');
    const card = page.locator(`${POPOVER} [data-entry-id="dexamethasone"]`);
    await expect(card).toBeVisible();
    await expect(card).toContainText('<img src=x onerror=');
    await expect(card).toContainText('<script>');
    await expect(card.locator('h2')).toHaveText('<b onmouseover="window.__mxPwned=1">Dex</b>');
    expect(await card.locator('img, script, svg, iframe, b').count()).toBe(0);
    await expect(card.locator('strong').first()).toBeVisible(); // our Markdown subset still works
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __mxPwned?: number }).__mxPwned)).toBeUndefined();
    await page.close();
  });
});

test.describe('privacy', () => {
  let browser: ExtensionBrowser;
  test.beforeAll(async () => {
    browser = await launchWithExtension();
  });
  test.afterAll(async () => {
    await browser?.close();
  });

  test('a page cannot tell the extension is installed: its one web-accessible file answers only at a per-session address', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/ehr.html`);
    // The popover loads (the content script imports its UI through the per-session address)…
    await dblclickWord(page, '#assessment', 'dexamethasone');
    await expect(page.locator(`${POPOVER} [data-entry-id="dexamethasone"]`)).toBeVisible();
    // …while the page, probing the fixed address that the extension id gives, gets nothing.
    const probe = (url: string) =>
      page.evaluate(async (u) => {
        const fetched = await fetch(u).then((r) => `HTTP ${r.status}`, () => 'refused');
        const script = await new Promise<string>((done) => {
          const s = document.createElement('script');
          s.src = u;
          s.onload = () => done('loaded');
          s.onerror = () => done('refused');
          document.head.append(s);
        });
        return { fetched, script };
      }, url);
    expect(await probe(`chrome-extension://${browser.extensionId}/popover-ui.js`)).toEqual({ fetched: 'refused', script: 'refused' });
    // The probe itself works: the per-session address (unknown to pages) does answer.
    const dynamic = await browser.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getURL(p: string): string } } }).chrome.runtime.getURL('/popover-ui.js'));
    expect(new URL(dynamic).host).not.toBe(browser.extensionId);
    expect((await probe(dynamic)).script).toBe('loaded');
    await page.close();
  });

  test('no request of the page, its frames or the service worker carries selected text during 50 lookups', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${server.url}/ehr.html`);
    const words: [string, string, { frame?: string; host?: string }?][] = [
      ['#assessment', 'HFNC'],
      ['#assessment', 'dexamethasone'],
      ['#assessment', 'SOB'],
      ['#med-dex', 'Dexamethasone'],
      ['#med-paxlovid', 'Paxlovid'],
      ['#med-enox', 'Enoxaparin'],
      ['#plain', 'spoon'],
      ['#editor', 'prophylaxis'],
      ['#lab-crp', 'CRP', { frame: '#labs' }],
      ['#shadow-text', 'remdesivir', { host: '#allergy' }],
    ];
    const selected = new Set<string>();
    let lookups = 0;
    for (let round = 0; lookups < 50; round++) {
      const [selector, word, options] = words[round % words.length] as [string, string, { frame?: string; host?: string }?];
      await dblclickWord(page, selector, word, options);
      selected.add(word.toLowerCase());
      lookups++;
      await page.waitForTimeout(60);
      await page.keyboard.press('Escape');
      if (round % 10 === 9) {
        await page.locator('#assessment').click({ clickCount: 3 });
        selected.add('worsening');
        lookups++;
        await page.keyboard.press('Escape');
      }
    }
    expect(lookups).toBeGreaterThanOrEqual(50);
    const seen = [...browser.traffic, ...server.requests].map((r) => r.toLowerCase());
    expect(seen.length).toBeGreaterThan(0); // the recorder works: the page and its frame were loaded
    const leaks = seen.filter((request) => [...selected].some((word) => request.includes(word)));
    expect(leaks).toEqual([]);
    await page.close();
  });
});
