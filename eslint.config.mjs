// Lint keeps the layers apart: the domain is pure, only adapters touch wx-server-sdk,
// pages never reach the server or the local cloud.
import tseslint from 'typescript-eslint';

const io = ['fs', 'node:*', 'http', 'https', 'child_process', 'better-sqlite3', 'mingo', 'wx-server-sdk', '@tarojs/*', 'react', 'react-dom'];
const pattern = (group, message) => ({ group, message });

// Only repositories name collections. 'warn' while the areas move their data access into
// server/repositories/; switch to 'error' once server/** has no other `.collection(...)` call.
const collectionNaming = 'error';
const onlyRepositoriesNameCollections = 'Only repositories name collections: add a method to server/repositories/…';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.local-cloud/**', 'coverage/**', 'bench-results/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'wx-server-sdk', message: 'Only server/runtime/cloud.ts and localcloud/ may import wx-server-sdk.' }] },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts', 'src/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            pattern(io, 'The domain and the contract are pure TypeScript: no Taro, SDK, database or I/O.'),
            pattern(['**/server/**', '**/localcloud/**', '**/client/**', '**/pages/**', '**/components/**'], 'The domain and the contract depend on nothing outside them.'),
          ],
        },
      ],
    },
  },
  {
    files: ['src/pages/**/*.{ts,tsx}', 'src/pages-office/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/client/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'wx-server-sdk', message: 'Pages reach the cloud through src/client only.' }],
          patterns: [pattern(['**/server/**', '**/localcloud/**', '**/scripts/**', 'better-sqlite3', 'mingo', 'node:*'], 'Pages reach the cloud through src/client only.')],
        },
      ],
    },
  },
  {
    name: 'dates-in-china-time',
    files: ['src/pages/**/*.{ts,tsx}', 'src/pages-office/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='slice'][arguments.0.value=0][arguments.1.value=10]",
          message: 'Instants are ISO text in UTC: cutting it shows the UTC date. Use chinaDate() from src/domain/time/chinaLabels.',
        },
        { selector: "CallExpression[callee.property.name='toISOString']", message: 'People see China time: use chinaDate() or chinaDateTimeLabel() from src/domain/time/chinaLabels.' },
      ],
    },
  },
  {
    name: 'only-repositories-name-collections',
    files: ['server/**/*.ts'],
    ignores: ['server/repositories/**', 'server/db/**'],
    rules: {
      'no-restricted-syntax': [
        collectionNaming,
        { selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='collection']", message: onlyRepositoriesNameCollections },
        { selector: "NewExpression[callee.name='Collection']", message: onlyRepositoriesNameCollections },
      ],
    },
  },
  {
    files: ['server/runtime/cloud.ts', 'localcloud/**/*.ts', 'scripts/**/*.ts', 'tests/**/*.ts'],
    rules: { 'no-restricted-imports': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
