import { defineConfig } from 'wxt';

// The browser extension (issue 4 builds its entrypoints in entrypoints/).
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  manifest: {
    name: 'MediXchange Lookup',
    description: 'Select a clinical term on any page to see the matching guidance. Works offline.',
  },
});
