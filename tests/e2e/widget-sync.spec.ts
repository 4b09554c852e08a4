// <mx-lookup> following a signed source (demo/source.html?source=…&key=…): a source published in a
// temporary folder (version 2 edits the summary of prone-positioning) and served by
// `mx-lookup serve` on 127.0.0.1, the demo on another port, so every source request is cross-origin.
import { randomBytes } from 'node:crypto';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from '../../cli/serve-demo';
import { startSourceServer, type SourceServer } from '../../cli/serve-source';
import { publishedSource, type PublishedSource } from '../unit/sync/fixtures';
import { alterRecords, chromiumPath, firstRecord } from './harness';

/** The index as the widget fetches it: whole, or its matching part (guidance/match.json.gz, JSON accepted there too). */
const INDEX_ON_NETWORK = /\/(guidance-index\.json|guidance\/match\.json\.gz)$/;

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
  await page.route(INDEX_ON_NETWORK, async (route) => {
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
const makeSyncDue = (page: Page) => alterRecords(page, 'mx-lookup-sync', 'sources', 'state:', 'sync-due');

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

// Issue 16's storage fault table, browser rows: the widget's real IndexedDB is damaged (or made to
// fail) under an installed version 2 while the server offers the older, validly signed version 1.
// Every row checks that version 1 never answers, that the source does not vanish without words,
// and that once storage recovers the next sync ends with version 2 answering and recorded.
test.describe('storage faults in IndexedDB', () => {
  type Damage = 'garbage' | 'other-shape' | 'cut-short' | 'other-source';
  const damage = (page: Page, prefix: string, kind: Damage) => alterRecords(page, 'mx-lookup-sync', 'sources', prefix, kind);
  /** The state the widget recorded for its source. */
  const recordedState = (page: Page) => firstRecord<{ version?: number; status?: { lastResult?: string } }>(page, 'mx-lookup-sync', 'sources', 'state:');
  const manifestUrl = () => `${source.url}/manifest.json`;
  /** The server offers version 1 (validly signed) to this page. */
  const offerVersion1 = (page: Page) =>
    page.route(manifestUrl(), (route) => route.fulfill({ status: 200, body: published.manifestV1, headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' } }));
  const syncReport = async (page: Page) => ({ status: await widget(page).getAttribute('sync-status'), message: (await page.locator('mx-lookup [part="message"]').allTextContents()).join(' ') });
  /** What the widget answers for prone positioning: version 2's summary, or the default's, or (version 1) neither. */
  async function answering(page: Page): Promise<'version 2' | 'default' | 'other'> {
    const text = await (await openCard(page, 'prone positioning', 'prone-positioning')).textContent();
    await searchBox(page).press('Escape');
    return text?.includes('edited once') ? 'version 2' : text?.includes('ventilated patients') ? 'default' : 'other';
  }
  /** A fresh browser profile with version 2 of the source installed. */
  async function installed(): Promise<Page> {
    const page = await newPage();
    await page.goto(pageUrl(manifestUrl(), published.publicKey));
    await expect(widget(page)).toHaveAttribute('sync-status', 'ok');
    expect(await recordedState(page)).toMatchObject({ version: 2 });
    return page;
  }
  /** Storage recovered and the server offers version 2 again: the next sync ends with version 2 answering and recorded. */
  async function recovers(page: Page) {
    await page.unrouteAll();
    await makeSyncDue(page);
    await page.reload();
    await expect(widget(page)).toHaveAttribute('sync-status', 'ok');
    expect(await answering(page)).toBe('version 2');
    expect(await recordedState(page)).toMatchObject({ version: 2, status: { lastResult: expect.stringMatching(/^(not-modified|delta|full)$/) } });
  }

  const damagedRecords: { name: string; prefix: string; kind: Damage; answers: 'version 2' | 'default' }[] = [
    { name: 'state unreadable', prefix: 'state:', kind: 'garbage', answers: 'version 2' },
    { name: 'state of another shape', prefix: 'state:', kind: 'other-shape', answers: 'version 2' },
    { name: 'index unreadable', prefix: 'index-', kind: 'garbage', answers: 'default' },
    { name: 'index truncated (a record without its entries)', prefix: 'index-', kind: 'cut-short', answers: 'default' },
    { name: 'index of another source', prefix: 'index-', kind: 'other-source', answers: 'default' },
  ];
  for (const row of damagedRecords)
    test(row.name, async () => {
      const page = await installed();
      expect(await damage(page, row.prefix, row.kind)).toBeGreaterThan(0);
      await offerVersion1(page);
      await page.reload();
      // The damaged storage makes the widget sync at once; version 1 is refused as older than what was installed.
      await expect(widget(page)).toHaveAttribute('sync-status', 'refused');
      const report = await syncReport(page);
      expect(report.message).toMatch(/older than the installed version 2/);
      expect(report.message).toContain(row.answers === 'default' ? 'The default guidance is shown.' : 'Its version 2 installed earlier is shown.');
      expect(await answering(page)).toBe(row.answers);
      expect(await recordedState(page)).toMatchObject({ version: 2 }); // a damaged state is recorded again from the installed index
      await recovers(page);
      await page.close();
    });

  /** A page of the same profile whose IndexedDB writes fail as `mode` says. */
  async function failingWrites(context: import('@playwright/test').BrowserContext, mode: 'half-way' | 'quota'): Promise<Page> {
    const page = await context.newPage();
    await page.addInitScript((mode) => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
        if (mode === 'quota') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        // Half-way: the new index is written, the pointer to it is not.
        if (String(key).startsWith('slot:')) throw new DOMException('The write was interrupted.', 'AbortError');
        return put.call(this, value, key);
      };
    }, mode);
    return page;
  }
  for (const mode of ['half-way', 'quota'] as const)
    test(`write failing ${mode === 'quota' ? 'for want of quota' : 'half-way'}`, async () => {
      // Version 1 installed, then version 2 offered while writes fail: version 1 keeps answering, the status says why.
      const first = await newPage();
      await offerVersion1(first);
      await first.goto(pageUrl(manifestUrl(), published.publicKey));
      await expect(widget(first)).toHaveAttribute('sync-status', 'ok');
      expect(await answering(first)).toBe('other');
      await makeSyncDue(first);
      await first.close();
      const page = await failingWrites(newContextOf(first), mode);
      const warnings: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'warning') warnings.push(m.text());
      });
      await page.goto(pageUrl(manifestUrl(), published.publicKey));
      await expect(widget(page)).toHaveAttribute('sync-status', 'failed');
      await expect.poll(() => warnings.join(' ')).toMatch(mode === 'quota' ? /could not be stored \(QuotaExceededError|quota/i : /could not be stored/);
      expect(await answering(page)).toBe('other'); // version 1, still installed
      const healthy = await newContextOf(page).newPage();
      await page.close();
      await healthy.goto(pageUrl(manifestUrl(), published.publicKey));
      await makeSyncDue(healthy);
      await recovers(healthy);
      await healthy.close();
    });

  test('IndexedDB unavailable (a private window): the source answers on the page, and the page says it is not kept', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('IndexedDB is not available in this window.', 'InvalidStateError');
      };
    });
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    const syncs: { reason?: string; result?: string }[] = [];
    await page.exposeFunction('recordSync', (detail: { reason?: string; result?: string }) => syncs.push(detail));
    await page.addInitScript(() => document.addEventListener('mx-lookup-sync', (e) => (window as unknown as { recordSync(d: unknown): void }).recordSync((e as CustomEvent).detail)));
    await page.goto(pageUrl(manifestUrl(), published.publicKey));
    await expect(widget(page)).toHaveAttribute('sync-status', 'ok');
    expect(await answering(page)).toBe('version 2');
    expect(warnings.join(' ')).toContain('downloaded for this page only');
    await expect.poll(() => syncs[0]?.reason ?? '').toContain('IndexedDB');
    // The next page downloads it again (nothing was kept), and answers with it again.
    await page.reload();
    await expect(widget(page)).toHaveAttribute('sync-status', 'ok');
    expect(await answering(page)).toBe('version 2');
    expect(syncs.map((s) => s.result)).toEqual(['full', 'full']);
    await page.close();
  });
});

const newContextOf = (page: Page) => page.context();
