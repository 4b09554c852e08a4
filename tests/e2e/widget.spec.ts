// The <mx-lookup> widget on the served demo: search by keyboard, selection lookup in the article,
// Infobutton links, theming, accessibility, strict CSP, offline, and privacy.
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { startDemoServer, type DemoServer } from '../../cli/serve-demo';
import { CARD_GROUPS, cardGroup } from '../../core/index/split';
import { CACHED_INDEX_VERSION, chromiumPath, wordPoint } from './harness';

const cachedVersion = (page: Page) => page.evaluate(CACHED_INDEX_VERSION) as Promise<number>;

/** The index as the widget fetches it: whole, or its matching part (guidance/match.json.gz, JSON accepted there too). */
const INDEX_ON_NETWORK = /\/(guidance-index\.json|guidance\/match\.json\.gz)$/;

let browser: Browser;
let server: DemoServer;
test.beforeAll(async () => {
  server = await startDemoServer(0);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, serverUrl = server.url): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${serverUrl}${path}`);
  return page;
}

const searchBox = (page: Page) => page.locator('mx-lookup[mode="search"] input[role="combobox"]');

test('search by keyboard to a card', async () => {
  const page = await open('/hospital.html');
  await expect(searchBox(page)).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('dexa');
  await expect(page.locator('mx-lookup [role="option"][data-entry-id="dexamethasone"]')).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.locator('mx-lookup .mx-card[data-entry-id="dexamethasone"]')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator('mx-lookup .mx-card')).toHaveCount(0);
  await page.close();
});

test('selection lookup works inside the article, not outside its scope', async () => {
  const page = await open('/hospital.html');
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) scripts.push(new URL(r.url()).pathname);
  });
  await page.locator('mx-lookup[mode="selection"][ready]').waitFor({ state: 'attached' });
  // The popover's code is fetched on the first selection, not with the page.
  expect(scripts.filter((s) => s.includes('popover'))).toEqual([]);
  await page.locator('#article p').first().click({ clickCount: 3 });
  const popover = page.locator('[data-mx-lookup-popover]');
  await expect(popover.locator('[data-entry-id="high-flow-nasal-cannula"]')).toBeVisible();
  expect(scripts.filter((s) => s.includes('popover'))).toHaveLength(1);
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await page.locator('#footer').click({ clickCount: 3 });
  await page.waitForTimeout(300);
  await expect(popover).toHaveCount(0);
  await page.close();
});

test('double-clicking one word of a multi-word term in the article shows the whole term', async () => {
  const page = await open('/hospital.html');
  await page.locator('mx-lookup[mode="selection"][ready]').waitFor({ state: 'attached' });
  const point = await wordPoint(page, '#article p:has-text("nasal cannula")', 'cannula');
  await page.mouse.dblclick(point.x, point.y);
  const popover = page.locator('[data-mx-lookup-popover]');
  await expect(popover.locator('[data-entry-id="nasal-cannula"]')).toBeVisible();
  await expect(popover.locator('[data-mx-found]')).toHaveText('nasal cannula');
  await expect(popover.locator('[data-mx-found] mark')).toHaveText('cannula');
  await page.close();
});

test('a selected note in the article lists negated findings and hypoxaemia with its value', async () => {
  const page = await open('/hospital.html');
  await page.locator('mx-lookup[mode="selection"][ready]').waitFor({ state: 'attached' });
  await page.locator('#example-note').click({ clickCount: 3 });
  const list = page.locator('[data-mx-lookup-popover] .mx-list');
  await expect(list.locator('[data-entry-id="fever"]')).toHaveAttribute('data-assertion', 'negated');
  await expect(list.locator('[data-entry-id="cough"]')).toHaveAttribute('data-assertion', 'negated');
  await expect(list.locator('[data-entry-id="hypoxemia"]')).toContainText('below 90%');
  await page.close();
});

for (const [link, id] of [
  ['#link-icd10', 'covid-19'],
  ['#link-loinc', 'rt-pcr'],
  ['#link-atc', 'dexamethasone'],
  ['#link-dn', 'high-flow-nasal-cannula'],
] as const) {
  test(`the Infobutton link ${link} opens ${id}`, async () => {
    const page = await open('/infobutton.html');
    await page.locator(link).click();
    await expect(page.locator(`mx-lookup .mx-card[data-entry-id="${id}"]`)).toBeVisible();
    if (link === '#link-dn') await expect(page.locator('mx-lookup .mx-card h2')).toHaveAttribute('lang', 'fr');
    await page.close();
  });
}

test('a malformed Infobutton link shows a clear message', async () => {
  const page = await open('/infobutton.html');
  await page.locator('#link-bad').click();
  await expect(page.locator('mx-lookup [role="alert"]')).toContainText('no code, display name or text');
  await page.close();
});

test('theme variables change the rendering', async () => {
  const page = await open('/hospital.html');
  const widget = page.locator('mx-lookup[mode="search"]');
  await widget.evaluate((el) => (el as HTMLElement).style.setProperty('--mx-accent', 'rgb(200, 0, 0)'));
  await searchBox(page).fill('HFNC');
  await searchBox(page).press('Enter');
  const pressed = page.locator('mx-lookup .mx-langs button[aria-pressed="true"]');
  await expect(pressed).toHaveCSS('background-color', 'rgb(200, 0, 0)');
  await widget.evaluate((el) => el.setAttribute('theme', 'dark'));
  await expect(page.locator('mx-lookup .mx-card')).toBeVisible();
  await page.close();
});

test('axe finds no violations in the widget with a card open', async () => {
  const page = await open('/hospital.html');
  await searchBox(page).fill('ards');
  await searchBox(page).press('Enter');
  await expect(page.locator('mx-lookup .mx-card')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('mx-lookup').analyze();
  expect(results.passes.length).toBeGreaterThan(5);
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.close();
});

test('under a strict Content-Security-Policy the widget works and nothing is blocked', async () => {
  const strict = await startDemoServer(0, {
    'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'",
  });
  const page = await (await browser.newContext({ viewport: { width: 1200, height: 800 } })).newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(`${strict.url}/hospital.html`);
  await page.locator('mx-lookup[mode="selection"][ready]').waitFor({ state: 'attached' });
  await searchBox(page).fill('dexamethasone');
  await searchBox(page).press('Enter');
  await expect(page.locator('mx-lookup .mx-card[data-entry-id="dexamethasone"]')).toBeVisible();
  await searchBox(page).press('Escape'); // the floating card covers the article
  await page.locator('#article p').first().click({ clickCount: 3 });
  await expect(page.locator('[data-mx-lookup-popover] .mx-list')).toBeVisible();
  // The classic-script variant (guide.html) under the same policy.
  await page.goto(`${strict.url}/guide.html?mainSearchCriteria.v.c=U07.1&mainSearchCriteria.v.cs=2.16.840.1.113883.6.3`);
  await expect(page.locator('mx-lookup .mx-card[data-entry-id="covid-19"]')).toBeVisible();
  expect(violations).toEqual([]);
  await page.close();
  await strict.close();
});

test('a first visit fetches the compressed matching index, not the whole one; a card brings its text; every card then arrives in the background', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const fetched: string[] = [];
  page.on('requestfinished', (r) => fetched.push(new URL(r.url()).pathname));
  // Every other group is held back until the card has shown: the card waits for its own group only.
  let release: () => void = () => undefined;
  const held = new Promise<void>((done) => (release = done));
  await page.route(/\/guidance\/cards-\d+\.json\.gz$/, async (route) => {
    if (!route.request().url().endsWith(`/cards-${cardGroup('dexamethasone')}.json.gz`)) await held;
    return route.continue();
  });
  await page.goto(`${server.url}/hospital.html`);
  await expect(searchBox(page)).toBeVisible();
  await searchBox(page).fill('dexamethasone');
  await searchBox(page).press('Enter');
  const card = page.locator('mx-lookup .mx-card[data-entry-id="dexamethasone"]');
  await expect(card.locator('.mx-summary')).toContainText('RECOVERY');
  await expect(card.locator('.mx-sources li')).not.toHaveCount(0);
  expect(fetched).toContain('/widget/guidance/match.json.gz');
  expect(fetched).not.toContain('/widget/guidance-index.json');
  release();
  await expect.poll(() => cachedVersion(page)).toBeGreaterThan(0);
  expect(new Set(fetched.filter((f) => f.includes("/guidance/cards-"))).size).toBe(CARD_GROUPS);
  await context.close();
});

test('the widget is ready before the near words arrive; a misspelling typed at once is corrected when they do', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  let release: () => void = () => undefined;
  const held = new Promise<void>((done) => (release = done));
  let asked = false;
  await page.route(/\/guidance\/near\.json\.gz$/, async (route) => {
    asked = true;
    await held;
    return route.continue();
  });
  await page.goto(`${server.url}/hospital.html`);
  await page.locator('mx-lookup[mode="search"][ready]').waitFor({ state: 'attached' });
  const option = (id: string) => page.locator(`mx-lookup [role="option"][data-entry-id="${id}"]`);
  await searchBox(page).fill('dexamethasone'); // a term as written answers at once
  await expect(option('dexamethasone')).toBeVisible();
  await searchBox(page).fill('tocilizumap'); // finds nothing yet: the near words are asked for now
  await expect.poll(() => asked).toBe(true);
  await expect(option('tocilizumab')).toHaveCount(0);
  release();
  await expect(option('tocilizumab')).toBeVisible();
  await context.close();
});

test('after the first load the widget answers with the network to its index cut', async () => {
  const page = await open('/hospital.html');
  await expect(searchBox(page)).toBeVisible(); // the matching index is loaded
  await expect.poll(() => cachedVersion(page)).toBeGreaterThan(0); // every card arrived and the whole index is kept
  await page.route(/\/(guidance-index\.json|guidance\/.*\.json\.gz)$/, (route) => route.abort('internetdisconnected'));
  await page.reload();
  await searchBox(page).fill('tocilizumap'); // the near words were kept with the index: misspellings too
  await expect(page.locator('mx-lookup [role="option"][data-entry-id="tocilizumab"]')).toBeVisible();
  await searchBox(page).fill('HFNC');
  await searchBox(page).press('Enter');
  await expect(page.locator('mx-lookup .mx-card[data-entry-id="high-flow-nasal-cannula"]')).toBeVisible();
  await page.close();
});

test('a cached index answers at once; a newer one on the server replaces it, an older one never does', async () => {
  const page = await open('/hospital.html');
  await expect(searchBox(page)).toBeVisible();
  await expect.poll(() => cachedVersion(page)).toBeGreaterThan(0); // cached now
  const original = await (await fetch(`${server.url}/widget/guidance-index.json`)).json();
  const serve = (version: number, title: string) =>
    page.route(INDEX_ON_NETWORK, (route) => {
      const index = structuredClone(original);
      index.version = version;
      const entry = index.entries.find((e: { id: string }) => e.id === 'dexamethasone');
      entry.title.en = title;
      return route.fulfill({ json: index });
    });
  const cardTitle = async () => {
    await searchBox(page).fill('dexamethasone');
    await searchBox(page).press('Enter');
    const title = await page.locator('mx-lookup .mx-card[data-entry-id="dexamethasone"] h2').textContent();
    await searchBox(page).press('Escape');
    return title;
  };
  await serve(original.version + 1, 'Dexamethasone (revised)');
  // The matcher's code held back: the newer index arrives before the cached one is ready, and still replaces it.
  await page.route(/\/mx-lookup-matcher-[^/]*\.js$/, async (route) => {
    await new Promise((done) => setTimeout(done, 1500));
    await route.continue();
  });
  await page.reload();
  await expect.poll(cardTitle).toContain('(revised)');
  await page.unroute(/\/mx-lookup-matcher-[^/]*\.js$/);
  await expect.poll(() => cachedVersion(page)).toBe(original.version + 1); // the revised index is kept whole
  await page.unroute(INDEX_ON_NETWORK);
  await serve(0, 'Dexamethasone (stale mirror)');
  await page.reload();
  await page.waitForTimeout(500); // time for the background revalidation to (not) replace it
  expect(await cardTitle()).toContain('(revised)');
  await page.close();
});

/**
 * A page expression: what the widget keeps beside its cached index to restore its matcher — 'kept'
 * (a snapshot holding that very index), 'other' (a snapshot of another index) or 'none'. With
 * `spoil`, the kept snapshot is first made one of the previous index version.
 */
const keptMatcher = (spoil: boolean) => `new Promise((done) => {
  const open = indexedDB.open('keyval-store');
  open.onerror = () => done('none');
  open.onsuccess = () => {
    const transaction = open.result.transaction('keyval', 'readwrite');
    const cursor = transaction.objectStore('keyval').openCursor();
    let found = 'none';
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return;
      const record = at.value;
      if (!record || !record.index || !record.index.entries) return at.continue();
      const snapshot = record.matcher && record.matcher.snapshot;
      if (${spoil} && snapshot) {
        snapshot.index = { ...record.index, version: record.index.version - 1 };
        at.update(record);
      }
      found = !snapshot ? 'none' : snapshot.index === record.index ? 'kept' : 'other';
    };
    transaction.oncomplete = () => done(found); // written before the page moves on
    transaction.onabort = () => done('none');
  };
})`;

/** Whether this page's matcher was restored from the kept snapshot (the widget's `mx-lookup:matcher` mark). */
const restoredMatcher = (page: Page) =>
  page.evaluate(() => (performance.getEntriesByName('mx-lookup:matcher')[0] as PerformanceMark | undefined)?.detail?.restored as boolean | undefined);

test('a return visit restores the matcher kept beside the cached index; one of another index version is built again, and kept anew', async () => {
  const page = await open('/hospital.html');
  await expect(searchBox(page)).toBeVisible();
  await expect.poll(() => cachedVersion(page)).toBeGreaterThan(0);
  expect(await page.evaluate(keptMatcher(false))).toBe('kept');
  const returnVisit = async () => {
    await page.goto('about:blank');
    await page.goto(`${server.url}/hospital.html`);
    await page.locator('mx-lookup[mode="search"][ready]').waitFor({ state: 'attached' });
  };
  const answers = async () => {
    await searchBox(page).fill('tocilizumap'); // a misspelling: the near words came with the index
    await expect(page.locator('mx-lookup [role="option"][data-entry-id="tocilizumab"]')).toBeVisible();
    await searchBox(page).fill('HFNC');
    await searchBox(page).press('Enter');
    await expect(page.locator('mx-lookup .mx-card[data-entry-id="high-flow-nasal-cannula"] .mx-summary')).not.toBeEmpty();
    await searchBox(page).press('Escape');
  };
  await returnVisit();
  expect(await restoredMatcher(page)).toBe(true);
  await answers();

  expect(await page.evaluate(keptMatcher(true))).toBe('other'); // now a snapshot of the previous index version
  await returnVisit();
  expect(await restoredMatcher(page)).toBe(false);
  await answers();
  await expect.poll(() => page.evaluate(keptMatcher(false)), { timeout: 15_000 }).toBe('kept'); // the built matcher is kept
  await returnVisit();
  expect(await restoredMatcher(page)).toBe(true);
  await page.close();
});

test('no request carries typed or selected text', async () => {
  const page = await open('/hospital.html');
  await page.locator('mx-lookup[mode="selection"][ready]').waitFor({ state: 'attached' });
  const seen: string[] = [];
  page.on('request', (r) => seen.push(`${r.url()} ${r.postData() ?? ''}`.toLowerCase()));
  for (const [word, id] of [
    ['tocilizumab', 'tocilizumab'],
    ['baricitinib', 'baricitinib'],
    ['enoxaparin', 'heparin'],
  ] as const) {
    await searchBox(page).fill(word);
    await searchBox(page).press('Enter');
    // This word's card, not the previous one still showing while this one's text arrives.
    await expect(page.locator(`mx-lookup .mx-card[data-entry-id="${id}"]`)).toBeVisible();
  }
  await searchBox(page).press('Escape'); // the floating card covers the article
  await expect(page.locator('mx-lookup .mx-card')).toHaveCount(0);
  await page.locator('#article p').nth(1).click({ clickCount: 3 });
  await expect(page.locator('[data-mx-lookup-popover] .mx-popover')).toBeVisible();
  const all = [...seen, ...server.requests.map((r) => r.toLowerCase())];
  expect(all.filter((r) => /tocilizumab|baricitinib|enoxaparin|dexamethasone|steroids/.test(r))).toEqual([]);
  await page.close();
});
