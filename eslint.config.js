// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Dependencies point one way: ui → client → protocol ← worker → core
 * (docs/conventions.md#dependencies-point-one-way).
 */
const layer = (/** @type {(string | string[])[]} */ forbidden, /** @type {string} */ why) => ({
  'no-restricted-imports': [
    'error',
    { patterns: forbidden.map((group) => ({ group: Array.isArray(group) ? group : [group], message: why })) },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'test-results',
      'playwright-report',
      'public',
      'fixtures/archives',
      'bench/out',
      '**/.work',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.js', 'bin/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts'],
    rules: layer(
      [
        '**/protocol/**',
        '**/worker/**',
        '**/client/**',
        '**/ui/**',
        '**/cli/**',
        'react',
        'react-dom',
        'zustand',
        // d3-force is arithmetic only (no DOM): the linkage view's layout runs in the worker and in Node.
        ['d3*', '!d3-force'],
        '@tanstack/*',
        'node:*',
      ],
      'core is pure TypeScript: it imports nothing of the app and no environment.',
    ),
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: layer(
      ['**/worker/**', '**/client/**', '**/ui/**', '**/cli/**', 'react', 'zustand'],
      'protocol holds only message types.',
    ),
  },
  {
    files: ['src/worker/**/*.ts'],
    // Tests drive the handlers through the real client, with the CLI's Node pieces.
    ignores: ['src/worker/**/*.test.ts'],
    rules: layer(
      ['**/client/**', '**/ui/**', '**/cli/**', 'react', 'zustand'],
      'the worker talks to the page only through protocol/.',
    ),
  },
  {
    files: ['src/client/**/*.ts'],
    rules: layer(['**/ui/**', '**/cli/**', 'react', 'zustand'], 'client is the RPC layer below the UI.'),
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    ignores: ['src/ui/**/*.test.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // zustand selectors hand out the store's arrow functions; they carry no `this`.
      '@typescript-eslint/unbound-method': 'off',
      // The app does not use the React Compiler; TanStack Virtual's API is fine without it.
      'react-hooks/incompatible-library': 'off',
      ...layer(
        ['**/worker/**', '**/cli/**', '**/core/**/!(model)*', 'zustand', 'zustand/*'],
        'the UI reaches data through client/ and queries/, and UI state through ui/state/ (the only zustand import).',
      ),
    },
  },
  {
    files: ['src/ui/state/**/*.ts'],
    ignores: ['src/ui/**/*.test.ts'],
    rules: layer(
      ['**/worker/**', '**/cli/**', '**/core/**/!(model)*'],
      'the UI reaches data through client/ and queries/.',
    ),
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: layer(['**/ui/**', '**/client/**', '**/worker/**', 'react'], 'the CLI runs core directly.'),
  },
);
