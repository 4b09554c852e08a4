import { defineConfig } from '@playwright/test';

// Report the service worker's requests too (the privacy test reads every request).
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

// End-to-end tests in real Chromium with the built extension (.output/chrome-mv3): one worker,
// since every test file starts its own browser with the extension loaded.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
});
