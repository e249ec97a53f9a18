// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports that only main/adapters (the outside world) and main/app (Electron) may make. */
const OUTSIDE_WORLD = [
  'electron',
  'keytar',
  'nodemailer',
  'node:net',
  'node:tls',
  'node:dns',
  'node:fs',
  'node:fs/promises',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'release/',
      '.tsbuild/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'test/fixtures/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-restricted-exports': [
        'error',
        {
          restrictDefaultExports: {
            direct: true,
            named: true,
            defaultFrom: true,
            namedFrom: true,
            namespaceFrom: true,
          },
        },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    // Tools (ESLint, Vite, Vitest, Playwright) load their configuration from a default export.
    files: ['eslint.config.js', 'vitest.config.ts', 'playwright.config.ts', 'renderer/vite.config.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
  {
    // The core is pure logic: everything outside comes in through ports (main/core/ports.ts).
    files: ['main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: OUTSIDE_WORLD.map((name) => ({
            name,
            message: 'main/core gets the outside world through its ports; put this in main/adapters.',
          })),
        },
      ],
    },
  },
  {
    // Only main/app (and the entry points) may touch Electron.
    files: [
      'main/adapters/**/*.ts',
      'main/ipc/**/*.ts',
      'main/cli/**/*.ts',
      'preload/contract/**/*.ts',
      'preload/bridge.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Only main/app, main/index.ts and preload/index.ts import electron.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'node:*', '**/main/**'],
              message: 'The renderer talks to main only through window.mailwarden (preload/contract).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'The renderer makes no network requests.' },
        { name: 'XMLHttpRequest', message: 'The renderer makes no network requests.' },
        { name: 'WebSocket', message: 'The renderer makes no network requests.' },
      ],
    },
  },
);
