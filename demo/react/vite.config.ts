// The React demo page (demo/react/): a Vite + React 19 app that installs the widget as a package
// (@medixchange/lookup-widget, the npm workspace in widget/) and imports it by name. Built into
// demo/react/dist/, served at /react/ by the demo server (cli/serve-demo.ts).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  publicDir: false,
  plugins: [react()],
  build: { outDir: join(here, 'dist'), emptyOutDir: true, target: ['chrome110', 'firefox115', 'safari16'] },
});
