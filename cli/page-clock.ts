// What the Chromium benchmarks (extension, widget) time on the page's own clock: the last mouseup
// or keydown, and the moment the popover shows a card placed on screen. Built with `new Function`
// so that what Playwright serializes carries none of tsx's helpers.
import type { Page } from '@playwright/test';
import { wordPoint } from '../tests/e2e/harness';

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Resets the clock; the next mouseup or keydown starts it. */
export const armClock = new Function(`
  window.__mxT0 = 0;
  if (!window.__mxClock) {
    window.__mxClock = true;
    window.addEventListener('mouseup', () => { window.__mxT0 = performance.now(); }, true);
    window.addEventListener('keydown', () => { window.__mxT0 = performance.now(); }, true);
  }`) as () => void;

/** Ms since the clock started once the popover shows a card for `word`, placed on screen (0 = not yet). */
const placedSince = new Function(
  'word',
  `const host = document.querySelector('[data-mx-lookup-popover]');
   const panel = host && host.shadowRoot && host.shadowRoot.querySelector('.mx-popover');
   const mark = panel && panel.querySelector('.mx-matched mark');
   const placed = Boolean(panel && panel.style.left && mark && mark.textContent === word);
   return placed && window.__mxT0 > 0 ? performance.now() - window.__mxT0 : 0;`,
) as (word: string) => number;

/** One double-click on `word` inside `selector`: ms from the mouseup to the card placed (polled every ms). */
export async function doubleClickLookup(page: Page, selector: string, word: string): Promise<number> {
  await page.keyboard.press('Escape');
  await page.waitForFunction('!document.querySelector("[data-mx-lookup-popover]")');
  await page.evaluate(armClock);
  const point = await wordPoint(page, selector, word);
  await page.mouse.dblclick(point.x, point.y);
  return (await (await page.waitForFunction(placedSince, word, { polling: 1, timeout: 10_000 })).jsonValue()) as number;
}
