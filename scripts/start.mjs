#!/usr/bin/env node
// `npm start`: builds the default index, the extension (Chrome/Edge and Firefox) and the widget,
// publishes the default guidance as a signed demo source, says what it built and where to load
// it, and serves the demo pages and the source on 127.0.0.1.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
run('widget', process.execPath, [join(root, 'scripts', 'build-widget.mjs')]);
run('React demo', bin('vite'), ['build', '-c', join(root, 'demo', 'react', 'vite.config.ts'), '--logLevel', 'warn']);

// The default guidance as a signed demo source (a key made once, a new version when guidance/ changed).
const demoSource = join(root, '.demo-source');
const cli = join(root, 'bin', 'mx-lookup.mjs');
if (!existsSync(join(demoSource, 'keys', 'source.key'))) run('demo source key', process.execPath, [cli, 'keygen', join(demoSource, 'keys')]);
run('demo source', process.execPath, [cli, 'publish', join(root, 'guidance'), '--key', join(demoSource, 'keys', 'source.key'), '--out', join(demoSource, 'site'), '--source', 'medixchange-demo']);

process.stdout.write(`
Built:
  default guidance index   ${index}
  Chrome / Edge extension  ${join(root, '.output', 'chrome-mv3')}
  Firefox extension        ${join(root, '.output', 'firefox-mv2')}
  <mx-lookup> widget       ${join(root, 'widget', 'dist')} (mx-lookup.js, mx-lookup.iife.js, guidance-index.json;
                           the npm package @medixchange/lookup-widget: widget/ with node/, types/, custom-elements.json)
  React demo app           ${join(root, 'demo', 'react', 'dist')} (the widget imported as a package)

Load the extension:
  Chrome/Edge: open chrome://extensions (edge://extensions), turn on Developer mode,
               "Load unpacked", choose ${join(root, '.output', 'chrome-mv3')}
  Firefox:     open about:debugging#/runtime/this-firefox, "Load Temporary Add-on…",
               choose ${join(root, '.output', 'firefox-mv2', 'manifest.json')}
Then double-click "HFNC" or "dexamethasone" on any page, or type "mx" and a term in the address bar.

Try the command line (in another terminal):
  npx mx-lookup query HFNC
  npx mx-lookup scan "58M, SOB, SpO2 88% on RA, started on HFNC and dexamethasone"
  npm run eval
  npm run bench

Serving the demo pages (Ctrl+C stops):
`);
// Serve the demo in the foreground: the hospital page with the widget, Infobutton links, the EHR
// page, and the demo source.
const demo = spawnSync(
  process.execPath,
  [cli, 'demo', '--port', process.env.PORT ?? '8080', '--source-site', join(demoSource, 'site'), '--key', join(demoSource, 'keys', 'source.pub')],
  { cwd: root, stdio: 'inherit' },
);
process.exit(demo.status ?? 0);
