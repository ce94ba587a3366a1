// force timezone to UTC to allow tests to work regardless of local timezone
// generally used by snapshots, but can affect specific tests
process.env.TZ = 'UTC';

const base = require('./.config/jest.config');
const { grafanaESModules, nodeModulesToTransform } = require('./.config/jest/utils');
const swc = base.transform['^.+\\.(t|j)sx?$'];

module.exports = {
  // Jest configuration provided by Grafana scaffolding, extended:
  ...base,
  // d3-color 3.1.1 (through @grafana/data) ships only `.mjs`: transform it like the rest.
  transform: { ...base.transform, '^.+\\.mjs$': swc },
  // yaml's browser build (picked under jsdom) is ESM only.
  transformIgnorePatterns: [nodeModulesToTransform([...grafanaESModules, 'yaml'])],
  // Unit tests sit beside the code; browser and end-to-end tests under test/ have their own runners.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/dist/', '<rootDir>/test/'],
};
