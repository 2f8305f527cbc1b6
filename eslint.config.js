// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * Dependencies point one way: ui → client → protocol ← worker → core, and cli → core
 * (docs/conventions.md#dependencies-point-one-way). `forbidden` are import paths (gitignore-style globs); `deep` are
 * regular expressions for paths that reach past a room's public module.
 */
const layer = (
  /** @type {(string | string[])[]} */ forbidden,
  /** @type {string} */ why,
  /** @type {{ regex: string, message: string }[]} */ deep = [],
) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...forbidden.map((group) => ({ group: Array.isArray(group) ? group : [group], message: why })),
        ...deep,
      ],
    },
  ],
});

/**
 * The worker and the CLI see the core only through its public modules: src/core/index.ts (and src/core/testing/
 * for tests). Exceptions, each with its reason:
 *   - none for the worker and the CLI;
 *   - src/protocol/format.ts re-exports the core's pure display formatters (formatSize, formatAgo,
 *     displayCreatedBy, shortDigest, formatPermissions) so that the page, which may not import the core,
 *     prints sizes, times and modes exactly as the CLI does.
 */
const CORE_INTERNALS = {
  regex: String.raw`(^|/)core/(?!index$)`,
  message: 'import the core through its public API (src/core/index.ts), not its internals.',
};
const CORE_INTERNALS_BUT_TESTING = {
  regex: String.raw`(^|/)core/(?!index$|testing/)`,
  message: 'tests may use src/core/testing/; everything else comes from src/core/index.ts.',
};
const CORE_TESTING = {
  regex: String.raw`(^|/)testing/`,
  message: 'test helpers (src/core/testing, src/cli/testing) are for tests only.',
};

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
        projectService: { allowDefaultProject: ['*.js', 'bin/*.mjs', 'fuzz/*.mjs'] },
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
      [CORE_TESTING],
    ),
  },
  {
    files: ['src/protocol/**/*.ts'],
    rules: {
      ...layer(
        ['**/worker/**', '**/client/**', '**/ui/**', '**/cli/**', 'react', 'zustand'],
        'protocol holds only message types.',
        [CORE_INTERNALS],
      ),
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: String.raw`(^|/)core$`,
              allowTypeImports: true,
              message: 'protocol holds only message types: import types from the core, no values.',
            },
          ],
        },
      ],
    },
  },
  {
    // The one exception to "protocol imports only types from the core", listed above.
    files: ['src/protocol/format.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['src/worker/**/*.ts'],
    // Tests drive the handlers through the real client, with the CLI's Node pieces.
    ignores: ['src/worker/**/*.test.ts'],
    rules: layer(
      ['**/client/**', '**/ui/**', '**/cli/**', 'react', 'zustand'],
      'the worker talks to the page only through protocol/.',
      [CORE_INTERNALS],
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
    ignores: ['src/cli/**/*.test.ts', 'src/cli/testing/**'],
    rules: layer(['**/ui/**', '**/client/**', '**/worker/**', 'react'], 'the CLI runs core directly.', [
      CORE_INTERNALS,
      CORE_TESTING,
    ]),
  },
  {
    files: ['src/cli/**/*.test.ts', 'src/cli/testing/**/*.ts'],
    rules: layer(['**/ui/**', '**/client/**', '**/worker/**', 'react'], 'the CLI runs core directly.', [
      CORE_INTERNALS_BUT_TESTING,
    ]),
  },
  {
    files: ['src/fleet/**/*.ts'],
    rules: layer(
      ['**/ui/**', '**/client/**', '**/worker/**', '**/cli/commands/**', 'react'],
      'the fleet index is Node code over the core and the CLI Node environment; the CLI imports it.',
    ),
  },
);
