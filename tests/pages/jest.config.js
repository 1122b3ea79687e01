// jsdom render tests of pages and the client transport: `npx jest -c tests/pages/jest.config.js`
const path = require('node:path');

const mocks = path.join(__dirname, '__mocks__');

/** @type {import('jest').Config} */
module.exports = {
  displayName: 'pages',
  rootDir: path.join(__dirname, '..', '..'),
  roots: ['<rootDir>/tests/pages'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testEnvironment: 'jsdom',
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
        },
      },
    ],
  },
  moduleNameMapper: {
    '^@tarojs/components$': path.join(mocks, 'taro-components.js'),
    '^@tarojs/taro$': path.join(mocks, 'taro.js'),
    '\\.css$': path.join(mocks, 'style.js'),
  },
  globals: { CLOUD_ENV: '', CONFIRM_TEMPLATE_ID: 'test-confirm-request' },
  setupFiles: [path.join(__dirname, 'setup.js')],
  setupFilesAfterEnv: [path.join(__dirname, '..', 'support', 'noTimedTests.js'), path.join(__dirname, 'afterEnv.js')],
  clearMocks: true,
};
