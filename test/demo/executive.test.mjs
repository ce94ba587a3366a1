// node --test test/demo/: the second catalog's demo data (seed/executive.mjs, docs/demo-scenario.md "Executive
// performance (second catalog)") as the generated SQL holds it: the schema of docs/demo-schema.md declares its tables
// and feeds, every KPI's history runs exactly from its "90 days before" figure to its current one within its range,
// the marketing feed never synced, and the initiatives and risks registers tell the scenario's story. The expected
// figures are written out here, not imported from the seed, so a change to either shows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { accessSql, tablesSql, tableNames } from './schema.mjs';
import { KPIS } from './seed/executive.mjs';
import { feedSyncTimes, seedSql } from './seed/index.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DAY = 86_400_000;
const HOUR = 3_600_000;
// Mid-day, a second after midnight UTC and a millisecond before it: the KPI days are UTC days whatever T0's time.
const T0S = [
  Date.parse('2026-12-09T10:30:00Z'),
  Date.parse('2026-03-01T00:00:01Z'),
  Date.parse('2026-02-28T23:59:59.999Z'),
];

// [kpi, feed, current, 90 days before, min, max, whole number]
const EXPECTED_KPIS = [
  ['api_p95_ms', 'engineering', 180, 200, 0, Infinity],
  ['bug_resolution_h', 'engineering', 24, 30, 0, Infinity],
  ['feature_delivery_d', 'engineering', 14, 18, 0, Infinity],
  ['code_quality', 'engineering', 8.5, 8.2, 0, 10],
  ['pipeline_eur', 'sales', 3800000, 3300000, 0, Infinity],
  ['win_rate', 'sales', 0.35, 0.33, 0, 1],
  ['sales_cycle_d', 'sales', 45, 50, 0, Infinity],
  ['cac_eur', 'sales', 2400, 3200, 0, Infinity],
  ['deal_size_eur', 'sales', 28000, 25000, 0, Infinity],
  ['leads_month', 'marketing', 200, 150, 0, Infinity, true],
  ['lead_conversion', 'marketing', 0.12, 0.1, 0, 1],
  ['brand_awareness', 'marketing', 0.15, 0.12, 0, 1],
  ['content_engagement', 'marketing', 4.2, 4.0, 0, 5],
  ['marketing_roi', 'marketing', 3.2, 2.9, 0, Infinity],
  ['retention', 'customer_success', 0.92, 0.88, 0, 1],
  ['nps', 'customer_success', 67, 62, -100, 100, true],
  ['support_rating', 'customer_success', 4.8, 4.7, 0, 5],
  ['time_to_value_d', 'customer_success', 45, 56, 0, Infinity],
  ['churn', 'customer_success', 0.032, 0.037, 0, 1],
  ['arr_eur', 'finance', 1200000, 970000, 0, Infinity],
  ['mrr_eur', 'finance', 100000, 87000, 0, Infinity],
  ['revenue_growth', 'finance', 0.33, 0.28, -1, Infinity],
  ['gross_margin', 'finance', 0.78, 0.75, 0, 1],
  ['nrr', 'finance', 1.15, 1.1, 0, Infinity],
  ['burn_eur_month', 'finance', 45000, 50500, 0, Infinity],
  ['ltv_eur', 'finance', 18500, 13700, 0, Infinity],
  ['ltv_cac', 'finance', 7.7, 4.3, 0, Infinity],
  ['payback_months', 'finance', 8, 9.4, 0, Infinity],
  ['runway_months', 'finance', 14, 16, 0, Infinity],
  ['market_share', 'market', 0.023, 0.018, 0, 1],
  ['team_satisfaction', 'people', 0.85, 0.81, 0, 1],
];

const NEW_FEEDS = {
  finance: 3 * HOUR,
  sales: 2 * HOUR,
  customer_success: 4 * HOUR,
  engineering: 1 * HOUR,
  people: 6 * HOUR,
  market: 5 * HOUR,
  initiatives: 2 * HOUR,
  risks: 3 * HOUR,
};
const OLD_FEEDS = [
  'incidents',
  'vulnerabilities',
  'security_incidents',
  'compliance',
  'deployments',
  'cloud_costs',
  'crm',
  'surveys',
  'escalations',
];

/** The values of one SQL row tuple list "(a, 'b', NULL), (…)" as JS values (strings, numbers, null, booleans). */
function parseTuples(text) {
  const rows = [];
  let row;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '(') {
      row = [];
      i++;
    } else if (c === ')') {
      rows.push(row);
      row = undefined;
      i++;
    } else if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (text[i] === "'" && text[i + 1] === "'") {
          s += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else {
          s += text[i++];
        }
      }
      row.push(s);
    } else if (/[\s,]/.test(c)) {
      i++;
    } else {
      const m = /^(NULL|true|false|-?[0-9.]+(?:e[-+]?\d+)?)/i.exec(text.slice(i));
      assert.ok(m && row, `unexpected SQL at ${JSON.stringify(text.slice(i, i + 40))}`);
      const tok = m[1];
      row.push(tok === 'NULL' ? null : tok === 'true' ? true : tok === 'false' ? false : Number(tok));
      i += tok.length;
    }
  }
  return rows;
}

/** Every row the seed inserts into `table`, as objects keyed by column. */
function rowsOf(sql, table) {
  const out = [];
  for (const m of sql.matchAll(/^INSERT INTO (\w+) \(([^)]*)\) VALUES\n([\s\S]*?);$/gm)) {
    if (m[1] !== table) {
      continue;
    }
    const columns = m[2].split(', ');
    for (const values of parseTuples(m[3])) {
      assert.equal(values.length, columns.length, `${table}: a row has as many values as columns`);
      out.push(Object.fromEntries(columns.map((c, k) => [c, values[k]])));
    }
  }
  return out;
}

const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const dayOf = (t0, days) => isoDay(Math.floor(t0 / DAY) * DAY + days * DAY);
const SQLS = new Map(T0S.map((t0) => [t0, seedSql(t0)]));

test('docs/demo-schema.md declares kpi_daily, initiatives and risks, with the columns the seed fills', () => {
  const schema = tablesSql();
  const names = tableNames();
  for (const table of ['kpi_daily', 'initiatives', 'risks']) {
    assert.ok(names.includes(table), `${table} is a table of "## Tables"`);
  }
  // Every table the seed writes is declared, and each INSERT names only declared columns.
  const sql = SQLS.get(T0S[0]);
  for (const m of sql.matchAll(/^INSERT INTO (\w+) \(([^)]*)\) VALUES$/gm)) {
    assert.ok(names.includes(m[1]), `${m[1]} is declared in docs/demo-schema.md`);
    const body = new RegExp(`CREATE TABLE ${m[1]} \\(([\\s\\S]*?)\\n\\);`).exec(schema)[1];
    const declared = body.split('\n').map((l) => /^\s+(\w+)\s/.exec(l)?.[1]);
    for (const column of m[2].split(', ')) {
      assert.ok(declared.includes(column), `${m[1]}.${column} is declared`);
    }
  }
});

test("feed_sync's CHECK lists the old feeds and the second catalog's nine, marketing included", () => {
  const check = /CREATE TABLE feed_sync \([\s\S]*?CHECK \(feed IN \(([^)]*)\)\)/.exec(tablesSql());
  assert.ok(check, 'feed_sync has a CHECK (feed IN (…))');
  const listed = [...check[1].matchAll(/'(\w+)'/g)].map((m) => m[1]);
  assert.deepEqual(listed.sort(), [...OLD_FEEDS, ...Object.keys(NEW_FEEDS), 'marketing'].sort());
  for (const feed of Object.keys(feedSyncTimes(T0S[0]))) {
    assert.ok(listed.includes(feed), `${feed} passes the CHECK`);
  }
});

test("the read-only role's SELECT is schema-wide, so it covers the new tables without a grant each", () => {
  const access = accessSql();
  assert.match(access, /GRANT SELECT ON ALL TABLES IN SCHEMA public TO candor_grafana;/);
  assert.match(access, /ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO candor_grafana;/);
  assert.doesNotMatch(access, /^GRANT SELECT ON (?!ALL TABLES IN SCHEMA)/m, 'no per-table grants to keep in step');
});

test('feed_sync: the new feeds synced as the scenario says, marketing (and security_incidents) never', () => {
  for (const [t0, sql] of SQLS) {
    const t = Math.floor(t0 / 1000) * 1000;
    const synced = Object.fromEntries(rowsOf(sql, 'feed_sync').map((r) => [r.feed, t - Date.parse(r.synced_at)]));
    for (const [feed, age] of Object.entries(NEW_FEEDS)) {
      assert.equal(synced[feed], age, `${feed} synced ${age / HOUR} h before T0`);
    }
    assert.ok(!('marketing' in synced), 'the marketing feed has no feed_sync row');
    assert.ok(!('security_incidents' in synced), 'the security incidents feed still has none');
    assert.equal(Object.keys(synced).length, OLD_FEEDS.length - 1 + Object.keys(NEW_FEEDS).length);
  }
});

test("every KPI of the scenario is seeded, by the scenario's feed; the KPIs of docs/demo-schema.md agree", () => {
  assert.deepEqual(
    KPIS.map((k) => [k.kpi, k.feed]),
    EXPECTED_KPIS.map(([kpi, feed]) => [kpi, feed])
  );
  // The doc's KPI table: "| `feed` | `kpi` | …" rows, a blank feed cell continuing the feed above.
  const doc = fs.readFileSync(path.join(ROOT, 'docs/demo-schema.md'), 'utf8');
  let feed;
  const documented = [];
  for (const m of doc.matchAll(/^ *\| (?:`(\w+)`)? +\| `(\w+)` +\|/gm)) {
    feed = m[1] ?? feed;
    documented.push([m[2], feed]);
  }
  assert.deepEqual(
    documented,
    EXPECTED_KPIS.map(([kpi, f]) => [kpi, f])
  );
});

test('kpi_daily: one row a UTC day for 401 days, exact now and 90 days before, in range, ±0.5 % off the line', () => {
  for (const [t0, sql] of SQLS) {
    const rows = rowsOf(sql, 'kpi_daily');
    assert.equal(rows.length, EXPECTED_KPIS.length * 401);
    assert.equal(new Set(rows.map((r) => `${r.kpi} ${r.day}`)).size, rows.length, 'the primary key holds');
    for (const [kpi, feed, current, before, min, max, int] of EXPECTED_KPIS) {
      const mine = rows.filter((r) => r.kpi === kpi);
      // The last day is the day of the feed's sync (T0's day for marketing, which never synced).
      const last = feedSyncTimes(t0)[feed] ?? t0;
      assert.deepEqual(
        mine.map((r) => r.day),
        Array.from({ length: 401 }, (_, i) => dayOf(last, i - 400)),
        `${kpi}: the days from its sync's day − 400 to its sync's day, in order`
      );
      const byDay = new Map(mine.map((r) => [r.day, r.value]));
      assert.equal(byDay.get(dayOf(last, 0)), current, `${kpi} on its sync's day`);
      assert.equal(byDay.get(dayOf(last, -90)), before, `${kpi} 90 days before`);
      let wobbled = 0;
      let open = 0; // days whose line is off 0 (a clamped 0 has no room to wobble) and off the two exact days
      mine.forEach(({ value }, i) => {
        const k = 400 - i;
        assert.equal(typeof value, 'number', `${kpi}: a number`);
        assert.ok(value >= min && value <= max, `${kpi} ${value} (day −${k}) within [${min}, ${max}]`);
        if (int) {
          assert.ok(Number.isInteger(value), `${kpi} ${value} (day −${k}) is a whole number`);
        }
        const line = Math.min(max, Math.max(min, current + ((before - current) * k) / 90));
        const slack = Math.abs(line) * 0.005 * (1 + 1e-5) + (int ? 0.5 : 1e-12);
        assert.ok(Math.abs(value - line) <= slack, `${kpi} ${value} (day −${k}) within 0.5 % of ${line}`);
        if (line !== 0 && k !== 0 && k !== 90) {
          open++;
          wobbled += Math.abs(value - line) > 1e-9 ? 1 : 0;
        }
      });
      if (!int) {
        assert.ok(wobbled > 0.95 * open, `${kpi}: the figures wobble around the line (${wobbled} of ${open} days)`);
      }
    }
  }
});

test('the seed is deterministic: the same T0 gives the same SQL', () => {
  assert.equal(seedSql(T0S[0]), SQLS.get(T0S[0]));
});

test('initiatives: Series A at risk, UK expansion late, the feature work on track with two milestones', () => {
  for (const [t0, sql] of SQLS) {
    const updated = new Date(Math.floor(t0 / 1000) * 1000 - 2 * HOUR).toISOString();
    assert.deepEqual(rowsOf(sql, 'initiatives'), [
      {
        id: 'series-a',
        title: 'Series A funding',
        owner: 'CEO',
        started_on: dayOf(t0, -60),
        due_on: dayOf(t0, 60),
        progress: 30,
        target: '€8M raised',
        milestones: null,
        updated_at: updated,
      },
      {
        id: 'uk-expansion',
        title: 'UK market expansion',
        owner: 'CMO',
        started_on: dayOf(t0, -120),
        due_on: dayOf(t0, -10),
        progress: 45,
        target: '25 UK customers, a local team of 5',
        milestones: null,
        updated_at: updated,
      },
      {
        id: 'ai-features',
        title: 'Product feature development',
        owner: 'CTO',
        started_on: dayOf(t0, -30),
        due_on: dayOf(t0, 60),
        progress: 35,
        target: '3 AI features released',
        milestones: `${dayOf(t0, -10)}:20;${dayOf(t0, 30)}:70`,
        updated_at: updated,
      },
    ]);
  }
});

test('risks: four rows within the CHECKs; the economic downturn review is overdue', () => {
  for (const [t0, sql] of SQLS) {
    const updated = new Date(Math.floor(t0 / 1000) * 1000 - 3 * HOUR).toISOString();
    const rows = rowsOf(sql, 'risks');
    const row = (id, title, owner, probability, impact, mitigation, progress, review) => ({
      id,
      title,
      owner,
      probability,
      impact,
      mitigation,
      mitigation_progress: progress,
      review_on: dayOf(t0, review),
      updated_at: updated,
    });
    assert.deepEqual(rows, [
      row('big-tech', 'Big Tech competition', 'CEO', 0.8, 4, 'Differentiation strategy', 70, 20),
      row('talent', 'Talent shortage', 'CHRO', 0.9, 4, 'Competitive compensation', 85, 5),
      row('downturn', 'Economic downturn', 'CFO', 0.4, 4, 'Revenue diversification', 60, -10),
      row('churn', 'Customer churn', 'CRO', 0.6, 3, 'Retention program', 40, 10),
    ]);
    for (const r of rows) {
      assert.ok(r.probability >= 0 && r.probability <= 1);
      assert.ok(Number.isInteger(r.impact) && r.impact >= 1 && r.impact <= 5);
      assert.ok(r.mitigation_progress >= 0 && r.mitigation_progress <= 100);
    }
    const overdue = rows.filter((r) => r.review_on < isoDay(t0)).map((r) => r.id);
    assert.deepEqual(overdue, ['downturn']);
  }
});

test("docs/demo-scenario.md's new section adds no row to the status table the integration test reads", () => {
  // test/integration/scenario.test.ts reads every "| `metric-id` | status |" row of the doc as the default catalog's.
  const doc = fs.readFileSync(path.join(ROOT, 'docs/demo-scenario.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| `([a-z0-9-]+)` +\| (\w+) +\|/gm)].map((m) => m[1]);
  const scenario = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/demo/scenario.json'), 'utf8'));
  assert.deepEqual(rows.sort(), Object.keys(scenario.metrics).sort());
  assert.match(doc, /^## Executive performance \(second catalog\)$/m);
});
