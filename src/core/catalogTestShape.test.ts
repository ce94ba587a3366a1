import { testFileProblems } from './catalogTest';

/** A good test file; each case below changes one thing. */
function createTestFile(): Record<string, any> {
  return {
    catalog: 'platform-scorecard.yaml',
    evaluationTime: '2026-11-16T12:00:00Z',
    tests: [
      {
        name: 'all green',
        interval: '1h',
        series: {
          uptime: { values: '0.9995 0.9996', ago: '5m' },
          vulns: [{ labels: { severity: 'critical' }, values: '0x3' }],
          mttr: { error: 'relation does not exist' },
        },
        expect: {
          metrics: { uptime: 'green', 'vulns/critical': 'green', mttr: 'error' },
          pillars: { p: 'green' },
          overall: 'red',
        },
      },
    ],
  };
}

const cases: Array<[string, (f: Record<string, any>) => void, string[]]> = [
  [
    'a misspelt ago',
    (f) => (f.tests[0].series.uptime = { values: '1', agoo: '3h' }),
    ['tests[0].series.uptime.agoo: is not a test-file field (known: labels, values, ago, field)'],
  ],
  [
    'a misspelt interval',
    (f) => (f.tests[0].intervall = '5m'),
    ['tests[0].intervall: is not a test-file field (known: name, interval, series, loaded, actions, expect)'],
  ],
  [
    'a status spelt Green',
    (f) => (f.tests[0].expect.metrics.uptime = 'Green'),
    ['tests[0].expect.metrics.uptime: "Green" is not a status (green, amber, red, noData, stale, error)'],
  ],
  [
    'a pillar expected to be noData (pillars are colours)',
    (f) => (f.tests[0].expect.pillars.p = 'noData'),
    ['tests[0].expect.pillars.p: "noData" is not a colour (green, amber, red)'],
  ],
  [
    'an overall of true',
    (f) => (f.tests[0].expect.overall = true),
    ['tests[0].expect.overall: true is not a colour (green, amber, red)'],
  ],
  [
    'a series item without values',
    (f) => (f.tests[0].series.vulns[0] = { labels: { severity: 'high' }, value: '1' }),
    [
      'tests[0].series.vulns[0].value: is not a test-file field (known: labels, values, ago, field)',
      'tests[0].series.vulns[0].values: is required: the values in expanding notation ("1 2 3", "0x5")',
    ],
  ],
  [
    'an error series with a stray field',
    (f) => (f.tests[0].series.mttr.values = '1'),
    ['tests[0].series.mttr.values: is not a test-file field (known: error)'],
  ],
  [
    'load times that are not text',
    (f) => (f.tests[0].loaded = { mttr: 3 }),
    ['tests[0].loaded: must map metric ids to how long ago the data was loaded (or never)'],
  ],
  [
    'an unknown top-level field',
    (f) => (f.evaluation_time = 'x'),
    ['evaluation_time: is not a test-file field (known: catalog, evaluationTime, tests)'],
  ],
  [
    'a misspelt expect group',
    (f) => (f.tests[0].expect.metric = {}),
    [
      'tests[0].expect.metric: is not a test-file field (known: metrics, shown, tiers, pillars, overall, scoreAtMost, evidence)',
    ],
  ],
];

describe('test files are as strict as catalogs', () => {
  it('a good test file has no problems', () => {
    expect(testFileProblems(createTestFile())).toEqual([]);
  });

  it.each(cases)('one change: %s', (_, change, expected) => {
    const f = createTestFile();
    change(f);
    expect(testFileProblems(f).map((p) => `${p.path}: ${p.message}`)).toEqual(expected);
  });
});
