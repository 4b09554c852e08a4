// <mx-lookup> following a signed source (demo/source.html?source=…&key=…): a source published in a
// temporary folder (version 2 edits the summary of prone-positioning) and served by
// `mx-lookup serve` on 127.0.0.1, the demo on another port, so every source request is cross-origin.
import { randomBytes } from 'node:crypto';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from '../../cli/serve-demo';
import { startSourceServer, type SourceServer } from '../../cli/serve-source';
import { publishedSource, type PublishedSource } from '../unit/sync/fixtures';
import { chromiumPath } from './harness';

let browser: Browser;
let demo: DemoServer;
let published: PublishedSource;
let source: SourceServer;

test.beforeAll(async () => {
  test.setTimeout(120_000); // two publishes, each compiling a lexicon
  published = await publishedSource();
  source = await startSourceServer(published.site);
  demo = await startDemoServer(0);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
test.afterAll(async () => {
  await browser?.close();
  await demo?.close();
  await source?.close();
  published?.cleanup();
});

/** demo/source.html following the source at `manifestUrl` with `key`. */
const pageUrl = (manifestUrl: string, key: string, site = demo.url) => `${site}/source.html?source=${encodeURIComponent(manifestUrl)}&key=${encodeURIComponent(key)}`;

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  return context.newPage();
}

const widget = (page: Page) => page.locator('mx-lookup#guide');
const searchBox = (page: Page) => page.locator('mx-lookup#guide input[role="combobox"]');

/** Opens the card of `id` through the search box, by typing `text` and choosing the suggestion. */
async function openCard(page: Page, text: string, id: string) {
  await searchBox(page).fill(text);
  await page.locator(`mx-lookup [role="option"][data-entry-id="${id}"]`).click();
  const card = page.locator(`mx-lookup .mx-card[data-entry-id="${id}"]`);
  await expect(card).toBeVisible();
  return card;
}

test("the source's entries replace the default ones; the rest of the default guidance still answers", async () => {
  const page = await newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.url()} ${r.postData() ?? ''}`));
  const syncs: unknown[] = [];
  await page.exposeFunction('recordSync', (detail: unknown) => syncs.push(detail));
  await page.addInitScript(() => document.addEventListener('mx-lookup-sync', (e) => (window as unknown as { recordSync(d: unknown): void }).recordSync((e as CustomEvent).detail)));
  await page.goto(pageUrl(`${source.url}/manifest.json`, published.publicKey));
  await expect(widget(page)).toHaveAttribute('sync-status', 'ok');
  expect(syncs).toEqual([{ result: 'full', version: 2 }]);

  const card = await openCard(page, 'prone positioning', 'prone-positioning');
  await expect(card).toContainText('edited once');
  await expect(card).not.toContainText('ventilated patients'); // the default index's title of the entry
  await searchBox(page).press('Escape');
  await expect(await openCard(page, 'tocilizumab', 'tocilizumab')).toContainText('Tocilizumab');
  await expect(page.locator('mx-lookup [part="message"]')).toHaveCount(0);

  // Only the source's files were fetched from it, and no request carries what was typed.
  const fromSource = requests.filter((r) => r.startsWith(source.url)).map((r) => new URL(r.trim()).pathname);
  expect(fromSource.every((path) => path === '/manifest.json' || /^\/(bundles|deltas)\/[\w.-]+\.json$/.test(path))).toBe(true);
  expect(fromSource).toContain('/manifest.json');
  expect(requests.filter((r) => /prone|tocilizumab/i.test(r))).toEqual([]);
  await page.close();
});

test('a newer default index, arriving in the background, is merged under the source', async () => {
  const page = await newPage();
  await page.goto(pageUrl(`${source.url}/manifest.json`, published.publicKey));
  await expect(widget(page)).toHaveAttribute('sync-status', 'ok'); // the default index is cached, the source installed
  const original = await (await fetch(`${demo.url}/widget/guidance-index.json`)).json();
  await page.route('**/guidance-index.json', async (route) => {
    await new Promise((done) => setTimeout(done, 1000)); // after the widget is ready with the cached index and the source
    const index = structuredClone(original);
    index.version += 1;
    for (const entry of index.entries) if (entry.id === 'tocilizumab' || entry.id === 'prone-positioning') entry.title.en += ' (revised)';
    return route.fulfill({ json: index });
  });
  await page.reload();
  const title = async (text: string, id: string) => {
    const card = await openCard(page, text, id);
    const heading = await card.locator('h2').textContent();
    await searchBox(page).press('Escape');
    return heading;
  };
  await expect.poll(() => title('tocilizumab', 'tocilizumab')).toContain('(revised)');
  expect(await title('prone positioning', 'prone-positioning')).not.toContain('(revised)'); // the source's entry stays above it
  await page.close();
});

test('a widget without a source fetches no sync code', async () => {
  const page = await newPage();
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
  });
  await page.goto(`${demo.url}/source.html`);
  await expect(widget(page)).toHaveAttribute('ready', '');
  await openCard(page, 'tocilizumab', 'tocilizumab');
  expect(scripts.filter((path) => path.includes('sync'))).toEqual([]);
  await expect(widget(page)).not.toHaveAttribute('sync-status');
  await page.goto(pageUrl(`${source.url}/manifest.json`, published.publicKey));
  await expect(widget(page)).toHaveAttribute('sync-status', 'ok');
  expect(scripts.filter((path) => path.includes('sync'))).toHaveLength(1);
  await page.close();
});

test('a wrong key: the source is refused with a clear message and the default guidance answers', async () => {
  const page = await newPage();
  await page.goto(pageUrl(`${source.url}/manifest.json`, randomBytes(32).toString('base64')));
  await expect(widget(page)).toHaveAttribute('sync-status', 'refused');
  const message = page.locator('mx-lookup [part="message"][role="alert"]');
  await expect(message).toContainText('refused');
  await expect(message).toContainText('signature');
  await expect(message).toContainText('default guidance');
  const card = await openCard(page, 'prone positioning', 'prone-positioning');
  await expect(card).toContainText('ventilated patients');
  await expect(card).not.toContainText('edited once');
  await page.close();
});

test('unusable attributes: a clear message, nothing requested from the source, the default guidance answers', async () => {
  const page = await newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(pageUrl('http://guidance.example.org/manifest.json', published.publicKey));
  await expect(widget(page)).toHaveAttribute('sync-status', 'refused');
  await expect(page.locator('mx-lookup [part="message"][role="alert"]')).toContainText('https://');
  await page.goto(pageUrl(`${source.url}/manifest.json`, 'not-a-key'));
  await expect(page.locator('mx-lookup [part="message"][role="alert"]')).toContainText('key attribute');
  await expect(await openCard(page, 'tocilizumab', 'tocilizumab')).toBeVisible();
  expect(requests.filter((r) => new URL(r).hostname === 'guidance.example.org' || r.startsWith(source.url))).toEqual([]);
  await page.close();
});

/** Makes the next sync of every source stored by the widget due now (as when its refresh time has passed). */
async function makeSyncDue(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const opening = indexedDB.open('mx-lookup-sync');
        opening.onerror = () => fail(opening.error);
        opening.onsuccess = () => {
          const transaction = opening.result.transaction('sources', 'readwrite');
          const cursor = transaction.objectStore('sources').openCursor();
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) return;
            if (String(at.key).startsWith('state:')) at.update({ ...at.value, status: { ...at.value.status, nextAttempt: new Date(0).toISOString() } });
            at.continue();
          };
          transaction.oncomplete = () => done();
          transaction.onerror = () => fail(transaction.error);
        };
      }),
  );
}

test('once installed, the source answers from IndexedDB with its server gone, and a failed sync only warns', async () => {
  const own = await startSourceServer(published.site);
  const page = await newPage();
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto(pageUrl(`${own.url}/manifest.json`, published.publicKey));
  await expect(widget(page)).toHaveAttribute('sync-status', 'ok');
  await own.close();

  // No sync is due yet: the installed index answers without a request.
  await page.reload();
  await expect(widget(page)).toHaveAttribute('ready', '');
  await expect(await openCard(page, 'prone positioning', 'prone-positioning')).toContainText('edited once');

  // A due sync fails (the server is gone): the installed index still answers, with no error box.
  await makeSyncDue(page);
  await page.reload();
  await expect(widget(page)).toHaveAttribute('sync-status', 'failed');
  await expect(await openCard(page, 'prone positioning', 'prone-positioning')).toContainText('edited once');
  await expect(page.locator('mx-lookup [part="message"]')).toHaveCount(0);
  await expect.poll(() => warnings.filter((w) => w.includes('could not be synced')).length).toBe(1);
  await page.close();
});

test('under a strict Content-Security-Policy that allows the source, the widget syncs and nothing is blocked', async () => {
  const strict = await startDemoServer(0, {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' ${source.url}; object-src 'none'; base-uri 'none'`,
  });
  const page = await newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(pageUrl(`${source.url}/manifest.json`, published.publicKey, strict.url));
  await expect(widget(page)).toHaveAttribute('sync-status', 'ok');
  await expect(await openCard(page, 'prone positioning', 'prone-positioning')).toContainText('edited once');
  expect(violations).toEqual([]);
  await page.close();
  await strict.close();
});
