import { runCatalogTests, type TestFile } from './catalogTest';
import { createCatalog, createMetric, createPillar, createSqlMetric } from './testing/factories';

const catalog = createCatalog({
  pillars: [createPillar()],
  metrics: [
    createMetric(),
    createMetric({
      id: 'vulns',
      direction: 'lower-is-better',
      unit: 'short',
      target: 0,
      thresholds: { green: 5, amber: 10 },
      freshness: { maxAge: '1d' },
      items: { label: 'severity', expected: ['critical', 'high'], thresholds: { critical: { green: 0, amber: 0 } } },
    }),
  ],
});
const file = (tests: TestFile['tests']): TestFile => ({ catalog: 'x', evaluationTime: '2026-11-16T12:00:00Z', tests });

describe('runCatalogTests', () => {
  it('passes when every expectation holds', () => {
    const [outcome] = runCatalogTests(
      catalog,
      file([
        {
          name: 'mixed',
          series: {
            uptime: { values: '0.98 0.9995' },
            vulns: [
              { labels: { severity: 'critical' }, values: '0x3' },
              { labels: { severity: 'high' }, values: '7', ago: '2d' },
            ],
          },
          expect: {
            metrics: { uptime: 'green', 'vulns/critical': 'green', 'vulns/high': 'stale', vulns: 'stale' },
            pillars: { reliability: 'amber' },
            overall: 'amber',
          },
        },
      ])
    );
    expect(outcome).toEqual({ name: 'mixed', failures: [] });
  });

  it('names each failed expectation with the evidence', () => {
    const [outcome] = runCatalogTests(
      catalog,
      file([
        {
          name: 'wrong',
          series: { uptime: { values: '0.9' }, nope: { values: '1' } },
          expect: { metrics: { uptime: 'green', vulns: 'green' }, overall: 'green' },
        },
      ])
    );
    expect(outcome.failures).toEqual([
      'series.nope: no such metric in the catalog',
      'metric uptime: expected green, got red — 90% < 99.5% (amber), target 99.9%, as of 12:00 UTC',
      // The deciding item's own evidence, named: not the first item's.
      'metric vulns: expected green, got noData — critical: No data in the 7d before 12:00 UTC',
      'overall: expected green, got red',
    ]);
  });

  it('treats an error entry as a failing source and a bad notation as a test failure', () => {
    const [outcome] = runCatalogTests(
      catalog,
      file([
        {
          name: 'e',
          series: { uptime: { error: 'boom' }, vulns: { values: '1 two' } },
          expect: { metrics: { uptime: 'error' } },
        },
      ])
    );
    expect(outcome.failures).toEqual(['series.vulns: "two" is not a value, "_", "axN" or "a+bxN"']);
  });
});

describe('runCatalogTests rejects tests that would pass vacuously', () => {
  it('flags an empty series entry, an unknown expect key and a test without expectations', () => {
    const outcomes = runCatalogTests(
      catalog,
      file([
        { name: 'typo', series: { uptime: null as never }, expect: { pillar: { reliability: 'green' } } as never },
        { name: 'empty', expect: {} },
      ])
    );
    expect(outcomes.map((o) => o.failures)).toEqual([
      [
        'series.uptime: must be a series ({ values: "…" }), a list of series, or { error: "…" }',
        'expect.pillar: unknown key (expected metrics, shown, tiers, pillars, overall, scoreAtMost, evidence)',
      ],
      ['expect: the test expects nothing; a test without an expectation proves nothing'],
    ]);
  });
});

describe('runCatalogTests: malformed actions are failures with their path, never an exception', () => {
  it.each([
    [null],
    ['x'],
    [{ metric: 'uptime', owner: 'x', due: '2026-11-20', item: { toString: 1 } }],
    [{ metric: 'uptime', owner: 'x', due: '2026-11-20', item: null }],
  ])('%j', (action) => {
    const catalog = createCatalog();
    const file = {
      catalog: 'c.yaml',
      evaluationTime: '2026-11-16T12:00:00Z',
      tests: [{ name: 't', actions: [action], expect: { overall: 'red' } }],
    } as unknown as TestFile;
    const [outcome] = runCatalogTests(catalog, file);
    expect(outcome.failures).toContain(
      'actions[0]: must be { metric, owner, due, ago?, done?, item?, text? } with text values'
    );
  });
});

describe('runCatalogTests: an action counts as the same annotation would in Grafana (actions.ts reads both)', () => {
  // Amber for four days; the one action was recorded 100 days ago and promises the end of the year.
  const amberWith = (action: Record<string, string>) =>
    runCatalogTests(
      createCatalog(),
      file([
        {
          name: 'capped',
          series: { uptime: { values: '0.997x96' } },
          actions: [{ metric: 'uptime', owner: 'Head of SRE', ...action } as never],
          expect: { shown: { uptime: 'amber' } },
        },
      ])
    )[0].failures;

  it('a due day more than 90 days after recording counts as due on day 90, so this one is overdue: red', () => {
    expect(amberWith({ ago: '100d', due: '2026-12-31' })).toEqual([
      expect.stringMatching(/^shown uptime: expected amber, got red — .*overdue/),
    ]);
    expect(amberWith({ ago: '10d', due: '2026-12-31' })).toEqual([]);
  });

  it('an owner the reader would not count is a failure with its path, not a silent pass', () => {
    expect(amberWith({ owner: ' ', due: '2026-11-20' })).toEqual([
      expect.stringMatching(/^actions\[0\]: .*owner/),
      expect.stringMatching(/^shown uptime: expected amber, got red/),
    ]);
  });
});

describe('runCatalogTests: the load time of a freshness query (loaded)', () => {
  const withLoad = createCatalog({
    metrics: [createMetric(), createSqlMetric({ id: 'orders' })],
  });
  const run = (loaded: Record<string, string> | undefined, expected: string) =>
    runCatalogTests(
      withLoad,
      file([
        {
          name: 'load',
          series: { orders: { values: '0.01x5' } },
          ...(loaded ? { loaded } : {}),
          expect: { metrics: { orders: expected } },
        },
      ])
    )[0].failures;

  it.each([
    ['not listed: loaded at the evaluation time', undefined, 'green'],
    ['loaded 2 h ago: the point then is exactly maxAge old, fresh', { orders: '2h' }, 'green'],
    ['loaded 3 h ago: stale, whatever the later points say', { orders: '3h' }, 'stale'],
    ['never loaded: no data', { orders: 'never' }, 'noData'],
  ])('%s', (_, loaded, expected) => {
    expect(run(loaded, expected)).toEqual([]);
  });

  it('names a load time that is no duration, and a metric without a freshness query', () => {
    expect(run({ orders: 'soon', uptime: '1h' }, 'green')).toEqual([
      'loaded.uptime: no metric with a freshness query has this id',
      'loaded.orders: "soon" is not a duration (or never)',
    ]);
  });
});
