// The privacy invariant in Firefox: selected text never leaves the browser. Every request Firefox
// makes (pages, frames, the add-on's background and pages, Firefox itself) goes through the
// harness's recording proxy; none may carry a word that was looked up.
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import {
  closePopover,
  dblclickFieldWord,
  dblclickWord,
  launchFirefoxWithExtension,
  popoverView,
  searchPanelView,
  serveFixtures,
  targetOf,
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

interface Lookup {
  /** The words the person selected or typed. */
  words: string[];
  /** Selects them as a person does. */
  run(page: Page): Promise<void>;
  /** An entry the popover then shows; null for an ordinary word (nothing shows, the next lookup follows). */
  shows: string | null;
  frame?: string;
}

const lookups: Lookup[] = [
  { words: ['HFNC'], shows: 'high-flow-nasal-cannula', run: (p) => dblclickWord(p, '#assessment', 'HFNC') },
  { words: ['dexamethasone'], shows: 'dexamethasone', run: (p) => dblclickWord(p, '#assessment', 'dexamethasone') },
  { words: ['Paxlovid'], shows: 'nirmatrelvir-ritonavir', run: (p) => dblclickWord(p, '#med-paxlovid', 'Paxlovid') },
  { words: ['Enoxaparin'], shows: 'heparin', run: (p) => dblclickWord(p, '#med-enox', 'Enoxaparin') },
  { words: ['spoon'], shows: null, run: (p) => dblclickWord(p, '#plain', 'spoon') },
  { words: ['tocilizumab'], shows: 'tocilizumab', run: (p) => dblclickFieldWord(p, '#note', 'tocilizumab') },
  { words: ['remdesivir'], shows: 'remdesivir', run: (p) => dblclickWord(p, '#shadow-text', 'remdesivir', { host: '#allergy' }) },
  { words: ['CRP'], shows: 'c-reactive-protein', frame: '#labs', run: (p) => dblclickWord(p, '#lab-crp', 'CRP', { frame: '#labs' }) },
  { words: ['denies', 'fever', 'cough', 'SpO2 86%'], shows: 'hypoxemia', run: (p) => tripleClick(p, '#vitals') },
  { words: ['décubitus ventral', 'oxygénothérapie'], shows: 'prone-positioning', run: (p) => tripleClick(p, '#french') },
  { words: ['俯卧位通气', '地塞米松'], shows: 'dexamethasone', run: (p) => tripleClick(p, '#chinese') },
];

/** Every way a word could travel in a request: as written, lower-cased, and URL-encoded. */
function needles(word: string): string[] {
  const lower = word.toLowerCase();
  return [...new Set([lower, encodeURIComponent(lower).toLowerCase(), encodeURIComponent(lower).replace(/%20/g, '+').toLowerCase()])];
}

test('no request of Firefox, the page, its frames or the add-on carries the selected or typed text during 33 lookups and a popup search', async () => {
  const page = await firefox.newPage();
  await page.goto(`${server.url}/ehr.html`);
  const looked: string[] = [];
  for (let round = 0; round < 3; round++) {
    for (const lookup of lookups) {
      await lookup.run(page);
      looked.push(...lookup.words);
      if (lookup.shows === null) continue;
      const target = await targetOf(page, lookup.frame);
      await expect
        .poll(async () => {
          const view = await popoverView(target);
          return [view?.card?.id, ...(view?.findings.map((f) => f.id) ?? [])];
        }, { message: lookup.words.join(' ') })
        .toContain(lookup.shows);
      await closePopover(page, target);
    }
  }
  // The popup's search: typed words go to the background and nowhere else.
  const popup = await firefox.openExtensionPage('/popup.html');
  await expect.poll(async () => (await searchPanelView(popup))?.focused).toBe('input');
  await popup.keyboard.type('ferritin');
  await expect.poll(async () => (await searchPanelView(popup))?.suggestions).toContain('ferritin');
  looked.push('ferritin');
  await popup.close();

  const seen = [...firefox.traffic, ...server.requests].map((request) => request.toLowerCase());
  // The recorder works: the page and its frame came through the proxy.
  expect(firefox.traffic.some((request) => request.startsWith(`GET ${server.url}/ehr.html`))).toBe(true);
  expect(firefox.traffic.some((request) => request.startsWith(`GET ${server.url}/labs.html`))).toBe(true);
  const words = [...new Set(looked)];
  const leaks = seen.filter((request) => words.some((word) => needles(word).some((needle) => request.includes(needle))));
  expect(leaks).toEqual([]);
  await page.close();
});
