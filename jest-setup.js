// Jest setup provided by Grafana scaffolding, for the tests that run in jsdom (the default). Tests of network code
// (a real SMTP server, timers with unref) say `@jest-environment node`, where there is no DOM to set up.
if (typeof window !== 'undefined') {
  require('./.config/jest-setup');
}

// Property tests (fast-check): a small count in `npm test`; `npm run test:deep` sets CANDOR_PROPERTY_RUNS=10000.
const fc = require('fast-check');
fc.configureGlobal({ numRuns: Number(process.env.CANDOR_PROPERTY_RUNS || 100) });
