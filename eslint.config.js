import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import fieldnote from './eslint-rules/boundaries.js';

// Browser globals that pure domain code must not touch (it runs on the server too).
const DOM_GLOBALS = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'location',
  'self',
];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dev-dist/',
      'coverage/',
      'node_modules/',
      'test-results/',
      'bench/results/',
      '.scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { fieldnote, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      'fieldnote/boundaries': 'error',
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...DOM_GLOBALS.map((name) => ({ name, message: 'src/domain has no DOM.' })),
      ],
    },
  },
  {
    // Chromium keeps the state of form controls (what was typed, never saved) in its session
    // files unless autocomplete is off: on a shared tablet that is a client's note on disk in
    // clear (issue 11; tests/e2e/device-privacy.test.ts finds it). Every control says so.
    files: ['src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "JSXOpeningElement[name.name=/^(input|select|textarea|form)$/]:not(:has(JSXAttribute[name.name='autoComplete']))",
          message:
            'Give every form control autoComplete (usually "off"): without it Chromium keeps what was typed on disk.',
        },
      ],
    },
  },
  {
    files: ['eslint-rules/**', '*.config.*'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
);
