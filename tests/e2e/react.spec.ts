// The React demo (demo/react, served at /react/): a Vite + React 19 app that installs the widget as
// the npm package @medixchange/lookup-widget and imports it by name. React sets the element's
// properties (index, placeholder, lang) and listens to its events; the page shows what the widget
// told React. Built by `npm test` before the end-to-end tests (npm run build:demo).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, expect, test, type Browser } from '@playwright/test';
import { startDemoServer, type DemoServer } from '../../cli/serve-demo';
import { chromiumPath, ROOT } from './harness';

let browser: Browser;
let server: DemoServer;
test.beforeAll(async () => {
  if (!existsSync(join(ROOT, 'demo', 'react', 'dist', 'index.html'))) throw new Error('the React demo is not built: run npm run build:widget && npm run build:demo');
  server = await startDemoServer(0);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const index = JSON.parse(readFileSync(join(ROOT, 'widget', 'dist', 'guidance-index.json'), 'utf8')) as { entries: { id: string; title: Record<string, string> }[] };
const titleOf = (id: string, lang: string) => index.entries.find((e) => e.id === id)?.title[lang];

test('a React app sets the widget’s properties and sees its events', async () => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const page = await context.newPage();
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.url}/react/`);

  const widget = page.locator('mx-lookup');
  const searchBox = widget.locator('input[role="combobox"]');
  const opened = page.getByTestId('opened').locator('li');

  // mx-lookup-ready reached React state, with the number of entries of the index React pointed it at.
  await expect(page.getByTestId('ready')).toHaveText(`Ready: ${index.entries.length} guidance entries (from the network).`);
  // The `index` property: the widget fetched the index from the app's own asset, the address React gave it.
  expect(requested.filter((path) => path.endsWith('.json'))).toEqual([expect.stringMatching(/^\/react\/assets\/guidance-index-[\w-]+\.json$/)]);
  // The `placeholder` property, from React.
  await expect(searchBox).toHaveAttribute('placeholder', 'Search the ward handbook');
  await expect(opened).toHaveCount(0);

  // Search, open a card: React's list shows the event's entry id.
  await searchBox.fill('dexa');
  await widget.locator('[role="option"][data-entry-id="dexamethasone"]').click();
  await expect(widget.locator('.mx-card[data-entry-id="dexamethasone"] h2')).toHaveText(titleOf('dexamethasone', 'en') ?? 'missing title');
  await expect(opened).toHaveCount(1);
  await expect(opened.first()).toHaveAttribute('data-opened-id', 'dexamethasone');
  await searchBox.press('Escape');
  await expect(widget.locator('.mx-card')).toHaveCount(0);

  // React state changes the `lang` property (and the placeholder with it): the next card is in French.
  await page.getByTestId('language').selectOption('fr');
  await expect(widget).toHaveJSProperty('lang', 'fr');
  await expect(searchBox).toHaveAttribute('placeholder', 'Chercher dans le guide du service');
  await searchBox.fill('HFNC');
  await widget.locator('[role="option"][data-entry-id="high-flow-nasal-cannula"]').click();
  const card = widget.locator('.mx-card[data-entry-id="high-flow-nasal-cannula"] h2');
  await expect(card).toHaveAttribute('lang', 'fr');
  await expect(card).toHaveText(titleOf('high-flow-nasal-cannula', 'fr') ?? 'missing title');
  await expect(opened).toHaveCount(2);
  await expect(opened.first()).toHaveAttribute('data-opened-id', 'high-flow-nasal-cannula');

  expect(errors).toEqual([]);
  await context.close();
});
