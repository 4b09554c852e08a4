// Shared set-up of the Chromium end-to-end tests: Debian's Chromium with the built extension
// loaded, a log of every request made, and Playwright helpers over the fixture pages (their server
// and in-page measuring live in fixture-pages.ts, shared with the Firefox suite in tests/firefox/).
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { ROOT, fieldWordCentre, frameContentOrigin, wordCentre } from './fixture-pages';

export { POPOVER, ROOT, serveFixtures, type FixtureServer } from './fixture-pages';
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error('No Chromium found: install Debian\'s package (apt-get install -y chromium) or set CHROMIUM_PATH.');
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Every request URL (with POST bodies) seen by the context's pages, frames and the service worker. */
  traffic: string[];
  close(): Promise<void>;
}

/**
 * Launches Chromium with the built extension. `editIndex` changes the bundled index of a copy of
 * the extension first (to test what hostile index content does).
 */
export async function launchWithExtension(options: { editIndex?: (index: { entries: Record<string, unknown>[] }) => void } = {}): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`Build the extension first (npx wxt build): ${EXTENSION_DIR} is missing`);
  let dir = EXTENSION_DIR;
  if (options.editIndex) {
    dir = mkdtempSync(join(tmpdir(), 'mx-extension-'));
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    const indexFile = join(dir, 'guidance-index.json');
    const index = JSON.parse(readFileSync(indexFile, 'utf8'));
    options.editIndex(index);
    writeFileSync(indexFile, JSON.stringify(index));
  }
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${dir}`,
      `--load-extension=${dir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const traffic: string[] = [];
  context.on('request', (request) => traffic.push(`${request.method()} ${request.url()} ${request.postData() ?? ''}`));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker, traffic, close: () => context.close() };
}

/** Selects the text of an element (or a part of it) with a real mouse drag. */
export async function dragSelect(page: Page, selector: string, frame = page.mainFrame()): Promise<void> {
  const box = await frame.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  const y = box.y + Math.min(box.height / 2, 10);
  await page.mouse.move(box.x + 1, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width - 2, y, { steps: 5 });
  await page.mouse.up();
}

/**
 * The viewport rectangle of `word` inside the element `selector` (in `frame`, optionally inside an
 * open shadow root of `host`), found with a DOM Range: where a person would double-click.
 */
export async function wordPoint(page: Page, selector: string, word: string, options: { frame?: string; host?: string } = {}): Promise<{ x: number; y: number }> {
  const frame = options.frame ? page.frameLocator(options.frame) : null;
  const target = frame ? frame.locator(options.host ?? selector) : page.locator(options.host ?? selector);
  const rect = await target.evaluate(wordCentre, { selector, word, inShadow: Boolean(options.host) });
  if (!options.frame) return rect;
  const origin = await page.locator(options.frame).evaluate(frameContentOrigin);
  return { x: rect.x + origin.x, y: rect.y + origin.y };
}

export async function dblclickWord(page: Page, selector: string, word: string, options: { frame?: string; host?: string } = {}): Promise<void> {
  const point = await wordPoint(page, selector, word, options);
  await page.mouse.dblclick(point.x, point.y);
}

/** The on-screen centre of `word` inside a <textarea> or text <input>, measured with a mirror of the field. */
export async function fieldWordPoint(page: Page, selector: string, word: string): Promise<{ x: number; y: number }> {
  return page.locator(selector).evaluate(fieldWordCentre, word);
}

/** Selects `word` in a text field with the keyboard (caret placed, then Shift+ArrowRight). */
export async function keyboardSelect(page: Page, selector: string, word: string): Promise<void> {
  const field = page.locator(selector);
  await field.click();
  await field.evaluate((el, w) => {
    const input = el as HTMLTextAreaElement;
    const at = input.value.indexOf(w);
    input.setSelectionRange(at, at);
  }, word);
  for (let i = 0; i < word.length; i++) await page.keyboard.press('Shift+ArrowRight');
}

/** How a test alters records in IndexedDB: damage of several kinds, or times moved so a sync is due or long past. */
export type Alteration = 'garbage' | 'other-shape' | 'cut-short' | 'other-source' | 'sync-due' | 'tried-long-ago';

/**
 * Alters every record of `database`/`store` whose key starts with `prefix`, in the origin of
 * `page` (a widget's page, or an extension page: the extension's pages and worker share theirs).
 * Returns how many records were altered.
 */
export function alterRecords(page: Page, database: string, store: string, prefix: string, how: Alteration): Promise<number> {
  return page.evaluate(
    ([database, store, prefix, how]) =>
      new Promise<number>((done, fail) => {
        let altered = 0;
        const opening = indexedDB.open(database);
        opening.onerror = () => fail(opening.error);
        opening.onsuccess = () => {
          const transaction = opening.result.transaction(store, 'readwrite');
          const cursor = transaction.objectStore(store).openCursor();
          cursor.onsuccess = () => {
            const at = cursor.result;
            if (!at) return;
            if (String(at.key).startsWith(prefix)) {
              const v = at.value;
              const epoch = new Date(0).toISOString();
              const next =
                how === 'garbage' ? 'garbage{'
                : how === 'other-shape' ? { version: 'two', status: 'ok' }
                : how === 'cut-short' ? { format: v.format, formatVersion: v.formatVersion, source: v.source, version: v.version }
                : how === 'other-source' ? { ...v, source: 'another-hospital' }
                : how === 'sync-due' ? { ...v, status: { ...v.status, nextAttempt: epoch } }
                : { ...v, status: { ...v.status, lastAttempt: epoch, nextAttempt: epoch } };
              at.update(next);
              altered += 1;
            }
            at.continue();
          };
          transaction.oncomplete = () => done(altered);
          transaction.onerror = () => fail(transaction.error);
        };
      }),
    [database, store, prefix, how] as const,
  );
}

/** The first record of `database`/`store` whose key starts with `prefix`, as stored. */
export function firstRecord<T>(page: Page, database: string, store: string, prefix: string): Promise<T | undefined> {
  return page.evaluate(
    ([database, store, prefix]) =>
      new Promise<T | undefined>((done, fail) => {
        const opening = indexedDB.open(database);
        opening.onerror = () => fail(opening.error);
        opening.onsuccess = () => {
          const cursor = opening.result.transaction(store).objectStore(store).openCursor();
          cursor.onsuccess = () => {
            if (!cursor.result) return done(undefined);
            if (String(cursor.result.key).startsWith(prefix)) return done(cursor.result.value as T);
            cursor.result.continue();
          };
        };
      }),
    [database, store, prefix] as const,
  );
}

/** Runs axe on `page` (or the part `include` selects) and expects no violations. */
export async function expectNoAxeViolations(page: Page, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  expect(results.passes.length).toBeGreaterThan(10); // axe really ran over something
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/**
 * A page expression: the version of the whole guidance index the widget keeps in IndexedDB for
 * offline use (every entry with its card text), or 0 while there is none.
 */
export const CACHED_INDEX_VERSION = `new Promise((done) => {
  const open = indexedDB.open('keyval-store');
  open.onerror = () => done(0);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('keyval')) return done(0);
    const all = db.transaction('keyval').objectStore('keyval').getAll();
    all.onsuccess = () => {
      const record = all.result.find((r) => r && r.index && r.index.entries);
      done(record && record.index.entries.every((e) => e.summary && e.summary.en) ? record.version || 0 : 0);
    };
    all.onerror = () => done(0);
  };
})`;
