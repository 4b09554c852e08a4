// User stories of lookup on a page, in real Chromium with the built extension.
import { expect, test, type Page } from '@playwright/test';
import {
  POPOVER,
  dblclickWord,
  fieldWordPoint,
  keyboardSelect,
  launchWithExtension,
  serveFixtures,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

let browser: ExtensionBrowser;
let server: FixtureServer;
let page: Page;

test.beforeAll(async () => {
  server = await serveFixtures();
  browser = await launchWithExtension();
});
test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});
test.beforeEach(async () => {
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${server.url}/ehr.html`);
});
test.afterEach(async () => {
  await page.close();
});

const card = (id: string) => page.locator(`${POPOVER} [data-entry-id="${id}"]`);

test('double-clicking a drug in the medication table shows its card', async () => {
  await dblclickWord(page, '#med-dex', 'Dexamethasone');
  await expect(card('dexamethasone')).toBeVisible();
  await expect(card('dexamethasone')).toContainText('Dexamethasone');
  await expect(card('dexamethasone')).toContainText('clinical judgement');
  await expect(card('dexamethasone')).toContainText('Reviewed');
  await expect(card('dexamethasone').locator('a[href^="https://"]').first()).toBeVisible();
});

test('double-clicking an abbreviation in page text shows its card', async () => {
  await dblclickWord(page, '#assessment', 'HFNC');
  await expect(card('high-flow-nasal-cannula')).toBeVisible();
});

test('a brand name in the table finds the drug', async () => {
  await dblclickWord(page, '#med-paxlovid', 'Paxlovid');
  await expect(card('nirmatrelvir-ritonavir')).toBeVisible();
});

test('selecting a whole sentence lists every term in it, each opening its card', async () => {
  await page.locator('#assessment').click({ clickCount: 3 });
  const list = page.locator(`${POPOVER} .mx-list`);
  await expect(list).toBeVisible();
  for (const id of ['dyspnea', 'high-flow-nasal-cannula', 'dexamethasone']) await expect(list.locator(`[data-entry-id="${id}"]`)).toBeVisible();
  await list.locator('[data-entry-id="dexamethasone"]').click();
  await expect(card('dexamethasone')).toBeVisible();
  await page.locator(`${POPOVER} .mx-back`).click();
  await expect(list.locator('[data-entry-id="dyspnea"]')).toBeVisible();
});

test('French and Chinese text find their entries', async () => {
  await page.locator('#french').click({ clickCount: 3 });
  await expect(page.locator(`${POPOVER} [data-entry-id="prone-positioning"]`)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('#chinese').click({ clickCount: 3 });
  await expect(page.locator(`${POPOVER} [data-entry-id="prone-positioning"]`)).toBeVisible();
  await expect(page.locator(`${POPOVER} [data-entry-id="dexamethasone"]`)).toBeVisible();
});

test('double-clicking one word of a multi-word term shows the whole term, the selected word marked', async () => {
  await dblclickWord(page, '#orders', 'oximetry');
  await expect(card('pulse-oximetry')).toBeVisible();
  const found = page.locator(`${POPOVER} [data-mx-found]`);
  await expect(found).toHaveText('pulse oximetry');
  await expect(found.locator('mark')).toHaveText('oximetry');
  await page.keyboard.press('Escape');
  await dblclickWord(page, '#orders', 'cannula');
  await expect(card('nasal-cannula')).toBeVisible();
});

/** What the background answers for a selection (asked from an extension page, as the content script asks). */
async function backgroundAnswer(text: string, context: string): Promise<string[]> {
  const extension = await browser.context.newPage();
  try {
    await extension.goto(`chrome-extension://${browser.extensionId}/entry.html`);
    const reply = await extension.evaluate(([t, c]) => chrome.runtime.sendMessage({ type: 'lookup', text: t, context: c, offset: c.indexOf(t) }), [text, context] as const);
    return (reply as { value: { hits: { id: string }[] } }).value.hits.map((h) => h.id);
  } finally {
    await extension.close();
  }
}

/** Double-clicks `word` and checks that nothing shows: the background answers nothing, and after its answer no popover is there. */
async function expectNothingFor(selector: string, word: string): Promise<void> {
  const context = (await page.locator(selector).textContent()) ?? '';
  expect(await backgroundAnswer(word, context), word).toEqual([]);
  await dblclickWord(page, selector, word);
  await backgroundAnswer(word, context); // one more round trip after the page's own request
  await expect(page.locator(POPOVER)).toHaveCount(0);
}

test('a word outside any term in its sentence shows nothing, even next to one', async () => {
  const sentence = (await page.locator('#orders').textContent()) ?? '';
  expect(await backgroundAnswer('oximetry', sentence)).toContain('pulse-oximetry');
  for (const word of ['Check', 'hours', 'every']) await expectNothingFor('#orders', word);
});

test('double-clicking a word of a term inside a textarea shows the whole term', async () => {
  const point = await fieldWordPoint(page, '#note', 'prone');
  await page.mouse.dblclick(point.x, point.y);
  await expect(card('awake-prone-positioning')).toBeVisible();
  await expect(page.locator(`${POPOVER} [data-mx-found]`)).toHaveText('Awake prone positioning');
  await expect(page.locator('#note')).toBeFocused();
});

test('double-clicking inside a Chinese term without spaces shows the whole term', async () => {
  await dblclickWord(page, '#chinese-o2', '导管');
  await expect(card('high-flow-nasal-cannula')).toBeVisible();
  await expect(page.locator(`${POPOVER} [data-mx-found]`)).toContainText('高流量鼻导管');
});

test('a selected note lists negated findings as such and a measurement with the threshold it met', async () => {
  await page.locator('#vitals').click({ clickCount: 3 });
  const list = page.locator(`${POPOVER} .mx-list`);
  await expect(list).toBeVisible();
  await expect(list.locator('[data-entry-id="fever"]')).toHaveAttribute('data-assertion', 'negated');
  await expect(list.locator('[data-entry-id="cough"]')).toHaveAttribute('data-assertion', 'negated');
  await expect(list.locator('[data-entry-id="fever"]')).toContainText('no fever');
  const hypoxaemia = list.locator('[data-entry-id="hypoxemia"]');
  await expect(hypoxaemia).toHaveAttribute('data-assertion', 'present');
  await expect(hypoxaemia).toContainText('SpO2 86%');
  await expect(hypoxaemia).toContainText('below 90%');
  await expect(hypoxaemia).toContainText('WHO');
  // Present findings come first.
  const order = await list.locator('[data-entry-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-assertion')));
  expect(order.indexOf('negated')).toBeGreaterThan(order.lastIndexOf('present'));
});

test('a phrase that uses a term for something else, and an abbreviation its paragraph defines otherwise, show nothing', async () => {
  // "fever" of "hay fever" (the fever entry lists the phrase under not:), "PE" defined as pleural effusion.
  await expectNothingFor('#history', 'fever');
  await expectNothingFor('#history', 'PE');
});

test('an abbreviation no entry lists is read as the initials of a term its paragraph names', async () => {
  await dblclickWord(page, '#history', 'ARIC');
  await expect(card('fever-clinic')).toBeVisible();
});

test('ordinary words show nothing', async () => {
  for (const word of ['spoon', 'Tuesday', 'family']) await expectNothingFor('#plain', word);
});

test('a word selected with the keyboard in a textarea shows its card and typing keeps focus there', async () => {
  await keyboardSelect(page, '#note', 'tocilizumab');
  await expect(card('tocilizumab')).toBeVisible();
  await expect(page.locator('#note')).toBeFocused();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Reviewed.');
  await expect(page.locator('#note')).toBeFocused();
  await expect(page.locator('#note')).toHaveValue(/Reviewed\.$/);
});

test('a double-click in a text input is read from the field', async () => {
  const point = await fieldWordPoint(page, '#search', 'remdesivir');
  await page.mouse.dblclick(point.x, point.y);
  await expect(card('remdesivir')).toBeVisible();
});

test('a contenteditable editor works like page text', async () => {
  await dblclickWord(page, '#editor', 'enoxaparin');
  await expect(page.locator(`${POPOVER} [data-entry-id]`).first()).toBeVisible();
  const id = await page.locator(`${POPOVER} [data-entry-id]`).first().getAttribute('data-entry-id');
  expect(['heparin', 'thromboprophylaxis']).toContain(id);
});

test('a same-origin iframe shows the card inside the frame', async () => {
  await dblclickWord(page, '#lab-ferritin', 'Ferritin', { frame: '#labs' });
  await expect(page.frameLocator('#labs').locator(`${POPOVER} [data-entry-id="ferritin"]`)).toBeVisible();
});

test('text inside an open shadow root is found', async () => {
  await dblclickWord(page, '#shadow-text', 'remdesivir', { host: '#allergy' });
  await expect(card('remdesivir')).toBeVisible();
});

test('Escape and a click outside close the popover', async () => {
  await dblclickWord(page, '#assessment', 'HFNC');
  await expect(card('high-flow-nasal-cannula')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.locator(POPOVER)).toHaveCount(0);
  await dblclickWord(page, '#assessment', 'HFNC');
  await expect(card('high-flow-nasal-cannula')).toBeVisible();
  await page.mouse.click(1200, 760);
  await expect(page.locator(POPOVER)).toHaveCount(0);
});

test('related entries and the language switch work inside the card', async () => {
  await dblclickWord(page, '#assessment', 'HFNC');
  await page.locator(`${POPOVER} button[lang="fr"]`).click();
  await expect(card('high-flow-nasal-cannula').locator('h2')).toHaveAttribute('lang', 'fr');
  await page.locator(`${POPOVER} [data-related-id]`).first().click();
  await expect(page.locator(`${POPOVER} .mx-card`)).not.toHaveAttribute('data-entry-id', 'high-flow-nasal-cannula');
  await page.locator(`${POPOVER} .mx-back`).click();
  await expect(card('high-flow-nasal-cannula')).toBeVisible();
});

test('the shortcut moves focus into the popover for keyboard use', async () => {
  await dblclickWord(page, '#assessment', 'HFNC');
  await expect(card('high-flow-nasal-cannula')).toBeVisible();
  // Chromium does not deliver extension shortcuts to headless pages: send the command the way the background does.
  const sent = await browser.worker.evaluate(async () => {
    // Without the "tabs" permission tab URLs are hidden: ask every tab; the one showing a popover says true.
    const answers = await Promise.all(
      (await chrome.tabs.query({})).map((tab) =>
        tab.id === undefined ? false : chrome.tabs.sendMessage(tab.id, { type: 'focus-popover' }, { frameId: 0 }).catch(() => false),
      ),
    );
    return String(answers.includes(true));
  });
  expect(sent).toBe('true');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => {
    const host = document.querySelector('[data-mx-lookup-popover]');
    return host?.shadowRoot?.activeElement?.localName ?? null;
  });
  expect(['button', 'a']).toContain(focused);
});
