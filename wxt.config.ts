import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { defineConfig } from 'wxt';
import { matcherCodeHash } from './scripts/matcher-code-hash.ts';
import { minifyCssLiteralsEsbuild } from './scripts/minify-css-literals.ts';

/**
 * The content script's UI (lit-html, floating-ui, the card templates) as an ES module the content
 * script imports on its first lookup: every page pays only for the small listener half.
 */
async function buildPopoverUi(): Promise<string> {
  const result = await build({
    entryPoints: ['extension/content/popover-ui.ts'],
    bundle: true,
    format: 'esm',
    minify: true,
    write: false,
    target: ['chrome110', 'firefox115'],
    legalComments: 'none',
    plugins: [minifyCssLiteralsEsbuild()],
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('popover-ui: esbuild produced nothing');
  return output.text;
}

/**
 * PDF.js's worker and data, copied into pdfjs/ for the PDF viewer: character maps (text of CJK
 * PDFs), the standard fonts, the image decoders and colour profiles, with their licences.
 */
function pdfjsAssets(): { absoluteSrc: string; relativeDest: string }[] {
  const root = 'node_modules/pdfjs-dist';
  const files = [{ absoluteSrc: join(root, 'build', 'pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' }, { absoluteSrc: join(root, 'LICENSE'), relativeDest: 'pdfjs/LICENSE' }];
  for (const dir of ['cmaps', 'standard_fonts', 'wasm', 'iccs'])
    for (const name of readdirSync(join(root, dir))) files.push({ absoluteSrc: join(root, dir, name), relativeDest: `pdfjs/${dir}/${name}` });
  return files;
}

/** A fingerprint of the bundled index, so the background's IndexedDB copy of it is never a stale one. */
function bundledIndexHash(): string {
  const file = 'public/guidance-index.json';
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 16) : 'none';
}

// The browser extension: MV3 for Chrome and Edge, and a Firefox build. Entrypoints live in
// entrypoints/ (thin), their logic in extension/ and components/, the matcher in core/.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  vite: () => ({
    define: { __MX_BUNDLED_INDEX_HASH__: JSON.stringify(bundledIndexHash()), __MX_MATCHER_CODE_HASH__: JSON.stringify(matcherCodeHash()) },
  }),
  hooks: {
    'build:publicAssets': async (_wxt, files) => {
      files.push({ relativeDest: 'popover-ui.js', contents: await buildPopoverUi() }, ...pdfjsAssets());
    },
  },
  // `npm run package`: <name>-<version>-chrome.zip, -firefox.zip and -sources.zip. The sources zip
  // holds what a reviewer needs to rebuild the Firefox add-on (`npm ci && npm run package`), not
  // the outputs of a build.
  zip: {
    name: 'medixchange-lookup',
    excludeSources: ['widget/dist/**', 'demo/react/dist/**', 'public/guidance-index.json', 'test-results/**', 'playwright-report/**', 'scratch/**', 'tests/**'],
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'activeTab', 'alarms'],
    // The PDF viewer asks for one site at a time, when a PDF from it does not open otherwise.
    ...(manifestVersion === 3 ? { optional_host_permissions: ['<all_urls>'] } : { optional_permissions: ['<all_urls>'] }),
    // Hospital IT presets sources, sites, triggers and language through policy (Chrome, Edge).
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed_schema.json' } }),
    omnibox: { keyword: 'mx' },
    // The popover UI is the one file pages could probe to learn the extension is installed: Chrome
    // serves it only at a per-session address (runtime.getURL gives it); Firefox's address is a
    // random id per installation.
    web_accessible_resources:
      manifestVersion === 3 ? [{ resources: ['popover-ui.js'], matches: ['<all_urls>'], use_dynamic_url: true }] : ['popover-ui.js'],
    commands: {
      'lookup-selection': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_commandLookup__' },
      'focus-popover': { suggested_key: { default: 'Alt+Shift+K' }, description: '__MSG_commandFocus__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected: every lookup runs locally.
            gecko: { id: 'lookup@medixchange.example', strict_min_version: '115.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
