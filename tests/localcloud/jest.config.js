/** Temporary jest config for the local cloud database suite (the project's main config comes later). */
module.exports = {
  rootDir: '../..',
  testMatch: ['<rootDir>/tests/localcloud/**/*.test.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }],
  },
};
