// Lint: typescript-eslint's recommended rules, plus the one architectural rule of DESIGN.md:
// core/ is pure TypeScript — it imports nothing from the edges and touches no DOM or browser API.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const EDGE_FOLDERS = ['components', 'entrypoints', 'widget', 'cli'];

export default tseslint.config(
  { ignores: ['.scratch/**', 'node_modules/', '.output/', '.wxt/', 'dist/', 'scratch/', 'public/', 'test-results/', 'playwright-report/', 'widget/dist/', 'demo/react/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['scripts/**', 'bin/**', '*.config.*'], languageOptions: { globals: globals.node } },
  { files: ['demo/**/*.js'], languageOptions: { globals: globals.browser } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never innerHTML: build DOM nodes or use Lit templates.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Never insertAdjacentHTML.' },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: EDGE_FOLDERS.flatMap((f) => [`**/${f}`, `**/${f}/**`]), message: 'core/ imports nothing from components/, entrypoints/, widget/ or cli/.' },
            { group: ['wxt', 'wxt/*', '#imports', 'lit', 'lit/*', '@floating-ui/*', 'webextension-polyfill', 'node:*', 'fs', 'path'], message: 'core/ is pure: no browser, DOM or Node APIs.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'browser', 'chrome', 'localStorage', 'sessionStorage', 'indexedDB', 'navigator', 'location', 'process', 'Buffer'].map((name) => ({
          name,
          message: `core/ is pure TypeScript: no ${name}. Inject what you need.`,
        })),
      ],
    },
  },
);
