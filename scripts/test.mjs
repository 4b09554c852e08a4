#!/usr/bin/env node
// `npm test`: lint, type check, builds, size budgets (size-limit), unit tests (vitest) and
// end-to-end tests (Playwright in real Chromium; the Firefox add-on in Debian's Firefox ESR through
// puppeteer-core, run by the Playwright runner). Ends with one line `N passed, N failed` over all
// test runners (each size budget counts as one test).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const reports = join(root, 'test-results');
mkdirSync(reports, { recursive: true });
let passed = 0;
let failed = 0;
let broken = [];

function step(name, command, args, env = {}) {
  process.stdout.write(`\n── ${name}: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) broken.push(name);
  return result.status === 0;
}

const bin = (name) => join(root, 'node_modules', '.bin', name);

step('lint', bin('eslint'), ['.', '--max-warnings=0']);
step('types', bin('tsc'), ['-p', '.', '--noEmit']);

// The extension (and the Firefox build test) need the compiled default index inside them.
step('build index', process.execPath, [join(root, 'bin', 'mx-lookup.mjs'), 'build', join(root, 'guidance'), '-o', join(root, 'public', 'guidance-index.json')]);
step('build extension', bin('wxt'), ['build']);
step('build Firefox add-on', bin('wxt'), ['build', '-b', 'firefox']);
// The widget and everything its npm package ships (scripts/build-widget.mjs).
step('build widget', process.execPath, [join(root, 'scripts', 'build-widget.mjs')]);
// The React app that uses the widget as a package (demo/react; a few seconds).
step('build React demo', bin('vite'), ['build', '-c', join(root, 'demo', 'react', 'vite.config.ts'), '--logLevel', 'warn']);

// Size budgets (.size-limit.json), each budget counted as one test.
process.stdout.write(`\n── size: size-limit --json\n`);
const sizes = spawnSync(bin('size-limit'), ['--json'], { cwd: root, encoding: 'utf8' });
let budgets = [];
try {
  budgets = JSON.parse(sizes.stdout);
} catch {
  process.stdout.write(`${sizes.stdout}${sizes.stderr}`);
  broken.push('size');
  failed += 1;
}
for (const b of budgets) {
  const ok = b.passed !== false;
  process.stdout.write(`  ${ok ? '✓' : '✗'} ${b.name}: ${(b.size / 1000).toFixed(2)} kB gzipped\n`);
  if (ok) passed += 1;
  else failed += 1;
}

const vitestReport = join(reports, 'vitest.json');
step('unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
if (existsSync(vitestReport)) {
  const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numTotalTests - report.numPassedTests - report.numFailedTests - (report.numPendingTests ?? 0) - (report.numTodoTests ?? 0) || 0);
} else failed += 1;

// The end-to-end tests need real browsers: Debian's packages, installed here when they can be.
const browsers = {
  chromium: { name: 'Chromium', env: 'CHROMIUM_PATH', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'], debian: 'chromium', what: 'a Chromium or Chrome binary' },
  firefox: { name: 'Firefox', env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], debian: 'firefox-esr', what: 'a Firefox binary' },
};
function ensureBrowser({ name, env, paths, debian, what }) {
  const found = () => [process.env[env], ...paths].filter(Boolean).some((p) => existsSync(p));
  if (found()) return true;
  const asRoot = process.getuid?.() === 0;
  if (existsSync('/usr/bin/apt-get') && (asRoot || existsSync('/usr/bin/sudo'))) {
    const install = `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${debian}`;
    step(`install ${debian} (Debian package)`, asRoot ? 'sh' : 'sudo', asRoot ? ['-c', install] : ['-n', 'sh', '-c', install]);
  }
  if (found()) return true;
  process.stdout.write(
    `\nNo ${name} found for the end-to-end tests, and it could not be installed here. Install Debian's package (apt-get install -y ${debian}) or set ${env} to ${what}.\n`,
  );
  broken.push(debian);
  failed += 1;
  return false;
}

/** Runs one Playwright suite and adds its totals; a suite that leaves no report counts as one failure. */
function playwrightSuite(name, config, report) {
  const reportFile = join(reports, report);
  rmSync(reportFile, { force: true }); // a report left by an earlier run must not count
  step(name, bin('playwright'), ['test', ...(config ? ['-c', config] : [])], { PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile });
  if (existsSync(reportFile)) {
    const stats = JSON.parse(readFileSync(reportFile, 'utf8')).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
  } else failed += 1;
}

const hasSpecs = (dir) => existsSync(join(root, 'tests', dir)) && readdirSync(join(root, 'tests', dir)).some((f) => f.endsWith('.spec.ts'));
if (hasSpecs('e2e') && ensureBrowser(browsers.chromium)) playwrightSuite('end-to-end', null, 'playwright.json');
if (hasSpecs('firefox') && ensureBrowser(browsers.firefox)) playwrightSuite('end-to-end in Firefox', 'playwright.firefox.config.ts', 'playwright-firefox.json');

if (broken.length > 0) process.stdout.write(`\nfailed steps: ${broken.join(', ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(broken.length > 0 || failed > 0 ? 1 : 0);
