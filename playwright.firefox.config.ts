import { defineConfig } from '@playwright/test';

// End-to-end tests of the Firefox add-on (.output/firefox-mv2) in Debian's Firefox ESR, driven
// through WebDriver BiDi by puppeteer-core (Playwright loads extensions only in Chromium): the
// Playwright runner runs them, no Playwright browser is used. One worker: every test file starts
// its own Firefox.
export default defineConfig({
  testDir: 'tests/firefox',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
});
