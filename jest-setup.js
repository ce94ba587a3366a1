// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';

// Property tests (fast-check): a small count in `npm test`; `npm run test:deep` sets CANDOR_PROPERTY_RUNS=10000.
import fc from 'fast-check';
fc.configureGlobal({ numRuns: Number(process.env.CANDOR_PROPERTY_RUNS || 100) });
