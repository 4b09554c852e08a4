#!/usr/bin/env node
// `npm test`: lint, type check, builds, size budgets (size-limit), unit tests (vitest) and
// end-to-end tests (Playwright in real Chromium). Ends with one line `N passed, N failed` over all
// test runners (each size budget counts as one test).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
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

// The end-to-end tests need a real Chromium: Debian's package, installed here when it can be.
const chromiumCandidates = () => [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter(Boolean);
function ensureChromium() {
  if (chromiumCandidates().some((p) => existsSync(p))) return true;
  const asRoot = process.getuid?.() === 0;
  if (existsSync('/usr/bin/apt-get') && (asRoot || existsSync('/usr/bin/sudo'))) {
    const install = 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium';
    step('install chromium (Debian package)', asRoot ? 'sh' : 'sudo', asRoot ? ['-c', install] : ['-n', 'sh', '-c', install]);
  }
  if (chromiumCandidates().some((p) => existsSync(p))) return true;
  process.stdout.write(
    "\nNo Chromium found for the end-to-end tests, and it could not be installed here. Install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.\n",
  );
  broken.push('chromium');
  failed += 1;
  return false;
}

const e2eDir = join(root, 'tests', 'e2e');
const hasE2e = existsSync(e2eDir) && readdirSync(e2eDir).some((f) => f.endsWith('.spec.ts'));
if (hasE2e && ensureChromium()) {
  const playwrightReport = join(reports, 'playwright.json');
  step('end-to-end', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  if (existsSync(playwrightReport)) {
    const stats = JSON.parse(readFileSync(playwrightReport, 'utf8')).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
  } else failed += 1;
}

if (broken.length > 0) process.stdout.write(`\nfailed steps: ${broken.join(', ')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(broken.length > 0 || failed > 0 ? 1 : 0);
