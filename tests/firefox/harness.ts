// Shared set-up of the Firefox end-to-end tests: Debian's Firefox ESR driven through WebDriver BiDi
// (puppeteer-core), the built add-on (.output/firefox-mv2) installed as a temporary add-on, every
// request the browser makes sent through a recording proxy, and what the popover shows read from
// its shadow root. The fixture pages and the in-page measuring are the Chromium suite's
// (tests/e2e/fixture-pages.ts).
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { ROOT, fieldWordCentre, frameContentOrigin, wordCentre, type FixtureServer, type Point } from '../e2e/fixture-pages';

export { POPOVER, serveFixtures, type FixtureServer } from '../e2e/fixture-pages';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv2');

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error("No Firefox found: install Debian's package (apt-get install -y firefox-esr) or set FIREFOX_PATH.");
  return found;
}

/** What a test may call in a page: a page, or a frame of one. */
type Target = Page | Frame;

interface RecordingProxy {
  port: number;
  traffic: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that records every request it is asked for (method, URL, body), passes those for
 * the fixture server on to it, and refuses everything else, HTTPS tunnels included (their host is
 * recorded): nothing the browser sends can leave unseen.
 */
async function startRecordingProxy(fixtures: FixtureServer): Promise<RecordingProxy> {
  const traffic: string[] = [];
  const upstream = new URL(fixtures.url);
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      traffic.push(`${req.method} ${req.url} ${body.toString('utf8')}`);
      const target = URL.canParse(req.url ?? '') ? new URL(req.url ?? '') : null;
      if (!target || target.host !== upstream.host) {
        res.writeHead(502, { 'content-type': 'text/plain' }).end('refused by the test proxy');
        return;
      }
      const forward = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: `${target.pathname}${target.search}`, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', (error) => res.writeHead(502, { 'content-type': 'text/plain' }).end(`fixture server: ${error.message}`));
      forward.end(body);
    });
  });
  server.on('connect', (req, socket) => {
    traffic.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('upgrade', (req, socket) => {
    traffic.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    traffic,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`: where the add-on's pages are. */
  origin: string;
  /**
   * Every request the browser made, whoever made it (pages, frames, the add-on's background,
   * Firefox itself): `METHOD URL BODY`, or `CONNECT host:port` for a refused HTTPS tunnel.
   */
  traffic: string[];
  /** A new tab of 1280×800. */
  newPage(): Promise<Page>;
  /** A new tab showing one of the add-on's pages (`/popup.html`), loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts Firefox with the built add-on installed. Firefox gives each add-on a random UUID per
 * profile unless the `extensions.webextensions.uuids` preference names one: naming it tells us
 * the add-on's page URLs (BiDi lists no background page to read it from).
 */
export async function launchFirefoxWithExtension(fixtures: FixtureServer): Promise<FirefoxWithExtension> {
  const manifestFile = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`Build the Firefox add-on first (npx wxt build -b firefox): ${FIREFOX_EXTENSION_DIR} is missing`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${manifestFile}: browser_specific_settings.gecko.id is missing`);
  const uuid = randomUUID();
  const proxy = await startRecordingProxy(fixtures);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // WebDriver BiDi navigates only to http(s), file and blob URLs unless system access is allowed:
    // the add-on's own pages (moz-extension://) need it.
    args: ['-remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.no_proxies_on': '',
      'network.proxy.allow_hijacking_localhost': true,
      'network.dns.disablePrefetch': true,
    },
  });
  try {
    const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
    if (installed !== addonId) throw new Error(`Firefox installed the add-on as ${installed}, not ${addonId}`);
  } catch (error) {
    await browser.close();
    await proxy.close();
    throw error;
  }
  const origin = `moz-extension://${uuid}`;
  const newPage = async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    return page;
  };
  return {
    browser,
    origin,
    traffic: proxy.traffic,
    newPage,
    async openExtensionPage(path) {
      const page = await newPage();
      await navigateWithoutEvents(page, `${origin}${path}`);
      return page;
    },
    async close() {
      await browser.close();
      await proxy.close();
    },
  };
}

/**
 * Loads `url` in `page` and waits until it is complete. Firefox sends no BiDi navigation events for
 * documents of the add-on's process, so `page.goto` would wait for them in vain; the bare
 * `browsingContext.navigate` command still answers once the page has loaded. Puppeteer's BiDi frame
 * keeps that context in a field of its own, checked here.
 */
async function navigateWithoutEvents(page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext?: { navigate?: unknown } }).browsingContext;
  if (!context || typeof context.navigate !== 'function')
    throw new Error('puppeteer-core no longer keeps the BiDi browsing context on its frame: update navigateWithoutEvents in tests/firefox/harness.ts');
  await (context.navigate as (url: string, wait: 'complete') => Promise<void>).call(context, url, 'complete');
  const loaded = await page.evaluate(() => location.href);
  if (loaded !== url) throw new Error(`${url} did not load (the tab shows ${loaded})`);
}

async function frameOf(page: Page, selector: string): Promise<Frame> {
  const element = await page.$(selector);
  const frame = await element?.contentFrame();
  if (!frame) throw new Error(`${selector} is not a frame of ${page.url()}`);
  return frame;
}

/** The frame `selector` of `page` (an <iframe>), or the page itself. */
export async function targetOf(page: Page, frame?: string): Promise<Target> {
  return frame ? frameOf(page, frame) : page;
}

/**
 * The viewport centre of `word` inside the element `selector` (in the <iframe> `frame`, or inside
 * the open shadow root of `host`): where a person would double-click.
 */
export async function wordPoint(page: Page, selector: string, word: string, options: { frame?: string; host?: string } = {}): Promise<Point> {
  const target = await targetOf(page, options.frame);
  const element = await target.$(options.host ?? selector);
  if (!element) throw new Error(`${options.host ?? selector} not found`);
  const centre = await element.evaluate(wordCentre, { selector, word, inShadow: Boolean(options.host) });
  if (!options.frame) return centre;
  const origin = await page.$eval(options.frame, frameContentOrigin);
  return { x: centre.x + origin.x, y: centre.y + origin.y };
}

export async function dblclickWord(page: Page, selector: string, word: string, options: { frame?: string; host?: string } = {}): Promise<void> {
  const point = await wordPoint(page, selector, word, options);
  await page.mouse.click(point.x, point.y, { count: 2 });
}

/** Double-clicks `word` inside the <textarea> or text <input> `selector`. */
export async function dblclickFieldWord(page: Page, selector: string, word: string): Promise<void> {
  const point = await page.$eval(selector, fieldWordCentre, word);
  await page.mouse.click(point.x, point.y, { count: 2 });
}

/** Selects the whole paragraph `selector` the way a person does: a triple click inside it. */
export async function tripleClick(page: Page, selector: string): Promise<void> {
  const box = await (await page.$(selector))?.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  await page.mouse.click(box.x + 10, box.y + Math.min(box.height / 2, 10), { count: 3 });
}

/** What the popover shows a person: a card, or the terms found in a selected sentence. */
export interface PopoverView {
  /** The entry card on top: its id and title. */
  card: { id: string; title: string; text: string; sourceLinks: number } | null;
  /** The terms found in a selected sentence, in the order shown, each with how the text asserts it. */
  findings: { id: string; assertion: string; text: string }[];
}

/** In the page: what the popover shows, or null when there is no popover on screen. */
function readPopover(): PopoverView | null {
  const root = document.querySelector('[data-mx-lookup-popover]')?.shadowRoot;
  const panel = root?.querySelector('.mx-popover');
  if (!root || !panel) return null;
  const box = panel.getBoundingClientRect();
  const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth;
  if (!onScreen) return null;
  const card = root.querySelector('.mx-card[data-entry-id]');
  const clean = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  return {
    card: card
      ? {
          id: card.getAttribute('data-entry-id') ?? '',
          title: clean(card.querySelector('h2')?.textContent),
          text: clean(card.textContent),
          sourceLinks: card.querySelectorAll('a[href^="https://"]').length,
        }
      : null,
    findings: [...root.querySelectorAll('.mx-list [data-entry-id]')].map((el) => ({
      id: el.getAttribute('data-entry-id') ?? '',
      assertion: el.getAttribute('data-assertion') ?? '',
      text: clean(el.textContent),
    })),
  };
}

export function popoverView(target: Target): Promise<PopoverView | null> {
  return target.evaluate(readPopover);
}

/** Closes the popover with Escape and waits until it is gone. */
export async function closePopover(page: Page, target: Target = page): Promise<void> {
  await page.keyboard.press('Escape');
  await target.waitForFunction(() => !document.querySelector('[data-mx-lookup-popover]'));
}

/**
 * What the add-on's background answers for `text` selected in `context`, asked from one of its
 * pages the way the content script asks. A lookup the page sent before is answered before this one.
 */
export async function backgroundAnswer(extensionPage: Page, text: string, context: string): Promise<string[]> {
  const reply = await extensionPage.evaluate(
    (t, c) => {
      const runtime = (globalThis as unknown as { browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).browser.runtime;
      return runtime.sendMessage({ type: 'lookup', text: t, context: c, offset: c.indexOf(t) });
    },
    text,
    context,
  );
  const hits = (reply as { ok?: boolean; value?: { hits?: { id: string }[] } } | undefined)?.value?.hits;
  if (!hits) throw new Error(`the background answered ${JSON.stringify(reply)}`);
  return hits.map((h) => h.id);
}

/** What the search panel of an add-on page (popup, entry page) shows: its suggestions and the card opened. */
export interface SearchPanelView {
  /** Where the keyboard is inside the panel (`input`, `button`…), or null. */
  focused: string | null;
  suggestions: string[];
  card: { id: string; title: string } | null;
}

function readSearchPanel(): SearchPanelView | null {
  const root = document.querySelector('mx-search-panel')?.shadowRoot;
  if (!root) return null;
  const card = root.querySelector('.mx-card[data-entry-id]');
  return {
    focused: root.activeElement?.localName ?? null,
    suggestions: [...root.querySelectorAll('[role="option"][data-entry-id]')].map((el) => el.getAttribute('data-entry-id') ?? ''),
    card: card ? { id: card.getAttribute('data-entry-id') ?? '', title: (card.querySelector('h2')?.textContent ?? '').trim() } : null,
  };
}

export function searchPanelView(page: Page): Promise<SearchPanelView | null> {
  return page.evaluate(readSearchPanel);
}
