// Lint: typescript-eslint's recommended rules over every TypeScript source. Formatting is prettier's (npm run format).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/out/**',
      '.vscode-test/**',
      'test-artifacts/**',
      'bench/results/**',
      'bench/.data/**',
      'media/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    // Ranges of full-width digits and circled numbers are as plain here as 0-9.
    settings: { regexp: { allowedCharacterRanges: ['alphanumeric', '０-９', '①-⑳'] } },
    rules: {
      // TypeScript checks names itself.
      'no-undef': 'off',
      // Control characters are matched on purpose: they are made visible or removed.
      'no-control-regex': 'off',
      // Every regular expression runs on untrusted text: none may backtrack super-linearly.
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    // Tests and the benchmark read JSON of known shape.
    files: ['test/**', 'bench/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
