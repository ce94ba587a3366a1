// Jest config of the integration tests: they run against the demo stack (test/stack/stack.mjs start), in node,
// from the repository root so `src/` imports work. They FAIL (never skip) when the stack is not running.
// Run: npm run test:integration (starts the stack, runs these tests, stops the stack).
const path = require('path');
const base = require('../../.config/jest.config');

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  testEnvironment: 'node',
  // The double's own modules (.mjs) are imported by some tests: transformed like the TypeScript.
  transform: { ...base.transform, '^.+\\.mjs$': base.transform['^.+\\.(t|j)sx?$'] },
  modulePaths: ['<rootDir>/src'],
  testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
  testTimeout: 60_000,
  // One stack, one worker: the tests share the running services.
  maxWorkers: 1,
};
