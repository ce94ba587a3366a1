/**
 * The executive performance catalog on LIVE data (docs/demo-scenario.md, "Executive performance"): its executive
 * dashboard and the engineering department's, as provisioned (provisioning/audience-dashboards/), over the demo
 * stack's PostgreSQL and Prometheus and the owners' recorded actions. Every row's status and shown colour, the
 * summary above the pillars, the initiatives and risks, the tiers, and the truth the seed's own page got wrong:
 * never "excellent" while churn is red.
 */
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

import { ROOT, TEST_ID, cutNames, openScorecard } from './harness';

const dashboardUid = (audience: string): string =>
  JSON.parse(
    fs.readFileSync(
      path.join(ROOT, `provisioning/audience-dashboards/executive-performance/${audience}/${audience}.json`),
      'utf8'
    )
  ).uid;

/** metric id or id/item -> [status, shown colour], as docs/demo-scenario.md says. */
const ENGINEERING: Record<string, [string, string]> = {
  'platform-uptime': ['green', 'green'],
  'api-response-time': ['amber', 'amber'],
  'bug-resolution-time': ['amber', 'amber'],
  'feature-delivery-time': ['amber', 'amber'],
  'code-quality': ['amber', 'red'],
};
const EXPECTED: Record<string, [string, string]> = {
  ...ENGINEERING,
  'pipeline-value': ['amber', 'amber'],
  'win-rate': ['amber', 'amber'],
  'sales-cycle': ['amber', 'red'],
  cac: ['amber', 'amber'],
  'deal-size': ['amber', 'red'],
  'lead-generation': ['noData', 'red'],
  'conversion-rate': ['noData', 'red'],
  'brand-awareness': ['noData', 'red'],
  'content-engagement': ['noData', 'red'],
  'marketing-roi': ['noData', 'red'],
  'customer-retention': ['amber', 'amber'],
  nps: ['amber', 'amber'],
  'support-rating': ['amber', 'red'],
  'time-to-value': ['amber', 'amber'],
  'churn-rate': ['red', 'red'],
  arr: ['amber', 'amber'],
  mrr: ['green', 'green'],
  'revenue-growth': ['amber', 'red'],
  'gross-margin': ['green', 'green'],
  'net-revenue-retention': ['green', 'green'],
  'burn-rate': ['amber', 'amber'],
  ltv: ['amber', 'amber'],
  'ltv-cac': ['green', 'green'],
  'payback-period': ['amber', 'red'],
  runway: ['amber', 'amber'],
  'market-share': ['green', 'green'],
  'team-satisfaction': ['amber', 'amber'],
  'strategic-initiatives/Series A funding': ['amber', 'amber'],
  'strategic-initiatives/UK market expansion': ['red', 'red'],
  'strategic-initiatives/Product feature development': ['green', 'green'],
  'risk-register/Talent shortage': ['red', 'red'],
  'risk-register/Big Tech competition': ['red', 'red'],
  'risk-register/Economic downturn': ['stale', 'red'],
  'risk-register/Customer churn': ['amber', 'amber'],
};

async function rowsOf(page: Page): Promise<Record<string, [string, string]>> {
  const seen = await page
    .getByTestId(TEST_ID.metric)
    .evaluateAll((els) =>
      els.map((el) => [
        el.dataset.item ? `${el.dataset.metricId}/${el.dataset.item}` : el.dataset.metricId,
        el.dataset.state,
        el.dataset.status,
      ])
    );
  return Object.fromEntries(seen.map(([key, state, status]) => [key, [state, status]]));
}

test.describe('the executive performance dashboards on live data', () => {
  test('the executive dashboard: every row as the scenario says, and never excellent while churn is red', async ({
    page,
  }) => {
    await openScorecard(page, { data: 'live' }, `/d/${dashboardUid('executive')}`);
    expect(await rowsOf(page)).toEqual(EXPECTED);
    await expect(page.getByTestId(TEST_ID.header)).toHaveAttribute('data-status', 'red');
    // "32 /100 health": the number before the scale.
    const score = parseInt(await page.getByTestId('candor-score').innerText(), 10);
    expect(Number.isInteger(score)).toBe(true);
    expect(score).toBeLessThanOrEqual(59);
    await expect(page.getByTestId(TEST_ID.scorecard)).not.toContainText(/excellent|healthy/i);
    const pillars = await page
      .getByTestId(TEST_ID.pillar)
      .evaluateAll((els) => els.map((el) => [el.dataset.pillarId, el.dataset.status]));
    expect(Object.fromEntries(pillars)).toEqual({
      engineering: 'red',
      sales: 'red',
      marketing: 'red',
      'customer-success': 'red',
      finance: 'red',
      company: 'amber',
      initiatives: 'red',
      risks: 'red',
    });
    expect(await cutNames(page)).toEqual([]);
  });

  test('the summary leads: five metrics with value, target and status, the status from evidence only', async ({
    page,
  }) => {
    await openScorecard(page, { data: 'live' }, `/d/${dashboardUid('executive')}`);
    const summary = page.getByTestId('candor-summary-item');
    const entries = await summary.evaluateAll((els) => els.map((el) => [el.dataset.metricId, el.dataset.status]));
    expect(entries).toEqual([
      ['arr', 'amber'],
      ['customer-retention', 'amber'],
      ['market-share', 'green'],
      ['team-satisfaction', 'amber'],
      ['platform-uptime', 'green'],
    ]);
    await expect(summary.first()).toContainText('€1.2M');
    await expect(summary.first()).toContainText('target ≥ €2.5M');
    const summaryBox = (await page.getByTestId('candor-summary').boundingBox())!;
    const attentionBox = (await page.getByTestId(TEST_ID.attention).boundingBox())!;
    expect(summaryBox.y).toBeLessThan(attentionBox.y);
  });

  test('initiatives and risks: late, at risk and on track; risks by exposure, the stale one never green', async ({
    page,
  }) => {
    await openScorecard(page, { data: 'live' }, `/d/${dashboardUid('executive')}`);
    const initiatives = page.locator('[data-testid="candor-pillar"][data-pillar-id="initiatives"]');
    await expect(initiatives.locator('[data-item="UK market expansion"]')).toContainText('45% done · late');
    // The forecast at the pace so far is on the row itself, beside the due date.
    await expect(initiatives.locator('[data-item="Series A funding"]')).toContainText(
      /due \d{4}-\d{2}-\d{2}, forecast \d{4}-\d{2}-\d{2}/
    );
    await expect(initiatives.locator('[data-item="Series A funding"]')).toContainText('30% done · at risk');
    await expect(initiatives.locator('[data-item="Product feature development"]')).toContainText('35% done · on track');
    const risks = page.locator('[data-testid="candor-pillar"][data-pillar-id="risks"] [data-testid="candor-metric"]');
    expect(await risks.evaluateAll((els) => els.map((el) => el.dataset.item))).toEqual([
      'Talent shortage',
      'Big Tech competition',
      'Economic downturn',
      'Customer churn',
    ]);
    await expect(
      page.locator('[data-testid="candor-pillar"][data-pillar-id="risks"] [data-item="Talent shortage"]')
    ).toContainText('mitigation 85%');
    const downturn = page.locator('[data-testid="candor-attention-item"][data-item="Economic downturn"]');
    await expect(downturn).toContainText('review was due');
    await expect(downturn).toHaveAttribute('data-status', 'red');
  });

  test('the tiers count every open item with its response window; what is past its window is said', async ({
    page,
  }) => {
    await openScorecard(page, { data: 'live' }, `/d/${dashboardUid('executive')}`);
    const tiers = await page
      .getByTestId('candor-tier-count')
      .evaluateAll((els) => els.map((el) => [el.dataset.tier, Number(el.dataset.count), Number(el.dataset.breached)]));
    const attention = await page.getByTestId(TEST_ID.attentionItem).count();
    expect(tiers.map(([tier]) => tier)).toEqual(['critical', 'high', 'medium', 'low']);
    expect(tiers.reduce((n, [, count]) => n + (count as number), 0)).toBe(attention);
    const critical = tiers[0];
    // Churn (red for months) and the five marketing metrics without data are critical; all five marketing ones are
    // past "now" unanswered, churn is answered by its retention programme (an open action on time).
    expect(critical.slice(1)).toEqual([6, 5]);
  });

  test('the engineering department sees its pillar only, without the company summary', async ({ page }) => {
    await openScorecard(page, { data: 'live' }, `/d/${dashboardUid('engineering')}`);
    expect(await rowsOf(page)).toEqual(ENGINEERING);
    await expect(page.getByTestId(TEST_ID.pillar)).toHaveCount(1);
    await expect(page.getByTestId(TEST_ID.pillar)).toHaveAttribute('data-pillar-id', 'engineering');
    await expect(page.getByTestId('candor-summary')).toHaveCount(0);
    await expect(page.getByTestId(TEST_ID.pillar)).toContainText('Engineering · CTO');
    // The department head sees what needs attention with its actions, the overdue one first among equals.
    const strip = page.getByTestId(TEST_ID.attention);
    await expect(strip.locator('[data-metric-id="code-quality"]')).toContainText('overdue since');
    await expect(strip.locator('[data-metric-id="api-response-time"]')).toContainText(
      'Action: Deploy the API performance improvements'
    );
  });

  test('the board sees the summary, finance, initiatives and risks; what the summary shows counts in its verdict', async ({
    page,
  }) => {
    await openScorecard(page, { data: 'live' }, `/d/${dashboardUid('board')}`);
    const pillars = await page.getByTestId(TEST_ID.pillar).evaluateAll((els) => els.map((el) => el.dataset.pillarId));
    expect(pillars).toEqual(['finance', 'initiatives', 'risks']);
    await expect(page.getByTestId('candor-summary-item')).toHaveCount(5);
    const rows = await rowsOf(page);
    expect(Object.keys(rows)).not.toContain('platform-uptime');
    expect(rows.arr).toEqual(EXPECTED.arr);
    // Customer retention is in no pillar the board sees, but it is on the page (the summary): it needs attention.
    await expect(
      page.locator('[data-testid="candor-attention-item"][data-metric-id="customer-retention"]')
    ).toHaveCount(1);
  });
});
