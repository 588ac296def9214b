// Lint, and the layer rules of STYLE.md that must not rot: core never imports electron or
// servers, the renderer never imports src-main, src-shared imports nothing platform-specific.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'http', 'https', 'net', 'crypto', 'child_process', 'url', 'util', 'stream', 'zlib', 'worker_threads', 'events', 'buffer'];
const nodeBuiltinPatterns = ['node:*', ...NODE_BUILTINS, ...NODE_BUILTINS.map((m) => `${m}/*`)];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'dist-web/', 'test-results/', 'playwright-report/', 'resources/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty-pattern': 'off',
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', '*.config.{js,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['src-main/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'core runs in plain Node: only src-main/electron may import electron.' },
            { name: 'http', message: 'core serves nothing: servers belong to src-main/web.' },
            { name: 'node:http', message: 'core serves nothing: servers belong to src-main/web.' },
            { name: 'react', message: 'core has no UI.' },
          ],
          patterns: [{ group: ['electron/*', 'react-dom', 'react-dom/*', '**/src-renderer/**', '**/electron/**', '**/web/**'], message: 'core imports neither shells nor the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'the renderer talks to the core only through the Api client.' },
            { name: '@tanstack/react-query', importNames: ['useMutation'], message: 'use useAction (or useSetting) from app/useAction: a change pressed twice while on its way must run once.' },
          ],
          patterns: [
            { group: ['**/src-main/**', '**/src-main'], message: 'the renderer imports src-shared and its own code, never src-main.' },
            { group: nodeBuiltinPatterns, message: 'the renderer runs sandboxed: no Node modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-shared/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'src-shared is platform-free.' },
            { name: 'react', message: 'src-shared is platform-free.' },
            { name: 'better-sqlite3', message: 'src-shared is platform-free.' },
            { name: 'kysely', message: 'src-shared is platform-free.' },
          ],
          patterns: [
            { group: nodeBuiltinPatterns, message: 'src-shared is platform-free: no Node modules.' },
            { group: ['**/src-main/**', '**/src-renderer/**', 'react-dom', 'react-dom/*', '@tiptap/*', 'playwright-core'], message: 'src-shared imports nothing platform-specific.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/electron/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/src-renderer/**'], message: 'the shell does not import the renderer.' }] }] },
  },
  {
    // An archive holds more ids than one statement may bind (SQLite: 32,766): an IN (…) list is a
    // literal, a subquery written as `(eb) => eb.selectFrom(…)`, or a `batch` from
    // src-main/core/store/batches.ts. tests/integration/in-lists.test.ts proves the rule bites.
    files: ['src-main/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[arguments.length=3][arguments.1.value=/^(not )?in$/i]:not([arguments.2.type='ArrayExpression']):not([arguments.2.type='ArrowFunctionExpression']):not([arguments.2.name='batch'])",
          message: 'an IN (…) list may grow without bound: bind it in batches (batches/selectInBatches in src-main/core/store/batches.ts) and name the slice `batch`, or write a subquery as (eb) => eb.selectFrom(…).',
        },
      ],
    },
  },
);
