/**
 * Test tiers: pure domain tests, the local cloud and cloud functions on the real local cloud, pages in jsdom,
 * the built mini-program in an emulated WeChat logic layer, journeys in Chromium.
 */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } }, module: { type: 'commonjs' } }];
const common = { transform: { '^.+\\.(t|j)sx?$': swc }, testEnvironment: 'node', moduleFileExtensions: ['ts', 'tsx', 'js', 'json'], setupFilesAfterEnv: ['<rootDir>/tests/support/noTimedTests.js'] };

module.exports = {
  projects: [
    { ...common, displayName: 'domain', testMatch: ['<rootDir>/tests/domain/**/*.test.ts'] },
    { ...common, displayName: 'localcloud', testMatch: ['<rootDir>/tests/localcloud/**/*.test.ts'] },
    { ...common, displayName: 'functions', testMatch: ['<rootDir>/tests/functions/**/*.test.ts'] },
    '<rootDir>/tests/pages/jest.config.js',
    {
      ...common,
      displayName: 'weapp',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/weapp/support/globalSetup.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
      globalSetup: '<rootDir>/tests/e2e/support/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/e2e/support/globalTeardown.ts',
    },
  ],
};
