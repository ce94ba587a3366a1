// Jest config for the tests of the built plugin (dist/): the root config (transform, jsdom, setup, modulePaths),
// run from the repository root but matching only test/build/**/*.test.ts. Run `npm run build` first.
const path = require('path');
const root = require('../../jest.config.js');

module.exports = {
  ...root,
  rootDir: path.resolve(__dirname, '..', '..'),
  testMatch: ['<rootDir>/test/build/**/*.test.ts'],
  // The root config ignores test/ (its own runners live there); here only dist/ and node_modules are ignored.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
};
