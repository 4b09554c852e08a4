// The widget's build, in widget/dist/: the ES module mx-lookup.js and the chunks it loads lazily
// (the popover, the sync client), the classic-script loader mx-lookup.iife.js, and the default
// guidance index copied next to them (the widget loads it from beside its script), whole and in
// compressed parts (guidance/).
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { defineConfig } from 'vite';
import { matcherCodeHash } from '../scripts/matcher-code-hash.ts';
import { minifyCssLiteralsPlugin } from '../scripts/minify-css-literals.ts';
import { cardTextGroups, matchPart, nearPart } from '../core/index/split.ts';
import type { GuidanceIndex } from '../core/index/types.ts';

/**
 * The index in parts for slow connections, gzip-compressed here so that a server which does not
 * compress still sends them small (the widget decompresses them with DecompressionStream):
 * guidance/match.json.gz (what matching needs), guidance/near.json.gz (the lexicon's near words,
 * which only spelling correction needs: fetched after it) and guidance/cards-<n>.json.gz (the cards' text).
 */
function writeIndexParts(indexFile: string, dir: string): void {
  const index = JSON.parse(readFileSync(indexFile, 'utf8')) as GuidanceIndex;
  mkdirSync(dir, { recursive: true });
  const gz = (value: unknown) => gzipSync(JSON.stringify(value), { level: 9 });
  writeFileSync(join(dir, 'match.json.gz'), gz(matchPart(index)));
  writeFileSync(join(dir, 'near.json.gz'), gz(nearPart(index)));
  cardTextGroups(index).forEach((group, n) => writeFileSync(join(dir, `cards-${n}.json.gz`), gz({ version: index.version, built: index.built, cards: group })));
}

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
const index = resolve(here, '..', 'public', 'guidance-index.json');
/**
 * Chunks fetched only when needed: the matcher while the index downloads, the popover on the first
 * selection lookup, the sync client by a widget with a `source`.
 */
const lazyChunks = ['matcher', 'popover', 'source-sync'];

export default defineConfig({
  publicDir: false,
  // The matcher snapshot kept beside the cached index is restored only by the code that made it.
  define: { __MX_MATCHER_CODE_HASH__: JSON.stringify(matcherCodeHash(resolve(here, '..'))) },
  build: {
    outDir: out,
    emptyOutDir: true,
    minify: true,
    target: ['chrome110', 'firefox115', 'safari16'],
    lib: {
      entry: join(here, 'index.ts'),
      name: 'MxLookup',
      formats: ['es'],
      fileName: () => 'mx-lookup.js',
    },
    rolldownOptions: {
      output: {
        // Browsers load these files as they are, not re-bundled: minify whitespace too (Vite keeps
        // it for libraries by default).
        minify: true,
        // What mx-lookup.js shares with the lazy chunks is one chunk, not one per lazy chunk: one
        // request and one gzip stream fewer for every page.
        codeSplitting: { groups: [{ name: 'shared', tags: ['$initial'], minShareCount: 2 }] },
        // The lazy chunks are named for what they load; every other chunk comes with mx-lookup.js
        // (the budget of "what a page loads" in .size-limit.json counts mx-lookup-shared-*).
        chunkFileNames: (chunk) => `mx-lookup-${lazyChunks.find((name) => chunk.name.includes(name)) ?? 'shared'}-[hash].js`,
      },
    },
  },
  plugins: [
    minifyCssLiteralsPlugin(),
    {
      name: 'mx-lookup-default-index',
      writeBundle() {
        if (!existsSync(index)) throw new Error(`build the default index first (npm run build:index): ${index} is missing`);
        mkdirSync(out, { recursive: true });
        copyFileSync(index, join(out, 'guidance-index.json'));
        writeIndexParts(index, join(out, 'guidance'));
        buildSync({
          entryPoints: [join(here, 'classic.ts')],
          outfile: join(out, 'mx-lookup.iife.js'),
          bundle: true,
          format: 'iife',
          minify: true,
          target: ['chrome110', 'firefox115', 'safari16'],
        });
      },
    },
  ],
});
