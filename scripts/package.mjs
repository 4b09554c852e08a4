#!/usr/bin/env node
// `npm run package`: the store and hospital-IT packages, named with the version, in .output/:
// the Chrome/Edge zip (MV3), the Firefox zip (MV2) and the sources zip Mozilla's reviewers build
// the Firefox add-on from (`npm ci && npm run package`). Prints what it wrote.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.output');
const bin = (name) => join(root, 'node_modules', '.bin', name);
function run(label, command, args) {
  process.stdout.write(`\n── ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    process.stderr.write(`npm run package: ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

// A production build whoever calls (a test runner sets NODE_ENV=test, which selects Lit's development
// build), stamped with one time: the last commit's, or SOURCE_DATE_EPOCH when given, so that the
// sources zip rebuilds the same packages.
const commitTime = spawnSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8' }).stdout?.trim();
const epoch = process.env.SOURCE_DATE_EPOCH || commitTime || String(Math.floor(Date.now() / 1000));
const env = { ...process.env, NODE_ENV: 'production', SOURCE_DATE_EPOCH: epoch };

// Zips of an earlier version would be mistaken for this one's.
mkdirSync(out, { recursive: true });
for (const name of readdirSync(out, { withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith('.zip')).map((f) => f.name)) rmSync(join(out, name));

run('guidance index', process.execPath, [join(root, 'bin', 'mx-lookup.mjs'), 'build', join(root, 'guidance'), '-o', join(root, 'public', 'guidance-index.json')]);
run('Chrome and Edge package', bin('wxt'), ['zip']);
run('Firefox package and its sources', bin('wxt'), ['zip', '-b', 'firefox']);

const zips = readdirSync(out).filter((name) => name.endsWith('.zip')).sort();
process.stdout.write('\nPackages:\n');
for (const name of zips) process.stdout.write(`  ${join(out, name)}  ${(statSync(join(out, name)).size / 1000).toFixed(1)} kB\n`);
process.stdout.write(`\nBuilt at SOURCE_DATE_EPOCH=${epoch}: from the sources zip, \`SOURCE_DATE_EPOCH=${epoch} npm run package\` rebuilds packages with the same files.\n`);
