#!/usr/bin/env node
// `npm run build:widget`: everything the widget's npm package (@medixchange/lookup-widget, widget/)
// ships, in widget/dist/:
//   mx-lookup.js, its chunks, mx-lookup.iife.js, guidance-index.json   what a site copies (vite, widget/vite.config.ts)
//   node/mx-lookup.js          the same element for Node (server-side rendering), with Lit's Node build
//   custom-elements.json       the Custom Elements Manifest, from the element's source (cem analyze)
//   types/mx-lookup.d.ts       declarations from the source (one file), types/react.d.ts JSX typing
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { build } from 'vite';

const root = new URL('..', import.meta.url).pathname;
const widget = join(root, 'widget');
const dist = join(widget, 'dist');
const bin = (name) => join(root, 'node_modules', '.bin', name);
function run(label, command, args, cwd = root) {
  const result = spawnSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) {
    process.stderr.write(`build:widget: ${label} failed\n`);
    process.exit(result.status ?? 1);
  }
}

// The widget carries the default index: build it when it was never built (a fresh clone packing the widget).
if (!existsSync(join(root, 'public', 'guidance-index.json')))
  run('default index', process.execPath, [join(root, 'bin', 'mx-lookup.mjs'), 'build', join(root, 'guidance'), '-o', join(root, 'public', 'guidance-index.json')]);

// What browsers load (empties widget/dist first).
await build({ configFile: join(widget, 'vite.config.ts'), logLevel: 'warn' });

// For Node: Lit resolved under the `node` condition at run time (its Node build defines elements on
// a DOM shim), everything else bundled; the lazily loaded parts inlined, since no server loads them.
await build({
  configFile: false,
  root: widget,
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: join(widget, 'index.ts'),
    outDir: join(dist, 'node'),
    emptyOutDir: true,
    minify: true,
    target: 'node20',
    rolldownOptions: { output: { entryFileNames: 'mx-lookup.js', codeSplitting: false } },
  },
  ssr: { noExternal: true, external: ['lit'] },
});

run('custom elements manifest', bin('cem'), ['analyze', '--quiet'], widget);

// Declarations: one file for the entry, bundled from tsc's declaration output (Lit stays an import).
const types = join(dist, 'types');
mkdirSync(types, { recursive: true });
run('declarations', bin('dts-bundle-generator'), [
  '--silent',
  '--project', join(root, 'tsconfig.json'),
  '--inline-declare-global',
  '--no-banner',
  '-o', join(types, 'mx-lookup.d.ts'),
  join(widget, 'index.ts'),
]);
// react.ts is types only and imports './mx-lookup', the file above: its declaration is itself.
const react = ts.transpileDeclaration(readFileSync(join(widget, 'react.ts'), 'utf8'), { fileName: 'react.ts', compilerOptions: { strict: true } });
if (react.diagnostics?.length) {
  process.stderr.write(`build:widget: react.d.ts: ${react.diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('; ')}\n`);
  process.exit(1);
}
writeFileSync(join(types, 'react.d.ts'), react.outputText);
