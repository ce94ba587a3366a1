import { loadCatalog, parseYaml } from './parse';
import { createCatalog, createMetric, createPillar } from './testing/factories';
import type { Catalog } from './types';
import { hasVisibleName, quotedVariables, validateCatalog } from './validate';

/** A good catalog + one change: each case names the change and the exact problems it must produce. */
type Change = (c: Catalog) => unknown;
const withMetric =
  (over: Record<string, unknown>): Change =>
  (c) => ({ ...c, metrics: [{ ...c.metrics[0], ...over }] });
const without =
  (field: string): Change =>
  (c) => {
    const m: Record<string, unknown> = { ...c.metrics[0] };
    delete m[field];
    return { ...c, metrics: [m] };
  };

const cases: Array<[string, Change, string[]]> = [
  ['missing owner', without('owner'), ['metrics[0].owner: every metric needs an owner']],
  ['blank owner', withMetric({ owner: '  ' }), ['metrics[0].owner: every metric needs an owner']],
  [
    'a quoted SQL variable',
    withMetric({ source: { sql: { datasourceUid: 'pg', rawSql: "SELECT 1 WHERE env = '$env' AND t = '${team}'" } } }),
    [
      "metrics[0].source.sql.rawSql: write $env, ${team} without quotes: Candor quotes every value itself ('$env' would become ''value'')",
    ],
  ],
  ['invisible owner', withMetric({ owner: '\u200b' }), ['metrics[0].owner: every metric needs an owner']],
  [
    'owner of spaces, joiners and a dash',
    withMetric({ owner: '\u00a0\u200d\u2060-\u3000' }),
    ['metrics[0].owner: every metric needs an owner'],
  ],
  [
    'unknown unit',
    withMetric({ unit: 'percentage' }),
    ['metrics[0].unit: unknown Grafana unit "percentage" (did you mean percent?)'],
  ],
  [
    'a unit that implies no domain, stated none',
    withMetric({ unit: 'short', thresholds: { green: 5, amber: 1 }, target: 10 }),
    [
      'metrics[0].domain: unit "short" says nothing about valid values: state a bound, e.g. domain: { min: 0, integer: true } for a count, { min: -100, max: 100 } for an NPS',
    ],
  ],
  [
    'a generic unit with integer alone (no bound: -7 incidents would pass)',
    withMetric({ unit: 'short', domain: { integer: true }, thresholds: { green: 5, amber: 1 }, target: 10 }),
    [
      'metrics[0].domain: unit "short" says nothing about valid values: state a bound, e.g. domain: { min: 0, integer: true } for a count, { min: -100, max: 100 } for an NPS',
    ],
  ],
  [
    'a percentage threshold on a fraction unit',
    withMetric({ thresholds: { green: 99.9, amber: 0.995 }, target: 99.9 }),
    [
      'metrics[0].target: 99.9 is outside 0–1 for a fraction (did you mean 0.999?)',
      'metrics[0].thresholds.green: 99.9 is outside 0–1 for a fraction (did you mean 0.999?)',
    ],
  ],
  [
    'a domain that widens the unit',
    withMetric({ domain: { min: -1, max: 2 } }),
    [
      "metrics[0].domain.min: -1 is outside 0–1 for a fraction: a catalog may only narrow the unit's domain",
      "metrics[0].domain.max: 2 is outside 0–1 for a fraction: a catalog may only narrow the unit's domain",
    ],
  ],
  [
    'a narrowed domain that leaves out the thresholds',
    withMetric({ domain: { min: 0.9995 } }),
    [
      'metrics[0].target: 0.999 is outside 0.9995–1 for a fraction',
      'metrics[0].thresholds.green: 0.999 is outside 0.9995–1 for a fraction',
      'metrics[0].thresholds.amber: 0.995 is outside 0.9995–1 for a fraction',
    ],
  ],
  [
    'a count that is not whole',
    withMetric({ unit: 'count:incidents', domain: { integer: false } }),
    ['metrics[0].domain.integer: a count is always a whole number'],
  ],
  [
    'a change of a fraction may be negative',
    withMetric({ domain: { change: true }, thresholds: { green: 0.999, amber: -0.5 } }),
    [],
  ],
  ['custom suffix unit is fine', withMetric({ unit: 'suffix: deploys/day', domain: { min: 0 } }), []],
  [
    'javascript link',
    withMetric({ links: [{ title: 'x', url: 'javascript:alert(1)' }] }),
    ['metrics[0].links[0].url: only http and https links are allowed'],
  ],
  [
    'ftp link',
    withMetric({ links: [{ title: 'x', url: 'ftp://files.example.com/a' }] }),
    ['metrics[0].links[0].url: only http and https links are allowed'],
  ],
  [
    'higher-is-better with green below amber',
    withMetric({ thresholds: { green: 0.99, amber: 0.995 }, target: 0.999 }),
    ['metrics[0].thresholds: for higher-is-better the green boundary (0.99) must be ≥ the amber boundary (0.995)'],
  ],
  [
    'lower-is-better with green above amber',
    withMetric({ direction: 'lower-is-better', thresholds: { green: 0.5, amber: 0.1 }, target: 0 }),
    ['metrics[0].thresholds: for lower-is-better the green boundary (0.5) must be ≤ the amber boundary (0.1)'],
  ],
  [
    'within without bands',
    withMetric({ direction: 'within', thresholds: { green: 1, amber: [0, 1] }, target: 1 }),
    ['metrics[0].thresholds.green: direction within needs a [low, high] band'],
  ],
  [
    'within whose amber band does not contain green',
    withMetric({
      direction: 'within',
      domain: { change: true },
      thresholds: { green: [-0.1, 0.2], amber: [-0.2, 0.1] },
      target: 0,
    }),
    ['metrics[0].thresholds: the amber band [-0.2, 0.1] must contain the green band [-0.1, 0.2]'],
  ],
  [
    'band for a one-sided direction',
    withMetric({ thresholds: { green: [0.99, 1], amber: 0.9 } }),
    ['metrics[0].thresholds.green: direction higher-is-better needs a single number'],
  ],
  [
    'target that is not green',
    withMetric({ target: 0.99 }),
    ['metrics[0].target: target 0.99 would be red under these thresholds; a target must be green'],
  ],
  [
    'unknown pillar',
    withMetric({ pillar: 'nope' }),
    [
      'metrics[0].pillar: unknown pillar "nope" (known: reliability)',
      'pillars[0]: pillar "reliability" has no active metric',
    ],
  ],
  [
    'duplicate metric id',
    (c) => ({ ...c, metrics: [c.metrics[0], { ...c.metrics[0], indicator: 'lagging' }] }),
    ['metrics[1].id: duplicate metric id "uptime" (also metrics[0])'],
  ],
  [
    'duplicate pillar id',
    (c) => ({ ...c, pillars: [c.pillars[0], createPillar({ order: 2 })] }),
    ['pillars[1].id: duplicate pillar id "reliability" (also pillars[0])'],
  ],
  [
    'pillar with only lagging indicators',
    withMetric({ indicator: 'lagging' }),
    ['pillars[0]: pillar "reliability" has only lagging indicators; add at least one leading indicator'],
  ],
  [
    'retiring the only leading metric leaves lagging only',
    (c) => ({
      ...c,
      metrics: [
        { ...c.metrics[0], retired: { reason: 'replaced', approvedBy: 'CTO', date: '2026-10-01' } },
        createMetric({ id: 'mttr', indicator: 'lagging' }),
      ],
    }),
    ['pillars[0]: pillar "reliability" has only lagging indicators; add at least one leading indicator'],
  ],
  [
    'pillar without metrics',
    (c) => ({ ...c, pillars: [...c.pillars, createPillar({ id: 'empty', order: 2 })] }),
    ['pillars[1]: pillar "empty" has no active metric'],
  ],
  [
    'id not kebab-case',
    withMetric({ id: 'Uptime_SLO' }),
    ['metrics[0].id: must be kebab-case: lowercase letters and digits joined by single hyphens'],
  ],
  [
    'bad duration',
    withMetric({ freshness: { maxAge: '15 minutes' } }),
    ['metrics[0].freshness.maxAge: must be a duration such as 15m, 6h, 7d or 2w'],
  ],
  [
    'unknown indicator',
    withMetric({ indicator: 'trailing' }),
    ['metrics[0].indicator: must be one of leading, lagging'],
  ],
  ['unknown field', withMetric({ colour: 'green' }), ['metrics[0].colour: is not a catalog field']],
  [
    'two sources',
    withMetric({
      source: { prometheus: { datasourceUid: 'p', expr: 'up' }, sql: { datasourceUid: 's', rawSql: 'select 1' } },
    }),
    ['metrics[0].source: must name exactly one source: prometheus or sql'],
  ],
  [
    'sql without rawSql',
    withMetric({ source: { sql: { datasourceUid: 's' } } }),
    ['metrics[0].source.sql.rawSql: is required'],
  ],
  ['wrong apiVersion', (c) => ({ ...c, apiVersion: 'candor/v2' }), ['apiVersion: must be candor/v1']],
  [
    'missing question',
    (c) => ({ ...c, pillars: [{ id: 'reliability', title: 'R', order: 1 }] }),
    ['pillars[0].question: every pillar answers an executive question'],
  ],
  [
    'password in a connection string',
    withMetric({
      source: { sql: { datasourceUid: 's', rawSql: 'select 1 -- postgres://grafana:hunter22@db:5432/ops' } },
    }),
    [
      "metrics[0].source.sql.rawSql: looks like a secret (a password in a URL); a catalog reaches every viewer's browser, keep secrets in the datasource's secure settings",
    ],
  ],
  [
    'token in a description',
    withMetric({ description: 'Use api_key=sk_live_abcdef123456 to call it' }),
    [
      "metrics[0].description: looks like a secret (a credential assignment); a catalog reaches every viewer's browser, keep secrets in the datasource's secure settings",
    ],
  ],
  [
    'item thresholds ordered against the direction',
    withMetric({ items: { label: 'severity', thresholds: { critical: { green: 0.9, amber: 0.95 } } } }),
    [
      'metrics[0].items.thresholds.critical: for higher-is-better the green boundary (0.9) must be ≥ the amber boundary (0.95)',
    ],
  ],
  [
    'item thresholds for an item that is not expected',
    withMetric({
      items: { label: 'severity', expected: ['critical'], thresholds: { crtical: { green: 1, amber: 0.5 } } },
    }),
    ['metrics[0].items.thresholds.crtical: "crtical" is not one of the expected items (critical)'],
  ],
  [
    'a secret under a secret-looking key',
    withMetric({ source: { prometheus: { datasourceUid: 'p', expr: 'up', password: 'hunter2hunter' } } }),
    [
      'metrics[0].source.prometheus.password: is not a catalog field',
      'metrics[0].source.prometheus.password: looks like a secret (a value under "password"); a catalog reaches every viewer\'s browser, keep secrets in the datasource\'s secure settings',
    ],
  ],
  [
    'a retirement date that does not exist',
    withMetric({ retired: { reason: 'x', approvedBy: 'CTO', date: '2026-02-30' } }),
    ['metrics[0].retired.date: is not a real date', 'pillars[0]: pillar "reliability" has no active metric'],
  ],
  [
    'order that is not an integer',
    (c) => ({ ...c, pillars: [{ ...c.pillars[0], order: 1.5 }] }),
    ['pillars[0].order: must be an integer'],
  ],
  ['freshness that is not a mapping', withMetric({ freshness: '15m' }), ['metrics[0].freshness: must be a mapping']],
  [
    'thresholds without amber',
    withMetric({ thresholds: { green: 0.999 } }),
    ['metrics[0].thresholds.amber: thresholds need an amber boundary'],
  ],
  [
    'no thresholds at all',
    without('thresholds'),
    ['metrics[0].thresholds: every metric needs thresholds: a green and an amber boundary'],
  ],
];

/** A second metric in the same pillar, named or labelled to collide with the first ("Uptime"). */
const withSecond =
  (over: Record<string, unknown>): Change =>
  (c) => ({ ...c, metrics: [c.metrics[0], { ...c.metrics[0], id: 'uptime-eu', ...over }] });

/** What the scorecard shows: whole names, labels told apart as a reader sees them, plain text, bounded escalation. */
const shownCases: Array<[string, Change, string[]]> = [
  ['a label of 28 characters', withMetric({ label: 'x'.repeat(28) }), []],
  [
    'a label of 29 characters',
    withMetric({ label: 'x'.repeat(29) }),
    ['metrics[0].label: 29 characters; a label is at most 28, so the row never cuts it'],
  ],
  [
    'a name of 29 characters without a label',
    withMetric({ name: 'y'.repeat(29) }),
    [
      'metrics[0].label: the name has 29 characters; add a label of at most 28 for the scorecard row (the name stays in the evidence and the docs)',
    ],
  ],
  ['a long name with a short label', withMetric({ name: 'y'.repeat(60), label: 'Uptime' }), []],
  [
    'an invisible label',
    withMetric({ label: '\u200b ' }),
    ['metrics[0].label: must be readable: letters, not only spaces or invisible characters'],
  ],
  [
    "a label equal to another row's name",
    withSecond({ name: 'Uptime in the EU', label: 'uptime ' }),
    ['metrics[1].label: "uptime " is also the label of metrics[0]; each row needs its own'],
  ],
  ...(
    [
      ['a zero-width space', 'Up\u200btime'],
      ['a no-break space and doubled spaces', 'Uptime\u00a0 '],
      ['full-width letters', 'Ｕｐｔｉｍｅ'],
    ] as const
  ).map(([what, label]): [string, Change, string[]] => [
    `a label that reads as another row's, with ${what}`,
    withSecond({ name: 'Uptime in the EU', label }),
    [`metrics[1].label: "${label}" is also the label of metrics[0]; each row needs its own`],
  ]),
  ...(
    [
      ['a right-to-left override in a label', { label: 'Uptime \u202e%9.99' }, 'label', 'U+202E'],
      ['a direction isolate in a name', { name: 'Uptime \u2067EU\u2069' }, 'name', 'U+2067'],
      ['a line break in a label', { label: 'Uptime\n(30 days)' }, 'label', 'U+000A'],
      ['a terminal escape in an owner', { owner: 'Head of SRE\u001b[2J' }, 'owner', 'U+001B'],
    ] as const
  ).map(([what, over, field, code]): [string, Change, string[]] => [
    what,
    withMetric(over),
    [`metrics[0].${field}: contains ${code}, a control or text-direction character; write the text plainly`],
  ]),
  [
    'a pillar question with a right-to-left override',
    (c) => ({ ...c, pillars: [{ ...c.pillars[0], question: 'Is it \u202estable?' }] }),
    ['pillars[0].question: contains U+202E, a control or text-direction character; write the text plainly'],
  ],
  [
    'the escalation limits at their bounds',
    (c) => ({ ...c, escalation: { amberWithoutAction: '7d', redFor: '1d' } }),
    [],
  ],
  [
    'escalation limits looser than their bounds',
    (c) => ({ ...c, escalation: { amberWithoutAction: '8d', redFor: '31d' } }),
    [
      'escalation.amberWithoutAction: 8d is outside 1h…7d: Amber must never be ignored: at most a week without an action',
      'escalation.redFor: 31d is outside 1d…30d: Red must never be normalised: at most 30 days before it is critical',
    ],
  ],
  [
    'an escalation limit below its bound',
    (c) => ({ ...c, escalation: { amberWithoutAction: '59m' } }),
    [
      'escalation.amberWithoutAction: 59m is outside 1h…7d: Amber must never be ignored: at most a week without an action',
    ],
  ],
];

describe('validateCatalog: what the scorecard shows, a good catalog + one change', () => {
  it.each(shownCases)('%s', (_name, change, expected) => {
    const { problems } = validateCatalog(change(createCatalog()));
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(expected);
  });
});

describe('validateCatalog: a good catalog + one change', () => {
  it('accepts the good catalog', () => {
    expect(validateCatalog(createCatalog())).toEqual({ catalog: createCatalog(), problems: [] });
  });

  it.each(cases)('%s', (_name, change, expected) => {
    const { problems, catalog } = validateCatalog(change(createCatalog()));
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(expected);
    expect(catalog === undefined).toBe(expected.length > 0);
  });

  it('rejects an impossible retirement date (the pillar then has no active metric either)', () => {
    const { problems } = validateCatalog(
      withMetric({ retired: { reason: 'x', approvedBy: 'CTO', date: '2026-13-45' } })(createCatalog())
    );
    expect(problems.map((p) => p.path)).toContain('metrics[0].retired.date');
  });
});

describe('validateCatalog reports everything at once', () => {
  it('lists structural and semantic problems of different metrics together', () => {
    const c = createCatalog({
      metrics: [
        createMetric({ unit: 'percentage' }),
        {
          ...createMetric({ id: 'second' }),
          owner: undefined as unknown as string,
          links: [{ title: 'x', url: 'file:///etc/passwd' }],
        },
      ],
    });
    const lines = validateCatalog(c).problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        'metrics[1].owner: every metric needs an owner',
        'metrics[0].unit: unknown Grafana unit "percentage" (did you mean percent?)',
        'metrics[1].links[0].url: only http and https links are allowed',
      ])
    );
  });
});

describe('parsing', () => {
  it('reports YAML syntax errors with line and column', () => {
    const { syntaxErrors } = parseYaml('apiVersion: candor/v1\npillars: [\n  - a\n');
    expect(syntaxErrors.length).toBeGreaterThan(0);
    expect(syntaxErrors[0]).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
    expect(syntaxErrors[0].line).toBeGreaterThanOrEqual(2);
  });

  it('treats a duplicate key as a syntax error, not a silent override', () => {
    const { syntaxErrors } = parseYaml('a: 1\na: 2\n');
    expect(syntaxErrors).toHaveLength(1);
    expect(syntaxErrors[0].message).toMatch(/unique/i);
    expect(syntaxErrors[0].line).toBe(2);
  });

  it('loads a valid catalog from YAML', () => {
    const yaml = JSON.stringify(createCatalog());
    expect(loadCatalog(yaml)).toMatchObject({ catalog: createCatalog(), problems: [], syntaxErrors: [] });
  });
});

describe('hasVisibleName', () => {
  it.each([
    ['Head of SRE', true],
    ['ＣＩＳＯ', true],
    ['Équipe données', true],
    ['财务总监', true],
    ['', false],
    ['\u200b', false],
    ['\u200e\u200f\ufeff', false],
    ['- / 42', false],
    ['\u3164', false],
    ['\uFFA0\u115F', false],
  ])('%j: %s', (text, visible) => {
    expect(hasVisibleName(text)).toBe(visible);
  });
});

describe('quotedVariables', () => {
  it.each([
    ["WHERE env = '$env'", ["'$env'"]],
    ["WHERE env = '${env:raw}' OR x = '[[team]]'", ["'${env:raw}'", "'[[team]]'"]],
    ['WHERE env = $env AND t IN ($teams)', []],
    ["WHERE time > '$__timeFrom()' AND label = 'literal $ sign'", []],
  ])('%s', (sql, found) => {
    expect(quotedVariables(sql)).toEqual(found);
  });
});
