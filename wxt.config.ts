import { defineConfig } from 'wxt';

// The browser extension: MV3 for Chrome and Edge, and a Firefox build. Entrypoints live in
// entrypoints/ (thin), their logic in extension/ and components/, the matcher in core/.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'contextMenus', 'activeTab'],
    omnibox: { keyword: 'mx' },
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
