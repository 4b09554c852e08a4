#!/usr/bin/env node
// `npm start`: builds the default index and the extension (Chrome/Edge and Firefox), then says
// what it built and where to load it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const bin = (name) => join(root, 'node_modules', '.bin', name);
function run(label, command, args) {
  process.stdout.write(`\n── ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`npm start: ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

const index = join(root, 'public', 'guidance-index.json');
run('guidance index', process.execPath, [join(root, 'bin', 'mx-lookup.mjs'), 'build', join(root, 'guidance'), '-o', index]);
run('extension for Chrome and Edge', bin('wxt'), ['build']);
run('extension for Firefox', bin('wxt'), ['build', '-b', 'firefox']);

process.stdout.write(`
Built:
  default guidance index   ${index}
  Chrome / Edge extension  ${join(root, '.output', 'chrome-mv3')}
  Firefox extension        ${join(root, '.output', 'firefox-mv2')}

Load the extension:
  Chrome/Edge: open chrome://extensions (edge://extensions), turn on Developer mode,
               "Load unpacked", choose ${join(root, '.output', 'chrome-mv3')}
  Firefox:     open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…",
               choose ${join(root, '.output', 'firefox-mv2', 'manifest.json')}
Then double-click "HFNC" or "dexamethasone" on any page, or type "mx" and a term in the address bar.

Try the command line:
  npx mx-lookup query HFNC
  npx mx-lookup scan "58M, SOB, SpO2 88% on RA, started on HFNC and dexamethasone"
  npm run eval
  npm run bench
`);
