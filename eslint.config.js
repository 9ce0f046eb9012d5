// Lint rules for the whole repository: typescript-eslint's recommended set everywhere, the React
// hooks rules in the web app. `npm run lint` runs it; `npm test` runs it before the suites.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'docs/**', 'e2e/artifacts/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // Tests read JSON answers loosely on purpose: the assertions are the type check.
    files: ['**/*.test.ts', 'e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Migrations and the database layer work on Kysely<any>, as Kysely prescribes: a migration
    // must not depend on the app's current table types.
    files: ['server/db/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['server/**', 'shared/**', 'scripts/**', 'bench/**', 'e2e/**', '*.config.ts', '*.config.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Only says a library (TanStack Virtual) cannot be memoised by the React Compiler, which this app does not use.
      'react-hooks/incompatible-library': 'off',
    },
  },
);
