// Seed of the CRM, surveys, escalations and billing feeds, relative to T0.
// Scenario: churn 1.7 % (green), NPS about 35 (amber), 3 open escalations at the escalations feed's last sync 9 h ago
// (stale), cloud cost +9 % month over month (amber), about $36 per active customer (green), month-to-date spend 14 %
// over the prorated budget (red).
import { DAY, HOUR, insert, isoDay, prng, startOfUtcDay, ts, date } from './sql.mjs';

const PLANS = ['starter', 'business', 'business', 'enterprise'];
const WORDS_A = ['North', 'Blue', 'Bright', 'Silver', 'Open', 'Global', 'Civic', 'Lumen', 'Atlas', 'Harbor'];
const WORDS_B = ['Media', 'Studios', 'Learning', 'Films', 'Academy', 'Broadcast', 'Press', 'Labs', 'Stories', 'Works'];

/** Customers and churn. Returns the SQL and the number of customers active at the CRM sync. */
export function seedCustomers(crmSync) {
  const rnd = prng(23);
  const customers = [];
  for (let k = 0; k < 600; k++) {
    const name = `${WORDS_A[k % 10]} ${WORDS_B[Math.floor(k / 10) % 10]} ${Math.floor(k / 100) + 1}`;
    customers.push({ id: `ACC-${10001 + k}`, name, plan: PLANS[k % 4], signed: crmSync - (2 + k * 1.8) * DAY });
  }
  const churn = new Map();
  // 170 churns spread over [-400 d, -31 d] (about 3 % a month: amber then), each at least 30 days after signing.
  const older = customers.filter((c) => c.signed <= crmSync - 90 * DAY);
  while (churn.size < 170) {
    const c = rnd.pick(older);
    if (!churn.has(c.id)) {
      const from = Math.max(c.signed + 30 * DAY, crmSync - 400 * DAY);
      churn.set(c.id, Math.round(rnd.between(from, crmSync - 31 * DAY)));
    }
  }
  // The last 30 days: 1.8 % of the customers active 30 days ago churned.
  const base = customers.filter((c) => c.signed <= crmSync - 30 * DAY && !churn.has(c.id));
  const recent = Math.round(0.018 * base.length);
  while ([...churn.values()].filter((t) => t > crmSync - 30 * DAY).length < recent) {
    const c = rnd.pick(base);
    if (!churn.has(c.id)) {
      churn.set(c.id, Math.round(crmSync - rnd.between(2, 28) * DAY));
    }
  }
  const reasons = ['price', 'moved to in-house tooling', 'project ended', 'quality of dubbing', 'acquired'];
  const sql = [
    insert(
      'customers',
      ['id', 'name', 'plan', 'signed_at'],
      customers.map((c) => [c.id, c.name, c.plan, ts(Math.round(c.signed))])
    ),
    insert(
      'churn_events',
      ['customer_id', 'churned_at', 'reason', 'mrr_lost_usd'],
      [...churn.entries()].map(([id, at], i) => [id, ts(at), reasons[i % reasons.length], 150 + (i % 9) * 50])
    ),
  ].join('\n');
  return { sql, customers, active: customers.length - churn.size };
}

/** NPS answers, 3 a day for 130 days: NPS 32 in the last 60 days, 42 before. */
export function seedSurveys(surveySync, customers) {
  const recent = [10, 9, 8, 6, 9, 7, 10, 8, 9, 5, 7, 9, 10, 8, 3, 9, 7, 8, 10, 9, 8, 6, 9, 7, 10];
  const older = [10, 9, 8, 7, 9, 7, 10, 8, 9, 6, 7, 9, 10, 8, 9, 9, 7, 8, 10, 9, 8, 7, 9, 7, 8];
  const rows = [];
  let n = 0;
  for (let k = 129; k >= 0; k--) {
    for (let j = 2; j >= 0; j--) {
      const at = surveySync - k * DAY - j * 7 * HOUR - HOUR;
      const pattern = k < 60 ? recent : older;
      const score = pattern[n % pattern.length];
      rows.push([`NPS-${String(++n).padStart(5, '0')}`, customers[(n * 7) % customers.length].id, ts(at), score, null]);
    }
  }
  return insert('nps_responses', ['id', 'customer_id', 'responded_at', 'score', 'comment'], rows);
}

/** Escalations: about one every 4 days, closed within 1-6 days; 3 open at the (stopped) feed's last sync. */
export function seedEscalations(escalationSync, customers) {
  const rnd = prng(31);
  const rows = [];
  let n = 0;
  const add = (opened, closed) => {
    const level = n % 5 === 0 ? 'executive' : 'engineering';
    n++;
    rows.push([
      `ESC-${String(n).padStart(4, '0')}`,
      rnd.pick(customers).id,
      level,
      ts(opened),
      closed,
      'Escalated ticket',
    ]);
  };
  for (let k = 120; k > 10; k -= 4) {
    const opened = Math.round(escalationSync - k * DAY + rnd.between(0, 2) * DAY);
    add(opened, ts(Math.round(opened + rnd.between(1, 6) * DAY)));
  }
  [8, 5, 2].forEach((d) => add(escalationSync - d * DAY, null));
  return insert('escalations', ['id', 'customer_id', 'level', 'opened_at', 'closed_at', 'summary'], rows);
}

const SHARES = [
  ['aws', 'compute', 0.42],
  ['aws', 'storage', 0.13],
  ['aws', 'cdn', 0.1],
  ['gcp', 'gpu-transcoding', 0.3],
  ['gcp', 'storage', 0.05],
];

/** Daily cloud costs for the 130 complete UTC days before T0's day, and monthly budgets. */
export function seedCosts(t0, activeCustomers) {
  const rnd = prng(5);
  const today = startOfUtcDay(t0);
  const growth = 1.09 ** (1 / 30); // +9 % per 30 days
  const days = Array.from({ length: 130 }, (_, i) => today - (130 - i) * DAY);
  const raw = days.map((_, i) => growth ** i * (1 + rnd.between(-0.03, 0.03)));
  // Scale: the last 30 days cost $36 per active customer.
  const scale = (36 * activeCustomers) / raw.slice(-30).reduce((a, b) => a + b, 0);
  const rows = [];
  const perDay = new Map();
  days.forEach((day, i) => {
    let total = 0;
    for (const [provider, service, share] of SHARES) {
      const cost = Math.round(raw[i] * scale * share * 100) / 100;
      total += cost;
      rows.push([date(day), provider, service, cost]);
    }
    perDay.set(isoDay(day), total);
  });
  // Budgets: the month of the last complete day is 14 % over its prorated budget; earlier months 7 %.
  const lastDay = isoDay(today - DAY);
  const months = new Map();
  for (const [day, total] of perDay) {
    const m = day.slice(0, 7);
    const entry = months.get(m) ?? { sum: 0, covered: 0 };
    if (m !== lastDay.slice(0, 7) || day <= lastDay) {
      entry.sum += total;
      entry.covered += 1;
    }
    months.set(m, entry);
  }
  const budgets = [...months.entries()].map(([m, { sum }]) => {
    const first = Date.parse(`${m}-01T00:00:00Z`);
    const next = new Date(first);
    next.setUTCMonth(next.getUTCMonth() + 1);
    const daysInMonth = Math.round((next.getTime() - first) / DAY);
    const isCurrent = m === lastDay.slice(0, 7);
    // Prorated over the days since the 1st (what the metric divides by), not over the days that have data.
    const daysSinceFirst = isCurrent ? Number(lastDay.slice(8, 10)) : daysInMonth;
    const over = isCurrent ? 1.14 : 1.07;
    return [date(first), Math.round(((sum * daysInMonth) / (daysSinceFirst * over)) * 100) / 100];
  });
  return [
    insert('cloud_costs', ['usage_date', 'provider', 'service', 'cost_usd'], rows),
    insert('budgets', ['month', 'amount_usd'], budgets),
  ].join('\n');
}
