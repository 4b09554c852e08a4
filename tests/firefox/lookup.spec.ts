// User stories of lookup on a page, in Debian's Firefox ESR with the built Firefox add-on.
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import {
  dblclickFieldWord,
  dblclickWord,
  launchFirefoxWithExtension,
  popoverView,
  serveFixtures,
  targetOf,
  tripleClick,
  type FirefoxWithExtension,
  type FixtureServer,
} from './harness';

let firefox: FirefoxWithExtension;
let server: FixtureServer;
let page: Page;

test.beforeAll(async () => {
  server = await serveFixtures();
  firefox = await launchFirefoxWithExtension(server);
});
test.afterAll(async () => {
  await firefox?.close();
  await server?.close();
});
test.beforeEach(async () => {
  page = await firefox.newPage();
  await page.goto(`${server.url}/ehr.html`);
});
test.afterEach(async () => {
  await page?.close();
});

test('double-clicking a drug in the medication table shows its card', async () => {
  await dblclickWord(page, '#med-dex', 'Dexamethasone');
  await expect.poll(() => popoverView(page)).toMatchObject({ card: { id: 'dexamethasone', title: 'Dexamethasone' } });
  const card = (await popoverView(page))?.card;
  expect(card?.text).toContain('clinical judgement');
  expect(card?.text).toContain('Reviewed');
  expect(card?.sourceLinks).toBeGreaterThan(0);
});

test('double-clicking a word of a term inside a textarea shows the whole term, and the textarea keeps focus', async () => {
  await dblclickFieldWord(page, '#note', 'prone');
  await expect.poll(() => popoverView(page)).toMatchObject({ card: { id: 'awake-prone-positioning' } });
  expect((await popoverView(page))?.card?.text).toContain('Matched: Awake prone positioning');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('note');
});

test('double-clicking in a same-origin iframe shows the card inside the frame', async () => {
  await dblclickWord(page, '#lab-ferritin', 'Ferritin', { frame: '#labs' });
  const frame = await targetOf(page, '#labs');
  await expect.poll(() => popoverView(frame)).toMatchObject({ card: { id: 'ferritin', title: 'Ferritin' } });
  expect(await popoverView(page)).toBeNull(); // in the frame, not over the page
});

test('a selected note lists its findings, negated ones as such, and a measurement with the threshold it met', async () => {
  await tripleClick(page, '#vitals');
  // The three findings of the note in the order shown (the list may hold other terms too, e.g. SpO2 itself).
  const noted = ['hypoxemia', 'fever', 'cough'];
  await expect
    .poll(async () => (await popoverView(page))?.findings.filter((f) => noted.includes(f.id)).map((f) => `${f.id}: ${f.assertion}`))
    .toEqual(['hypoxemia: present', 'fever: negated', 'cough: negated']);
  const findings = (await popoverView(page))?.findings ?? [];
  expect(findings.find((f) => f.id === 'fever')?.text).toContain('no fever');
  const hypoxaemia = findings.find((f) => f.id === 'hypoxemia')?.text;
  expect(hypoxaemia).toContain('SpO2 86%');
  expect(hypoxaemia).toContain('below 90%');
  expect(hypoxaemia).toContain('WHO');
  // Present findings come first.
  const order = findings.map((f) => f.assertion);
  expect(order.indexOf('negated')).toBeGreaterThan(order.lastIndexOf('present'));
});
