// The widget's build: one ES module and one classic-script (IIFE) file in widget/dist/, with the
// default guidance index copied next to them (the widget loads it from beside its script).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'dist');
const index = resolve(here, '..', 'public', 'guidance-index.json');

export default defineConfig({
  publicDir: false,
  build: {
    outDir: out,
    emptyOutDir: true,
    minify: true,
    target: ['chrome110', 'firefox115', 'safari16'],
    lib: {
      entry: join(here, 'index.ts'),
      name: 'MxLookup',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'mx-lookup.js' : 'mx-lookup.iife.js'),
    },
  },
  plugins: [
    {
      name: 'mx-lookup-default-index',
      writeBundle() {
        if (!existsSync(index)) throw new Error(`build the default index first (npm run build:index): ${index} is missing`);
        mkdirSync(out, { recursive: true });
        copyFileSync(index, join(out, 'guidance-index.json'));
      },
    },
  ],
});
